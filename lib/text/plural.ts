/** Counts in words, for every page, report and persona: "1 customer", "2,240 customers"; "— customers" when unknown. */
export function plural(value: number | null | undefined, singular: string, pluralForm = `${singular}s`): string {
  if (typeof value !== "number" || !Number.isFinite(value)) return `— ${pluralForm}`;
  return `${value.toLocaleString("en-US")} ${value === 1 ? singular : pluralForm}`;
}
