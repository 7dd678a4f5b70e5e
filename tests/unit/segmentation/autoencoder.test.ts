import { describe, expect, test } from "vitest";
import { encode, fitAutoencoder, reconstructionError } from "@/lib/ml/segmentation";
import { blobs, randomCentres } from "./blobs";

// Three blobs in 10-D: structure an 8-D code can capture.
const { matrix } = blobs(randomCentres(3, 10, 2, 1), 200, 0.5, 2);

describe("autoencoder", () => {
  test("training lowers the reconstruction error of the untrained network", async () => {
    const untrained = await fitAutoencoder(matrix, { seed: 3, maxEpochs: 0 });
    const trained = await fitAutoencoder(matrix, { seed: 3, maxEpochs: 40 });
    expect(untrained.training.epochsRun).toBe(0);
    expect(trained.training.bestEpoch).toBeGreaterThan(0);
    expect(reconstructionError(trained, matrix)).toBeLessThan(0.5 * reconstructionError(untrained, matrix));
  });

  test("encodes every row to the 8-unit bottleneck", async () => {
    const model = await fitAutoencoder(matrix, { seed: 3, maxEpochs: 2 });
    const code = encode(model, matrix);
    expect(code.rows).toBe(600);
    expect(code.columns).toBe(8);
    expect(model.encoder.map((layer) => layer.units)).toEqual([32, 16, 8]);
    expect(model.decoder.map((layer) => layer.units)).toEqual([16, 32, 10]);
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  test("the same seed gives the same weights and codes", async () => {
    const a = await fitAutoencoder(matrix, { seed: 5, maxEpochs: 5 });
    const b = await fitAutoencoder(matrix, { seed: 5, maxEpochs: 5 });
    const codeA = encode(a, matrix).data;
    const codeB = encode(b, matrix).data;
    if (a.training.backend === "wasm" || a.training.backend === "cpu") {
      // Single-threaded kernels: runs with one seed are bit-identical.
      expect(b.encoder).toEqual(a.encoder);
      expect(b.decoder).toEqual(a.decoder);
      expect(codeB).toEqual(codeA);
    } else {
      // Multi-threaded native reductions may round differently from run to run.
      codeA.forEach((value, i) => expect(codeB[i]).toBeCloseTo(value, 3));
    }
  });

  test("large inputs train on a seeded sample of trainingRows rows", async () => {
    const model = await fitAutoencoder(matrix, { seed: 3, maxEpochs: 1, trainingRows: 200, validationFraction: 0.1 });
    expect(model.training.trainRows).toBe(180);
    expect(model.training.validationRows).toBe(20);
  });

  test("rejects bad options", async () => {
    await expect(fitAutoencoder(matrix, { seed: 1, validationFraction: 1 })).rejects.toThrow(/validationFraction/);
  });
});
