/**
 * What the tour visits: every page in PAGE_RULES that a visitor may open, so a new page with a
 * rule joins the tour by itself. Public pages are toured signed out (they send a signed-in user
 * on); permission pages as each role whose permissions include it. Dynamic segments are filled
 * with real ids of the trained e2e database; a new dynamic page fails until it has one here.
 * A page that sends its visitor on (the forced password change, for a user who need not change
 * it) is checked where it lands.
 */
import { can, ROLES, type Role } from "@/lib/auth/roles";
import { PAGE_RULES } from "./accessRules";
import { readDatabase, scoreTableOf } from "./e2eDatabase";
import type { TrainedRunFacts } from "./trainedRunFacts";

export type Visitor = Role | "ANONYMOUS";
export const VISITORS: Visitor[] = ["ANONYMOUS", ...ROLES];

/** Query states that once broke a page, visited besides the plain page. */
const EXTRA_STATES: Record<string, string[]> = {
  "/customers": ["?page=-3", "?page=999999"],
};

export interface TourStop {
  /** The page's pattern in PAGE_RULES plus any query state, as the test is named. */
  name: string;
  pattern: string;
  query: string;
}

export function tourStops(visitor: Visitor): TourStop[] {
  return Object.entries(PAGE_RULES)
    .filter(([, rule]) => (rule === "public" ? visitor === "ANONYMOUS" : visitor !== "ANONYMOUS" && can(visitor, rule)))
    .flatMap(([pattern]) => ["", ...(EXTRA_STATES[pattern] ?? [])].map((query) => ({ name: pattern + query, pattern, query })));
}

export type TourIds = Record<string, string>;

/** The id that fills `[id]` in each dynamic page: things the trained run made. */
export function tourIds(facts: TrainedRunFacts): TourIds {
  const [customer] = readDatabase<{ externalId: string }>(
    `SELECT c.externalId FROM Customer c JOIN ${scoreTableOf(facts.runId)} s ON s.customerId = c.id WHERE s.runId = ? ORDER BY c.externalId LIMIT 1`,
    facts.runId,
  );
  const [batch] = readDatabase<{ id: number }>("SELECT id FROM ImportBatch WHERE status = 'SUCCEEDED' ORDER BY id LIMIT 1");
  if (!customer || !batch || facts.segments.length === 0) throw new Error("the trained e2e database has no scored customer, import or segment to tour");
  return {
    "/segments/[id]": String(facts.segments[0].segmentKey),
    "/customers/[id]": encodeURIComponent(customer.externalId),
    "/admin/runs/[id]": String(facts.runId),
    "/admin/import/[id]": String(batch.id),
  };
}

export function stopUrl(stop: TourStop, ids: TourIds): string {
  if (!stop.pattern.includes("[")) return stop.pattern + stop.query;
  const id = ids[stop.pattern];
  if (id === undefined) throw new Error(`the tour has no id for ${stop.pattern}: add one to tourIds() in tests/e2e/support/tour.ts`);
  return stop.pattern.replace("[id]", id) + stop.query;
}

/** A file name for the stop: "/customers/[id]" → "customers-id", "/" → "overview". */
export function stopSlug(stop: TourStop): string {
  return stop.name.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "overview";
}
