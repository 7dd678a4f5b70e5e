import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, test } from "vitest";
import { FunctionWorker } from "@/lib/ml/functionWorker";
import { rocAuc } from "@/lib/ml/response/metrics";

describe("a function called in a worker thread", () => {
  test("answers each call as the function does here, calls made before it is up included", async () => {
    const worker = new FunctionWorker<Parameters<typeof rocAuc>, number>("./response/metrics.ts", "rocAuc");
    try {
      const first = worker.call([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
      expect(await first).toBe(0.75);
      expect(await worker.ready()).toBe(true);
      expect(await worker.call([1, 0, 1], [0.9, 0.2, 0.6])).toBe(rocAuc([1, 0, 1], [0.9, 0.2, 0.6]));
    } finally {
      await worker.terminate();
    }
  });

  test("an error thrown there rejects the call with the function's name and message", async () => {
    const worker = new FunctionWorker<Parameters<typeof rocAuc>, number>("./response/metrics.ts", "rocAuc");
    try {
      await expect(worker.call([1, 0], [0.5])).rejects.toThrow(`rocAuc in a worker thread: ${messageOf(() => rocAuc([1, 0], [0.5]))}`);
    } finally {
      await worker.terminate();
    }
  });

  test("a worker started with a young generation of its own size has that limit; without, V8's default", async () => {
    const limits = pathToFileURL(path.join(import.meta.dirname, "workerLimits.ts")).href;
    const sized = new FunctionWorker<[], number | undefined>(limits, "youngGenerationLimitMb", { youngGenerationMb: 192 });
    const plain = new FunctionWorker<[], number | undefined>(limits, "youngGenerationLimitMb");
    try {
      expect(await sized.call()).toBe(192);
      expect(await plain.call()).toBeLessThan(192);
    } finally {
      await Promise.all([sized.terminate(), plain.terminate()]);
    }
  });

  test("a module that cannot be loaded leaves it not ready, and a call says it did not start", async () => {
    const worker = new FunctionWorker<[], number>("./no-such-module.ts", "fit");
    try {
      expect(await worker.ready()).toBe(false);
      await expect(worker.call()).rejects.toThrow("the fit worker did not start");
    } finally {
      await worker.terminate();
    }
  });
});

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected a throw");
}
