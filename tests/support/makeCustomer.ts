/** A complete hand-made CustomerRecord for unit tests: neutral values, then the overrides. */
import { createEmptyCustomer, type CustomerRecord } from "@/lib/data/customer";

export function makeCustomer(id: string | number, overrides: Partial<CustomerRecord> = {}): CustomerRecord {
  return {
    ...createEmptyCustomer(String(id)),
    yearBirth: 1970,
    education: "Graduation",
    maritalStatus: "Married",
    income: 50_000,
    kidhome: 0,
    teenhome: 0,
    dtCustomer: new Date(Date.UTC(2014, 0, 1)),
    recency: 30,
    mntWines: 0,
    mntFruits: 0,
    mntMeatProducts: 0,
    mntFishProducts: 0,
    mntSweetProducts: 0,
    mntGoldProds: 0,
    numDealsPurchases: 0,
    numWebPurchases: 0,
    numCatalogPurchases: 0,
    numStorePurchases: 0,
    numWebVisitsMonth: 0,
    acceptedCmp1: 0,
    acceptedCmp2: 0,
    acceptedCmp3: 0,
    acceptedCmp4: 0,
    acceptedCmp5: 0,
    complain: 0,
    zCostContact: 3,
    zRevenue: 11,
    response: 0,
    ...overrides,
  };
}
