/**
 * Round numbers for chart axes. The charts (Tremor over Recharts) draw five y-axis ticks
 * evenly between the bounds they are given, so bounds four round steps apart give round ticks.
 */

/** The smallest 1, 2 or 5 × 10^k at or above `rough` (rough > 0). */
export function findNiceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) throw new Error(`findNiceStep: expected a positive number, got ${rough}`);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough * (1 - 1e-12))!;
  return round(step);
}

export interface Range {
  min: number;
  max: number;
}

/** The ranges metrics can take: an axis never runs beyond them. */
export const METRIC_RANGES = { auc: { min: 0, max: 1 }, silhouette: { min: -1, max: 1 } } as const satisfies Record<string, Range>;

const WINDOW_STEPS = [0.05, 0.1, 0.25, 0.5];
const round = (value: number) => Number(value.toPrecision(12));

/**
 * Y-axis bounds four round steps apart (0.05, 0.1, 0.25 or 0.5) that hold every value and stay
 * inside the metric's range; null when there is no value to show.
 */
export function fitMetricWindow(values: readonly (number | null | undefined)[], range: Range): Range | null {
  const shown = values.filter((value): value is number => typeof value === "number" && Number.isFinite(value));
  if (!shown.length) return null;
  const low = Math.max(range.min, Math.min(...shown));
  const high = Math.min(range.max, Math.max(...shown));
  for (const step of WINDOW_STEPS) {
    let min = round(Math.floor(round(low / step)) * step);
    let max = round(min + 4 * step);
    if (max > range.max) {
      max = range.max;
      min = round(max - 4 * step);
    }
    if (min >= range.min && max >= high) return { min, max };
  }
  return { ...range };
}
