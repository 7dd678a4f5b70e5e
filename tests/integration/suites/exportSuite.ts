/**
 * CSV exports against a real database: a seeded active run of 12,000 customers (more than
 * two keyset pages), streamed out and compared row by row with what the database holds. Large
 * exports are read and written by two worker threads, each taking every other range of customer
 * ids on a connection of its own (lib/export/csvPages.ts): their file must be byte for byte the
 * one this thread writes, whatever the filter, and a download cancelled mid-way must stop them
 * without a stray failure.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse } from "csv-parse/sync";
import type { ExportOptions } from "@/lib/db/scores/export";
import type { ScoreFilter } from "@/lib/db/scores/filter";
import type { CsvPageFormat } from "@/lib/export/customerCsv";
import { nameSegmentFile } from "@/lib/export/fileName";
import { countRunScores, readRunScoreRows } from "@/tests/support/runScores";
import { useTestDatabase, type TestDatabase, type TestProvider } from "../support/databases";

const CUSTOMERS = 12_000;

export function defineExportSuite(provider: TestProvider): void {
  describe(`CSV exports on ${provider}`, () => {
    let database: TestDatabase;
    let runId: number;
    let lib: {
      db: typeof import("@/lib/db/internal/client").db;
      streamCustomerExport: typeof import("@/lib/services/customerExport").streamCustomerExport;
      exports: typeof import("@/lib/db/scores/export");
      csvPages: typeof import("@/lib/export/csvPages");
    };

    beforeAll(async () => {
      database = await useTestDatabase(provider);
      const { seedScoredRun } = await import("@/tests/support/seedScoredRun");
      ({ runId } = await seedScoredRun({
        customers: CUSTOMERS,
        edits: [{ education: '=HYPERLINK("http://evil")' }, { maritalStatus: 'say, "hi"\nthere' }, { income: -3.5 }],
        scoreEdits: [
          { clv: null, clvLow: null, clvHigh: null, clvSource: null, clvNote: "no order lines and no purchase counts in the profile" },
          { responseProbability: null, responseNote: "outside the response model's training range" },
          { clvSource: "orders" },
        ],
      }));
      const [{ db }, { streamCustomerExport }, exports, csvPages] = await Promise.all([
        import("@/lib/db/internal/client"),
        import("@/lib/services/customerExport"),
        import("@/lib/db/scores/export"),
        import("@/lib/export/csvPages"),
      ]);
      lib = { db, streamCustomerExport, exports, csvPages };
    });

    afterAll(async () => {
      await lib?.db.$disconnect();
      await database?.drop();
    });

    async function exported(filter: (runId: number) => ScoreFilter, extra: object = {}) {
      const response = await lib.streamCustomerExport({ what: "test", filter, ...extra });
      expect(response.status).toBe(200);
      const text = await response.text();
      return { response, text, records: parse(text, { columns: true }) as Record<string, string>[] };
    }

    test("every scored customer is exported once, in id order, with its scores and attributes as stored", async () => {
      const { response, text, records } = await exported((id) => ({ runId: id }));
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(response.headers.get("content-disposition")).toMatch(
        new RegExp(`^attachment; filename="test-run${runId}-\\d{4}-\\d{2}-\\d{2}\\.csv"; filename\\*=UTF-8''test-run${runId}-`),
      );
      expect(text.charCodeAt(0)).toBe("c".charCodeAt(0));
      expect(text.split("\r\n")[0]).toMatch(
        /^customer_id,segment_id,segment_name,response_probability,clv_12m,clv_low,clv_high,p_alive,response_note,clv_source,clv_note,Year_Birth,Education,/,
      );
      expect(records).toHaveLength(CUSTOMERS);
      const scores = await readRunScoreRows(runId);
      const customers = new Map((await lib.db.customer.findMany()).map((customer) => [customer.id, customer]));
      records.forEach((record, i) => {
        const score = scores[i];
        const customer = customers.get(score.customerId)!;
        expect(record.customer_id).toBe(customer.externalId);
        expect(Number(record.segment_id)).toBe(score.segmentKey);
        expect(record.segment_name).toBe(`Segment ${String.fromCharCode(65 + score.segmentKey)}`);
        expect(record.response_probability).toBe(score.responseProbability === null ? "" : score.responseProbability.toFixed(4));
        expect(record.clv_12m).toBe(score.clv === null ? "" : String(score.clv));
        expect(record.p_alive).toBe(score.pAlive === null ? "" : score.pAlive.toFixed(4));
        expect(record.Income).toBe(customer.income === null ? "" : String(customer.income));
        expect(record.Dt_Customer).toBe(customer.dtCustomer?.toISOString().slice(0, 10) ?? "");
      });
    });

    test("why a customer has no response score or CLV, and where its CLV comes from, follow p_alive; empty where there is nothing to say", async () => {
      const { records } = await exported((id) => ({ runId: id }));
      const notes = ({ response_note, clv_source, clv_note, clv_12m, response_probability }: Record<string, string>) => ({
        response_note,
        clv_source,
        clv_note,
        clv_12m,
        response_probability,
      });
      expect(notes(records[0])).toMatchObject({
        response_note: "",
        clv_source: "",
        clv_note: "no order lines and no purchase counts in the profile",
        clv_12m: "",
      });
      expect(notes(records[1])).toEqual({
        response_note: "outside the response model's training range",
        clv_source: "profiles",
        clv_note: "",
        clv_12m: expect.any(String),
        response_probability: "",
      });
      expect(notes(records[2])).toMatchObject({ response_note: "", clv_source: "orders", clv_note: "" });
    });

    test("enrolment dates are the stored days whatever the server's time zone (UTC+9 here)", async () => {
      const stored = await lib.db.customer.findMany({ orderBy: { id: "asc" }, take: 50, select: { externalId: true, dtCustomer: true } });
      const zone = process.env.TZ;
      process.env.TZ = "Asia/Tokyo";
      try {
        const { records } = await exported((id) => ({ runId: id }));
        const byId = new Map(records.map((record) => [record.customer_id, record.Dt_Customer]));
        for (const customer of stored) expect(byId.get(customer.externalId)).toBe(customer.dtCustomer?.toISOString().slice(0, 10) ?? "");
      } finally {
        if (zone === undefined) delete process.env.TZ;
        else process.env.TZ = zone;
      }
    });

    test("hostile text is neutralised and quoted; a negative number stays a number", async () => {
      const { records } = await exported((id) => ({ runId: id }));
      expect(records[0].Education).toBe('\'=HYPERLINK("http://evil")');
      expect(records[1].Marital_Status).toBe('say, "hi"\nthere');
      expect(records[2].Income).toBe("-3.5");
    });

    test("one segment's export holds exactly that segment's members", async () => {
      const { records } = await exported((id) => ({ runId: id, segmentKeys: [2] }));
      expect(records.length).toBe(await countRunScores(runId, (score) => score.segmentKey === 2));
      expect(new Set(records.map((record) => record.segment_id))).toEqual(new Set(["2"]));
    });

    test("a segment's file is named after its persona; bom starts the file with EF BB BF", async () => {
      const response = await lib.streamCustomerExport({
        what: (run) => nameSegmentFile(run.segments.find((segment) => segment.segmentKey === 2)!.name, 2),
        filter: (id) => ({ runId: id, segmentKeys: [2] }),
        download: { bom: true },
      });
      expect(response.headers.get("content-disposition")).toMatch(
        new RegExp(`^attachment; filename="segment-segment-c-run${runId}-\\d{4}-\\d{2}-\\d{2}\\.csv";`),
      );
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 4)]).toEqual([0xef, 0xbb, 0xbf, "c".charCodeAt(0)]);
    });

    test("a top-N campaign list holds the N most likely responders, about 10% flagged as control, the same ones each time", async () => {
      const options = { order: "response" as const, limit: 7_000, control: { share: 0.1, seed: 3 } };
      const first = await exported((id) => ({ runId: id }), options);
      const again = await exported((id) => ({ runId: id }), options);
      expect(first.records).toHaveLength(7_000);
      const probabilities = first.records.map((record) => Number(record.response_probability));
      expect(probabilities).toEqual([...probabilities].sort((a, b) => b - a));
      // The file rounds to 4 decimals: the true cut-off lies within half a unit of the last one written.
      const cutoff = await countRunScores(runId, (score) => score.responseProbability !== null && score.responseProbability > probabilities.at(-1)! + 0.00005);
      expect(cutoff).toBeLessThanOrEqual(7_000);
      const control = first.records.filter((record) => record.control_group === "1").length;
      expect(control / 7_000).toBeGreaterThan(0.08);
      expect(control / 7_000).toBeLessThan(0.12);
      expect(again.records.map((record) => record.control_group)).toEqual(first.records.map((record) => record.control_group));
    });

    test("once an administrator sets a currency, the CLV headers name it in the same column order and the values stay plain numbers", async () => {
      const { saveMoneyFormat } = await import("@/lib/db/settings");
      const before = await exported((id) => ({ runId: id, segmentKeys: [1] }));
      await saveMoneyFormat({ currency: "EUR", locale: "de-DE" }, null);
      try {
        const after = await exported((id) => ({ runId: id, segmentKeys: [1] }));
        expect(after.text.split("\r\n")[0]).toMatch(
          /^customer_id,segment_id,segment_name,response_probability,clv_12m_eur,clv_low_eur,clv_high_eur,p_alive,response_note,clv_source,clv_note,Year_Birth,Education,/,
        );
        expect(after.records.map((record) => [record.clv_12m_eur, record.clv_low_eur, record.Income])).toEqual(
          before.records.map((record) => [record.clv_12m, record.clv_low, record.Income]),
        );
        expect(after.records.some((record) => /[€,]/.test(record.clv_12m_eur))).toBe(false);
      } finally {
        await lib.db.setting.delete({ where: { key: "display.money" } });
      }
    });

    /** The file as written on this thread: every page is text. */
    async function writtenHere(options: ExportOptions, pageFormat: CsvPageFormat): Promise<string> {
      let text = "";
      for await (const page of lib.csvPages.customerCsvPages(options, pageFormat, Infinity)) {
        if (typeof page !== "string") throw new Error("a page came from a worker thread");
        text += page;
      }
      return text;
    }

    /** The file as the threads write it: every page is their bytes, so a fallback to this thread cannot pass for them. */
    async function writtenInThreads(options: ExportOptions, pageFormat: CsvPageFormat): Promise<string> {
      const decoder = new TextDecoder();
      let text = "";
      for await (const page of lib.csvPages.customerCsvPages(options, pageFormat, 0)) {
        if (typeof page === "string") throw new Error("a page was written on this thread");
        text += decoder.decode(page);
      }
      return text;
    }

    describe("in two worker threads, the file this thread writes", () => {
      const format: CsvPageFormat = { names: [0, 1, 2, 3, 4].map((key) => [key, `Segment ${key}`]), control: null };

      test("every customer, hostile text and missing CLV included", async () => {
        const here = await writtenHere({ filter: { runId } }, format);
        expect(here.split("\r\n")).toHaveLength(CUSTOMERS + 1);
        expect(here).toContain(`'=HYPERLINK(""http://evil"")`);
        expect(await writtenInThreads({ filter: { runId } }, format)).toBe(here);
      });

      test("one segment, and a range of response probabilities: pages the filter leaves short or empty", async () => {
        for (const filter of [
          { runId, segmentKeys: [2] },
          { runId, responseProbability: { gte: 0.9 } },
          { runId, segmentKeys: [] },
        ]) {
          const here = await writtenHere({ filter }, format);
          expect(await writtenInThreads({ filter }, format)).toBe(here);
        }
      });

      test("a campaign list in customer order with its control group", async () => {
        const withControl = { ...format, control: { share: 0.1, seed: 3 } };
        const here = await writtenHere({ filter: { runId } }, withControl);
        expect(here.split("\r\n").filter((line) => line.endsWith(",1")).length).toBeGreaterThan(CUSTOMERS * 0.08);
        expect(await writtenInThreads({ filter: { runId } }, withControl)).toBe(here);
      });

      test("a download cancelled after its first page stops both threads, with nothing left to fail", async () => {
        const pages = lib.csvPages.customerCsvPages({ filter: { runId } }, format, 0);
        const first = await pages.next();
        expect(first.value).toBeInstanceOf(Uint8Array);
        expect(await pages.return(undefined)).toEqual({ done: true, value: undefined });
        expect(await pages.next()).toEqual({ done: true, value: undefined });
      });

      test("exports the threads do not take: a top-N list, a limit, a small run", async () => {
        expect(await lib.exports.exportPageQueries({ filter: { runId }, order: "response" }, 0)).toBeNull();
        expect(await lib.exports.exportPageQueries({ filter: { runId }, limit: 100 }, 0)).toBeNull();
        expect(await lib.exports.exportPageQueries({ filter: { runId } }, CUSTOMERS + 1)).toBeNull();
        expect(await lib.exports.exportPageQueries({ filter: { runId } }, CUSTOMERS)).toHaveLength(3);
      });

      test("a run whose customer ids are mostly gaps is written here: most of its ranges would be empty", async () => {
        const customers = await lib.db.customer.findMany({ select: { id: true }, orderBy: { id: "asc" } });
        const kept = new Set([...customers.slice(0, 100), ...customers.slice(-100)].map((customer) => customer.id));
        await lib.db.customer.deleteMany({ where: { id: { notIn: [...kept] } } });
        expect(await lib.exports.exportPageQueries({ filter: { runId } }, 0)).toBeNull();
      });
    });
  });
}
