/**
 * The address a request came from, for per-address limits. Route handlers see only headers,
 * never the socket, and `X-Forwarded-For` is whatever the client wrote unless a proxy we trust
 * appended to it. So the header is read only when TRUSTED_PROXIES (comma-separated IPs or
 * CIDRs) names the reverse proxies: the client is the right-most entry that is not one of
 * them (each trusted proxy appends the address it saw; anything further left may be forged).
 * Without trusted proxies every request gets UNKNOWN_ADDRESS: one shared key, which spoofing
 * cannot escape. The app must then be reachable only through those proxies, since a request
 * sent to it directly could forge the whole header.
 */
import net from "node:net";

export const UNKNOWN_ADDRESS = "unknown";

type HeaderSource = Headers | Record<string, string | string[] | undefined | unknown> | undefined;

export interface TrustedProxies {
  list: BlockList;
  empty: boolean;
}

type BlockList = InstanceType<typeof net.BlockList>;

/** Parses a TRUSTED_PROXIES value; throws on an entry that is neither an IP nor a CIDR. */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new net.BlockList();
  const entries = (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split("/");
    const canonical = normalise(address);
    const family = canonical ? net.isIP(canonical) : 0;
    const valid = family !== 0 && extra === undefined && (prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128)));
    if (!valid) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(canonical!, type);
    else list.addSubnet(canonical!, Number(prefix), type);
  }
  return { list, empty: entries.length === 0 };
}

let cached: { raw: string | undefined; proxies: TrustedProxies } | null = null;

/** TRUSTED_PROXIES as configured now (re-parsed only when the variable changes). */
export function trustedProxies(): TrustedProxies {
  const raw = process.env.TRUSTED_PROXIES;
  if (!cached || cached.raw !== raw) cached = { raw, proxies: parseTrustedProxies(raw) };
  return cached.proxies;
}

export function clientAddress(headers: HeaderSource, trusted: TrustedProxies = trustedProxies()): string {
  if (trusted.empty) return UNKNOWN_ADDRESS;
  const entries = headerValue(headers, "x-forwarded-for")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (let i = entries.length - 1; i >= 0; i--) {
    const address = normalise(entries[i]);
    // A malformed hop next to our proxies means the chain cannot be read: share the unknown key.
    if (!address) return UNKNOWN_ADDRESS;
    if (!isTrusted(address, trusted.list)) return address;
    if (i === 0) return address;
  }
  return UNKNOWN_ADDRESS;
}

function isTrusted(address: string, list: BlockList): boolean {
  return list.check(address, net.isIP(address) === 4 ? "ipv4" : "ipv6");
}

/** An IP without port or brackets, IPv4-mapped IPv6 as IPv4, IPv6 lower-case; null if not an IP. */
function normalise(value: string | undefined): string | null {
  if (!value) return null;
  let address = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  address = address.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) address = mapped[1];
  return net.isIP(address) ? address : null;
}

function headerValue(headers: HeaderSource, name: string): string {
  if (!headers) return "";
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? "";
  const value = (headers as Record<string, unknown>)[name];
  if (Array.isArray(value)) return value.join(",");
  return typeof value === "string" ? value : "";
}
