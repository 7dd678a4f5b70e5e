/**
 * The client address behind trusted proxies: X-Forwarded-For is believed only from its
 * right-hand end, past the proxies named in TRUSTED_PROXIES, and not at all without them.
 */
import { describe, expect, test } from "vitest";
import { clientAddress, parseTrustedProxies, UNKNOWN_ADDRESS } from "@/lib/http/clientAddress";

const none = parseTrustedProxies(undefined);
const proxies = parseTrustedProxies("10.0.0.0/8, 192.168.1.5, fd00::/8");

describe("clientAddress", () => {
  test("without trusted proxies the header is ignored: every request shares one key", () => {
    for (const forwarded of ["203.0.113.1", "198.51.100.2, 10.0.0.1", ""]) {
      expect(clientAddress({ "x-forwarded-for": forwarded }, none)).toBe(UNKNOWN_ADDRESS);
    }
    expect(clientAddress(undefined, none)).toBe(UNKNOWN_ADDRESS);
  });

  test("the right-most entry that is not a trusted proxy is the client; forged entries to its left are ignored", () => {
    expect(clientAddress({ "x-forwarded-for": "203.0.113.7" }, proxies)).toBe("203.0.113.7");
    expect(clientAddress({ "x-forwarded-for": "1.1.1.1, 2.2.2.2, 203.0.113.7, 10.1.2.3, 192.168.1.5" }, proxies)).toBe("203.0.113.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "9.9.9.9,203.0.113.8 ,10.0.0.2" }), proxies)).toBe("203.0.113.8");
  });

  test("a chain of trusted proxies only gives the left-most; no header gives the shared key", () => {
    expect(clientAddress({ "x-forwarded-for": "10.0.0.9, 192.168.1.5" }, proxies)).toBe("10.0.0.9");
    expect(clientAddress({}, proxies)).toBe(UNKNOWN_ADDRESS);
  });

  test("ports, brackets, IPv4-mapped IPv6 and case are normalised; garbage next to a proxy is not an address", () => {
    expect(clientAddress({ "x-forwarded-for": "203.0.113.9:51234, 10.0.0.1" }, proxies)).toBe("203.0.113.9");
    expect(clientAddress({ "x-forwarded-for": "[2001:DB8::1]:443, ::ffff:10.0.0.1" }, proxies)).toBe("2001:db8::1");
    expect(clientAddress({ "x-forwarded-for": "2001:db8::2, fd12::1" }, proxies)).toBe("2001:db8::2");
    expect(clientAddress({ "x-forwarded-for": "203.0.113.1, not-an-ip, 10.0.0.1" }, proxies)).toBe(UNKNOWN_ADDRESS);
  });

  test("TRUSTED_PROXIES accepts IPs and CIDRs and refuses anything else", () => {
    expect(parseTrustedProxies(" 127.0.0.1 , ::1, 172.16.0.0/12 ").empty).toBe(false);
    for (const bad of ["localhost", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/8/1", "fd00::/129"]) {
      expect(() => parseTrustedProxies(bad)).toThrow(`TRUSTED_PROXIES: "${bad}"`);
    }
  });
});
