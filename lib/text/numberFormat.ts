/**
 * Every figure the pages show, in the currency and number locale an administrator set once
 * (setting display.money). Until it is set, money is a plain number in en-US with no symbol:
 * nothing is made up. Pure and serialisable, so client components take the same object as a prop.
 * Unknown values (null, NaN, stored as null) show as "—".
 */
export interface MoneyFormat {
  /** ISO 4217 code such as "EUR", or null while no administrator has chosen one. */
  currency: string | null;
  /** BCP 47 locale for grouping and decimals, such as "de-DE". */
  locale: string;
}

export const UNSET_MONEY_FORMAT: MoneyFormat = { currency: null, locale: "en-US" };

const DASH = "—";
const finite = (value: number | null | undefined): value is number => typeof value === "number" && Number.isFinite(value);

// Building an Intl.NumberFormat costs far more than using one; a table has hundreds of cells.
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) formatters.set(key, (found = new Intl.NumberFormat(locale, options)));
  return found;
}

export interface MoneyOptions {
  /** Show the currency's minor units (cents); whole amounts otherwise. */
  cents?: boolean;
  /** Short form for large totals: "$2.5M". */
  compact?: boolean;
}

/** A money figure: "$2,500,001", "1.234,50 €" with cents, "$2.5M" compact; a plain "2,500,001" while the currency is unset. */
export function formatMoney(value: number | null | undefined, format: MoneyFormat, { cents = false, compact = false }: MoneyOptions = {}): string {
  if (!finite(value)) return DASH;
  const style: Intl.NumberFormatOptions = format.currency ? { style: "currency", currency: format.currency } : {};
  const short = compact ? abbreviated(value, format.locale, style) : null;
  if (short) return short;
  // With a currency, cents are the currency's own minor units (none for JPY).
  const digits = cents
    ? format.currency
      ? {}
      : { minimumFractionDigits: 2, maximumFractionDigits: 2 }
    : { minimumFractionDigits: 0, maximumFractionDigits: 0 };
  return formatter(format.locale, { ...style, ...digits }).format(value);
}

/**
 * The short form ("2.5M", "2,5 Mio."), or null where the locale does not shorten the number:
 * de-DE writes thousands in full, and "515.024,8 €" would show a decimal no other figure has.
 */
function abbreviated(value: number, locale: string, style: Intl.NumberFormatOptions): string | null {
  const parts = formatter(locale, { ...style, notation: "compact", maximumFractionDigits: 1 }).formatToParts(value);
  return parts.some((part) => part.type === "compact") ? parts.map((part) => part.value).join("") : null;
}

/** A count or other plain number with the locale's grouping: "12,345" or "12.345"; `digits` fixes the decimals. */
export function formatCount(value: number | null | undefined, format: MoneyFormat = UNSET_MONEY_FORMAT, digits = 0): string {
  return finite(value) ? formatter(format.locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value) : DASH;
}

/** A model metric with fixed decimals and no grouping: "0.812" or "0,812". */
export function formatFixed(value: number | null | undefined, digits = 3, format: MoneyFormat = UNSET_MONEY_FORMAT): string {
  return finite(value) ? formatter(format.locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(value) : DASH;
}

/** A share as a percentage: "12.5%" or "12,5 %". */
export function formatPercent(share: number | null | undefined, digits = 1, format: MoneyFormat = UNSET_MONEY_FORMAT): string {
  return finite(share) ? formatter(format.locale, { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits }).format(share) : DASH;
}

/** A large plain number in short form: "1.2M" or "1,2 Mio.". */
export function formatCompactNumber(value: number | null | undefined, format: MoneyFormat = UNSET_MONEY_FORMAT): string {
  return finite(value) ? (abbreviated(value, format.locale, {}) ?? formatCount(value, format)) : DASH;
}

/** An export header of a money column: "predicted_clv_12m_eur" once a currency is set, the bare name before. */
export function nameMoneyColumn(column: string, format: MoneyFormat): string {
  return format.currency ? `${column}_${format.currency.toLowerCase()}` : column;
}
