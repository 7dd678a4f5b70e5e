/**
 * A value loaded per run and kept for the latest run asked for: only the active run is asked
 * for in the normal course, so one entry is enough. A failed load is not kept: the next call
 * tries again. `forgetKeptRuns()` (after the business data is removed) drops every kept value
 * in this process, in every route bundle that loaded this module (the count lives on globalThis).
 */
const store = globalThis as unknown as { segmentStudioKeptRunsGeneration?: number };

export function keptRunsGeneration(): number {
  return store.segmentStudioKeptRunsGeneration ?? 0;
}

export function forgetKeptRuns(): void {
  store.segmentStudioKeptRunsGeneration = keptRunsGeneration() + 1;
}

export function keptPerRun<T>(load: (runId: number) => Promise<T>): (runId: number) => Promise<T> {
  let cached: { runId: number; generation: number; value: Promise<T> } | null = null;
  return (runId) => {
    const generation = keptRunsGeneration();
    if (cached?.runId !== runId || cached.generation !== generation) {
      const value = load(runId);
      cached = { runId, generation, value };
      value.catch(() => {
        if (cached?.value === value) cached = null;
      });
    }
    return cached.value;
  };
}
