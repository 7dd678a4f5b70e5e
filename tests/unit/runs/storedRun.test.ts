import { expect, test } from "vitest";
import { readKeyMetrics, type StoredDrift, type StoredMetrics } from "@/lib/runs/storedRun";

const segmentation = {
  k: 4,
  space: "pca",
  silhouette: 0.21,
  daviesBouldin: 1.4,
  calinskiHarabasz: 500,
  spaces: [],
  curve: [],
  selection: {},
} as unknown as StoredMetrics["segmentation"];
const response = { champion: "mlp", cvAuc: { logistic: 0.9, mlp: 0.92 } } as unknown as StoredMetrics["response"];
const drift = (datasetDrift: boolean, driftedFeatures: number) => ({ datasetDrift, driftedFeatures }) as StoredDrift;

test("the gate's response AUC is the one shown", () => {
  const metrics = { segmentation, response, gate: { responseAuc: 0.93 } } as StoredMetrics;
  expect(readKeyMetrics({ metrics, drift: null, decision: { promote: true, reasons: [] } })).toEqual({
    k: 4,
    silhouette: 0.21,
    responseAuc: 0.93,
    drift: null,
    promote: true,
    review: false,
  });
});

test("without a gate entry the champion's CV AUC is shown", () => {
  const metrics = { segmentation, response } as StoredMetrics;
  expect(readKeyMetrics({ metrics, drift: drift(false, 2), decision: { promote: false, reasons: ["worse"] } })).toMatchObject({
    responseAuc: 0.92,
    drift: { datasetDrift: false, driftedFeatures: 2 },
    promote: false,
  });
});

test("a failed run with nothing stored has no key metrics", () => {
  expect(readKeyMetrics({ metrics: null, drift: null, decision: null })).toEqual({
    k: null,
    silhouette: null,
    responseAuc: null,
    drift: null,
    promote: null,
    review: false,
  });
});

test("a run whose metrics lack a segmentation entry shows no k or silhouette, and does not crash", () => {
  const metrics = { response } as unknown as StoredMetrics;
  expect(readKeyMetrics({ metrics, drift: null, decision: null })).toMatchObject({ k: null, silhouette: null, responseAuc: 0.92 });
});

test("a run the gate held for review reads as not promoted and held", () => {
  expect(readKeyMetrics({ metrics: null, drift: null, decision: { promote: false, review: true, reasons: ["CLV moved"] } })).toMatchObject({
    promote: false,
    review: true,
  });
});
