import { describe, expect, test } from "vitest";
import { decidePromotion, type GateMetrics } from "@/lib/ml/promotion";

const active: GateMetrics = { silhouette: 0.2, k: 4, responseAuc: 0.9, scoredShare: 1 };

describe("the promotion gate", () => {
  test.each([
    ["a first run that passes validation", { ...active }, null, true, /no model was active/],
    ["a run equal to the active one", { ...active }, active, true, /not worse/],
    ["an AUC drop of exactly the tolerance", { ...active, responseAuc: 0.88 }, active, true, /not worse/],
    ["an AUC drop beyond the tolerance", { ...active, responseAuc: 0.875 }, active, false, /AUC fell from 0.900 to 0.875/],
    ["a silhouette drop beyond the tolerance", { ...active, silhouette: 0.14 }, active, false, /silhouette fell from 0.200 to 0.140/],
    ["a lower silhouette at another k is not a regression", { ...active, silhouette: 0.12, k: 6 }, active, true, /silhouettes not compared, as this run has 6 segments and the active run 4/],
    ["a response model skipped when the active run has one", { ...active, responseAuc: null }, active, false, /was skipped/],
    ["a response model below the validation floor", { ...active, responseAuc: 0.55 }, null, false, /below the floor/],
    ["a single segment", { ...active, k: 1 }, null, false, /at least 2/],
    ["customers left without a score", { ...active, scoredShare: 0.5 }, null, false, /50.0% of the customers the response model should score got no response score/],
  ] as const)("%s", (_name, candidate, current, promote, reason) => {
    const decision = decidePromotion(candidate, current);
    expect(decision.promote).toBe(promote);
    expect(decision.reasons.join("\n")).toMatch(reason);
  });

  test("tolerances are configurable", () => {
    expect(decidePromotion({ ...active, responseAuc: 0.85 }, active, { maxAucDrop: 0.1 }).promote).toBe(true);
  });
});
