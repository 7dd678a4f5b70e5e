/** Persona colours: Tremor colour names, fixed so a segment keeps its colour across pages. */
export const PERSONA_PALETTE = ["blue", "emerald", "violet", "amber", "rose", "cyan", "lime", "fuchsia", "orange", "teal"] as const;

export type PersonaColor = (typeof PERSONA_PALETTE)[number];

/** The colour of segment `index`; the palette repeats after ten segments. */
export function personaColor(index: number): PersonaColor {
  if (!Number.isInteger(index) || index < 0) throw new Error(`personaColor: index must be an integer ≥ 0, got ${index}`);
  return PERSONA_PALETTE[index % PERSONA_PALETTE.length];
}
