import { expect, test } from "vitest";
import { findActivationOption } from "@/lib/services/retrain/activation";

test.each([
  ["the active run itself", { id: 3, status: "SUCCEEDED" }, 3, null],
  ["a rejected run", { id: 4, status: "REJECTED" }, 3, "forced"],
  ["a rejected run while none is active", { id: 1, status: "REJECTED" }, null, "forced"],
  ["an earlier succeeded run", { id: 2, status: "SUCCEEDED" }, 3, "rollback"],
  ["a later succeeded run after a rollback", { id: 5, status: "SUCCEEDED" }, 3, "forced"],
  ["a failed run", { id: 2, status: "FAILED" }, 3, null],
  ["a running run", { id: 6, status: "RUNNING" }, 3, null],
  ["an earlier run whose scores retention removed", { id: 2, status: "SUCCEEDED", scoresRemovedAt: new Date("2026-12-01") }, 3, null],
  ["a rejected run whose scores retention removed", { id: 4, status: "REJECTED", scoresRemovedAt: new Date("2026-12-01") }, 3, null],
])("%s allows %s", (_label, run, activeRunId, reason) => {
  expect(findActivationOption(run, activeRunId)?.reason ?? null).toBe(reason);
});

test("the buttons say what they do", () => {
  expect(findActivationOption({ id: 2, status: "SUCCEEDED" }, 3)?.label).toBe("Roll back to this run");
  expect(findActivationOption({ id: 4, status: "REJECTED" }, 3)?.label).toBe("Make this the active run");
});
