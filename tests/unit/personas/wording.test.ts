import { describe, expect, test } from "vitest";
import { describeSegments, type FeatureColumn, type Persona } from "@/lib/ml/personas";
import { createRng } from "@/lib/ml/random";

type Profile = Record<string, number>;

/** `sizes[s]` customers per profile, spread ±1% around it so no feature is constant within a segment. */
function table(profiles: Profile[], sizes = profiles.map(() => 3)): { labels: Int32Array; columns: FeatureColumn[] } {
  const rows = profiles.flatMap((profile, segment) => Array.from({ length: sizes[segment] }, (_, i) => ({ segment, profile, s: 1 + ((i % 3) - 1) / 100 })));
  const labels = Int32Array.from(rows, (row) => row.segment);
  const columns = Object.keys(profiles[0]).map((name) => ({ name, values: Float64Array.from(rows, (row) => row.profile[name] * row.s) }));
  return { labels, columns };
}

/** The phrase segment 0 gets when it alone stands out on `name`. */
function phraseFor(name: string, value: number, base: number): string {
  const others = { [name]: base, filler: 1 };
  const { labels, columns } = table([{ [name]: value, filler: 1 }, others, others]);
  return describeSegments(labels, columns)[0].topTraits[0].phrase;
}

describe("plain comparatives for every kind of trait", () => {
  test.each([
    ["a level", "income", 90_000, 20_000, 50_000, "have a higher income", "have a lower income"],
    ["an age", "age", 70, 30, 50, "are older", "are younger"],
    ["a count of people", "kidhome", 1.5, 0.1, 0.5, "have more young children at home", "have fewer young children at home"],
    ["a count of people", "teenhome", 1.5, 0.1, 0.5, "have more teenagers at home", "have fewer teenagers at home"],
    ["an amount", "totalSpend", 1_500, 100, 600, "spend more", "spend less"],
    ["an amount per purchase", "spendPerPurchase", 90, 10, 40, "spend more per purchase", "spend less per purchase"],
    ["a share of spend", "shareWines", 0.7, 0.1, 0.45, "spend a larger share on wine", "spend a smaller share on wine"],
    ["a share of purchases", "shareCatalog", 0.4, 0.02, 0.15, "buy from the catalogue more", "buy from the catalogue less"],
    ["a rate", "dealRatio", 0.5, 0.05, 0.2, "buy on deals more", "buy on deals less"],
    ["a frequency", "numWebVisitsMonth", 9, 1, 5, "visit the website more often", "visit the website less often"],
    ["a count of purchases", "numDealsPurchases", 6, 0.5, 2, "make more purchases on a deal", "make fewer purchases on a deal"],
    ["a yes / no fact", "acceptedCmp5", 0.6, 0.01, 0.07, "more often accepted campaign 5", "less often accepted campaign 5"],
    ["a yes / no fact", "livingAlone", 0.8, 0.1, 0.35, "more often live alone", "less often live alone"],
    ["a category of the profile", "maritalMarried", 0.8, 0.1, 0.4, "are more often married", "are less often married"],
    ["a custom category", "attribute:Region=North", 0.8, 0.1, 0.3, "more often have Region North", "less often have Region North"],
    ["a custom number", "attribute:Employees", 500, 10, 100, "have a higher Employees", "have a lower Employees"],
    ["an order-line category", "category:Classic Cars", 0.7, 0.1, 0.3, "spend a larger share on Classic Cars", "spend a smaller share on Classic Cars"],
    ["an order-line channel", "channel:Phone", 0.7, 0.1, 0.3, "buy via Phone more", "buy via Phone less"],
    ["an unknown column", "x", 9, 1, 5, "have a higher x", "have a lower x"],
  ])("%s (%s)", (_, name, high, low, base, highPhrase, lowPhrase) => {
    expect([phraseFor(name, high, base), phraseFor(name, low, base)]).toEqual([highPhrase, lowPhrase]);
  });
});

