/**
 * Custom attributes against a real database, once per provider: 300 synthetic customers
 * imported with three columns beyond the marketing layout, the analyst's choice of one as a
 * feature picked up by a light retrain, and the customer list and its export filtered by an
 * attribute — a category, a number range, a name with a quote and a dot in it, and no match.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CUSTOMER_CSV_HEADER, formatCustomerLines } from "@/lib/data/importableCsv";
import { generateCustomers } from "@/lib/data/synthetic";
import { customerQuery, type CustomerQuery } from "@/lib/customers/query";
import type { TrainedModels } from "@/lib/ml/train";
import { useTestDatabase, type TestDatabase, type TestProvider } from "../support/databases";

const CUSTOMERS = 300;
const LIGHT = { spaces: ["standardized" as const], kMax: 4, folds: 3 };
const REGIONS = ["North", "South", "East"];
/** A header with a quote and a dot: a JSON path or SQL text built from it by hand would break. */
const ODD = 'Sales "EU".net';

/** Customer i's attributes: every 10th has no Employees, every 7th an odd value that is text. */
const employees = (i: number): number | null => (i % 10 === 9 ? null : i * 2);
const region = (i: number): string => REGIONS[i % 3];
const odd = (i: number): number | string => (i % 7 === 0 ? "unknown" : i % 5);

