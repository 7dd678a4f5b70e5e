import "server-only";
import { cache } from "react";
import { getCustomerProfile } from "@/lib/db/customerDetail";
import { externalIdOf } from "@/lib/customers/href";

/** The customer at /customers/<segment>, read once per request by the layout's 404 check and the page. */
export const findCustomer = cache(async (segment: string) => {
  const externalId = externalIdOf(segment);
  return externalId === null ? null : getCustomerProfile(externalId);
});
