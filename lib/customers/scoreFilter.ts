/** The customer table's URL query as the plain score filter and page the data layer reads. */
import type { ScoreFilter, Range } from "@/lib/db/scores/filter";
import type { ScorePage, ScoreSortColumn } from "@/lib/db/scores/list";
import { PAGE_SIZE, type CustomerQuery, type CustomerSort } from "./query";

const SORT_COLUMN: Record<CustomerSort, ScoreSortColumn> = {
  id: "customerId",
  response: "responseProbability",
  clv: "clv",
  alive: "pAlive",
};

export type ScoreQuery = Pick<
  CustomerQuery,
  "q" | "segment" | "pMin" | "pMax" | "clvMin" | "clvMax" | "aliveMin" | "aliveMax" | "attr" | "attrValue" | "attrMin" | "attrMax"
>;

const range = (min: number | undefined, max: number | undefined): Range | undefined =>
  min === undefined && max === undefined ? undefined : { ...(min === undefined ? {} : { gte: min }), ...(max === undefined ? {} : { lte: max }) };

export function scoreFilterOf(runId: number, query: ScoreQuery): ScoreFilter {
  return {
    runId,
    segmentKeys: query.segment === undefined ? undefined : [query.segment],
    externalId: query.q,
    responseProbability: range(query.pMin, query.pMax),
    clv: range(query.clvMin, query.clvMax),
    pAlive: range(query.aliveMin, query.aliveMax),
    attribute: query.attr === undefined ? undefined : { name: query.attr, equals: query.attrValue, range: range(query.attrMin, query.attrMax) },
  };
}

export function scorePageOf(query: Pick<CustomerQuery, "sort" | "dir" | "page">): ScorePage {
  return { sort: SORT_COLUMN[query.sort], dir: query.dir, offset: (query.page - 1) * PAGE_SIZE, size: PAGE_SIZE };
}
