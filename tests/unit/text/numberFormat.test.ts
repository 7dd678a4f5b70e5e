import { describe, expect, test } from "vitest";
import {
  formatCompactNumber,
  formatCount,
  formatFixed,
  formatMoney,
  nameMoneyColumn,
  formatPercent,
  UNSET_MONEY_FORMAT,
  type MoneyFormat,
} from "@/lib/text/numberFormat";

const USD: MoneyFormat = { currency: "USD", locale: "en-US" };
const EUR: MoneyFormat = { currency: "EUR", locale: "de-DE" };
const CHF: MoneyFormat = { currency: "CHF", locale: "fr-FR" };
const JPY: MoneyFormat = { currency: "JPY", locale: "en-US" };
// de-DE and fr-FR put a no-break space (U+00A0) before the symbol; fr-FR groups with a narrow no-break space (U+202F).
const NBSP = "\u00a0";
const NNBSP = "\u202f";

describe("money", () => {
  test.each([
    ["USD whole", 2_500_000.5, USD, {}, "$2,500,001"],
    ["USD compact", 2_500_000, USD, { compact: true }, "$2.5M"],
    ["USD cents", 1_234.5, USD, { cents: true }, "$1,234.50"],
    ["EUR/de-DE cents", 1_234.5, EUR, { cents: true }, `1.234,50${NBSP}€`],
    ["EUR/de-DE whole", 2_500_000.5, EUR, {}, `2.500.001${NBSP}€`],
    ["EUR/de-DE compact", 2_500_000.5, EUR, { compact: true }, `2,5${NBSP}Mio.${NBSP}€`],
    ["CHF/fr-FR cents", 2_500_000.5, CHF, { cents: true }, `2${NNBSP}500${NNBSP}000,50${NBSP}CHF`],
    ["JPY has no minor unit, so cents round to yen", 1_234.5, JPY, { cents: true }, "¥1,235"],
    ["unset: a plain number, no symbol", 2_500_000.5, UNSET_MONEY_FORMAT, {}, "2,500,001"],
    ["unset cents", 1_234.5, UNSET_MONEY_FORMAT, { cents: true }, "1,234.50"],
    ["unset compact", 2_500_000, UNSET_MONEY_FORMAT, { compact: true }, "2.5M"],
    ["negative", -1_106.9, USD, {}, "-$1,107"],
  ] as const)("%s", (_name, value, format, options, expected) => {
    expect(formatMoney(value, format, options)).toBe(expected);
  });

  test.each([null, undefined, Number.NaN, Number.POSITIVE_INFINITY])("an unknown amount (%s) is a dash, not a made-up zero", (value) => {
    expect(formatMoney(value, USD)).toBe("—");
  });
});

describe("numbers that are not money follow the same locale", () => {
  test.each([
    ["count", formatCount(12_345, EUR), "12.345"],
    ["count with decimals", formatCount(94.66, USD, 1), "94.7"],
    ["fixed never groups", formatFixed(1234.5678, 3, EUR), "1234,568"],
    ["fixed defaults to en-US", formatFixed(0.8123), "0.812"],
    ["percent", formatPercent(0.125, 1, EUR), `12,5${NBSP}%`],
    ["percent defaults to en-US", formatPercent(0.674), "67.4%"],
    ["compact", formatCompactNumber(2_500_000, EUR), `2,5${NBSP}Mio.`],
  ])("%s", (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe("moneyHeader", () => {
  test("names the currency in lower case once it is set, and leaves the header alone before", () => {
    expect(nameMoneyColumn("clv_12m", EUR)).toBe("clv_12m_eur");
    expect(nameMoneyColumn("clv_12m", UNSET_MONEY_FORMAT)).toBe("clv_12m");
  });
});
