/**
 * One exported function of a module beside this one, called in a worker thread: model fits that
 * would otherwise queue on this thread run on the second core. Arguments and results are copied
 * (structured clone), so both are plain data. Where tsx cannot compile the module (a bundle),
 * the worker fails to start: `ready()` says so, a call rejects, and the caller fits on its own thread.
 */
import { Worker } from "node:worker_threads";

type Reply = { ready: true } | { result: unknown } | { error: string };
type Settled = { reply: Reply } | { failure: Error };

export class FunctionWorker<Args extends unknown[], Result> {
  private readonly worker: Worker;
  private readonly settled: Settled[] = [];
  private wake: (() => void) | null = null;
  private readonly started: Promise<boolean>;

  /**
   * `module` is relative to lib/ml, e.g. "./response/models.ts", or an absolute file URL.
   * `youngGenerationMb` sizes the worker's heap space for new objects (V8's default is about 48 MB).
   */
  constructor(
    module: string,
    private readonly name: string,
    { youngGenerationMb }: { youngGenerationMb?: number } = {},
  ) {
    const script = new URL("./functionWorkerScript.mjs", import.meta.url);
    // execArgv: [] so a parent's loaders (tsx, vitest) are not stacked on the worker's own.
    const resourceLimits = youngGenerationMb === undefined ? undefined : { maxYoungGenerationSizeMb: youngGenerationMb };
    this.worker = new Worker(script, { workerData: { module, name }, execArgv: [], resourceLimits });
    // One listener for the worker's life: a reply that comes while nobody waits is kept, not lost.
    this.worker
      .on("message", (reply: Reply) => this.settle({ reply }))
      .on("error", (failure: Error) => this.settle({ failure }))
      .on("exit", (code: number) => this.settle({ failure: new Error(`the ${name} worker stopped (exit code ${code})`) }));
    this.started = this.next().then(
      (reply) => "ready" in reply,
      () => false,
    );
  }

  /** Whether the worker started and can take calls. */
  ready(): Promise<boolean> {
    return this.started;
  }

  /** Posted at once, so the worker starts on it as soon as it is up. One call at a time: the next only after this one's result. */
  async call(...args: Args): Promise<Result> {
    this.worker.postMessage(args);
    if (!(await this.started)) throw new Error(`the ${this.name} worker did not start`);
    const reply = await this.next();
    if ("error" in reply) throw new Error(`${this.name} in a worker thread: ${reply.error}`);
    if (!("result" in reply)) throw new Error(`the ${this.name} worker answered out of turn`);
    return reply.result as Result;
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }

  private settle(settled: Settled): void {
    this.settled.push(settled);
    this.wake?.();
  }

  private async next(): Promise<Reply> {
    while (this.settled.length === 0) await new Promise<void>((resolve) => (this.wake = resolve));
    this.wake = null;
    const settled = this.settled.shift()!;
    if ("failure" in settled) throw settled.failure;
    return settled.reply;
  }
}
