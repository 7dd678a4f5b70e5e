import { describe, expect, test } from "vitest";
import { pluralise } from "@/lib/text/plural";

describe("plural", () => {
  test.each([
    [0, "customer", undefined, "0 customers"],
    [1, "customer", undefined, "1 customer"],
    [2240, "customer", undefined, "2,240 customers"],
    [1, "child", "children", "1 child"],
    [3, "child", "children", "3 children"],
    [null, "customer", undefined, "— customers"],
  ])("%s %s", (value, singular, pluralForm, expected) => {
    expect(pluralise(value, singular, pluralForm)).toBe(expected);
  });

  test("counts take the chosen locale's grouping", () => {
    expect(pluralise(2240, "customer", undefined, { currency: "EUR", locale: "de-DE" })).toBe("2.240 customers");
  });
});
