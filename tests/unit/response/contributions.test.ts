import { describe, expect, test } from "vitest";
import { fitFeaturePipeline, transformFeatures } from "@/lib/ml/features";
import { explainResponse } from "@/lib/ml/response/contributions";
import { sigmoid } from "@/lib/ml/response/logistic";
import type { TrainedResponseModel } from "@/lib/ml/response";
import { makeCustomer } from "@/tests/support/makeCustomer";

const customers = [10_000, 40_000, 70_000, 90_000].map((income, i) => makeCustomer(i + 1, { income, mntWines: i * 100, recency: 10 + i * 20 }));
const pipeline = fitFeaturePipeline(customers, { snapshotDate: "2015-01-01", features: ["income", "recency"] });

describe("explaining one customer's response score", () => {
  test("logistic: each contribution is coefficient × standardized value, and they add up to the log-odds", async () => {
    const model: TrainedResponseModel = {
      kind: "logistic",
      pipeline,
      parameters: { kind: "logistic", intercept: -1, coefficients: [0.8, -0.5], l2: 0, iterations: 1, converged: true },
      calibration: { method: "platt", a: 1, b: 0 },
    };
    const customer = customers[3];
    const { matrix } = transformFeatures(pipeline, [customer]);
    const explanation = await explainResponse(model, customer);
    expect(explanation).toMatchObject({ method: "coefficients", scale: "log-odds" });
    const byFeature = Object.fromEntries(explanation.contributions.map((item) => [item.feature, item]));
    expect(byFeature.income.contribution).toBeCloseTo(0.8 * matrix[0], 12);
    expect(byFeature.recency.contribution).toBeCloseTo(-0.5 * matrix[1], 12);
    expect(byFeature.income.standardized).toBeCloseTo(matrix[0], 12);
    // The richest customer sits well above the mean income: the income term dominates and is listed first.
    expect(explanation.contributions[0].feature).toBe("income");
    const logOdds = -1 + explanation.contributions.reduce((sum, item) => sum + item.contribution, 0);
    expect(sigmoid(logOdds)).toBeCloseTo(sigmoid(-1 + 0.8 * matrix[0] - 0.5 * matrix[1]), 12);
  });
});
