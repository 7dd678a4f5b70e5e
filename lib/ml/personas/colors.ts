/**
 * Persona colours: Tremor colour names (the Tailwind safelist covers every one), stored per
 * segment key so a persona keeps its colour from run to run. Fourteen, so no two segments of a
 * run share one up to k = 14; the most distinct come first.
 */
export const PERSONA_PALETTE = [
  "blue",
  "emerald",
  "violet",
  "amber",
  "rose",
  "cyan",
  "lime",
  "fuchsia",
  "orange",
  "teal",
  "indigo",
  "pink",
  "sky",
  "yellow",
] as const;

export type PersonaColor = (typeof PERSONA_PALETTE)[number];

/** The colour of segment `index` in a run with no history; the palette repeats after fourteen segments. */
export function personaColor(index: number): PersonaColor {
  if (!Number.isInteger(index) || index < 0) throw new Error(`personaColor: index must be an integer ≥ 0, got ${index}`);
  return PERSONA_PALETTE[index % PERSONA_PALETTE.length];
}

/**
 * One colour per segment of a run. `kept[i]` is the colour segment i carries over (a matched or
 * returning persona), null for a new one; earlier segments win a colour two would keep. A
 * segment without one takes a palette colour no other segment of the run has, preferring one
 * not in `recent` (colours of personas seen before and absent now, most recent first, so they
 * can come back in their colour), else the one seen longest ago.
 */
export function assignColors(kept: readonly (string | null)[], recent: readonly string[] = []): string[] {
  const taken = new Set<string>();
  const colors = kept.map((color) => {
    if (color === null || taken.has(color)) return null;
    taken.add(color);
    return color;
  });
  return colors.map((color, i) => {
    if (color !== null) return color;
    const free = PERSONA_PALETTE.filter((candidate) => !taken.has(candidate));
    const chosen = free.length === 0 ? personaColor(i) : (free.find((candidate) => !recent.includes(candidate)) ?? leastRecent(free, recent));
    taken.add(chosen);
    return chosen;
  });
}

function leastRecent(candidates: readonly string[], recent: readonly string[]): string {
  return [...candidates].sort((a, b) => recent.indexOf(b) - recent.indexOf(a))[0];
}
