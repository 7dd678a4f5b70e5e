import { describe, expect, test } from "vitest";
import { readAttributeFeatures, readRunJson } from "@/lib/runs/storedRun";

const featureDrift = { name: "income", kind: "numeric", psi: 0.31, wasserstein: 0.4, ksStatistic: 0.2, ksPValue: null, severity: "significant", drifted: true };
const segmentDrift = { name: "segment", kind: "categorical", psi: 0.01, jsDistance: 0.02, newCategories: [], severity: "none", drifted: false };
const drift = {
  features: { features: [featureDrift], driftedShare: 1, datasetDrift: true, threshold: 0.5 },
  predictions: { response: null, segments: segmentDrift },
  datasetDrift: true,
  driftedFeatures: 1,
};
const stability = { adjustedRandIndex: 0.91, commonCustomers: 800, matchedSegments: 4, newSegments: 0, disappearedSegments: null };
const rule = {
  rule: "silhouette",
  description: "Silhouette at least the active run's",
  threshold: "≥ 0.200",
  candidate: "0.210",
  active: null,
  outcome: "not applicable",
  detail: "no active run",
};
const decision = { promote: true, review: false, reasons: ["passed validation; no model was active"], rules: [rule] };
const metrics = {
  segmentation: {
    k: 4,
    silhouette: 0.21,
    space: "pca",
    curve: [{ k: 2, inertia: 10, silhouette: null }],
    spaces: [],
    selection: { rows: 800 },
    daviesBouldin: 1.4,
  },
  classifier: null,
  response: { champion: "mlp", cvAuc: { logistic: 0.9, mlp: 0.92 }, metrics: { gains: [{ decile: 1, lift: 2.4 }] }, notes: [], brier: 0.1 },
  clv: { source: "orders", notes: [], scored: 790 },
  skipped: [{ model: "clv", reason: "too few orders" }],
  gate: { silhouette: 0.21, k: 4, responseAuc: 0.93, scoredShare: 1 },
};
const timings = { snapshot: 12, train: 3400, write: 80 };

describe("a run's stored JSON parsed with zod on the way out", () => {
  test("a well-formed stored row parses to the same value, the fields the schemas do not list included", () => {
    expect(readRunJson({ metrics, drift, stability, decision, timings })).toEqual({ metrics, drift, stability, decision, timings });
  });

  test("a part with a wrong-typed field reads as null, the other parts as stored", () => {
    const json = readRunJson({ metrics, drift: { ...drift, features: "income" }, stability: { ...stability, commonCustomers: "800" }, decision, timings });
    expect(json).toEqual({ metrics, drift: null, stability: null, decision, timings });
    expect(readRunJson({ decision: { ...decision, rules: [{ ...rule, outcome: "maybe" }] }, timings: { train: "slow" } })).toMatchObject({
      decision: null,
      timings: null,
    });
  });

  test("a decision from before the gate listed its rules or held runs for review still parses", () => {
    const old = { promote: false, reasons: ["silhouette fell"] };
    expect(readRunJson({ decision: old }).decision).toEqual(old);
  });

  test("metrics from before the gate recorded its figures parse; a broken response part reads as none, not the whole metrics", () => {
    const { gate: _gate, ...before } = metrics;
    expect(readRunJson({ metrics: before }).metrics).toEqual(before);
    expect(readRunJson({ metrics: { ...metrics, response: { ...metrics.response, notes: "none" } } }).metrics).toEqual({ ...metrics, response: null });
    expect(readRunJson({ metrics: { ...metrics, segmentation: { k: "four" } } }).metrics).toBeNull();
  });

  test("a failed run with nothing stored, or JSON that is not an object, reads as null parts", () => {
    expect(readRunJson({ metrics: null, drift: undefined, stability: "x", decision: [1], timings: 5 })).toEqual({
      metrics: null,
      drift: null,
      stability: null,
      decision: null,
      timings: null,
    });
  });
});

describe("a run's stored config", () => {
  test("lists the custom attributes it segmented on, ignoring what is not a name", () => {
    expect(readAttributeFeatures({ kMax: 5, attributeFeatures: ["loyaltyTier", 3, "region"] })).toEqual(["loyaltyTier", "region"]);
  });

  test("from before the choice existed, or of the wrong shape, lists none", () => {
    expect(readAttributeFeatures({ kMax: 5 })).toEqual([]);
    expect(readAttributeFeatures({ attributeFeatures: "region" })).toEqual([]);
    expect(readAttributeFeatures(null)).toEqual([]);
  });
});
