/**
 * Reading an amount typed into the campaign planner (cost per contact, revenue per response):
 * an empty box or a negative amount is an error with a message, never a silent 0 or a value ignored.
 */
export const AMOUNT_MAX = 1_000_000;

export type AmountInput = { value: number; error: null } | { value: null; error: string };

/** `what` names the amount in the message, e.g. "a cost per contact". */
export function readAmount(text: string, what: string): AmountInput {
  const trimmed = text.trim();
  if (!trimmed) return { value: null, error: `Enter ${what}` };
  const value = Number(trimmed);
  const name = what.replace(/^(a|an) /, "");
  const named = name[0].toUpperCase() + name.slice(1);
  if (!Number.isFinite(value)) return { value: null, error: `${named} must be a number` };
  if (value < 0) return { value: null, error: `${named} must be 0 or more` };
  if (value > AMOUNT_MAX) return { value: null, error: `${named} must be at most ${AMOUNT_MAX.toLocaleString("en-US")}` };
  return { value, error: null };
}
