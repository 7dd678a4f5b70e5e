import { describe, expect, test } from "vitest";
import { decidePromotion, type GateMetrics, type GateRule } from "@/lib/ml/promotion";

const backtest = { spearman: 0.6, mae: 0.8, baselineMae: 1 };
const active: GateMetrics = { silhouette: 0.2, k: 4, responseAuc: 0.9, scoredShare: 1, clvBacktest: backtest };
const ruleOf = (rules: GateRule[], name: string) => rules.find((rule) => rule.rule === name)!;
/** Relative CLV changes of `moved` customers at +40% and the rest at +1%. */
const changes = (moved: number, of: number) => ({ changes: Float64Array.from({ length: of }, (_, i) => (i < moved ? 0.4 : 0.01)) });

describe("the promotion gate", () => {
  test.each([
    ["a first run that passes validation", { ...active }, null, true, /no model was active/],
    ["a run equal to the active one", { ...active }, active, true, /not worse/],
    ["an AUC drop of exactly the tolerance", { ...active, responseAuc: 0.88 }, active, true, /not worse/],
    ["an AUC drop beyond the tolerance", { ...active, responseAuc: 0.875 }, active, false, /AUC fell from 0.900 to 0.875/],
    ["a silhouette drop beyond the tolerance", { ...active, silhouette: 0.14 }, active, false, /silhouette fell from 0.200 to 0.140/],
    [
      "a lower silhouette at another k is not a regression",
      { ...active, silhouette: 0.12, k: 6 },
      active,
      true,
      /silhouettes not compared, as this run has 6 segments and the active run 4/,
    ],
    ["a response model skipped when the active run has one", { ...active, responseAuc: null }, active, false, /was skipped/],
    ["a response model below the validation floor", { ...active, responseAuc: 0.55 }, null, false, /below the floor/],
    ["a single segment", { ...active, k: 1 }, null, false, /at least 2/],
    [
      "customers left without a score",
      { ...active, scoredShare: 0.5 },
      null,
      false,
      /50.0% of the customers the response model should score got no response score/,
    ],
    ["a CLV backtest Spearman drop of exactly the tolerance", { ...active, clvBacktest: { ...backtest, spearman: 0.55 } }, active, true, /not worse/],
    [
      "a CLV backtest Spearman drop beyond the tolerance",
      { ...active, clvBacktest: { ...backtest, spearman: 0.54 } },
      active,
      false,
      /Spearman fell from 0.600 to 0.540/,
    ],
    ["a CLV backtest error ratio rise of exactly the tolerance", { ...active, clvBacktest: { ...backtest, mae: 0.9 } }, active, true, /not worse/],
    [
      "a CLV backtest error ratio rise beyond the tolerance",
      { ...active, clvBacktest: { ...backtest, mae: 1.82, baselineMae: 2 } },
      active,
      false,
      /error rose from 0.80× to 0.91×/,
    ],
  ] as const)("%s", (_name, candidate, current, promote, reason) => {
    const decision = decidePromotion(candidate, current);
    expect(decision.promote).toBe(promote);
    expect(decision.review).toBe(false);
    // A rule that did not apply says why in its own row, not among the reasons.
    expect([...decision.reasons, ...decision.rules.map((rule) => rule.detail)].join("\n")).toMatch(reason);
  });

  test("tolerances are configurable", () => {
    expect(decidePromotion({ ...active, responseAuc: 0.85 }, active, { maxAucDrop: 0.1 }).promote).toBe(true);
    expect(decidePromotion({ ...active, clvBacktest: { ...backtest, spearman: 0.4 } }, active, { maxClvSpearmanDrop: 0.2 }).promote).toBe(true);
  });

  test("every rule is listed, with its threshold and both runs' values, in the order the page shows them", () => {
    const { rules } = decidePromotion({ ...active, silhouette: 0.19 }, active, {}, changes(1, 10));
    expect(rules.map((rule) => [rule.rule, rule.outcome])).toEqual([
      ["Segments", "passed"],
      ["Segment structure", "passed"],
      ["Response AUC floor", "passed"],
      ["Response scores", "passed"],
      ["Response AUC drop", "passed"],
      ["Silhouette drop", "passed"],
      ["CLV backtest", "passed"],
      ["CLV of unchanged customers", "passed"],
    ]);
    expect(ruleOf(rules, "Silhouette drop")).toMatchObject({ threshold: "drop of at most 0.050", candidate: "0.190", active: "0.200", detail: "" });
    expect(ruleOf(rules, "CLV backtest")).toMatchObject({ candidate: "Spearman 0.600, error 0.80× baseline", active: "Spearman 0.600, error 0.80× baseline" });
    expect(ruleOf(rules, "CLV of unchanged customers")).toMatchObject({
      threshold: "at most 50% moved by more than 25%",
      candidate: "1 of 10 (10%) moved by more than 25%; median change +1%",
    });
  });

  test("a first run: the comparisons with an active run do not apply, and say so", () => {
    const { rules } = decidePromotion(active, null);
    for (const name of ["Response AUC drop", "Silhouette drop", "CLV backtest", "CLV of unchanged customers"]) {
      expect(ruleOf(rules, name)).toMatchObject({ outcome: "not applicable", detail: "no model was active" });
    }
  });

  test.each([
    ["this run has none", { ...active, clvBacktest: { unavailable: "too few repeat buyers" } }, active, "this run has no CLV backtest: too few repeat buyers"],
    [
      "the active run predates backtests",
      active,
      { ...active, clvBacktest: undefined },
      "the active run has no CLV backtest: none was recorded (runs trained before CLV backtests have none)",
    ],
    [
      "the active run's Spearman is undefined",
      active,
      { ...active, clvBacktest: { ...backtest, spearman: null } },
      "the active run has no CLV backtest: its Spearman correlation or error ratio is undefined (constant predictions or a zero baseline error)",
    ],
  ])("the CLV backtest rule does not apply when %s", (_name, candidate, current, detail) => {
    const decision = decidePromotion(candidate, current);
    expect(ruleOf(decision.rules, "CLV backtest")).toMatchObject({ outcome: "not applicable", detail });
    expect(decision.promote).toBe(true);
  });

  test("a run moving CLV by more than 25% for most unchanged customers is held for review, not promoted, and says by how much", () => {
    const decision = decidePromotion(active, active, {}, changes(6, 10));
    expect(decision).toMatchObject({ promote: false, review: true });
    expect(decision.reasons).toEqual(["CLV moved by more than 25% for 6 of 10 customers (60%) whose own data did not change; median change +40%"]);
    expect(ruleOf(decision.rules, "CLV of unchanged customers").outcome).toBe("held for review");
  });

  test("exactly half moved is not more than half; a change of exactly 25% is not more than 25%", () => {
    expect(decidePromotion(active, active, {}, changes(5, 10)).promote).toBe(true);
    const atThreshold = { changes: Float64Array.from([0.25, -0.25, 0.25]) };
    expect(ruleOf(decidePromotion(active, active, {}, atThreshold).rules, "CLV of unchanged customers").candidate).toBe(
      "0 of 3 (0%) moved by more than 25%; median change +25%",
    );
  });

  test("the shift and its share are settable; the median is signed", () => {
    const falls = { changes: Float64Array.from([-0.5, -0.45, -0.41, -0.3, 0.02]) };
    const decision = decidePromotion(active, active, { maxClvShift: 0.42, maxClvShiftShare: 0.3 }, falls);
    expect(decision.reasons).toEqual(["CLV moved by more than 42% for 2 of 5 customers (40%) whose own data did not change; median change −41%"]);
    expect(decidePromotion(active, active, { maxClvShift: 0.42, maxClvShiftShare: 0.4 }, falls).promote).toBe(true);
  });

  test("a failed rule beside a hold makes an ordinary rejection, with both reasons", () => {
    const decision = decidePromotion({ ...active, k: 1 }, active, {}, changes(9, 10));
    expect(decision).toMatchObject({ promote: false, review: false });
    expect(decision.reasons).toHaveLength(2);
  });

  test("the CLV shift rule does not apply when no customer could be compared, and says why", () => {
    const decision = decidePromotion(
      active,
      active,
      {},
      { reason: "the active run stored no per-customer data fingerprints (it was trained before they existed)" },
    );
    expect(ruleOf(decision.rules, "CLV of unchanged customers")).toMatchObject({
      outcome: "not applicable",
      detail: expect.stringMatching(/trained before they existed/),
    });
    expect(decision.promote).toBe(true);
  });
});