// Three value tiers (lifetime value 900, 700, 600 against 100) with different favourite categories and channels.
//                     clv   wine  meat  deal  web   catalog store
const columnsOf = ["clv", "shareWines", "shareMeatProducts", "dealRatio", "shareWeb", "shareCatalog", "shareStore"];
const profile = (values: number[]): Profile => Object.fromEntries(columnsOf.map((name, i) => [name, values[i]]));
const top = profile([900, 0.7, 0.15, 0.1, 0.2, 0.4, 0.4]);
const second = profile([700, 0.2, 0.6, 0.1, 0.6, 0.1, 0.3]);
const third = profile([600, 0.4, 0.3, 0.1, 0.3, 0.2, 0.5]);
const bargain = profile([100, 0.3, 0.3, 0.6, 0.3, 0.1, 0.6]);
const lone = profile([120, 0.35, 0.3, 0.2, 0.3, 0.15, 0.55]);
const { labels, columns } = table([top, second, third, bargain, bargain, bargain, lone], [3, 3, 3, 3, 3, 3, 1]);
const personas = describeSegments(labels, columns);
const details = (persona: Persona) => persona.actions.map((action) => action.detail).join(" ");

describe("one superlative per run", () => {
  test("only the segment with the highest lifetime value is told it is worth the most", () => {
    const superlatives = personas.filter((persona) => /worth the most/.test(details(persona)));
    expect(superlatives.map((persona) => persona.id)).toEqual([0]);
  });

  test("other valuable segments get a comparative", () => {
    expect(details(personas[1])).toContain("They are worth more than the average customer (expected lifetime value 700 against");
  });
});

describe("plurals", () => {
  test("a one-customer segment is one customer, in its description and its actions", () => {
    const persona = personas[6];
    expect(persona.description).toContain("1 customer, ");
    expect(persona.actions.every((action) => action.audience === "the 1 customer in this segment")).toBe(true);
    expect(personas.map((p) => p.description + details(p)).join(" ")).not.toMatch(/\b1 customers\b/);
  });
});

describe("concrete actions", () => {
  const channels = ["online campaigns", "catalogue mailings", "in-store promotions"];

  test("every action says what to send, to whom with the segment's size, and through a channel the data shows", () => {
    for (const persona of personas) {
      expect(persona.actions.length).toBeGreaterThan(1);
      for (const action of persona.actions) {
        expect(action.audience).toBe(`the ${persona.size === 1 ? "1 customer" : `${persona.size} customers`} in this segment`);
        expect(channels).toContain(action.channel);
        expect(action.detail).toContain(action.audience);
        expect(action.detail).toContain(action.channel!);
        if (action.type !== "channel") expect(action.detail).toContain(`Send ${action.offer} to ${action.audience} through ${action.channel}.`);
      }
    }
  });

  test("no action is generic", () => {
    const titles = personas.flatMap((persona) => persona.actions.map((action) => action.title));
    expect(titles).not.toContain("Test what moves them");
    expect(titles.every((title) => !/A\/B|what moves them/i.test(title))).toBe(true);
  });

  test("offers and channels follow the segment's own traits", () => {
    const upsell = (persona: Persona) => persona.actions.find((action) => action.type === "upsell")!;
    expect(upsell(personas[0]).offer).toBe("an offer on premium wine bundled with meat");
    expect(upsell(personas[1]).offer).toBe("an offer on premium meat bundled with wine");
    expect(personas[0].actions[0].channel).toBe("catalogue mailings");
    expect(personas[1].actions[0].channel).toBe("online campaigns");
    const price = personas[3].actions.find((action) => action.type === "price-incentive")!;
    expect(price.detail).toMatch(/^They buy on deals more than others \(share of purchases on a deal 60% against \d+% for everyone\)\./);
    expect(price.channel).toBe("in-store promotions");
  });

  test("without channel data, no channel is named and the last action says which data is missing", () => {
    const withoutChannels = columns.filter((column) => !column.name.startsWith("share") || /Wines|Meat/.test(column.name));
    const [persona] = describeSegments(labels, withoutChannels);
    expect(persona.actions.every((action) => action.channel === null && !action.detail.includes(" through "))).toBe(true);
    expect(persona.actions.at(-1)).toMatchObject({ type: "channel", title: "No channel data: choose the channel yourself" });
    expect(persona.actions.at(-1)!.detail).toContain("no web, catalogue or store purchase counts, and no channel column in the order lines");
  });

  test("order lines' own channels are used when the data has them", () => {
    const own = table([
      { "channel:Phone": 0.8, "category:Ships": 0.7 },
      { "channel:Phone": 0.2, "category:Ships": 0.3 },
      { "channel:Phone": 0.25, "category:Ships": 0.2 },
    ]);
    const [persona] = describeSegments(own.labels, own.columns);
    expect(persona.actions[0]).toMatchObject({ type: "feature", title: "Feature Ships for them", offer: "a Ships selection", channel: "the Phone channel" });
  });
});

