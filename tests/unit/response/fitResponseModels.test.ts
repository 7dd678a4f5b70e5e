import { beforeAll, describe, expect, test } from "vitest";
import type { CustomerRecord } from "@/lib/data/customer";
import { fitResponseModels, InsufficientDataError, predictResponse, type ResponseReport, type TrainedResponseModel } from "@/lib/ml/response";
import { makeCustomer } from "@/tests/support/makeCustomer";
import { readMarketingCsv } from "@/tests/support/readMarketingCsv";

describe("response models on the real marketing file", () => {
  let records: CustomerRecord[];
  let report: ResponseReport;

  beforeAll(async () => {
    records = readMarketingCsv();
    report = await fitResponseModels(records, { snapshotDate: "2014-07-01", seed: 42, importance: { repeats: 1 } });
  }, 900_000);

  test("logistic regression reaches a mean CV ROC AUC of at least 0.88", () => {
    expect(report.cv.logistic!.meanAuc).toBeGreaterThanOrEqual(0.88);
  });

  test("the champion is the model with the higher mean CV AUC", () => {
    const other = report.champion === "logistic" ? "mlp" : "logistic";
    expect(report.cv[report.champion]!.meanAuc).toBeGreaterThanOrEqual(report.cv[other]!.meanAuc);
    expect(report.notes.some((note) => note.includes(report.champion === "mlp" ? "The MLP beat" : "did not beat"))).toBe(true);
  });

  test("calibration does not worsen the Brier score and the metrics are those of the champion's OOF predictions", () => {
    expect(report.calibration.brierAfter).toBeLessThanOrEqual(report.calibration.brierBefore);
    expect(report.metrics.rocAuc).toBeCloseTo(report.cv[report.champion]!.pooledAuc, 10);
    expect(report.metrics.rows).toBe(2240);
    expect(report.metrics.responders).toBe(334);
  });

  test("every labelled customer is used below the sample cap", () => {
    expect(report.sample).toBeNull();
  });

  test("the impossible birth years are reported", () => {
    expect(report.notes.some((note) => note.includes("7829, 11004, 1150"))).toBe(true);
  });

  test("the profit threshold beats contacting everyone", () => {
    expect(report.threshold.profit).toBeGreaterThan(report.threshold.contactAll.profit);
  });

  test("the whole report is plain JSON data (no NaN, typed arrays or classes)", () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  test("the stored champion scores the same after a JSON round trip", async () => {
    const sample = records.slice(0, 50);
    const stored = JSON.parse(JSON.stringify(report.models[report.champion])) as TrainedResponseModel;
    const direct = await predictResponse(report, sample);
    expect(await predictResponse(stored, sample)).toEqual(direct);
    for (const p of direct) expect(p > 0 && p < 1).toBe(true);
  });
});

test("too few responders is a typed error with the reason", async () => {
  const records = Array.from({ length: 300 }, (_, i) => makeCustomer(i, { response: i < 20 ? 1 : 0 }));
  const attempt = fitResponseModels(records, { snapshotDate: "2014-07-01" });
  await expect(attempt).rejects.toBeInstanceOf(InsufficientDataError);
  await expect(attempt).rejects.toThrow("response: fewer than 50 responders (20)");
});

test("above maxRows the models are fitted on a stratified sample, said in the notes, and every customer is scored", async () => {
  const records = readMarketingCsv();
  const options = { snapshotDate: "2014-07-01", seed: 7, maxRows: 1000, models: ["logistic"] as const, importance: false as const };
  const report = await fitResponseModels(records, options);
  // 334 responders of 2,240: round(1000 · 334 / 2240) = 149.
  expect(report.sample).toEqual({ rows: 1000, of: 2240, responders: 149 });
  expect(report.metrics.rows).toBe(1000);
  expect(report.metrics.responders).toBe(149);
  expect(report.notes[0]).toBe(
    "Cross-validated and fitted on a stratified sample of 1,000 of 2,240 labelled customers (149 responders, the same response rate); every customer is scored.",
  );
  const probabilities = predictResponse(report, records);
  expect(probabilities).toHaveLength(2240);
  expect(probabilities.every((p) => p > 0 && p < 1)).toBe(true);
  expect((await fitResponseModels(records, options)).cv.logistic!.meanAuc).toBe(report.cv.logistic!.meanAuc);
});
