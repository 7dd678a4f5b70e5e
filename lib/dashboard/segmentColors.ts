/**
 * Segment colours are stored as Tremor palette names (lib/ml/personas/colors.ts); Tremor's
 * charts and the Tailwind safelist take the names, the 3-D view needs the hex of the same
 * shade (Tailwind's 500, the one Tremor draws series in).
 */
const SHADE_500: Record<string, string> = {
  blue: "#3b82f6",
  emerald: "#10b981",
  violet: "#8b5cf6",
  amber: "#f59e0b",
  rose: "#f43f5e",
  cyan: "#06b6d4",
  lime: "#84cc16",
  fuchsia: "#d946ef",
  orange: "#f97316",
  teal: "#14b8a6",
  indigo: "#6366f1",
  pink: "#ec4899",
  sky: "#0ea5e9",
  yellow: "#eab308",
  gray: "#6b7280",
};

/** Hex for a stored colour: a palette name, or a hex value passed through. */
export function toColorHex(color: string): string {
  return /^#[0-9a-f]{6}$/i.test(color) ? color : (SHADE_500[color] ?? SHADE_500.gray);
}
