import { describe, expect, test } from "vitest";
import { CUSTOMER_QUERY_LABELS, customerQuery, takeFirstValues, isFiltered, MAX_PAGE } from "@/lib/customers/query";

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
    [{ page: "last" }, "page"],
  ])("%j is refused on the field %s", (input, field) => {
    const result = customerQuery.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path[0])).toContain(field);
  });

  test("a custom attribute filters by a value or by a range, and counts as a filter", () => {
    expect(customerQuery.parse({ attr: " Region ", attrValue: "North" })).toMatchObject({ attr: "Region", attrValue: "North" });
    const range = customerQuery.parse({ attr: "Employees", attrMin: "10", attrMax: "" });
    expect(range).toMatchObject({ attr: "Employees", attrMin: 10 });
    expect(range.attrMax).toBeUndefined();
    expect(isFiltered(range)).toBe(true);
  });

  test.each([
    [{ attrValue: "North" }, "attr", "choose the attribute the value or range is for"],
    [{ attr: "Region" }, "attrValue", "give a value (for a category) or a from–to range (for a number)"],
    [{ attr: "Region", attrValue: "North", attrMin: "1" }, "attrValue", "give either a value or a range, not both"],
    [{ attr: "Employees", attrMin: "9", attrMax: "3" }, "attrMax", "must not be below the “from” value"],
    [{ attr: "Employees", attrMin: "many" }, "attrMin", "must be a number"],
  ])("the attribute filter %j is refused on %s: %s", (input, field, message) => {
    const result = customerQuery.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.find((issue) => issue.path[0] === field)?.message).toBe(message);
  });

  test.each([
    ["-3", 1],
    ["0", 1],
    ["2.7", 2],
    [String(MAX_PAGE + 1), MAX_PAGE],
    ["1e9", MAX_PAGE],
  ])("page %s is clamped to page %i", (page, expected) => {
    expect(customerQuery.parse({ page }).page).toBe(expected);
  });

  test.each([
    [{ pMin: "0.6", pMax: "0.4" }, "pMax", "Response probability to", "must not be below the “from” value"],
    [{ clvMin: "900", clvMax: "100" }, "clvMax", "CLV 12 months to", "must not be below the “from” value"],
    [{ pMin: "1.2" }, "pMin", "Response probability from", "must be from 0 to 1"],
    [{ aliveMin: "abc" }, "aliveMin", "P(alive) from", "must be a number"],
    [{ sort: "income" }, "sort", "Sort", "must be one of id, response, clv, alive"],
  ])("%j is refused in plain words on %s (%s)", (input, field, label, message) => {
    const issue = customerQuery.safeParse(input).error!.issues.find((item) => item.path[0] === field)!;
    expect(issue.message).toBe(message);
    expect(CUSTOMER_QUERY_LABELS[field]).toBe(label);
  });

  test("every field of the query has a label in the form's words", () => {
    expect(Object.keys(CUSTOMER_QUERY_LABELS).sort()).toEqual(Object.keys(customerQuery.shape).sort());
  });

  test("repeated search params keep their first value", () => {
    expect(takeFirstValues({ segment: ["1", "2"], q: "7", empty: undefined })).toEqual({ segment: "1", q: "7", empty: undefined });
  });
});
