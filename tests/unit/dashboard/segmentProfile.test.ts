import { expect, test } from "vitest";
import { readProfile, toSegmentView } from "@/lib/dashboard/segments";

const segment = { segmentKey: 2, name: "Loyal families", description: "", color: "blue", size: 40, share: 0.1, isNew: false };

test("a stored profile gives the segment its return, traits and actions", () => {
  const profile = {
    returnedFrom: 3,
    topTraits: [{ phrase: "high income", z: 1.2 }, { z: 0.4 }],
    actions: [{ title: "Send the wine catalogue", detail: "they buy wine" }, { detail: "no title" }],
  };
  expect(toSegmentView({ ...segment, profile }, null)).toMatchObject({
    returnedFrom: 3,
    traits: ["high income"],
    actions: [{ title: "Send the wine catalogue", detail: "they buy wine" }],
  });
});

test("a profile from before returns and actions were stored, or of the wrong shape, reads as none", () => {
  expect(readProfile({ topTraits: [{ phrase: "young" }] })).toEqual({ topTraits: [{ phrase: "young" }] });
  expect(toSegmentView({ ...segment, profile: { returnedFrom: "3", topTraits: "young", actions: [{ title: 5 }] } }, null)).toMatchObject({
    returnedFrom: null,
    traits: [],
    actions: [],
  });
  expect(readProfile(null)).toEqual({});
});
