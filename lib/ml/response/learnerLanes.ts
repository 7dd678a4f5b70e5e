/**
 * Learner fits shared between this thread and one worker thread, each taking the next fit when
 * it is free: on two cores the cross-validation's MLP folds train side by side. Every fit brings
 * its own seed, drawn before any runs, so a model is the same whichever thread fits it.
 */
import { Worker } from "node:worker_threads";
import type { FeatureMatrix } from "@/lib/ml/features";
import { fitLearner, type LearnerOptions, type LearnerParameters, type ResponseModelKind } from "./models";

export interface LearnerFit {
  kind: ResponseModelKind;
  data: FeatureMatrix;
  labels: number[];
  seed: number;
}

/** Called on this thread as each fit finishes, in whatever order they finish; `milliseconds` is the fit's own time. */
export type OnFitted = (index: number, parameters: LearnerParameters, milliseconds: number, thread: "this" | "worker") => void | Promise<void>;

type Reply = { ready: true } | { parameters: LearnerParameters } | { error: string };

/** Fits every one of `fits`, on this thread alone or beside a worker; without tsx (a bundle) the worker fails to start and this thread fits them all. */
export async function fitLearnersInLanes(fits: readonly LearnerFit[], options: LearnerOptions, withWorker: boolean, onFitted: OnFitted): Promise<void> {
  let next = 0;
  const take = () => (next < fits.length ? next++ : null);
  const here = async () => {
    for (let index = take(); index !== null; index = take()) {
      const started = performance.now();
      const { kind, data, labels, seed } = fits[index];
      const parameters = await fitLearner(kind, data, labels, seed, options);
      await onFitted(index, parameters, performance.now() - started, "this");
    }
  };
  const script = new URL("./learnerWorker.mjs", import.meta.url);
  // execArgv: [] so a parent's loaders (tsx, vitest) are not stacked on the worker's own.
  const worker = withWorker ? new Worker(script, { execArgv: [] }) : null;
  const there = async () => {
    if (worker === null || !(await isReady(worker))) return;
    for (let index = take(); index !== null; index = take()) {
      const started = performance.now();
      worker.postMessage({ ...fits[index], options });
      const reply = await nextReply(worker);
      if ("error" in reply) throw new Error(`fitting ${fits[index].kind} in a worker thread: ${reply.error}`);
      if (!("parameters" in reply)) throw new Error("the learner worker answered out of turn");
      await onFitted(index, reply.parameters, performance.now() - started, "worker");
    }
  };
  try {
    await Promise.all([here(), there()]);
  } finally {
    await worker?.terminate();
  }
}

async function isReady(worker: Worker): Promise<boolean> {
  try {
    return "ready" in (await nextReply(worker));
  } catch {
    return false;
  }
}

function nextReply(worker: Worker): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const settle = (finish: () => void) => {
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      finish();
    };
    const onMessage = (reply: Reply) => settle(() => resolve(reply));
    const onError = (error: Error) => settle(() => reject(error));
    const onExit = (code: number) => settle(() => reject(new Error(`the learner worker stopped (exit code ${code})`)));
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
  });
}
