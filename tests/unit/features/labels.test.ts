import { describe, expect, test } from "vitest";
import { ALL_FEATURES, featureLabel } from "@/lib/ml/features";

describe("feature labels", () => {
  test("every feature the pipeline makes has plain words, never its camelCase name", () => {
    for (const name of ALL_FEATURES) {
      const { label } = featureLabel(name);
      expect(label, name).not.toMatch(/[a-z][A-Z][a-z]/);
      expect(label, name).not.toBe("");
    }
    expect(featureLabel("logWines")).toEqual({ label: "wine spend (log scale)", restates: true });
    expect(featureLabel("shareGoldProds")).toEqual({ label: "gold products share of spend" });
  });

  test("a column from outside the pipeline keeps its name", () => {
    expect(featureLabel("loyaltyTier")).toEqual({ label: "loyaltyTier" });
  });
});
