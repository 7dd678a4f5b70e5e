import { beforeAll, describe, expect, test } from "vitest";
import { generateCustomersWithTypes } from "@/lib/data/synthetic";
import { generateOrders } from "@/lib/data/syntheticOrders";
import { adjustedRandIndex } from "@/lib/ml/stability";
import { score, trainAll, type TrainConfig, type TrainResult } from "@/lib/ml/train";
import { NO_ORDER_LINES } from "@/lib/ml/train/clvBacktest";

const { records: customers, types } = generateCustomersWithTypes({ seed: 5, count: 1_200 });
const orders = generateOrders(customers, { seed: 5 });
const CONFIG: TrainConfig = { seed: 11, kMax: 6, spaces: ["standardized", "pca"], folds: 3 };

describe("trainAll on synthetic customers with order lines", () => {
  let first: TrainResult;
  let second: TrainResult;

  beforeAll(async () => {
    first = await trainAll({ customers, orders }, CONFIG);
    second = await trainAll({ customers, orders }, CONFIG);
  }, 600_000);

  test("the same data and seed give the same segments, scores and personas", () => {
    expect(Array.from(second.scores.segment)).toEqual(Array.from(first.scores.segment));
    expect(Array.from(second.scores.responseProbability)).toEqual(Array.from(first.scores.responseProbability));
    expect(Array.from(second.scores.clv)).toEqual(Array.from(first.scores.clv));
    expect(second.personas.map((persona) => persona.name)).toEqual(first.personas.map((persona) => persona.name));
  });

  test("the segments recover the generator's latent customer types", () => {
    expect(adjustedRandIndex(first.scores.segment, Int32Array.from(types))).toBeGreaterThan(0.5);
  });

  test("every customer gets a segment, probabilities that sum to 1, a response probability and, from orders, a CLV", () => {
    const { scores, metrics } = first;
    const k = metrics.segmentation.k;
    expect(scores.segment.length).toBe(customers.length);
    for (let i = 0; i < customers.length; i++) {
      const row = scores.segmentProbabilities!.subarray(i * k, (i + 1) * k);
      expect(row.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 5);
      expect(scores.responseProbability[i]).toBeGreaterThanOrEqual(0);
      expect(scores.responseProbability[i]).toBeLessThanOrEqual(1);
    }
    expect(metrics.clv?.source).toBe("orders");
    const customersWithOrders = new Set(orders.map((order) => order.customerId)).size;
    expect(Array.from(scores.clv).filter(Number.isFinite).length).toBe(customersWithOrders);
    const i = scores.clv.findIndex(Number.isFinite);
    expect(scores.clvLow[i]).toBeLessThanOrEqual(scores.clvHigh[i]);
  });

  test("the report carries what the dashboards need", () => {
    const { metrics, personas, timings } = first;
    expect(metrics.segmentation.curve.map((point) => point.k)).toEqual([3, 4, 5, 6]);
    const chosen = metrics.segmentation.curve.find((point) => point.k === metrics.segmentation.k)!;
    expect(metrics.segmentation.stability).toBe(chosen.stability);
    expect(metrics.segmentation.minShare).toBe(Math.min(...personas.map((persona) => persona.share)));
    expect(metrics.segmentation.kChoice?.reason).toMatch(new RegExp(`^k = ${metrics.segmentation.k}: `));
    expect(metrics.segmentation.spaces.map((space) => space.space)).toEqual(["standardized", "pca"]);
    expect(metrics.response?.cvAuc.logistic).toBeGreaterThan(0.7);
    expect(personas).toHaveLength(metrics.segmentation.k);
    expect(personas.reduce((sum, persona) => sum + persona.size, 0)).toBe(customers.length);
    expect(timings.total).toBeGreaterThan(0);
    expect(timings.clvBacktest).toBeGreaterThanOrEqual(0);
    const backtest = metrics.clv?.backtest;
    expect(backtest?.status).toBe("done");
    if (backtest?.status === "done") {
      expect(backtest.customers).toBeGreaterThan(0);
      expect(backtest.byFrequency.reduce((sum, group) => sum + group.customers, 0)).toBe(backtest.customers);
      expect(backtest.grade.sentence).toMatch(/^Predicted /);
    }
  });

  test("scoring the training customers again puts them in the segments they were trained into", async () => {
    const rescored = await score({ customers, orders }, first.models);
    expect(Array.from(rescored.segment)).toEqual(Array.from(first.scores.segment));
    expect(Array.from(rescored.responseProbability)).toEqual(Array.from(first.scores.responseProbability));
    expect(JSON.parse(JSON.stringify(first.models)).segmentation.k).toBe(first.metrics.segmentation.k);
  });
});

describe("trainAll without the columns a model needs", () => {
  test("skips the response model, with the reason, and still segments", async () => {
    const unlabelled = customers.slice(0, 400).map((customer) => ({ ...customer, response: null }));
    const result = await trainAll({ customers: unlabelled }, { ...CONFIG, spaces: ["standardized"] });
    expect(result.skipped).toContainEqual({ model: "response", reason: "no Response column" });
    expect(result.models.response).toBeNull();
    expect(Number.isNaN(result.scores.responseProbability[0])).toBe(true);
    expect(result.metrics.segmentation.k).toBeGreaterThanOrEqual(2);
    // Without orders the CLV summary comes from profiles; a fit that does not converge is skipped, never used.
    const clvSkip = result.skipped.find((entry) => entry.model === "clv");
    if (clvSkip) expect(clvSkip.reason).toMatch(/did not converge/);
    else {
      expect(result.metrics.clv?.source).toBe("profiles");
      expect(result.metrics.clv?.backtest).toEqual({ status: "unavailable", reason: NO_ORDER_LINES });
    }
    expect(result.models.clv === null).toBe(clvSkip !== undefined);
  }, 300_000);

  test("segments 150 customers with a warning and without the classifier; refuses fewer than 30", async () => {
    const few = await trainAll({ customers: customers.slice(0, 150) }, { ...CONFIG, spaces: ["standardized"] });
    expect(few.metrics.segmentation.warnings).toEqual([expect.stringMatching(/^Segments from 150 customers are fragile/)]);
    expect(few.skipped).toContainEqual({
      model: "classifier",
      reason: "fewer than 200 customers (150): new customers are assigned to the nearest segment centre",
    });
    expect(few.models.classifier).toBeNull();
    await expect(trainAll({ customers: customers.slice(0, 29) }, CONFIG)).rejects.toThrow(/fewer than 30 customers \(29\)/);
  }, 300_000);
});