describe("distinct names and leading traits", () => {
  // The marketing file's persona columns, each with a typical mean and spread.
  const features: [string, number, number][] = [
    ["income", 52_000, 21_000],
    ["age", 52, 12],
    ["children", 1, 0.75],
    ["kidhome", 0.44, 0.54],
    ["teenhome", 0.5, 0.54],
    ["totalSpend", 600, 600],
    ["shareWines", 0.46, 0.23],
    ["shareMeatProducts", 0.25, 0.12],
    ["shareFishProducts", 0.07, 0.06],
    ["shareFruits", 0.05, 0.05],
    ["shareSweetProducts", 0.05, 0.05],
    ["shareGoldProds", 0.12, 0.1],
    ["totalPurchases", 13, 7],
    ["shareWeb", 0.33, 0.12],
    ["shareCatalog", 0.16, 0.12],
    ["shareStore", 0.5, 0.14],
    ["dealRatio", 0.24, 0.15],
    ["numWebVisitsMonth", 5.3, 2.4],
    ["recency", 49, 29],
    ["tenureDays", 450, 200],
    ["acceptedCount", 0.3, 0.68],
  ];

  /** k segments with random centres (in standard deviations) and 30 customers each around them. */
  function syntheticRun(k: number, seed: number) {
    const rng = createRng(seed);
    const centres = Array.from({ length: k }, () => features.map(() => rng.normal()));
    const labels = Int32Array.from({ length: k * 30 }, (_, i) => Math.floor(i / 30));
    const columns = features.map(([name, mean, sd], f) => ({
      name,
      values: Float64Array.from(labels, (segment) => mean + (centres[segment][f] + 0.3 * rng.normal()) * sd),
    }));
    return describeSegments(labels, columns);
  }

  test("of two segments whose strongest trait is the same, the stronger leads with it and the other with its next", () => {
    const { labels, columns } = table([
      { totalSpend: 2_000, dealRatio: 0.2 },
      // Spend is its strongest trait (z 1.06), deals its next (0.96).
      { totalSpend: 1_600, dealRatio: 0.21 },
      { totalSpend: 500, dealRatio: 0.1 },
      { totalSpend: 600, dealRatio: 0.2 },
      { totalSpend: 400, dealRatio: 0.15 },
      { totalSpend: 550, dealRatio: 0.18 },
    ]);
    const [stronger, weaker] = describeSegments(labels, columns);
    expect(stronger.topTraits[0].phrase).toBe("spend more");
    expect(weaker.topTraits.map((trait) => [trait.phrase, Number(trait.z.toFixed(2))])).toEqual([
      ["buy on deals more", 0.96],
      ["spend more", 1.06],
    ]);
  });

  test.each([3, 4, 5, 6, 7, 8])("k = %d: every segment has its own name and its own leading trait", (k) => {
    const run = syntheticRun(k, 100 + k);
    expect(new Set(run.map((persona) => persona.name)).size).toBe(k);
    expect(run.every((persona) => !/\d$/.test(persona.name))).toBe(true);
    expect(new Set(run.map((persona) => persona.topTraits[0].phrase)).size).toBe(k);
  });
});
