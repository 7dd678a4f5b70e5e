/** Formatting for the dashboards; "—" for unknown values, as on the run pages. */
const DASH = "—";
const finite = (value: number | null | undefined): value is number => typeof value === "number" && Number.isFinite(value);

/** A whole amount: "12,345". */
export function amount(value: number | null | undefined): string {
  return finite(value) ? Math.round(value).toLocaleString("en-US") : DASH;
}

/** A large amount in short form: "1.2M". */
export function compact(value: number | null | undefined): string {
  return finite(value) ? new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format(value) : DASH;
}

