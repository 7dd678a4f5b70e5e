/**
 * Recency / frequency / monetary quintile scores (1–5). Edges are the training quintiles;
 * recency is reversed so that a recent buyer scores 5. Frequency is the number of purchases
 * over all channels and monetary the total spend.
 */
import { quantiles } from "./stats";

export interface RfmEdges {
  recency: number[];
  frequency: number[];
  monetary: number[];
}

const QUINTILES = [0.2, 0.4, 0.6, 0.8];

export function fitRfmEdges(recency: number[], frequency: number[], monetary: number[]): RfmEdges {
  const edges = (values: number[]) => (values.length > 0 ? quantiles(values, QUINTILES) : QUINTILES.map(() => 0));
  return { recency: edges(recency), frequency: edges(frequency), monetary: edges(monetary) };
}

/** 1 + the number of edges strictly below the value: ties with an edge stay in the lower quintile. */
export function quintileScore(edges: readonly number[], value: number): number {
  let score = 1;
  for (const edge of edges) if (value > edge) score++;
  return score;
}

export function recencyScore(edges: readonly number[], recencyDays: number): number {
  return 6 - quintileScore(edges, recencyDays);
}
