import { describe, expect, test } from "vitest";
import { describeSegments, PERSONA_FEATURES as F, type FeatureColumn, type Persona } from "@/lib/ml/personas";

type Profile = Record<string, number>;

/** Three customers per profile, spread ±1% around it so no feature is constant within a segment. */
function table(profiles: Profile[], names = Object.keys(profiles[0])): { labels: Int32Array; columns: FeatureColumn[] } {
  const spread = [0.99, 1, 1.01];
  const labels = Int32Array.from(profiles.flatMap((_, segment) => spread.map(() => segment)));
  const columns = names.map((name) => ({ name, values: Float64Array.from(profiles.flatMap((p) => spread.map((s) => p[name] * s))) }));
  return { labels, columns };
}

const columnNames = [F.income, F.totalSpend, F.wineShare, F.meatShare, F.dealRatio, F.recency, F.tenure, F.webShare, F.catalogShare, F.storeShare];
const profile = (values: number[]): Profile => Object.fromEntries(columnNames.map((name, i) => [name, values[i]]));
// Each segment stands out on its intended traits; the others vary a little so no feature is a lone outlier.
//                               income  spend  wine  meat  deal recency tenure web   catalog store
const affluentWine = profile([90_000, 1_500, 0.7, 0.2, 0.1, 28, 620, 0.3, 0.2, 0.5]);
const dealSeekers = profile([40_000, 300, 0.35, 0.3, 0.6, 32, 580, 0.45, 0.1, 0.45]);
const lapsing = profile([45_000, 350, 0.38, 0.32, 0.22, 95, 640, 0.2, 0.12, 0.68]);
const newcomers = profile([50_000, 420, 0.4, 0.28, 0.25, 25, 100, 0.33, 0.17, 0.5]);
const base = profile([52_000, 450, 0.42, 0.3, 0.2, 30, 600, 0.3, 0.15, 0.55]);
const profiles = [affluentWine, dealSeekers, lapsing, newcomers, base];
const { labels, columns } = table(profiles);
const personas = describeSegments(labels, columns);
const types = (persona: Persona) => persona.actions.map((a) => a.type);

describe("personas of five hand-made segments", () => {
  test("the high income, high spend, wine-heavy segment is named for affluence and wine", () => {
    expect(personas[0].name).toBe("Affluent wine buyers");
  });

  test("high value gets loyalty and an upsell in the favourite category", () => {
    expect(types(personas[0])).toEqual(expect.arrayContaining(["loyalty", "upsell"]));
    expect(personas[0].actions.find((a) => a.type === "upsell")!.detail).toMatch(/premium wine/);
  });

  test("a high deal ratio gets price incentives and no loyalty scheme", () => {
    expect(types(personas[1])).toContain("price-incentive");
    expect(types(personas[1])).not.toContain("loyalty");
    expect(personas[1].name).toMatch(/deal seekers/);
  });

  test("a long time since the last purchase gets win-back first", () => {
    expect(types(personas[2])[0]).toBe("win-back");
    expect(personas[2].name).toMatch(/^Lapsing/);
  });

  test("a short tenure gets nurture", () => {
    expect(types(personas[3])).toContain("nurture");
    expect(personas[3].name).toMatch(/^New/);
  });

  test("every segment gets channel advice from its channel shares", () => {
    expect(personas[0].actions.find((a) => a.type === "channel")!.title).toBe("Reach them through catalogue mailings");
    expect(personas[1].actions.find((a) => a.type === "channel")!.title).toBe("Reach them through online campaigns");
    expect(personas[2].actions.find((a) => a.type === "channel")!.title).toBe("Reach them through in-store promotions");
  });

  test("the description leads with the strongest traits and gives size and averages", () => {
    expect(personas[0].description).toMatch(/^They [^.]*have a higher income[^.]*\. 3 customers, 20% of all\. On average: /);
    expect(personas[0].description).toContain("income 90,000 (everyone 55,400)");
  });

  test("after the lead, top traits are ordered by strength and all beyond 0.3 standard deviations", () => {
    const strengths = personas[0].topTraits.map((t) => Math.abs(t.z)).slice(1);
    expect(strengths).toEqual([...strengths].sort((a, b) => b - a));
    expect(strengths.every((z) => z >= 0.3)).toBe(true);
    expect(personas[0].topTraits.length).toBeLessThanOrEqual(5);
  });

  test("names are unique and colours follow the segment", () => {
    expect(new Set(personas.map((p) => p.name)).size).toBe(5);
    expect(personas.map((p) => p.color)).toEqual(["blue", "emerald", "violet", "amber", "rose"]);
  });

  test("the same input gives the same text", () => {
    expect(describeSegments(labels, columns)).toEqual(personas);
  });

  test("the text depends only on segment statistics, not on row order", () => {
    const order = Array.from(labels, (_, i) => i).reverse();
    const shuffled = describeSegments(
      Int32Array.from(order, (i) => labels[i]),
      columns.map((c) => ({ name: c.name, values: Float64Array.from(order, (i) => c.values[i]) })),
    );
    const text = (p: Persona) => ({ name: p.name, description: p.description, actions: p.actions });
    expect(shuffled.map(text)).toEqual(personas.map(text));
  });
});

