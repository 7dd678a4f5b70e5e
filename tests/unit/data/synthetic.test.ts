import { readFile } from "node:fs/promises";
import { describe, expect, test } from "vitest";
import { ACCEPTED_FIELDS, CUSTOMER_COLUMNS, KNOWN_MARITAL_STATUS, SPEND_FIELDS, type CustomerRecord } from "@/lib/data/customer";
import { CUSTOMER_CSV_HEADER } from "@/lib/data/importableCsv";
import { generateCustomers, generateCustomersWithTypes } from "@/lib/data/synthetic";
import { CUSTOMER_TYPES } from "@/lib/data/syntheticTypes";

const spend = (r: CustomerRecord) => SPEND_FIELDS.reduce((sum, field) => sum + (r[field] ?? 0), 0);
const purchases = (r: CustomerRecord) => (r.numWebPurchases ?? 0) + (r.numCatalogPurchases ?? 0) + (r.numStorePurchases ?? 0);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const share = (records: CustomerRecord[], test: (r: CustomerRecord, i: number) => boolean) => records.filter(test).length / records.length;

function correlation(x: number[], y: number[]): number {
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe("determinism", () => {
  test("the same seed gives the same rows", () => {
    expect(generateCustomers({ seed: 7, count: 300 })).toEqual(generateCustomers({ seed: 7, count: 300 }));
  });

  test("a different seed gives different rows", () => {
    const a = generateCustomers({ seed: 7, count: 300 });
    const b = generateCustomers({ seed: 8, count: 300 });
    expect(a.map((r) => r.externalId)).toEqual(b.map((r) => r.externalId));
    expect(a.filter((r, i) => r.income === b[i].income && spend(r) === spend(b[i])).length).toBeLessThan(10);
  });

  test.each([
    [0, 1000],
    [300, 250],
    [255, 2],
    [511, 300],
  ])("a range starting at %i (%i rows) equals the same slice of one long run", (start, count) => {
    const all = generateCustomers({ seed: 3, count: 1000 });
    expect(generateCustomers({ seed: 3, start, count })).toEqual(all.slice(start, start + count));
  });

  test("refuses a negative or fractional range", () => {
    expect(() => generateCustomers({ seed: 1, start: -1, count: 2 })).toThrow(/start/);
    expect(() => generateCustomers({ seed: 1, count: 2.5 })).toThrow(/count/);
  });
});

describe("shape", () => {
  const records = generateCustomers({ seed: 5, count: 500 });

  test("every record has exactly the CustomerRecord fields, with unique ids", () => {
    const fields = CUSTOMER_COLUMNS.map((column) => column.field).sort();
    for (const record of records) expect(Object.keys(record).sort()).toEqual(fields);
    expect(new Set(records.map((r) => r.externalId)).size).toBe(records.length);
  });

  test("the CSV header is the real file's header", async () => {
    const real = await readFile("../shared/data/marketing_campaign.csv", "utf8");
    expect(CUSTOMER_CSV_HEADER).toBe(real.slice(0, real.indexOf("\r\n")));
  });

  test("values stay in the real file's ranges and constants", () => {
    for (const r of records) {
      expect(r.recency).toBeGreaterThanOrEqual(0);
      expect(r.recency).toBeLessThan(100);
      expect(r.dtCustomer!.getTime()).toBeGreaterThanOrEqual(Date.UTC(2012, 6, 30));
      expect(r.dtCustomer!.getTime()).toBeLessThanOrEqual(Date.UTC(2014, 5, 29));
      expect([r.zCostContact, r.zRevenue]).toEqual([3, 11]);
      expect(r.numDealsPurchases).toBeLessThanOrEqual(Math.max(purchases(r), 0));
    }
  });
});

describe("joint structure on 20,000 rows", () => {
  const { records, types } = generateCustomersWithTypes({ seed: 11, count: 20_000 });
  const withIncome = records.filter((r) => r.income !== null && r.income < 600_000);

  test("the Response rate is like the real file's (10–20%)", () => {
    const rate = share(records, (r) => r.response === 1);
    expect(rate).toBeGreaterThan(0.1);
    expect(rate).toBeLessThan(0.2);
  });

  test.each(ACCEPTED_FIELDS.map((field) => [field]))("%s is accepted by 0.5–12% of customers", (field) => {
    const rate = share(records, (r) => r[field] === 1);
    expect(rate).toBeGreaterThan(0.005);
    expect(rate).toBeLessThan(0.12);
  });

  test("income is positively correlated with total spend", () => {
    expect(
      correlation(
        withIncome.map((r) => r.income!),
        withIncome.map(spend),
      ),
    ).toBeGreaterThan(0.6);
  });

  test("children at home lower spend at the same income", () => {
    const band = withIncome.filter((r) => r.income! > 45_000 && r.income! < 65_000);
    const noKids = band.filter((r) => r.kidhome === 0).map(spend);
    const kids = band.filter((r) => r.kidhome! > 0).map(spend);
    expect(mean(kids)).toBeLessThan(0.7 * mean(noKids));
  });

  test("past campaign acceptors respond more", () => {
    const accepted = records.filter((r) => ACCEPTED_FIELDS.some((field) => r[field] === 1));
    const never = records.filter((r) => ACCEPTED_FIELDS.every((field) => r[field] === 0));
    expect(share(accepted, (r) => r.response === 1)).toBeGreaterThan(2.5 * share(never, (r) => r.response === 1));
  });

  test("mean spend differs strongly between the latent types", () => {
    const spendByType = CUSTOMER_TYPES.map((_, t) => mean(records.filter((_, i) => types[i] === t).map(spend)));
    expect(Math.max(...spendByType)).toBeGreaterThan(8 * Math.min(...spendByType));
    const affluent = CUSTOMER_TYPES.findIndex((t) => t.name === "Affluent connoisseurs");
    expect(spendByType[affluent]).toBe(Math.max(...spendByType));
  });

  test("deal seekers buy a larger share on deals than affluent customers", () => {
    const dealShare = (name: string) => {
      const t = CUSTOMER_TYPES.findIndex((type) => type.name === name);
      const group = records.filter((r, i) => types[i] === t && purchases(r) > 0);
      return mean(group.map((r) => r.numDealsPurchases! / purchases(r)));
    };
    expect(dealShare("Young families, deal seekers")).toBeGreaterThan(2 * dealShare("Affluent connoisseurs"));
  });

  test.each(CUSTOMER_TYPES.map((type, t) => [type.name, t]))("%s split their purchases over channels closely as their type's mix says", (_, t) => {
    const group = records.filter((r, i) => types[i] === t && purchases(r) >= 5);
    const channels = [(r: CustomerRecord) => r.numWebPurchases!, (r: CustomerRecord) => r.numCatalogPurchases!, (r: CustomerRecord) => r.numStorePurchases!];
    channels.forEach((count, c) => {
      const shares = group.map((r) => count(r) / purchases(r));
      const centre = mean(shares);
      expect(centre).toBeCloseTo(CUSTOMER_TYPES[t].channelShares[c], 1);
      // Drawing each purchase's channel apart would scatter shares by 0.1–0.18 at these counts.
      expect(Math.sqrt(mean(shares.map((v) => (v - centre) ** 2)))).toBeLessThan(0.1);
    });
  });

  test("a nearest-centroid rule on eight features recovers at least 95% of the types", () => {
    const features = records.map((r) => {
      const total = spend(r);
      const bought = purchases(r) || 1;
      return [
        Math.log(r.income !== null && r.income < 600_000 ? r.income : 50_000),
        Math.log1p(total),
        r.kidhome!,
        r.teenhome!,
        r.numDealsPurchases! / bought,
        r.numCatalogPurchases! / bought,
        r.numWebVisitsMonth!,
        r.mntWines! / (total || 1),
      ];
    });
    const dims = features[0].length;
    const centre = Array.from({ length: dims }, (_, j) => mean(features.map((f) => f[j])));
    const scale = Array.from({ length: dims }, (_, j) => Math.sqrt(mean(features.map((f) => (f[j] - centre[j]) ** 2))));
    const z = features.map((f) => f.map((v, j) => (v - centre[j]) / scale[j]));
    const centroids = CUSTOMER_TYPES.map((_, t) => {
      const members = z.filter((_, i) => types[i] === t);
      return Array.from({ length: dims }, (_, j) => mean(members.map((f) => f[j])));
    });
    const nearest = (f: number[]) => {
      const distances = centroids.map((c) => c.reduce((sum, v, j) => sum + (v - f[j]) ** 2, 0));
      return distances.indexOf(Math.min(...distances));
    };
    expect(share(records, (_, i) => nearest(z[i]) === types[i])).toBeGreaterThan(0.95);
  });

  test("the real file's dirt is there", () => {
    expect(share(records, (r) => r.income === null)).toBeGreaterThan(0.005);
    expect(records.some((r) => r.yearBirth! <= 1900)).toBe(true);
    expect(records.some((r) => r.income === 666_666)).toBe(true);
    const odd = new Set(records.map((r) => r.maritalStatus).filter((s) => !(KNOWN_MARITAL_STATUS as readonly (string | null)[]).includes(s)));
    expect([...odd].sort()).toEqual(["Absurd", "Alone", "YOLO"]);
    const key = (r: CustomerRecord) => JSON.stringify({ ...r, externalId: "" });
    expect(new Set(records.map(key)).size).toBeLessThan(records.length * 0.95);
  });
});
