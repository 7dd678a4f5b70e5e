/**
 * Learner fits shared between this thread and one worker thread, each taking the next fit when
 * it is free: on two cores the cross-validation's MLP folds train side by side. Every fit brings
 * its own seed, drawn before any runs, so a model is the same whichever thread fits it.
 */
import type { FeatureMatrix } from "@/lib/ml/features";
import { FunctionWorker } from "@/lib/ml/functionWorker";
import { fitLearner, type LearnerOptions, type LearnerParameters, type ResponseModelKind } from "./models";

export interface LearnerFit {
  kind: ResponseModelKind;
  data: FeatureMatrix;
  labels: number[];
  seed: number;
}

/** Called on this thread as each fit finishes, in whatever order they finish; `milliseconds` is the fit's own time. */
export type OnFitted = (index: number, parameters: LearnerParameters, milliseconds: number, thread: "this" | "worker") => void | Promise<void>;

/** Fits every one of `fits`, on this thread alone or beside a worker; if the worker cannot start, this thread fits them all. */
export async function fitLearnersInLanes(fits: readonly LearnerFit[], options: LearnerOptions, withWorker: boolean, onFitted: OnFitted): Promise<void> {
  let next = 0;
  const take = () => (next < fits.length ? next++ : null);
  const lane = async (thread: "this" | "worker", fit: typeof fitLearner) => {
    for (let index = take(); index !== null; index = take()) {
      const started = performance.now();
      const { kind, data, labels, seed } = fits[index];
      const parameters = await fit(kind, data, labels, seed, options);
      await onFitted(index, parameters, performance.now() - started, thread);
    }
  };
  const worker = withWorker ? new FunctionWorker<Parameters<typeof fitLearner>, LearnerParameters>("./response/models.ts", "fitLearner") : null;
  const besideThis = async () => {
    if (worker !== null && (await worker.ready())) await lane("worker", (...args) => worker.call(...args));
  };
  try {
    await Promise.all([lane("this", fitLearner), besideThis()]);
  } finally {
    await worker?.terminate();
  }
}