export function defineCustomAttributesSuite(provider: TestProvider): void {
  describe(`custom attributes on ${provider}`, () => {
    let database: TestDatabase;
    let tempDir: string;
    let runId: number;
    let ids: string[];
    let lib: {
      db: typeof import("@/lib/db/internal/client").db;
      listCustomerScores: typeof import("@/lib/db/scores/list").listCustomerScores;
      scoreFilterOf: typeof import("@/lib/customers/scoreFilter").scoreFilterOf;
      scorePageOf: typeof import("@/lib/customers/scoreFilter").scorePageOf;
      streamCustomerExport: typeof import("@/lib/services/customerExport").streamCustomerExport;
      listKnownAttributeNames: typeof import("@/lib/db/customers/attributes").listKnownAttributeNames;
      getRunArtifact: typeof import("@/lib/db/runs").getRunArtifact;
      runRetrain: typeof import("@/lib/services/retrain/runRetrain").runRetrain;
    };

    beforeAll(async () => {
      database = await useTestDatabase(provider);
      tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "attributes-"));
      const [
        { db },
        scores,
        { scoreFilterOf, scorePageOf },
        { streamCustomerExport },
        { listKnownAttributeNames },
        { getRunArtifact },
        { importFile },
        { saveAttributeFeatures },
        { runRetrain },
      ] = await Promise.all([
        import("@/lib/db/internal/client"),
        import("@/lib/db/scores/list"),
        import("@/lib/customers/scoreFilter"),
        import("@/lib/services/customerExport"),
        import("@/lib/db/customers/attributes"),
        import("@/lib/db/runs"),
        import("@/lib/services/importFile"),
        import("@/lib/db/settings"),
        import("@/lib/services/retrain/runRetrain"),
      ]);
      lib = {
        db,
        listCustomerScores: scores.listCustomerScores,
        scoreFilterOf,
        scorePageOf,
        streamCustomerExport,
        listKnownAttributeNames,
        getRunArtifact,
        runRetrain,
      };

      const customers = generateCustomers({ seed: 5, count: CUSTOMERS });
      ids = customers.map((customer) => customer.externalId);
      const lines = formatCustomerLines(customers).trimEnd().split("\n");
      const rows = lines.map((line, i) => `${line};${employees(i) ?? ""};${region(i)};${odd(i)}`);
      const file = path.join(tempDir, "customers.csv");
      fs.writeFileSync(file, `${CUSTOMER_CSV_HEADER};Employees;Region;"${ODD.replaceAll('"', '""')}"\n${rows.join("\n")}\n`);
      const imported = await importFile({ kind: "customers", source: file, fileName: "customers.csv", userId: null });
      expect(imported.status).toBe("SUCCEEDED");

      await saveAttributeFeatures(["Employees"], null);
      const outcome = await runRetrain({ trigger: "CLI", requestedById: null, config: LIGHT });
      expect(outcome.status).toBe("SUCCEEDED");
      runId = outcome.runId;
    });

    afterAll(async () => {
      await lib?.db.$disconnect();
      await database?.drop();
      if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
    });

    /** External ids of every customer the URL's filters keep, through the CSV export. */
    async function exported(search: Record<string, string>): Promise<string[]> {
      const query = customerQuery.parse(search);
      const response = await lib.streamCustomerExport({ what: "test", filter: (id) => lib.scoreFilterOf(id, query) });
      expect(response.status).toBe(200);
      return (parse(await response.text(), { columns: true }) as { customer_id: string }[]).map((record) => record.customer_id);
    }

    const expectedIds = (keep: (i: number) => boolean) => ids.filter((_, i) => keep(i)).sort();

    test("the custom attribute names come from the import reports", async () => {
      expect(await lib.listKnownAttributeNames()).toEqual([ODD, "Employees", "Region"].sort((a, b) => a.localeCompare(b)));
    });

    test("a retrain without attributes in its config segments on the attributes chosen in the setting, and the run records them", async () => {
      const run = await lib.db.modelRun.findUniqueOrThrow({ where: { id: runId } });
      expect((run.config as { attributeFeatures?: string[] }).attributeFeatures).toEqual(["Employees"]);
      const models = await lib.getRunArtifact<TrainedModels>(runId, "models");
      expect(models?.attributeFeatures?.columns).toEqual([{ name: "attribute:Employees", attribute: "Employees" }]);
    });

    test("a category filter keeps exactly the customers with that value, and the table shows it", async () => {
      expect((await exported({ attr: "Region", attrValue: "South" })).sort()).toEqual(expectedIds((i) => region(i) === "South"));
      const { rows } = await listPage(customerQuery.parse({ attr: "Region", attrValue: "South" }));
      expect(rows).toHaveLength(50);
      expect(new Set(rows.map((row) => row.attribute))).toEqual(new Set(["South"]));
    });

    test("a number range is inclusive and leaves out customers without the attribute", async () => {
      const kept = await exported({ attr: "Employees", attrMin: "100", attrMax: "200" });
      expect(kept.sort()).toEqual(expectedIds((i) => employees(i) !== null && employees(i)! >= 100 && employees(i)! <= 200));
      expect(kept).toHaveLength(46);
      expect((await exported({ attr: "Employees", attrMax: "10" })).sort()).toEqual(expectedIds((i) => employees(i) !== null && employees(i)! <= 10));
    });

    test("a name with a quote and a dot is read as it is; a range skips its text values, equality matches them", async () => {
      expect((await exported({ attr: ODD, attrMin: "3" })).sort()).toEqual(expectedIds((i) => typeof odd(i) === "number" && (odd(i) as number) >= 3));
      expect((await exported({ attr: ODD, attrValue: "unknown" })).sort()).toEqual(expectedIds((i) => odd(i) === "unknown"));
      expect((await exported({ attr: ODD, attrValue: "4" })).sort()).toEqual(expectedIds((i) => odd(i) === 4));
      const { rows } = await listPage(customerQuery.parse({ attr: ODD, attrValue: "unknown", sort: "id" }));
      expect(rows.map((row) => row.attribute)).toEqual(rows.map(() => "unknown"));
    });

    test("a search by the customer's own id keeps exactly that customer, with the other filters still applied", async () => {
      expect(await exported({ q: ids[7] })).toEqual([ids[7]]);
      expect(await exported({ q: ids[7], attr: "Region", attrValue: region(7) === "South" ? "North" : "South" })).toEqual([]);
      expect(await exported({ q: "nobody-by-this-id" })).toEqual([]);
      expect((await listPage(customerQuery.parse({ q: ids[7] }))).rows.map((row) => row.externalId)).toEqual([ids[7]]);
    });

    test("no match gives an empty list, as does an attribute no customer has", async () => {
      expect(await exported({ attr: "Region", attrValue: "north" })).toEqual([]);
      expect(await exported({ attr: "Employees", attrMin: "100000" })).toEqual([]);
      expect(await exported({ attr: 'Region\'; DROP TABLE "Customer"; --', attrValue: "x" })).toEqual([]);
      const { rows, hasNext } = await listPage(customerQuery.parse({ attr: "Nobody has this", attrMin: "0" }));
      expect({ rows, hasNext }).toEqual({ rows: [], hasNext: false });
      expect(await lib.db.customer.count()).toBe(CUSTOMERS);
    });

    /** The customer table's page for a query, as the page reads it. */
    function listPage(query: CustomerQuery) {
      return lib.listCustomerScores(lib.scoreFilterOf(runId, query), lib.scorePageOf(query));
    }

    // Last: it trains another run, which may become the active one the filters above read.
    test("a retrain whose config names its own attributes (none here) ignores the setting", async () => {
      const outcome = await lib.runRetrain({ trigger: "CLI", requestedById: null, config: { ...LIGHT, attributeFeatures: [] } });
      const run = await lib.db.modelRun.findUniqueOrThrow({ where: { id: outcome.runId } });
      expect((run.config as { attributeFeatures?: string[] }).attributeFeatures).toEqual([]);
      expect((await lib.getRunArtifact<TrainedModels>(outcome.runId, "models"))?.attributeFeatures ?? null).toBeNull();
    });
  });
}
