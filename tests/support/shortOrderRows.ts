/**
 * A large order file of short rows (`C17,2024-03-09,12.5`), the shape that made imports
 * grow without bound: written by streaming to disk, up to a target size, from a seed.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { createRng } from "@/lib/ml/random";

export const SHORT_ORDER_HEADER = "customer_id,order_date,amount";

/** Writes lines until the file reaches `bytes`; returns the number of data rows. */
export async function writeShortOrderFile(path: string, bytes: number, { customers = 50_000, seed = 7 } = {}): Promise<number> {
  const rng = createRng(seed);
  const out = createWriteStream(path);
  let written = SHORT_ORDER_HEADER.length + 1;
  let rows = 0;
  out.write(`${SHORT_ORDER_HEADER}\n`);
  while (written < bytes) {
    let block = "";
    for (let i = 0; i < 10_000 && written + block.length < bytes; i++) {
      const month = String(1 + rng.int(12)).padStart(2, "0");
      const day = String(1 + rng.int(28)).padStart(2, "0");
      block += `C${rng.int(customers)},2024-${month}-${day},${(1 + rng.int(20_000)) / 100}\n`;
      rows++;
    }
    written += block.length;
    if (!out.write(block)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return rows;
}
