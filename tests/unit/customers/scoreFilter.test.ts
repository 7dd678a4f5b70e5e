import { describe, expect, test } from "vitest";
import { attributeValueSql } from "@/lib/db/internal/dialect";
import { toSqlConditions } from "@/lib/db/scores/filter";

describe("score filter as SQL", () => {
  test("every condition is parameterised; only the sort column's range may use an index", () => {
    const filter = { runId: 4, segmentKeys: [1, 3], responseProbability: { gte: 0.2, lte: 0.8 }, clv: { gte: 500 } };
    expect(toSqlConditions(filter, "clv")).toEqual({
      conditions: [`s."runId" = ?`, `+s."segmentKey" IN (?, ?)`, `+s."responseProbability" >= ?`, `+s."responseProbability" <= ?`, `s."clv" >= ?`],
      params: [4, 1, 3, 0.2, 0.8, 500],
    });
  });

  test("a customer id stays a key lookup and no chosen segment matches nothing", () => {
    expect(toSqlConditions({ runId: 1, customerId: 9, segmentKeys: [] })).toEqual({
      conditions: [`s."runId" = ?`, "1 = 0", `s."customerId" = ?`],
      params: [1, 9],
    });
  });

  test("a search by the customer's own id is one parameterised lookup on the customer table's unique key", () => {
    expect(toSqlConditions({ runId: 1, externalId: "x' OR 1=1 --" })).toEqual({
      conditions: [`s."runId" = ?`, `s."customerId" = (SELECT "id" FROM "Customer" WHERE "externalId" = ?)`],
      params: [1, "x' OR 1=1 --"],
    });
  });

  test("an attribute's name and values are parameters, never SQL text, whatever the name holds", () => {
    const name = `Sales "EU"; DROP TABLE x --`;
    const { conditions, params } = toSqlConditions({ runId: 2, attribute: { name, range: { gte: 1 } } });
    expect(conditions.join(" ")).not.toContain("DROP");
    expect(params[0]).toBe(2);
    expect(params.at(-1)).toBe(1);
    expect(conditions.join(" ").split("?").length - 1).toBe(params.length);
  });

  test.each([
    ["sqlite", "text", `CAST(json_extract(c."attributes", ?) AS TEXT)`, ['$."a.b \\"q\\""']],
    ["postgresql", "text", `(c."attributes" ->> CAST(? AS text))`, ['a.b "q"']],
  ] as const)("on %s an attribute as %s reads %s", (provider, as, sql, params) => {
    expect(attributeValueSql('a.b "q"', as, provider)).toEqual({ sql, params });
  });
});
