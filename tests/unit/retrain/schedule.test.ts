import { afterEach, describe, expect, test, vi } from "vitest";
import { canonicaliseTimeZone, findCronProblems, listTimeZones, findNextScheduledRun } from "@/lib/services/retrain/schedule";

describe("findCronProblems", () => {
  test.each([
    ["0 2 * * *", []],
    ["*/15 9-17 * * 1-5", []],
    ["5 0 2 * * *", []],
    ["61 * * * *", ["61 is an invalid expression for minute"]],
    ["0 25 * * *", ["25 is an invalid expression for hour"]],
    ["0 2 * * 8", ["8 is an invalid expression for week day"]],
    ["0 0 30 2 *", ["30 2 is an impossible day of month for the given month"]],
    ["0 2 * *", ["expected 5 or 6 fields but got 4"]],
    ["*/10 * * * * *", ["the seconds field must be a single value: at most one retrain a minute"]],
  ])("%j → %j", (expression, problems) => {
    expect(findCronProblems(expression)).toEqual(problems);
  });
});

describe("canonicaliseTimeZone", () => {
  test.each([
    ["UTC", "UTC"],
    ["europe/berlin", "Europe/Berlin"],
    ["America/New_York", "America/New_York"],
    ["EST", "EST"],
    ["Mars/Olympus_Mons", null],
    ["+01:00", null],
  ])("%s → %s", (name, expected) => {
    expect(canonicaliseTimeZone(name)).toBe(expected);
  });

  test("the suggestions start with UTC and hold each zone once", () => {
    const zones = listTimeZones();
    expect(zones[0]).toBe("UTC");
    expect(new Set(zones).size).toBe(zones.length);
    expect(zones).toContain("Europe/Berlin");
  });
});

describe("findNextScheduledRun", () => {
  const wallClock = (date: Date, timeZone: string) =>
    Object.fromEntries(
      new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
        .formatToParts(date)
        .map((part) => [part.type, part.value]),
    );

  test("is the next Monday 03:30 on the Berlin clock for '30 3 * * 1' in Europe/Berlin", () => {
    const before = Date.now();
    const next = findNextScheduledRun({ cron: "30 3 * * 1", timezone: "Europe/Berlin", enabled: true })!;
    expect(next.getTime()).toBeGreaterThan(before);
    expect(next.getTime() - before).toBeLessThanOrEqual(7 * 24 * 3_600_000);
    expect(wallClock(next, "Europe/Berlin")).toMatchObject({ weekday: "Mon", hour: "03", minute: "30" });
  });

  describe("from a fixed moment, Sun 29 Nov 2026 20:45 UTC", () => {
    afterEach(() => vi.useRealTimers());

    test.each([
      ["0 2 * * *", "UTC", "2026-11-30T02:00:00.000Z"],
      // 03:30 on Monday in Berlin is 02:30 UTC in winter (CET, UTC+1).
      ["30 3 * * 1", "Europe/Berlin", "2026-11-30T02:30:00.000Z"],
      // It is 15:45 on the 29th in New York (EST, UTC−5): the next 02:00 there is 07:00 UTC on the 30th.
      ["0 2 * * *", "America/New_York", "2026-11-30T07:00:00.000Z"],
      // It is already 05:45 on the 30th in Tokyo (UTC+9): 22:00 that day is 13:00 UTC.
      ["0 22 * * *", "Asia/Tokyo", "2026-11-30T13:00:00.000Z"],
      ["0 0 1 * *", "UTC", "2026-12-01T00:00:00.000Z"],
      ["*/15 * * * *", "UTC", "2026-11-29T21:00:00.000Z"],
    ])("'%s' in %s fires next at %s", (cron, timezone, expected) => {
      vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-11-29T20:45:00.000Z") });
      expect(findNextScheduledRun({ cron, timezone, enabled: true })?.toISOString()).toBe(expected);
    });
  });

  test.each([
    ["a disabled schedule", { cron: "0 2 * * *", timezone: "UTC", enabled: false }],
    ["an invalid expression", { cron: "61 * * * *", timezone: "UTC", enabled: true }],
    ["an unknown time zone", { cron: "0 2 * * *", timezone: "Mars/Olympus_Mons", enabled: true }],
  ])("is null for %s", (_label, schedule) => {
    expect(findNextScheduledRun(schedule)).toBeNull();
  });
});
