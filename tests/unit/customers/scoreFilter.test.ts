import { describe, expect, test } from "vitest";
import { toSqlConditions } from "@/lib/db/scoreFilter";

describe("score filter as SQL", () => {
  test("every condition is parameterised; only the sort column's range may use an index", () => {
    const filter = { runId: 4, segmentKeys: [1, 3], responseProbability: { gte: 0.2, lte: 0.8 }, clv: { gte: 500 } };
    expect(toSqlConditions(filter, "clv")).toEqual({
      conditions: [`s."runId" = ?`, `+s."segmentKey" IN (?, ?)`, `+s."responseProbability" >= ?`, `+s."responseProbability" <= ?`, `s."clv" >= ?`],
      params: [4, 1, 3, 0.2, 0.8, 500],
    });
  });

  test("a customer id stays a key lookup and no chosen segment matches nothing", () => {
    expect(toSqlConditions({ runId: 1, customerId: 9, segmentKeys: [] })).toEqual({ conditions: [`s."runId" = ?`, "1 = 0", `s."customerId" = ?`], params: [1, 9] });
  });
});
