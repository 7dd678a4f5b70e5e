import { describe, expect, test } from "vitest";
import type { StoredRunSummary } from "@/lib/dashboard/storedSummary";
import { computeExecutiveKpis } from "@/app/ui/executive/kpis";
import { UNSET_MONEY_FORMAT } from "@/lib/text/numberFormat";

// A summary as written before the campaign and the scatter sample were stored.
const old: StoredRunSummary = {
  customers: 800,
  revenue: 411_425.49,
  totalClv: 240_000,
  averageClv: 300,
  clvLowTotal: 220_000,
  clvHighTotal: 260_000,
  aliveShare: 0.679,
  expectedResponders: 145.4,
  segments: [],
};
const now: StoredRunSummary = {
  ...old,
  customers: 1_000,
  revenue: 515_024.83,
  averageClv: 295.2,
  aliveShare: 0.674,
  campaign: {
    recommended: {
      contacts: 183,
      expectedResponders: 94.7,
      cost: 549,
      revenue: 1_041.7,
      profit: 492.7,
      roi: 0.897,
      threshold: 0.27291,
      breakEven: 3 / 11,
      scored: 1_000,
      segments: [{ segmentKey: 0, contacts: 183 }],
      economics: { costPerContact: 3, revenuePerResponse: 11 },
    },
    everyone: { contacts: 1_000, expectedResponders: 172.1, cost: 3_000, revenue: 1_893.1, profit: -1_106.9, roi: -0.369 },
    economics: { costPerContact: 3, revenuePerResponse: 11 },
  },
};
// A summary as written before the recommended campaign was stored: the same audience (above break-even) as "targeted".
const legacy: StoredRunSummary = {
  ...now,
  campaign: {
    everyone: { contacts: 1_000, expectedResponders: 172.1, cost: 3_000, revenue: 1_893.1, profit: -1_106.9, roi: -0.369 },
    targeted: { contacts: 180, expectedResponders: 93.1, cost: 540, revenue: 1_024.1, profit: 484.1, roi: 0.896 },
    threshold: 3 / 11,
    economics: { costPerContact: 3, revenuePerResponse: 11 },
  },
};
const byId = (kpis: ReturnType<typeof computeExecutiveKpis>) => Object.fromEntries(kpis.map((kpi) => [kpi.id, kpi]));

describe("executiveKpis", () => {
  test("shows each figure with its signed change since the previous run", () => {
    const kpis = byId(computeExecutiveKpis(now, old, UNSET_MONEY_FORMAT));
    expect(kpis.customers).toMatchObject({ value: "1,000", change: { value: 200, text: "+200" } });
    expect(kpis.revenue).toMatchObject({ value: "515K", change: { text: "+103.6K" } });
    expect(kpis["clv-average"]).toMatchObject({ value: "295", change: { text: "−5" } });
    expect(kpis.alive).toMatchObject({ value: "67.4%", change: { text: "−0.5 pp" } });
    expect(kpis["clv-total"].detail).toBe("80% interval 220K – 260K");
    expect(kpis.profit).toMatchObject({ value: "493", detail: "mailing 183 customers with p ≥ 27.29%; mailing everyone: -1,107" });
    expect(kpis.roi.value).toBe("90%");
  });

  test("with EUR in de-DE every money figure carries the euro and every number the German separators", () => {
    const kpis = byId(computeExecutiveKpis(now, old, { currency: "EUR", locale: "de-DE" }));
    // German writes thousands in full, so the "compact" revenue is whole euros.
    expect(kpis.revenue).toMatchObject({ value: "515.025\u00a0€", change: { text: "+103.599\u00a0€" } });
    expect(kpis["clv-total"].detail).toBe("80% interval 220.000\u00a0€ – 260.000\u00a0€");
    expect(kpis["clv-average"]).toMatchObject({ value: "295\u00a0€", change: { text: "−5\u00a0€" } });
    expect(kpis.customers.value).toBe("1.000");
    expect(kpis.alive).toMatchObject({ value: "67,4\u00a0%", change: { text: "−0,5 pp" } });
    expect(kpis.profit.detail).toBe("mailing 183 customers with p ≥ 27,29\u00a0%; mailing everyone: -1.107\u00a0€");
    expect(kpis.roi.detail).toBe("mailing everyone: -37\u00a0% (cost 3\u00a0€ per contact, revenue 11\u00a0€ per response)");
  });

  test("a run stored before the recommended campaign shows its audience above break-even, without a threshold, and the change against it", () => {
    expect(byId(computeExecutiveKpis(legacy, null, UNSET_MONEY_FORMAT)).profit).toMatchObject({
      value: "484",
      detail: "mailing 180 customers; mailing everyone: -1,107",
    });
    expect(byId(computeExecutiveKpis(now, legacy, UNSET_MONEY_FORMAT)).profit.change).toMatchObject({ text: "+9" });
  });

  test("without a previous run there are no changes; a run stored before the campaign says to retrain", () => {
    const kpis = byId(computeExecutiveKpis(old, null, UNSET_MONEY_FORMAT));
    expect(kpis.customers.change).toBeNull();
    expect(kpis.profit).toMatchObject({ value: "—", detail: "retrain to see this" });
    expect(kpis.roi).toMatchObject({ value: "—", detail: "retrain to see this" });
  });

  test("CLV totals and expected responders say whom they cover and why the rest are left out", () => {
    const covered: StoredRunSummary = {
      ...now,
      customers: 7_240,
      clvCoverage: {
        customers: 7_240,
        orders: 5_000,
        profiles: 2_000,
        none: 240,
        reasons: [{ reason: "no order lines and no purchase counts in the profile", count: 240 }],
      },
      responseCoverage: { customers: 7_240, scored: 0, none: 7_240, reasons: [{ reason: "no campaign outcomes yet, so no response model", count: 7_240 }] },
    };
    const kpis = byId(computeExecutiveKpis(covered, null, UNSET_MONEY_FORMAT));
    expect(kpis["clv-total"].coverage).toEqual([
      "CLV for 7,000 of 7,240 customers: 5,000 from order lines, 2,000 from profile fields",
      "240 without: no order lines and no purchase counts in the profile (240)",
    ]);
    expect(kpis["clv-average"].detail).toBe("over the 7,000 customers with a CLV");
    expect(kpis.responders.coverage).toEqual([
      "Response score for 0 of 7,240 customers",
      "7,240 without: no campaign outcomes yet, so no response model (7,240)",
    ]);
  });

  test("a run stored before coverage was recorded says to retrain to see it", () => {
    const kpis = byId(computeExecutiveKpis(old, null, UNSET_MONEY_FORMAT));
    expect(kpis["clv-total"].coverage).toEqual(["How many customers this covers: retrain to see this."]);
    expect(kpis.responders.coverage).toEqual(["How many customers this covers: retrain to see this."]);
  });
});
