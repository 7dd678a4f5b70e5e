/**
 * Hostile files through the whole import into a real SQLite database: each is imported or
 * refused, and a refused file leaves the customers exactly as they were.
 */
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { hostileFile } from "../support/hostileFiles";
import { useTestDatabase, type TestDatabase } from "./support/databases";

describe("hostile files imported into SQLite", () => {
  let database: TestDatabase;
  let db: typeof import("@/lib/db/internal/client").db;
  let importFile: typeof import("@/lib/services/importFile").importFile;

  beforeAll(async () => {
    database = await useTestDatabase("sqlite");
    ({ db } = await import("@/lib/db/internal/client"));
    ({ importFile } = await import("@/lib/services/importFile"));
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  async function customersHash(): Promise<string> {
    const rows = await db.customer.findMany({ orderBy: { id: "asc" }, omit: { importBatchId: true, updatedAt: true } });
    return createHash("sha256").update(JSON.stringify(rows)).digest("hex");
  }

  test("each file is imported or refused with a reason, and a refused one changes no customer", async () => {
    await fc.assert(
      fc.asyncProperty(hostileFile, async ({ kind, bytes }) => {
        const before = await customersHash();
        const batches = await db.importBatch.count();
        const summary = await importFile({ kind: "customers", source: Readable.from([Buffer.from(bytes)]), fileName: `${kind}.csv`, userId: null });
        expect(await db.importBatch.count()).toBe(batches + 1);
        if (summary.status === "SUCCEEDED") {
          // Without allowRejected, an accepted file had no bad row: every row read was written.
          expect(summary.rowsInserted + summary.rowsUpdated + summary.rowsUnchanged, kind).toBe(summary.rowsRead);
          expect(summary.rowsRejected).toBe(0);
          return;
        }
        expect(summary.error, kind).toMatch(/\w+/);
        expect(await customersHash()).toBe(before);
      }),
      { numRuns: 40, seed: 20261129 },
    );
  });

  test("a 1,000,001-column upload is refused for its header, and the event loop keeps answering meanwhile", async () => {
    const header = Array.from({ length: 1_000_001 }, (_, i) => `c${i}`).join(",");
    const bytes = Buffer.from(`${header}\n${"1,".repeat(1_000_000)}1\n`);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 65_536) }, (_, i) => bytes.subarray(i * 65_536, (i + 1) * 65_536));
    const batches = await db.importBatch.count();
    // Other work on the same event loop, as other requests would be: a timer that must keep firing.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const summary = await importFile({ kind: "orders", source: Readable.from(chunks), fileName: "wide.csv", userId: null });
    clearInterval(timer);

    expect(summary.status).toBe("REJECTED");
    expect(summary.error).toMatch(/^the header has more than [\d,]+ columns; the limit is 1,000$/);
    expect(await db.importBatch.count()).toBe(batches + 1);
    expect(ticks).toBeGreaterThan(0);
  });
});
