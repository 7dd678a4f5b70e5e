/**
 * Campaign-targeting views of a score: cumulative gains and lift by decile, and the
 * contact threshold that maximises profit.
 */
import { checkBinary, orderByScore, type Labels, type Scores } from "./metrics";

export interface GainsRow {
  decile: number;
  contacted: number;
  responders: number;
  /** Share of all responders found in the top `decile` tenths. */
  cumulativeGain: number;
  /** cumulativeGain / (decile / 10): how many times better than contacting at random. */
  lift: number;
  /** Response rate within this tenth alone (null for an empty tenth of a tiny file). */
  decileResponseRate: number | null;
}

/**
 * Rows sorted by descending score (ties in input order), cut after round(n·d/10) rows for
 * d = 1..10.
 */
export function buildGainsTable(labels: Labels, scores: Scores): GainsRow[] {
  const { positives } = checkBinary(labels, scores, "buildGainsTable");
  if (positives === 0) throw new Error("gainsTable: no responders, gains are undefined");
  const order = orderByScore(scores);
  const rows: GainsRow[] = [];
  let responders = 0;
  let cut = 0;
  for (let decile = 1; decile <= 10; decile++) {
    const next = Math.round((order.length * decile) / 10);
    let inDecile = 0;
    for (; cut < next; cut++) inDecile += labels[order[cut]];
    responders += inDecile;
    const gain = responders / positives;
    const size = next - Math.round((order.length * (decile - 1)) / 10);
    rows.push({
      decile,
      contacted: next,
      responders,
      cumulativeGain: gain,
      lift: gain / (decile / 10),
      decileResponseRate: size > 0 ? inDecile / size : null,
    });
  }
  return rows;
}

export interface ProfitOptions {
  costPerContact?: number;
  revenuePerResponse?: number;
}

export interface ProfitThreshold {
  costPerContact: number;
  revenuePerResponse: number;
  /** Contact customers with score ≥ threshold; null when contacting nobody pays best. */
  threshold: number | null;
  contacted: number;
  responders: number;
  profit: number;
  contactAll: { contacted: number; responders: number; profit: number };
}

/**
 * Walks down the scores (tied scores are contacted together) and keeps the cut with the
 * highest profit = revenue × responders − cost × contacted; the first maximum wins, so
 * the smallest campaign with the best profit is chosen.
 */
export function findProfitThreshold(labels: Labels, scores: Scores, options: ProfitOptions = {}): ProfitThreshold {
  const { costPerContact = 3, revenuePerResponse = 11 } = options;
  const { positives } = checkBinary(labels, scores, "findProfitThreshold");
  if (!(costPerContact >= 0) || !(revenuePerResponse >= 0)) throw new Error("profitThreshold: cost and revenue must be ≥ 0");
  const order = orderByScore(scores);
  let best = { threshold: null as number | null, contacted: 0, responders: 0, profit: 0 };
  let responders = 0;
  for (let start = 0; start < order.length;) {
    const score = scores[order[start]];
    let end = start;
    while (end < order.length && scores[order[end]] === score) responders += labels[order[end++]];
    const profit = revenuePerResponse * responders - costPerContact * end;
    if (profit > best.profit) best = { threshold: score, contacted: end, responders, profit };
    start = end;
  }
  const contactAll = { contacted: order.length, responders: positives, profit: revenuePerResponse * positives - costPerContact * order.length };
  return { costPerContact, revenuePerResponse, ...best, contactAll };
}
