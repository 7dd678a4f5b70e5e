import { beforeAll, describe, expect, test } from "vitest";
import { createEmptyCustomer } from "@/lib/data/customer";
import { generateCustomersWithTypes } from "@/lib/data/synthetic";
import { generateOrderBusiness } from "@/lib/data/syntheticBusiness";
import { generateOrders } from "@/lib/data/syntheticOrders";
import { score, trainAll, type TrainResult } from "@/lib/ml/train";

/** Words the marketing-campaign layout brings; an order-only shop has none of these. */
const MARKETING_WORDS = /wine|meat|fish|fruit|sweets|gold|deal|catalogue|in store|website|income|children/i;

describe("an order-only business of 92 customers", () => {
  const business = generateOrderBusiness({ customers: 92, seed: 3 });
  const customers = [...new Set(business.orders.map((order) => order.customerId))].map(createEmptyCustomer);
  let result: TrainResult;

  beforeAll(async () => {
    result = await trainAll({ customers, orders: business.orders }, { seed: 1, spaces: ["standardized", "pca"] });
  }, 300_000);

  test("is segmented on its order lines, with a warning that few customers make fragile segments", () => {
    expect(result.metrics.segmentation.source).toBe("orders");
    const buyers = new Set(business.orders.filter((order) => order.kind === "sale").map((order) => order.customerId)).size;
    expect(result.metrics.segmentation.warnings).toEqual([
      expect.stringMatching(/^Segments from 92 customers are fragile/),
      ...(buyers < 92
        ? [
            `Segments were fitted on the ${buyers} customers with a purchase in the order lines; ${92 - buyers === 1 ? "1 customer without one is" : `${92 - buyers} customers without one are`} placed by the nearest segment centre.`,
          ]
        : []),
    ]);
    expect(result.models.orderFeatures?.categories).toEqual(expect.arrayContaining(["Classic Cars"]));
    expect(result.scores.segment.length).toBe(92);
  });

  test("skips the response model for want of campaign outcomes, and says so for every customer", () => {
    expect(result.skipped).toContainEqual({ model: "response", reason: "no Response column" });
    expect(result.models.response).toBeNull();
    expect(new Set(result.scores.responseNote)).toEqual(new Set(["no response model in this run: no Response column"]));
  });

  test("gives CLV and P(alive) from the order lines to every customer with a purchase", () => {
    const coverage = result.metrics.clv!.coverage!;
    const buyers = new Set(business.orders.filter((order) => order.kind === "sale").map((order) => order.customerId)).size;
    expect(coverage).toMatchObject({ customers: 92, orders: buyers, profiles: 0, none: 92 - buyers });
    result.scores.clvSource.forEach((source, i) => {
      expect(source === "orders").toBe(Number.isFinite(result.scores.clv[i]));
      expect(source === "orders").toBe(Number.isFinite(result.scores.pAlive[i]));
    });
  });

  test("personas speak of the business's own categories and channels, never of the marketing file's", () => {
    const own = [...business.categories, ...business.channels];
    for (const persona of result.personas) {
      const text = [persona.name, persona.description, ...persona.actions.map((action) => `${action.title} ${action.detail}`)].join(" ");
      expect(text).not.toMatch(MARKETING_WORDS);
    }
    const named = result.personas.filter((persona) => own.some((word) => persona.name.includes(word)));
    expect(named.length).toBeGreaterThan(0);
  });

  test("new customers are scored on the same order-line features", async () => {
    const rescored = await score({ customers, orders: business.orders }, result.models);
    expect(Array.from(rescored.segment)).toEqual(Array.from(result.scores.segment));
    expect(Array.from(rescored.clv)).toEqual(Array.from(result.scores.clv));
  });
});

describe("profiles for everyone, order lines for half", () => {
  const { records: customers } = generateCustomersWithTypes({ seed: 8, count: 600 });
  const orders = generateOrders(
    customers.filter((_, i) => i % 2 === 0),
    { seed: 8 },
  );
  let result: TrainResult;

  beforeAll(async () => {
    result = await trainAll({ customers, orders }, { seed: 2, spaces: ["standardized"], folds: 3 });
  }, 300_000);

  test("every customer gets a CLV: exact from order lines where they have any, approximated from the profile otherwise", () => {
    const coverage = result.metrics.clv!.coverage!;
    expect(coverage.customers).toBe(600);
    expect(coverage.orders).toBe(new Set(orders.map((order) => order.customerId)).size);
    expect(coverage.orders + coverage.profiles + coverage.none).toBe(600);
    expect(coverage.profiles).toBeGreaterThan(250);
    result.scores.clvSource.forEach((source, i) => expect(source).toBe(i % 2 === 0 ? "orders" : coverage.none > 0 && source === null ? null : "profiles"));
    expect(result.metrics.segmentation.source).toBe("profile");
  });
});

describe("no response score from extrapolation", () => {
  const { records: customers } = generateCustomersWithTypes({ seed: 9, count: 500 });
  let result: TrainResult;

  beforeAll(async () => {
    result = await trainAll({ customers }, { seed: 3, spaces: ["standardized"], folds: 3 });
  }, 300_000);

  test("a customer far outside the training range, or without the profile the model reads, gets no probability and a reason", async () => {
    const longGone = { ...customers[0], externalId: "far", recency: 4_010 };
    const idOnly = createEmptyCustomer("bare");
    const { yearBirth, education, maritalStatus, income, kidhome, teenhome, dtCustomer, recency, mntWines, mntMeatProducts, numStorePurchases } = customers[1];
    const partial = {
      ...createEmptyCustomer("partial"),
      yearBirth,
      education,
      maritalStatus,
      income,
      kidhome,
      teenhome,
      dtCustomer,
      recency,
      mntWines,
      mntMeatProducts,
      numStorePurchases,
    };
    const scored = await score({ customers: [customers[0], longGone, idOnly, partial] }, result.models);
    expect(Number.isFinite(scored.responseProbability[0])).toBe(true);
    expect(scored.responseNote[0]).toBeNull();
    expect(Number.isNaN(scored.responseProbability[1])).toBe(true);
    expect(scored.responseNote[1]).toMatch(/^days since the last purchase far outside the range the response model was trained on \(0 to 99\)$/);
    expect(Number.isNaN(scored.responseProbability[2])).toBe(true);
    expect(scored.responseNote[2]).toMatch(/^the profile has fewer than \d+ of the \d+ inputs the response model needs$/);
    // A partial profile, like the scoring API's example, is still scored.
    expect(scored.responseNote[3]).toBeNull();
    expect(Number.isFinite(scored.responseProbability[3])).toBe(true);
  });
});
