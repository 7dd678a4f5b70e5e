/**
 * Reader for the CDNOW cohort summaries in ../shared/data/cdnow (time unit: weeks), for CLV
 * tests and benches. The file with transactions has x, t_x, T, zbar; the other frequency, recency, T.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { RfmSummary } from "@/lib/ml/clv";

export const CDNOW_DIR = path.resolve(process.cwd(), "../shared/data/cdnow");
export const CDNOW_WITH_SPEND = path.join(CDNOW_DIR, "cdnow_customers_summary_with_transactions.csv");
export const CDNOW_SUMMARY = path.join(CDNOW_DIR, "cdnow_customers_summary.csv");

/** x, t_x, T and zbar (mean spend per repeat purchase, dollars) of the 2,357 CDNOW customers. */
export function readCdnow(): RfmSummary & { monetary: Float64Array } {
  const rows = readFileSync(CDNOW_WITH_SPEND, "utf8")
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== "")
    .map((line) => line.split(",").map(Number));
  return {
    frequency: Float64Array.from(rows, (row) => row[1]),
    recency: Float64Array.from(rows, (row) => row[2]),
    T: Float64Array.from(rows, (row) => row[3]),
    monetary: Float64Array.from(rows, (row) => row[4]),
  };
}
