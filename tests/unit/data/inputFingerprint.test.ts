import { describe, expect, test } from "vitest";
import { formatFingerprint, InputFingerprints, parseFingerprint, fingerprintProfiles } from "@/lib/data/inputFingerprint";
import { createRng } from "@/lib/ml/random";

function fingerprints(profiles: string[], lines: [number, string][]): number[] {
  const builder = new InputFingerprints(profiles.map(fingerprintProfiles));
  for (const [customer, line] of lines) builder.addLine(customer, line);
  return Array.from(builder.finish());
}

describe("per-customer input fingerprints", () => {
  const lines: [number, string][] = [
    [0, "a:2014-01-01:10"],
    [1, "b:2014-01-02:20"],
    [0, "c:2014-02-01:30"],
  ];
  const base = fingerprints(["p0", "p1"], lines);

  test("the order lines arrive in does not matter", () => {
    expect(fingerprints(["p0", "p1"], [...lines].reverse())).toEqual(base);
  });

  test("a customer's fingerprint changes with their profile or their lines, and no one else's does", () => {
    const profileChanged = fingerprints(["p0*", "p1"], lines);
    expect(profileChanged[0]).not.toBe(base[0]);
    expect(profileChanged[1]).toBe(base[1]);
    const lineAdded = fingerprints(["p0", "p1"], [...lines, [1, "d:2014-03-01:5"]]);
    expect(lineAdded[0]).toBe(base[0]);
    expect(lineAdded[1]).not.toBe(base[1]);
  });

  test("a repeated line counts twice: two identical lines are not the same as one", () => {
    const once = fingerprints(["p0"], [[0, "a:2014-01-01:10"]]);
    const twice = fingerprints(
      ["p0"],
      [
        [0, "a:2014-01-01:10"],
        [0, "a:2014-01-01:10"],
      ],
    );
    expect(twice[0]).not.toBe(once[0]);
  });

  test("a fingerprint survives its stored form exactly; a missing or malformed one matches nothing", () => {
    for (const value of base) expect(parseFingerprint(formatFingerprint(value))).toBe(value);
    expect(parseFingerprint(null)).toBeNaN();
    expect(parseFingerprint("not hex")).toBeNaN();
  });

  test("the stored form is the number's hexadecimal digits, across the 32-bit boundary and up to 2^53 - 1", () => {
    const values = [0, 1, 255, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 15, 0xabcdef12345, 2 ** 53 - 1];
    expect(values.map(formatFingerprint)).toEqual(["0", "1", "ff", "ffffffff", "100000000", "10000000f", "abcdef12345", "1fffffffffffff"]);
    const others = [-1, -(2 ** 32) - 1, 2 ** 53, 2 ** 64, 3.5, -0, Number.POSITIVE_INFINITY, Number.NaN];
    for (const value of [...values, ...others]) expect(formatFingerprint(value)).toBe(value.toString(16));
    const rng = createRng(53);
    for (let i = 0; i < 10_000; i++) {
      const value = Math.floor(rng.next() * 2 ** 21) * 2 ** 32 + Math.floor(rng.next() * 2 ** 32);
      expect(formatFingerprint(value)).toBe(value.toString(16));
    }
  });
});
