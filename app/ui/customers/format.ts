/** Score formatting for the customer and campaign pages; missing scores show as "—". */
const DASH = "—";
const finite = (value: number | null | undefined): value is number => typeof value === "number" && Number.isFinite(value);

export function probability(value: number | null | undefined): string {
  return finite(value) ? `${(value * 100).toFixed(1)}%` : DASH;
}

export function money(value: number | null | undefined, digits = 0): string {
  return finite(value) ? value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }) : DASH;
}

/** A link's query string from a record, leaving out empty values. */
export function buildQueryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}
