/**
 * The pieces that keep an import's memory bounded: readers hand records on in chunks, a
 * seeded reservoir sample (exact below its size), and the off-heap hash table.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { ImportError, openCustomers, openOrders } from "@/lib/import";
import { HashIndex, hash53 } from "@/lib/import/hashIndex";
import { Reservoir } from "@/lib/import/reservoir";
import { CHUNK_ROWS } from "@/lib/import/rows";

describe("reading in chunks", () => {
  test("an order file's records arrive in chunks of at most CHUNK_ROWS, all of them, in file order", async () => {
    const lines = Array.from({ length: 12_345 }, (_, i) => `C${i % 97},2024-01-${String((i % 28) + 1).padStart(2, "0")},${(i % 50) + 1}`);
    const reading = await openOrders(Buffer.from(["customer_id,order_date,amount", ...lines].join("\n")));
    const sizes: number[] = [];
    const rows: number[] = [];
    const file = await reading.read((chunk) => {
      sizes.push(chunk.records.length);
      rows.push(...chunk.rowNumbers);
    });
    expect(sizes).toEqual([CHUNK_ROWS, CHUNK_ROWS, 12_345 - 2 * CHUNK_ROWS]);
    expect(rows).toEqual(Array.from({ length: 12_345 }, (_, i) => i + 2));
    expect(file.rowsRead).toBe(12_345);
    expect(file.quality.customers).toBe(97);
  });
});

describe("reading in a worker thread", () => {
  const lines = Array.from({ length: 12_345 }, (_, i) => `C${i % 97},${i % 3 ? "2024-01-05" : "bad date"},${(i % 50) - 5},"Wines, red"`);
  const text = ["customer_id,order_date,amount,category", ...lines].join("\n");

  function tempFile(content: string): string {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "worker-read-")), "orders.csv");
    fs.writeFileSync(file, content);
    return file;
  }

  test("hands on the same chunks, errors and summary as reading in this thread", async () => {
    const file = tempFile(text);
    const readAll = async (inWorker: boolean) => {
      const chunks: unknown[] = [];
      const summary = await (await openOrders({ path: file }, { inWorker })).read((chunk) => void chunks.push(chunk));
      return { chunks, summary };
    };
    const here = await readAll(false);
    const there = await readAll(true);
    expect(there).toEqual(here);
    expect(here.summary.errorCount).toBe(4115);
    expect(here.chunks).toHaveLength(2);
  });

  test("profiles, with a custom column, come out of the worker as they do here", async () => {
    const real = fs.readFileSync(path.resolve("../shared/data/marketing_campaign.csv"), "utf8").trim().split(/\r?\n/);
    const file = tempFile(real.map((line, i) => `${line};${i === 0 ? "__proto__" : `tier ${i % 3}`}`).join("\n"));
    const readAll = async (inWorker: boolean) => {
      const chunks: unknown[] = [];
      const summary = await (await openCustomers({ path: file }, { inWorker })).read((chunk) => void chunks.push(chunk));
      return { chunks, summary };
    };
    const here = await readAll(false);
    expect(await readAll(true)).toEqual(here);
    expect(here.summary.rowsRead).toBe(2240);
    expect((here.chunks[0] as { records: { attributes: object }[] }).records[1].attributes).toEqual(JSON.parse('{"__proto__":"tier 2"}'));
  });

  test("an import error the worker meets arrives as one, with its code", async () => {
    const file = tempFile(text);
    const reading = await openOrders({ path: file }, { inWorker: true });
    // The file changes between the two readings: the second finds a quote that never closes.
    fs.writeFileSync(file, `${text}\nC1,2024-01-05,3,"never closed\n`);
    const error = await reading.read(() => {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: "malformed_csv" });
  });
});

describe("Reservoir", () => {
  test("holds every item below its size, and the same sample for the same seed above it", () => {
    const small = new Reservoir<number>(10);
    for (let i = 0; i < 7; i++) small.add(i);
    expect(small.items).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const draw = () => {
      const sample = new Reservoir<number>(100, 5);
      for (let i = 0; i < 10_000; i++) sample.add(i);
      return sample.items;
    };
    expect(draw()).toHaveLength(100);
    expect(draw()).toEqual(draw());
    // A uniform sample of 0…9,999 has its mean near 5,000.
    expect(Math.abs(draw().reduce((a, b) => a + b, 0) / 100 - 5_000)).toBeLessThan(1_000);
  });
});

describe("HashIndex", () => {
  test("keeps a number per hash through growth", () => {
    const index = new HashIndex();
    for (let i = 0; i < 5_000; i++) index.set(hash53(`key ${i}`), i);
    index.set(hash53("key 7"), 70);
    expect(index.size).toBe(5_000);
    expect(index.get(hash53("key 7"))).toBe(70);
    expect(index.get(hash53("key 4999"))).toBe(4_999);
    expect(index.get(hash53("absent"))).toBeUndefined();
  });
});
