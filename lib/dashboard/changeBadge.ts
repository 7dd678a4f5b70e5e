/**
 * The colour language of change badges: no change is grey, better is green, worse is red,
 * "better" following the metric's direction. A change that rounds to nothing on screen is no change.
 */
export type BetterWhen = "higher" | "lower";
export type ChangeTone = "better" | "worse" | "same";

export const TONE_COLORS = { better: "emerald", worse: "rose", same: "gray" } as const satisfies Record<ChangeTone, string>;

const showsNothing = (shownMagnitude: string) => !/[1-9]/.test(shownMagnitude);

export function pickChangeTone(value: number, shownMagnitude: string, betterWhen: BetterWhen = "higher"): ChangeTone {
  if (value === 0 || showsNothing(shownMagnitude)) return "same";
  return value > 0 === (betterWhen === "higher") ? "better" : "worse";
}

/** The badge text: "+1.2k", "−3", and a plain "0" (never "+0") when the change rounds to nothing. */
export function describeChange(value: number, shownMagnitude: string): string {
  if (value === 0 || showsNothing(shownMagnitude)) return shownMagnitude;
  return value > 0 ? `+${shownMagnitude}` : `−${shownMagnitude}`;
}

export const pickChangeArrow = (tone: ChangeTone, value: number) => (tone === "same" ? "→" : value > 0 ? "↑" : "↓");
