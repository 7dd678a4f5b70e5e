/** Recent imports on a real SQLite database: a file refused again and again is one row with its count. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { useTestDatabase, type TestDatabase } from "./support/databases";

describe("Recent imports on SQLite", () => {
  let database: TestDatabase;
  let dir: string;
  let lib: {
    db: typeof import("@/lib/db/client").db;
    importFile: typeof import("@/lib/services/importFile").importFile;
    listImportHistory: typeof import("@/lib/db/imports").listImportHistory;
  };

  beforeAll(async () => {
    database = await useTestDatabase("sqlite");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "history-"));
    const [{ db }, { importFile }, { listImportHistory }] = await Promise.all([import("@/lib/db/client"), import("@/lib/services/importFile"), import("@/lib/db/imports")]);
    lib = { db, importFile, listImportHistory };
  });

  afterAll(async () => {
    await lib?.db.$disconnect();
    await database?.drop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const upload = async (content: string, kind: "customers" | "orders" = "customers") => {
    const file = path.join(dir, "profiles.csv");
    fs.writeFileSync(file, content);
    return (await lib.importFile({ kind, source: file, fileName: "profiles.csv", userId: null })).status;
  };

  test("three refused attempts at one file are one row with a count; the success after them is its own row", async () => {
    const orders = "customer_id,order_id,order_date,amount\nC1,O1,2024-01-05,19.90\n";
    for (let i = 0; i < 3; i++) expect(await upload(orders)).toBe("REJECTED");
    expect(await upload("ID;Year_Birth;Income\n1;1970;72000\n")).toBe("SUCCEEDED");

    const rows = await lib.listImportHistory();
    expect(rows.map((row) => [row.status, row.attempts])).toEqual([
      ["SUCCEEDED", 1],
      ["REJECTED", 3],
    ]);
    const batches = await lib.db.importBatch.findMany({ where: { status: "REJECTED" }, orderBy: { id: "asc" } });
    expect(rows[1]).toMatchObject({ id: batches[2].id, firstAttemptAt: batches[0].createdAt, attemptsAtLeast: false });
    expect(rows[1].error).toMatch(/^This looks like an order-lines file .*choose "Order lines"/);
  });
});
