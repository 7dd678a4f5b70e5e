/**
 * The customer table's search, filters, sort and page, as they stand in the URL of
 * /customers and of its CSV export. Pages are bounded so a deep page stays an index walk.
 */
import { z } from "zod";
import { blankToUndefined, optionalParam as optional } from "@/lib/text/queryParam";

export const PAGE_SIZE = 50;
/** 200 pages of 50: past 10,000 rows, narrow the filters instead of paging. */
export const MAX_PAGE = 200;

export const CUSTOMER_SORTS = ["id", "response", "clv", "alive"] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

const share = optional(z.coerce.number({ error: "must be a number" }).min(0, "must be from 0 to 1").max(1, "must be from 0 to 1"));
const amount = optional(z.coerce.number({ error: "must be a number" }).min(-1e12, "must be at least -1e12").max(1e12, "must be at most 1e12"));
const FROM_TO = "must not be below the “from” value";

/** A page number past either end is the nearest page that exists; a non-number is left for the schema to refuse. */
function clampPage(value: unknown): unknown {
  const page = blankToUndefined(value);
  if (page === undefined) return undefined;
  const number = Number(page);
  return Number.isFinite(number) ? Math.min(MAX_PAGE, Math.max(1, Math.trunc(number))) : page;
}

const attributeNumber = optional(z.coerce.number({ error: "must be a number" }).min(-1e15, "must be at least -1e15").max(1e15, "must be at most 1e15"));

export const customerQuery = z
  .object({
    q: optional(z.string().trim().min(1).max(64, "has at most 64 characters")),
    segment: optional(
      z.coerce.number({ error: "choose a segment from the list" }).int("choose a segment from the list").min(0, "choose a segment from the list"),
    ),
    pMin: share,
    pMax: share,
    clvMin: amount,
    clvMax: amount,
    aliveMin: share,
    aliveMax: share,
    /** A custom attribute, by its import header: equal to attrValue (a category), or within attrMin–attrMax (a number). */
    attr: optional(z.string().trim().min(1).max(200, "an attribute name has at most 200 characters")),
    attrValue: optional(z.string().trim().min(1).max(200, "a value has at most 200 characters")),
    attrMin: attributeNumber,
    attrMax: attributeNumber,
    sort: z.preprocess(blankToUndefined, z.enum(CUSTOMER_SORTS, { error: `must be one of ${CUSTOMER_SORTS.join(", ")}` }).default("id")),
    dir: z.preprocess(blankToUndefined, z.enum(["asc", "desc"], { error: "must be asc or desc" }).default("asc")),
    page: z.preprocess(clampPage, z.number({ error: "must be a page number" }).default(1)),
  })
  .refine((query) => !(query.pMin !== undefined && query.pMax !== undefined && query.pMin > query.pMax), { path: ["pMax"], message: FROM_TO })
  .refine((query) => !(query.clvMin !== undefined && query.clvMax !== undefined && query.clvMin > query.clvMax), { path: ["clvMax"], message: FROM_TO })
  .refine((query) => !(query.aliveMin !== undefined && query.aliveMax !== undefined && query.aliveMin > query.aliveMax), {
    path: ["aliveMax"],
    message: FROM_TO,
  })
  .refine((query) => !(query.attrMin !== undefined && query.attrMax !== undefined && query.attrMin > query.attrMax), { path: ["attrMax"], message: FROM_TO })
  .refine((query) => query.attr !== undefined || [query.attrValue, query.attrMin, query.attrMax].every((value) => value === undefined), {
    path: ["attr"],
    message: "choose the attribute the value or range is for",
  })
  .refine((query) => query.attr === undefined || [query.attrValue, query.attrMin, query.attrMax].some((value) => value !== undefined), {
    path: ["attrValue"],
    message: "give a value (for a category) or a from–to range (for a number)",
  })
  .refine((query) => query.attrValue === undefined || (query.attrMin === undefined && query.attrMax === undefined), {
    path: ["attrValue"],
    message: "give either a value or a range, not both",
  });
export type CustomerQuery = z.infer<typeof customerQuery>;

/** Each field in the words of the form, for its errors: "Response probability to", not "pMax". */
export const CUSTOMER_QUERY_LABELS: Record<string, string> = {
  q: "Customer id",
  segment: "Segment",
  pMin: "Response probability from",
  pMax: "Response probability to",
  clvMin: "CLV 12 months from",
  clvMax: "CLV 12 months to",
  aliveMin: "P(alive) from",
  aliveMax: "P(alive) to",
  attr: "Custom attribute",
  attrValue: "Attribute value",
  attrMin: "Attribute from",
  attrMax: "Attribute to",
  sort: "Sort",
  dir: "Sort direction",
  page: "Page",
};

/** Whether anything narrows the list (then the run's own count no longer applies). */
export function isFiltered(query: CustomerQuery): boolean {
  return [query.q, query.segment, query.pMin, query.pMax, query.clvMin, query.clvMax, query.aliveMin, query.aliveMax, query.attr].some(
    (value) => value !== undefined,
  );
}

/** Next.js search params (string | string[]) as a flat record: the first value of each. */
export function takeFirstValues(params: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
}
