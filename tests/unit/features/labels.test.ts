import { describe, expect, test } from "vitest";
import { ALL_FEATURES, FEATURE_LABELS, labelFeature } from "@/lib/ml/features";
import { labelAttribute, PROFILE_LABELS } from "@/lib/ml/features/labels";
import { CUSTOMER_COLUMNS } from "@/lib/data/customer";

describe("feature labels", () => {
  test("every feature the pipeline makes has plain words, never its camelCase name", () => {
    for (const name of ALL_FEATURES) {
      const { label } = labelFeature(name);
      expect(label, name).not.toMatch(/[a-z][A-Z][a-z]/);
      expect(label, name).not.toBe("");
    }
    expect(labelFeature("logWines")).toEqual({ label: "wine spend (log scale)", restates: true });
    expect(labelFeature("shareGoldProds")).toEqual({ label: "gold products share of spend" });
  });

  test("a column from outside the pipeline keeps its name", () => {
    expect(labelFeature("loyaltyTier")).toEqual({ label: "loyaltyTier" });
  });

  test("every profile column has plain words, never the file's header", () => {
    for (const column of CUSTOMER_COLUMNS) {
      const label = labelAttribute(column.field);
      expect(column.field in PROFILE_LABELS || column.field in FEATURE_LABELS, column.field).toBe(true);
      expect(label, column.field).not.toBe(column.header);
      expect(label, column.field).not.toMatch(/[a-z][A-Z]|_/);
    }
  });

  test.each([
    ["mntWines", "wine spend"],
    ["dtCustomer", "customer since"],
    ["acceptedCmp4", "accepted campaign 4"],
    ["zCostContact", "cost of a contact"],
    ["numWebVisitsMonth", "website visits a month"],
    ["logWines", "wine spend (log scale)"],
    ["Region", "Region"],
  ])("%s reads as %s", (field, label) => {
    expect(labelAttribute(field)).toBe(label);
  });
});
