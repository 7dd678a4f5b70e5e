/** Loaded in a FunctionWorker by functionWorker.test.ts: the limit its thread was started with. */
import { resourceLimits } from "node:worker_threads";

export function youngGenerationLimitMb(): number | undefined {
  return resourceLimits.maxYoungGenerationSizeMb;
}
