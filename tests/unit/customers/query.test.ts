import { describe, expect, test } from "vitest";
import { customerQuery, firstValues, isFiltered, MAX_PAGE } from "@/lib/customers/query";

describe("customer list query", () => {
  test("an empty URL lists everyone by id, first page", () => {
    const query = customerQuery.parse({});
    expect(query).toMatchObject({ sort: "id", dir: "asc", page: 1 });
    expect(isFiltered(query)).toBe(false);
  });

  test("blank form fields are ignored and numbers are read from text", () => {
    const query = customerQuery.parse({ q: "", segment: "3", pMin: "0.2", pMax: "", clvMin: "-50", sort: "clv", dir: "desc", page: "4" });
    expect(query).toMatchObject({ segment: 3, pMin: 0.2, clvMin: -50, sort: "clv", dir: "desc", page: 4 });
    expect(query.q).toBeUndefined();
    expect(query.pMax).toBeUndefined();
    expect(isFiltered(query)).toBe(true);
  });

  test.each([
    [{ pMin: "1.2" }, "pMin"],
    [{ pMin: "0.6", pMax: "0.4" }, "pMax"],
    [{ aliveMin: "abc" }, "aliveMin"],
    [{ sort: "income" }, "sort"],
    [{ page: String(MAX_PAGE + 1) }, "page"],
  ])("%j is refused on the field %s", (input, field) => {
    const result = customerQuery.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path[0])).toContain(field);
  });

  test("repeated search params keep their first value", () => {
    expect(firstValues({ segment: ["1", "2"], q: "7", empty: undefined })).toEqual({ segment: "1", q: "7", empty: undefined });
  });
});
