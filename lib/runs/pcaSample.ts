/**
 * The points the segment scatter plots draw. A million customers cannot go to the browser,
 * so each run stores a seeded sample: every non-empty segment gets one point, the rest are
 * shared in proportion to segment size (largest remainder), so small segments stay visible
 * and the picture does not change between page loads.
 */
import { createRng } from "@/lib/ml/random";

/** First three principal components and the segment key of one customer. */
export type PcaPoint = [x: number, y: number, z: number, segmentKey: number];

export interface PcaSample {
  /** Customers the sample was drawn from. */
  population: number;
  /** Points, ordered by segment key, then by customer. */
  points: PcaPoint[];
}

export const PCA_SAMPLE_MAX = 5_000;

/** Points per segment: one each, the rest in proportion to size; ties go to the earlier segment. */
export function allocateStratumQuotas(sizes: readonly number[], maxPoints: number): number[] {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total <= maxPoints) return [...sizes];
  const quotas = sizes.map((size): number => (size > 0 ? 1 : 0));
  const reserved = quotas.reduce((sum, quota) => sum + quota, 0);
  if (reserved >= maxPoints) throw new Error(`allocateStratumQuotas: ${maxPoints} points cannot show ${reserved} segments`);
  const spare = maxPoints - reserved;
  const rest = sizes.map((size, i) => size - quotas[i]);
  const restTotal = total - reserved;
  const exact = rest.map((size) => (size * spare) / restTotal);
  exact.forEach((value, i) => (quotas[i] += Math.floor(value)));
  let left = spare - exact.reduce((sum, value) => sum + Math.floor(value), 0);
  const byRemainder = exact.map((value, i) => ({ i, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left-- <= 0) break;
    quotas[i]++;
  }
  return quotas;
}

const round = (value: number) => Math.round(value * 1e4) / 1e4;

/** pca: rows × 3, row-major; segmentKeys: the segment key of each row. */
export function samplePcaPoints(pca: ArrayLike<number>, segmentKeys: ArrayLike<number>, seed: number, maxPoints = PCA_SAMPLE_MAX): PcaSample {
  if (pca.length !== segmentKeys.length * 3) throw new Error(`samplePcaPoints: ${pca.length} coordinates for ${segmentKeys.length} rows (want 3 per row)`);
  const members = new Map<number, number[]>();
  for (let i = 0; i < segmentKeys.length; i++) {
    const list = members.get(segmentKeys[i]) ?? [];
    list.push(i);
    members.set(segmentKeys[i], list);
  }
  const keys = [...members.keys()].sort((a, b) => a - b);
  const quotas = allocateStratumQuotas(
    keys.map((key) => members.get(key)!.length),
    maxPoints,
  );
  const rng = createRng(seed);
  const points: PcaPoint[] = [];
  keys.forEach((key, s) => {
    const rows = members.get(key)!;
    const chosen = rng
      .sample(rows.length, quotas[s])
      .map((j) => rows[j])
      .sort((a, b) => a - b);
    for (const row of chosen) points.push([round(pca[row * 3]), round(pca[row * 3 + 1]), round(pca[row * 3 + 2]), key]);
  });
  return { population: segmentKeys.length, points };
}
