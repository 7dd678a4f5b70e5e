import { describe, expect, test } from "vitest";
import { describeAction, listDetailFields, describeTarget, describeValue } from "@/lib/audit/entry";

const emails = new Map([["cmx64d0hh0000", "ana.analyst@example.com"]]);

describe("audit entries in plain words", () => {
  test("a user target shows the user's e-mail, not the id", () => {
    expect(describeTarget("user:cmx64d0hh0000", emails)).toBe("ana.analyst@example.com");
    expect(describeTarget("user:gone", emails)).toBe("a deleted user");
  });

  test.each([
    ["run:12", "run #12"],
    ["import:3", "import #3"],
    ["business-data", "all business data"],
    [null, "—"],
  ])("target %j reads %j", (target, text) => {
    expect(describeTarget(target, emails)).toBe(text);
  });

  test("known actions read as phrases; unknown ones keep their words", () => {
    expect(describeAction("run.forced")).toBe("made a run active by hand");
    expect(describeAction("something.new_thing")).toBe("something new thing");
  });

  test("details become labelled fields, not raw key: value", () => {
    expect(listDetailFields({ note: "checked by hand", reasons: ["AUC fell", "silhouette fell"], disabled: null, firstAdmin: true })).toEqual([
      { label: "Reason", value: "checked by hand" },
      { label: "Reasons", value: "AUC fell; silhouette fell" },
      { label: "Disabled", value: "—" },
      { label: "First administrator", value: "yes" },
    ]);
  });

  test("nested fields and unknown keys are spelled out", () => {
    expect(listDetailFields({ previous: { cron: "0 3 * * *", enabled: false }, rowsInserted: 2240 })).toEqual([
      { label: "Before", value: "schedule 0 3 * * *, enabled no" },
      { label: "Rows inserted", value: "2,240" },
    ]);
    expect(describeValue([])).toBe("none");
    expect(listDetailFields(null)).toEqual([]);
  });
});
