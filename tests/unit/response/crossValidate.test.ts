import { describe, expect, test } from "vitest";
import { transformFeatures } from "@/lib/ml/features";
import { createRng } from "@/lib/ml/random";
import { crossValidate } from "@/lib/ml/response/crossValidate";
import { stratifiedFolds } from "@/lib/ml/response/folds";
import { permutationImportance } from "@/lib/ml/response/importance";
import { predictLogistic, sigmoid, type LogisticModel } from "@/lib/ml/response/logistic";
import { makeCustomer } from "@/tests/support/makeCustomer";
import { withoutLayerNames } from "@/tests/support/withoutLayerNames";

/** 400 customers whose response depends on recency only; income and birth year are noise. */
function customers() {
  const rng = createRng(21);
  return Array.from({ length: 400 }, (_, i) => {
    const recency = rng.int(100);
    return makeCustomer(i, {
      recency,
      income: 30_000 + rng.int(50_000),
      yearBirth: 1950 + rng.int(40),
      response: rng.next() < sigmoid(2 - 0.08 * recency) ? 1 : 0,
    });
  });
}

const records = customers();
const labels = Int32Array.from(records, (r) => r.response!);
const folds = stratifiedFolds(labels, 5, 3);
const features = ["recency", "income", "age"];
const cv = await crossValidate(records, labels, { kinds: ["logistic"], folds, features, snapshotDate: "2014-07-01", seed: 1 });
const logistic = cv.logistic!;

describe("cross-validation", () => {
  test("fits imputation and scaling on each fold's training rows only", () => {
    logistic.foldModels.forEach((model, fold) => {
      const trainRecencies = records.filter((_, i) => folds[i] !== fold).map((r) => r.recency!);
      expect(model.pipeline.fit.rows).toBe(trainRecencies.length);
      const mean = trainRecencies.reduce((a, b) => a + b, 0) / trainRecencies.length;
      expect(model.pipeline.scaler.mean[0]).toBeCloseTo(mean, 10);
    });
  });

  test("each out-of-fold prediction comes from the model that did not see the row", () => {
    for (const row of [0, 57, 399]) {
      const model = logistic.foldModels[folds[row]];
      const { matrix, columns } = transformFeatures(model.pipeline, [records[row]]);
      expect(logistic.oof[row]).toBeCloseTo(predictLogistic(model.parameters as LogisticModel, matrix, columns)[0], 12);
    }
  });

  test("reports one AUC per fold and their mean", () => {
    expect(logistic.foldAucs).toHaveLength(5);
    expect(logistic.meanAuc).toBeCloseTo(logistic.foldAucs.reduce((a, b) => a + b) / 5, 12);
    expect(logistic.meanAuc).toBeGreaterThan(0.8);
  });
});

describe("folds fitted beside a worker thread", () => {
  test("give the same models, predictions and AUCs as folds fitted on this thread alone", async () => {
    const progress: string[] = [];
    const run = (workers: 0 | 1) =>
      crossValidate(records, labels, {
        kinds: ["logistic", "mlp"],
        folds,
        features,
        snapshotDate: "2014-07-01",
        seed: 1,
        workers,
        onProgress: workers === 1 ? (message) => progress.push(message) : undefined,
      });
    const [alone, beside] = [await run(0), await run(1)];
    for (const kind of ["logistic", "mlp"] as const) {
      expect(beside[kind]!.oof).toEqual(alone[kind]!.oof);
      expect(beside[kind]!.foldAucs).toEqual(alone[kind]!.foldAucs);
      expect(beside[kind]!.foldModels.map((model) => withoutLayerNames(model.parameters))).toEqual(
        alone[kind]!.foldModels.map((model) => withoutLayerNames(model.parameters)),
      );
    }
    expect(alone.mlp!.meanAuc).toBeGreaterThan(0.75);
    expect(progress.toSorted()).toEqual(
      ["logistic", "mlp"].flatMap((kind) => [1, 2, 3, 4, 5].map((fold) => expect.stringMatching(new RegExp(`^${kind} fold ${fold}/5: AUC 0\\.\\d{4}`)))),
    );
  });
});

describe("permutation importance", () => {
  test("puts the one informative feature first and finds no signal in the noise", async () => {
    const importance = await permutationImportance(records, labels, folds, logistic.foldModels, { seed: 4 });
    expect(importance[0].feature).toBe("recency");
    expect(importance[0].aucDrop).toBeGreaterThan(0.2);
    for (const noise of importance.slice(1)) expect(Math.abs(noise.aucDrop)).toBeLessThan(0.03);
  });

  test("the same seed gives the same importances", async () => {
    const run = () => permutationImportance(records, labels, folds, logistic.foldModels, { seed: 4, repeats: 1 });
    expect(await run()).toEqual(await run());
  });
});
