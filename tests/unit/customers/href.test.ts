import { describe, expect, test } from "vitest";
import { buildCustomerHref, decodeExternalId } from "@/lib/customers/href";

describe("customer page addresses", () => {
  test.each(["5524", "A/7 ü?#%25", "x&y=z"])("the external id %s survives the round trip through its address", (externalId) => {
    const href = buildCustomerHref(externalId);
    expect(href.split("/")).toHaveLength(3);
    expect(decodeExternalId(href.slice("/customers/".length))).toBe(externalId);
  });

  test("a malformed percent-encoding is no customer", () => {
    expect(decodeExternalId("%E0%A4%A")).toBeNull();
  });
});
