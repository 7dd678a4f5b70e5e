/** Refused imports on a real SQLite database: their message counts in thousands, and a file refused again and again is one row in Recent imports. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { useTestDatabase, type TestDatabase } from "./support/databases";

describe("refused imports on SQLite", () => {
  let database: TestDatabase;
  let dir: string;
  let lib: {
    db: typeof import("@/lib/db/internal/client").db;
    importFile: typeof import("@/lib/services/importFile").importFile;
    listImportHistory: typeof import("@/lib/db/imports/batches").listImportHistory;
  };

  beforeAll(async () => {
    database = await useTestDatabase("sqlite");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "history-"));
    const [{ db }, { importFile }, { listImportHistory }] = await Promise.all([
      import("@/lib/db/internal/client"),
      import("@/lib/services/importFile"),
      import("@/lib/db/imports/batches"),
    ]);
    lib = { db, importFile, listImportHistory };
  });

  afterAll(async () => {
    await lib?.db.$disconnect();
    await database?.drop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const upload = async (content: string, fileName = "profiles.csv", map?: Record<string, string>) => {
    const file = path.join(dir, fileName);
    fs.writeFileSync(file, content);
    return lib.importFile({ kind: "customers", source: file, fileName, userId: null, map });
  };

  test("an empty mapping, as the upload form and the CLI send without one, still refuses a file of the other kind", async () => {
    const orders = "customer_id,order_id,order_date,amount\nC1,O1,2024-01-05,19.90\n";
    expect(await upload(orders, "mapped.csv", {})).toMatchObject({ status: "REJECTED", code: "wrong_kind" });
    await lib.db.importBatch.deleteMany({ where: { fileName: "mapped.csv" } });
  });

  test("a refusal counts its problems with thousands separators", async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => `${i + 1};not a year`).join("\n");
    const summary = await upload(`ID;Year_Birth\n${rows}\n`, "bad-years.csv");
    expect(summary).toMatchObject({ status: "REJECTED", code: "rejected_rows" });
    expect(summary.error).toMatch(/^1,200 problems in the file, so nothing was imported\. First: row 2, column Year_Birth/);
  });

  test("three refused attempts at one file are one row with a count; the success after them is its own row", async () => {
    const orders = "customer_id,order_id,order_date,amount\nC1,O1,2024-01-05,19.90\n";
    // The refusal keeps the reader's typed code, so the upload route picks its status without reading the words.
    for (let i = 0; i < 3; i++) expect(await upload(orders)).toMatchObject({ status: "REJECTED", code: "wrong_kind" });
    expect(await upload("ID;Year_Birth;Income\n1;1970;72000\n")).toMatchObject({ status: "SUCCEEDED", code: null });

    const rows = await lib.listImportHistory();
    expect(rows.map((row) => [row.fileName, row.status, row.attempts])).toEqual([
      ["profiles.csv", "SUCCEEDED", 1],
      ["profiles.csv", "REJECTED", 3],
      ["bad-years.csv", "REJECTED", 1],
    ]);
    const batches = await lib.db.importBatch.findMany({ where: { status: "REJECTED", fileName: "profiles.csv" }, orderBy: { id: "asc" } });
    expect(rows[1]).toMatchObject({ id: batches[2].id, firstAttemptAt: batches[0].createdAt, attemptsAtLeast: false });
    expect(rows[1].error).toMatch(/^This looks like an order-lines file .*choose "Order lines"/);
  });
});
