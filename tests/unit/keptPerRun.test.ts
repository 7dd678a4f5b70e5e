import { expect, test } from "vitest";
import { forgetKeptRuns, keptPerRun } from "@/lib/services/keptPerRun";

test("a run's value is loaded once, and again after the business data was removed", async () => {
  let loads = 0;
  const kept = keptPerRun(async (runId) => `run ${runId}, load ${++loads}`);
  expect(await kept(1)).toBe("run 1, load 1");
  expect(await kept(1)).toBe("run 1, load 1");
  forgetKeptRuns();
  expect(await kept(1)).toBe("run 1, load 2");
  expect(await kept(2)).toBe("run 2, load 3");
});
