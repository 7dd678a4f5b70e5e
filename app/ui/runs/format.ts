/** Time formatting for the run pages (numbers: lib/text/numberFormat). Unknown values show as "—". */

const DASH = "—";

const finite = (value: number | null | undefined): value is number => typeof value === "number" && Number.isFinite(value);

/** "2026-11-22 08:52" in UTC, as on the import pages. */
export function formatUtc(date: Date | string | null | undefined): string {
  if (!date) return DASH;
  return new Date(date).toISOString().slice(0, 16).replace("T", " ");
}

export function formatDuration(ms: number | null | undefined): string {
  if (!finite(ms)) return DASH;
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms - minutes * 60_000) / 1_000)} s`;
}

/** How long a run took, or has been going for when it has not finished. */
export function formatRunDuration(run: { createdAt: Date; startedAt: Date | null; finishedAt: Date | null }, now = new Date()): string {
  const start = run.startedAt ?? run.createdAt;
  const took = formatDuration((run.finishedAt ?? now).getTime() - start.getTime());
  return run.finishedAt ? took : `${took} so far`;
}

/** Who asked for a run: the user, or where an unattended one came from. */
export function describeRequester(run: { trigger: string; requestedBy: { email: string } | null }): string {
  if (run.requestedBy) return run.requestedBy.email;
  return run.trigger === "CRON" ? "schedule" : run.trigger === "CLI" ? "command line" : "unknown";
}

/** A moment as the clock reads in a time zone, e.g. "Mon 23 Nov 2026, 03:30 CET". */
export function inTimeZone(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(date);
}
