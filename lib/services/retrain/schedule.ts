/**
 * Checking a retrain schedule before it is saved, and when it fires next. Uses node-cron, the
 * same parser the retrain scheduler runs the expression with, so what is accepted
 * here is what gets scheduled.
 */
import cron from "node-cron";
import type { RetrainSchedule } from "@/lib/db/settings";

/** What is wrong with a cron expression, one sentence per problem; empty when it is valid. */
export function findCronProblems(expression: string): string[] {
  const { valid, errors, fields } = cron.validateDetailed(expression);
  if (!valid) {
    // node-cron's messages name the field ("61 is a invalid expression for minute"); only the grammar needs help.
    return errors.length ? errors.map((error) => error.message.replace(/\ba invalid\b/, "an invalid")) : ["not a valid cron expression"];
  }
  // A retrain takes minutes: an optional seconds field firing several times a minute would only pile up skipped ticks.
  if (fields && fields.second.length > 1) return ["the seconds field must be a single value: at most one retrain a minute"];
  return [];
}

/**
 * The canonical spelling of an IANA time zone (e.g. "europe/berlin" → "Europe/Berlin"), or
 * null when the runtime does not know it. Aliases keep their name: "EST" stays "EST".
 */
export function canonicaliseTimeZone(name: string): string | null {
  try {
    const resolved = new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
    return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
  } catch {
    return null;
  }
}

/** Every IANA zone the runtime knows, for suggestions (UTC first: the runtime lists it under no region). */
export function listTimeZones(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];
}

/** When the schedule fires next, or null when it is off or cannot be scheduled. */
export function findNextScheduledRun(schedule: Pick<RetrainSchedule, "cron" | "timezone" | "enabled">): Date | null {
  if (!schedule.enabled || findCronProblems(schedule.cron).length || !canonicaliseTimeZone(schedule.timezone)) return null;
  // A created task is stopped: it never fires, and destroy() drops it from node-cron's registry.
  const task = cron.createTask(schedule.cron, () => undefined, { timezone: schedule.timezone });
  try {
    return task.getNextRuns(1)[0] ?? null;
  } finally {
    void task.destroy();
  }
}
