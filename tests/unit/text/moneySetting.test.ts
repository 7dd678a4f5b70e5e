import { describe, expect, test } from "vitest";
import { canonicalNumberLocale, moneySetting } from "@/lib/text/moneySetting";

const problems = (value: unknown) => {
  const parsed = moneySetting.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => [issue.path.join("."), issue.message]);
};

describe("the display.money setting", () => {
  test.each([
    [
      { currency: "USD", locale: "en-US" },
      { currency: "USD", locale: "en-US" },
    ],
    [
      { currency: " eur ", locale: "de-de" },
      { currency: "EUR", locale: "de-DE" },
    ],
    [
      { currency: "CHF", locale: "fr-FR" },
      { currency: "CHF", locale: "fr-FR" },
    ],
    [
      { currency: "JPY", locale: "en-GB" },
      { currency: "JPY", locale: "en-GB" },
    ],
    [
      { currency: null, locale: "en-US" },
      { currency: null, locale: "en-US" },
    ],
  ])("%j is kept as %j", (input, expected) => {
    expect(moneySetting.parse(input)).toEqual(expected);
  });

  test("a code that is not ISO 4217 is refused with a message naming the field", () => {
    expect(problems({ currency: "XYZ1", locale: "en-US" })).toEqual([
      ["currency", 'Currency: "XYZ1" is not an ISO 4217 currency code (e.g. USD, EUR, GBP, CHF, JPY)'],
    ]);
    expect(problems({ currency: "XYZ", locale: "en-US" })).toEqual([
      ["currency", 'Currency: "XYZ" is not an ISO 4217 currency code (e.g. USD, EUR, GBP, CHF, JPY)'],
    ]);
  });

  test.each(["xx-YY", "not a locale", ""])("the locale %j is refused with a message naming the field", (locale) => {
    const [[path, message]] = problems({ currency: "USD", locale });
    expect(path).toBe("locale");
    expect(message).toMatch(/^Number format: /);
  });

  test("locales are spelled as Intl spells them", () => {
    expect(canonicalNumberLocale("EN-gb")).toBe("en-GB");
    expect(canonicalNumberLocale("@@")).toBeNull();
  });
});
