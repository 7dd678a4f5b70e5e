/**
 * Export file names: what, from which run, on which day (the day of the export, UTC, as the
 * file is a snapshot taken then), e.g. "segment-affluent-frequent-buyers-run5-2026-12-02.csv".
 */

/** Letters NFKD does not split into a base letter and accents. */
const LETTERS: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", đ: "d", ð: "d", ł: "l", þ: "th", ı: "i" };

const MAX_SLUG = 60;

/** Lowercase ASCII words joined by "-": accents dropped, other characters as separators; "" when nothing is left. */
export function slugify(text: string): string {
  const ascii = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[ßæœøđðłþı]/g, (letter) => LETTERS[letter]);
  const slug = ascii.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return slug.length <= MAX_SLUG
    ? slug
    : slug
        .slice(0, MAX_SLUG)
        .replace(/-[^-]*$/, "")
        .replace(/-+$/, "");
}

/** "segment-<slug of the persona's name>", or "segment-<key>" when the name leaves no ASCII letters or digits. */
export function nameSegmentFile(name: string, segmentKey: number): string {
  return `segment-${slugify(name) || segmentKey}`;
}

/** "segments-run12-2026-11-29.csv". */
export function nameExportFile(what: string, runId: number, now: Date = new Date()): string {
  return `${what}-run${runId}-${now.toISOString().slice(0, 10)}.csv`;
}

/** RFC 6266: a plain ASCII `filename` for old clients and `filename*` (RFC 8187, UTF-8) for the exact name. */
export function formatContentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
