/**
 * Large exports are read and written by two worker threads, each taking every other range of
 * customer ids on a connection of its own (lib/export/csvPages.ts): the file must be byte for
 * byte the one this thread writes page by page, whatever the filter, and a download cancelled
 * mid-way must stop the threads without a stray failure.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ExportOptions } from "@/lib/db/scores/export";
import type { CsvPageFormat } from "@/lib/export/customerCsv";
import { useTestDatabase, type TestDatabase, type TestProvider } from "../support/databases";

/** Three ranges of 5,000 ids, the last one partly filled. */
const CUSTOMERS = 12_000;

export function defineExportThreadsSuite(provider: TestProvider): void {
  describe(`exports written in two threads on ${provider}`, () => {
    let database: TestDatabase;
    let runId: number;
    let format: CsvPageFormat;
    let lib: {
      db: typeof import("@/lib/db/internal/client").db;
      exports: typeof import("@/lib/db/scores/export");
      csvPages: typeof import("@/lib/export/csvPages");
    };

    beforeAll(async () => {
      database = await useTestDatabase(provider);
      const { seedScoredRun } = await import("@/tests/support/seedScoredRun");
      ({ runId } = await seedScoredRun({
        customers: CUSTOMERS,
        edits: [{ education: '=HYPERLINK("http://evil")' }, { maritalStatus: 'say, "hi"\nthere' }, { income: -3.5 }],
        scoreEdits: [{ clv: null, clvLow: null, clvHigh: null, clvSource: null, clvNote: "no order lines and no purchase counts in the profile" }],
      }));
      const [{ db }, exports, csvPages] = await Promise.all([
        import("@/lib/db/internal/client"),
        import("@/lib/db/scores/export"),
        import("@/lib/export/csvPages"),
      ]);
      lib = { db, exports, csvPages };
      format = { names: [0, 1, 2, 3, 4].map((key) => [key, `Segment ${key}`]), control: null };
    }, 60_000);

    afterAll(async () => {
      await lib?.db.$disconnect();
      await database?.drop();
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

    describe("the two threads write the file this thread writes", () => {
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
}
