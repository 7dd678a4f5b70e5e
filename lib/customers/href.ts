/** A customer's page, addressed by the id in the customer's own file; any character in it is encoded. */
export function buildCustomerHref(externalId: string): string {
  return `/customers/${encodeURIComponent(externalId)}`;
}

/** The external id in /customers/[id]: Next hands the segment over still percent-encoded; a malformed one is no customer. */
export function decodeExternalId(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
