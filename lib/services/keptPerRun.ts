/**
 * A value loaded per run and kept for the latest run asked for: only the active run is asked
 * for in the normal course, so one entry is enough. A failed load is not kept: the next call
 * tries again.
 */
export function keptPerRun<T>(load: (runId: number) => Promise<T>): (runId: number) => Promise<T> {
  let cached: { runId: number; value: Promise<T> } | null = null;
  return (runId) => {
    if (cached?.runId !== runId) {
      const value = load(runId);
      cached = { runId, value };
      value.catch(() => {
        if (cached?.value === value) cached = null;
      });
    }
    return cached.value;
  };
}
