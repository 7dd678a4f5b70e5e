import { afterEach, describe, expect, test } from "vitest";
import { startScheduler, type Scheduler } from "@/jobs/scheduler";
import type { RetrainSchedule } from "@/lib/db/settings";

const EVERY_SECOND: RetrainSchedule = { cron: "* * * * * *", timezone: "UTC", enabled: true };

/** A scheduler over an in-memory schedule and a fake trigger that counts its calls. */
type Launch = { type: "started" | "busy"; runId: number };

function harness(initial: RetrainSchedule, trigger: () => Promise<Launch> = async () => ({ type: "started", runId: 7 })) {
  const state = { schedule: initial, triggered: 0, skipped: [] as number[], logs: [] as string[] };
  const start = (pollMs?: number) =>
    startScheduler(
      {
        readSchedule: async () => state.schedule,
        trigger: () => {
          state.triggered++;
          return trigger();
        },
        log: (message) => state.logs.push(message),
        onSkipped: async (runId) => {
          state.skipped.push(runId);
        },
      },
      pollMs,
    );
  return { state, start };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe("retrain scheduler", () => {
  let scheduler: Scheduler | undefined;
  afterEach(async () => {
    await scheduler?.stop();
    scheduler = undefined;
  });

  test("a per-second schedule fires the trigger on every tick and logs the run it started", async () => {
    const { state, start } = harness(EVERY_SECOND);
    scheduler = await start();
    expect(scheduler.nextRun()).toBeInstanceOf(Date);
    await waitFor(() => state.triggered >= 2, "two ticks");
    expect(state.logs).toContain("scheduled retrain started run 7");
    expect(state.skipped).toEqual([]);
  });

  test("a schedule change seen by sync() takes effect: switched off it stops firing, a new expression sets the next run", async () => {
    const { state, start } = harness(EVERY_SECOND);
    scheduler = await start();
    await waitFor(() => state.triggered >= 1, "a tick");

    state.schedule = { ...EVERY_SECOND, enabled: false };
    await scheduler.sync();
    expect(scheduler.nextRun()).toBeNull();
    expect(state.logs).toContain("scheduled retraining is off");
    const ticks = state.triggered;
    await sleep(2_500);
    expect(state.triggered).toBe(ticks);

    state.schedule = { cron: "30 2 * * *", timezone: "UTC", enabled: true };
    await scheduler.sync();
    const next = scheduler.nextRun();
    expect([next?.getUTCHours(), next?.getUTCMinutes(), next?.getUTCSeconds()]).toEqual([2, 30, 0]);
  });

  test("the schedule is re-read every pollMs without a restart", async () => {
    const { state, start } = harness({ cron: "30 2 * * *", timezone: "UTC", enabled: true });
    scheduler = await start(100);
    expect(scheduler.nextRun()?.getUTCHours()).toBe(2);
    state.schedule = { cron: "0 14 * * *", timezone: "UTC", enabled: true };
    await waitFor(() => scheduler!.nextRun()?.getUTCHours() === 14, "the poll to pick up the new schedule");
  });

  test.each(["not a schedule", "61 * * * *", "* * * * * * * *"])("the invalid expression %j is not scheduled, and replaces a valid one", async (cron) => {
    const { state, start } = harness(EVERY_SECOND);
    scheduler = await start();
    state.schedule = { ...EVERY_SECOND, cron };
    await scheduler.sync();
    expect(scheduler.nextRun()).toBeNull();
    expect(state.logs).toContain(`retrain schedule "${cron}" is invalid; not scheduled`);
    const ticks = state.triggered;
    await sleep(1_500);
    expect(state.triggered).toBe(ticks);
  });

  test("a tick while a retrain runs is skipped and reported with the busy run", async () => {
    const { state, start } = harness(EVERY_SECOND, async () => ({ type: "busy", runId: 12 }));
    scheduler = await start();
    await waitFor(() => state.skipped.length >= 1, "a skipped tick");
    expect(state.skipped[0]).toBe(12);
    expect(state.logs).toContain("scheduled retrain skipped: run 12 is still running");
  });

  test("a trigger failing for another reason is logged, not reported as skipped", async () => {
    const { state, start } = harness(EVERY_SECOND, () => Promise.reject(new Error("spawn failed")));
    scheduler = await start();
    await waitFor(() => state.logs.some((line) => line.startsWith("scheduled retrain could not start")), "a failed tick");
    expect(state.logs).toContain("scheduled retrain could not start: spawn failed");
    expect(state.skipped).toEqual([]);
  });
});
