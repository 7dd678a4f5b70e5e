/** A customer's page, addressed by the id in the customer's own file; any character in it is encoded. */
export function customerHref(externalId: string): string {
  return `/customers/${encodeURIComponent(externalId)}`;
}
