/**
 * The address a request came from, as far as the app can know it. Route handlers do not see
 * the socket's peer, and X-Forwarded-For is whatever the client wrote unless a proxy of ours
 * set it. So it counts only with TRUSTED_PROXIES (comma-separated addresses of the proxies in
 * front of the app): the client is the last hop that is not one of them. Without it every
 * request shares one address, "unknown" — a limit keyed on it then applies to everyone at once.
 */
export const UNKNOWN_ADDRESS = "unknown";

export function clientAddress(headers: Headers, trustedProxies = process.env.TRUSTED_PROXIES ?? ""): string {
  const trusted = new Set(list(trustedProxies));
  if (trusted.size === 0) return UNKNOWN_ADDRESS;
  const hops = list(headers.get("x-forwarded-for") ?? "");
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted.has(hops[i])) return hops[i];
  return UNKNOWN_ADDRESS;
}

const list = (text: string) => text.split(",").map((entry) => entry.trim()).filter(Boolean);
