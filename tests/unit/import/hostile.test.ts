/**
 * Property tests: whatever bytes arrive, the readers either return rows (with cell errors
 * where cells are bad) or refuse the file with an ImportError; nothing else escapes.
 */
import { Readable } from "node:stream";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ImportError, parseCustomers, parseOrders } from "@/lib/import";
import { hostileFile } from "../../support/hostileFiles";

const FIXTURE_IDS = new Set(["1001", "1002", "1003"]);

async function outcome<T>(read: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: ImportError }> {
  try {
    return { ok: true, value: await read };
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, error };
    throw new Error(`not an ImportError: ${String(error)}`);
  }
}

describe("hostile customer files", () => {
  test("are read or refused with a clear message, never crash, and never invent customers", async () => {
    await fc.assert(
      fc.asyncProperty(hostileFile, async ({ bytes }) => {
        const result = await outcome(parseCustomers(Readable.from([Buffer.from(bytes)]), { maxBytes: 1024 * 1024 }));
        if (!result.ok) {
          expect(result.error.message.length).toBeGreaterThan(10);
          return;
        }
        const { records, errors } = result.value;
        for (const record of records) expect(record.externalId.length).toBeGreaterThan(0);
        for (const error of errors) expect(error.row).toBeGreaterThanOrEqual(2);
        // Read rows are the fixture's rows or, for random bytes, rows of an unrecognisable file.
        if (records.some((record) => FIXTURE_IDS.has(record.externalId))) expect(records.length).toBeLessThanOrEqual(3);
      }),
      { numRuns: 300, seed: 20261129 },
    );
  });

  test("formula strings in text cells are kept verbatim, never evaluated or dropped", async () => {
    const text = ["ID;Year_Birth;Education;Marital_Status", "7;1970;=1+1;@SUM(A1)"].join("\n");
    const { records } = await parseCustomers(Readable.from([Buffer.from(text)]), { maxBytes: 1024 });
    expect(records[0]).toMatchObject({ externalId: "7", education: "=1+1", maritalStatus: "@SUM(A1)" });
  });

  test("Latin-1 text decodes to the right characters", async () => {
    const text = ["ID;Year_Birth;Education;Marital_Status", "8;1970;Graduation;Célibataire"].join("\n");
    const { records } = await parseCustomers(Readable.from([Buffer.from(text, "latin1")]), { maxBytes: 1024 });
    expect(records[0].maritalStatus).toBe("Célibataire");
  });
});

describe("hostile order files", () => {
  test("random bytes are read or refused, never crash", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
        await outcome(parseOrders(Readable.from([Buffer.from(bytes)]), { maxBytes: 1024 * 1024 }));
      }),
      { numRuns: 200, seed: 20261129 },
    );
  });
});