describe("z-scores", () => {
  // a: mean 2, population sd √3; b: mean 5, sd √5; c: values 1 and 3 only, mean 2, sd 1.
  const labels = Int32Array.from([0, 0, 0, 1]);
  const [s0, s1] = describeSegments(labels, [
    { name: "a", values: Float64Array.from([1, 1, 1, 5]) },
    { name: "b", values: Float64Array.from([2, 4, 6, 8]) },
    { name: "c", values: Float64Array.from([Number.NaN, 1, 3, Number.NaN]) },
  ]);

  test.each([
    ["a", 0, 1, -1 / Math.sqrt(3)],
    ["a", 1, 5, 3 / Math.sqrt(3)],
    ["b", 0, 4, -1 / Math.sqrt(5)],
    ["b", 1, 8, 3 / Math.sqrt(5)],
    ["c", 0, 2, 0],
  ])("feature %s in segment %d: mean %d, z exact", (name, segment, mean, z) => {
    const feature = [s0, s1][segment].features.find((f) => f.name === name)!;
    expect(feature.mean).toBe(mean);
    expect(feature.z).toBeCloseTo(z, 12);
  });

  test("missing values are left out; a segment without any value has no mean or z", () => {
    const c = s1.features.find((f) => f.name === "c")!;
    expect(c).toMatchObject({ mean: null, overallMean: 2, overallStd: 1, z: null });
  });

  test("sizes and shares", () => {
    expect([s0.size, s0.share, s1.size, s1.share]).toEqual([3, 0.75, 1, 0.25]);
  });

  test("unknown features still make traits, in their own name", () => {
    expect(s1.topTraits[0]).toMatchObject({ feature: "a", direction: "high", phrase: "have a higher a" });
  });

  test("pipeline columns without persona words are described in plain words; rescaled copies make no trait", () => {
    const spenders = { [F.totalSpend]: 1_500, logTotalSpend: 7.3, mScore: 5, spendPerPurchase: 90 };
    const others = { [F.totalSpend]: 300, logTotalSpend: 5.7, mScore: 2, spendPerPurchase: 25 };
    const { labels: l, columns: c } = table([spenders, others, others]);
    const phrases = describeSegments(l, c)[0].topTraits.map((trait) => trait.phrase);
    expect(phrases).toEqual(["spend more", "spend more per purchase"]);
  });
});

describe("naming", () => {
  test("two segments that would share a name get different ones; the stronger keeps the best", () => {
    const stronger = { ...affluentWine, [F.income]: 95_000, [F.wineShare]: 0.75 };
    const { labels, columns } = table([affluentWine, stronger, base, base, dealSeekers]);
    const names = describeSegments(labels, columns).map((p) => p.name);
    expect(new Set(names).size).toBe(5);
    expect(names[1]).toBe("Affluent wine buyers");
    expect(names[0]).toMatch(/Affluent|Wine/);
  });

  test("segments with no strong trait are typical customers, numbered apart", () => {
    const { labels, columns } = table([base, base]);
    expect(describeSegments(labels, columns).map((p) => p.name)).toEqual(["Typical customers", "Typical customers 2"]);
  });
});

describe("feature names", () => {
  test("the design notes' dotted names work as aliases", () => {
    const aliases: Record<string, string> = {
      [F.wineShare]: "spendShare.wines",
      [F.recency]: "recencyDays",
      [F.webShare]: "share.web",
      [F.catalogShare]: "share.catalog",
      [F.storeShare]: "share.store",
    };
    const renamed = columns.map((c) => ({ ...c, name: aliases[c.name] ?? c.name }));
    const again = describeSegments(labels, renamed);
    expect(again.map((p) => [p.name, p.actions])).toEqual(personas.map((p) => [p.name, p.actions]));
  });

  test("low pAlive counts as lapsing", () => {
    const { labels, columns } = table([
      { ...base, pAlive: 0.2 },
      { ...base, pAlive: 0.9 },
      { ...base, pAlive: 0.85 },
    ]);
    const [atRisk] = describeSegments(labels, columns);
    expect(atRisk.actions[0].type).toBe("win-back");
  });

  test("works with whatever subset of features is present", () => {
    const { labels, columns } = table([{ [F.income]: 80_000 }, { [F.income]: 30_000 }, { [F.income]: 50_000 }]);
    expect(describeSegments(labels, columns).map((p) => p.name)).toEqual(["Affluent customers", "Budget customers", "Typical customers"]);
  });
});

describe("input checks", () => {
  test.each([
    ["a column of the wrong length", [{ name: "x", values: new Float64Array(3) }], /feature "x" has 3 values for 4 labels/],
    [
      "a repeated feature",
      [
        { name: "x", values: new Float64Array(4) },
        { name: "x", values: new Float64Array(4) },
      ],
      /"x" appears twice/,
    ],
    ["an infinite value", [{ name: "x", values: Float64Array.from([0, Infinity, 0, 0]) }], /"x" is infinite at row 1/],
  ])("refuses %s", (_, columns, message) => {
    expect(() => describeSegments(Int32Array.from([0, 0, 1, 1]), columns)).toThrow(message);
  });

  test("refuses a k smaller than the labels need", () => {
    expect(() => describeSegments(Int32Array.from([0, 2]), [], { k: 2 })).toThrow(/k = 2 but labels go up to 2/);
  });

  test("keeps an empty segment when k says so", () => {
    const personas = describeSegments(Int32Array.from([0, 0, 2, 2]), [{ name: "x", values: Float64Array.from([1, 2, 3, 4]) }], { k: 3 });
    expect(personas[1]).toMatchObject({ size: 0, share: 0, name: "Empty segment", actions: [], description: "No customers in this segment." });
  });
});
