"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { Button, TextInput } from "@tremor/react";
import { formatMoney, type MoneyFormat } from "@/lib/text/numberFormat";
import { saveMoneyFormatAction } from "./actions";

const CURRENCIES = ["USD", "EUR", "GBP", "CHF", "JPY"];
const LOCALES = ["en-US", "en-GB", "de-DE", "fr-FR", "de-CH", "ja-JP"];

/** How the two sample amounts would read; the server checks the fields, this only shows them. */
function preview(currency: string, locale: string): string[] | null {
  try {
    const format: MoneyFormat = { currency: currency.trim().toUpperCase() || null, locale: locale.trim() };
    return [
      formatMoney(2_500_000.5, format, { cents: true }),
      formatMoney(2_500_000.5, format, { compact: true }),
      formatMoney(1_234.5, format, { cents: true }),
    ];
  } catch {
    return null; // not a code or locale Intl knows yet, e.g. half typed
  }
}

/** Submitted without React's form reset after an action, which would put the fields back to the first saved values (as SegmentSettingsForm). */
export function MoneyFormatForm({ format }: { format: MoneyFormat }) {
  const [state, action, pending] = useActionState(saveMoneyFormatAction, { ok: true });
  const [currency, setCurrency] = useState(format.currency ?? "");
  const [locale, setLocale] = useState(format.locale);
  const errors = state.fieldErrors ?? {};
  const samples = preview(currency, locale);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };
  return (
    <form action={action} onSubmit={submit} className="mt-4 max-w-3xl space-y-3">
      <div className="grid grid-cols-1 items-start gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="money-currency" className="text-tremor-default text-tremor-content-emphasis">
            Currency (ISO 4217 code; empty for plain numbers)
          </label>
          <TextInput
            id="money-currency"
            name="currency"
            list="money-currencies"
            value={currency}
            onValueChange={setCurrency}
            placeholder="e.g. USD"
            error={Boolean(errors.currency)}
            errorMessage={errors.currency?.join("; ")}
          />
          <datalist id="money-currencies">
            {CURRENCIES.map((code) => (
              <option key={code} value={code} />
            ))}
          </datalist>
        </div>
        <div>
          <label htmlFor="money-locale" className="text-tremor-default text-tremor-content-emphasis">
            Number format (locale)
          </label>
          <TextInput
            id="money-locale"
            name="locale"
            list="money-locales"
            value={locale}
            onValueChange={setLocale}
            placeholder="e.g. en-US"
            error={Boolean(errors.locale)}
            errorMessage={errors.locale?.join("; ")}
          />
          <datalist id="money-locales">
            {LOCALES.map((tag) => (
              <option key={tag} value={tag} />
            ))}
          </datalist>
        </div>
      </div>
      <p className="text-tremor-default text-tremor-content" data-testid="money-format-preview">
        {samples ? `Preview: ${samples[0]} (short ${samples[1]}) and ${samples[2]}` : "Preview: — (not a currency code or locale yet)"}
      </p>
      {state.message && (
        <p role="status" className={state.ok ? "text-emerald-700" : "text-red-600"} data-testid="money-format-message">
          {state.message}
        </p>
      )}
      <Button type="submit" loading={pending}>
        Save money format
      </Button>
    </form>
  );
}
