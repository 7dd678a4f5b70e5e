/**
 * The display.money setting: which ISO 4217 currency money figures carry and which locale
 * groups the numbers. Checked against what Intl knows, so a code the pages cannot show is
 * refused when it is entered, not when a page renders.
 */
import { z } from "zod";

const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

/** The locale as Intl spells it ("de-de" becomes "de-DE"), or null when it is no locale Intl can format numbers in. */
export function canonicalNumberLocale(value: string): string | null {
  try {
    const [canonical] = Intl.getCanonicalLocales(value);
    return canonical && Intl.NumberFormat.supportedLocalesOf(canonical).length ? canonical : null;
  } catch {
    return null; // not a well-formed language tag
  }
}

export const currencyCode = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .refine((value) => CURRENCIES.has(value), { error: (issue) => `Currency: "${issue.input}" is not an ISO 4217 currency code (e.g. USD, EUR, GBP, CHF, JPY)` });

export const numberLocale = z
  .string()
  .trim()
  .min(1, "Number format: enter a locale, e.g. en-US, en-GB, de-DE or fr-FR")
  .transform((value, ctx) => {
    const locale = canonicalNumberLocale(value);
    if (locale) return locale;
    ctx.addIssue({ code: "custom", message: `Number format: "${value}" is not a locale this server can format numbers in (e.g. en-US, en-GB, de-DE, fr-FR)` });
    return z.NEVER;
  });

/** As stored; a null currency means money shows as plain numbers. */
export const moneySetting = z.object({ currency: currencyCode.nullable(), locale: numberLocale });
