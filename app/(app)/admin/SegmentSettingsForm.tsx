"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { Button, TextInput } from "@tremor/react";
import type { SegmentSettings } from "@/lib/db/settings";
import { saveSegmentSettingsAction } from "./actions";

/**
 * Controlled fields, submitted without React's form reset after an action: the reset would put
 * the radios back to their first state while the fields still follow the saved one.
 */
export function SegmentSettingsForm({ settings }: { settings: SegmentSettings }) {
  const [state, action, pending] = useActionState(saveSegmentSettingsAction, { ok: true });
  const [mode, setMode] = useState<"choose" | "fixed">(settings.fixedK === null ? "choose" : "fixed");
  const [kMin, setKMin] = useState(String(settings.kMin));
  const [kMax, setKMax] = useState(String(settings.kMax));
  const [minSharePercent, setMinSharePercent] = useState(String(Math.round(settings.minShare * 1000) / 10));
  const [fixedK, setFixedK] = useState(settings.fixedK === null ? "" : String(settings.fixedK));
  const errors = state.fieldErrors ?? {};
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };
  const field = (id: string, label: string, name: string, value: string, onChange: (value: string) => void, disabled = false) => (
    <div>
      <label htmlFor={id} className="text-tremor-default text-tremor-content-emphasis">
        {label}
      </label>
      <TextInput
        id={id}
        name={name}
        inputMode="decimal"
        value={value}
        onValueChange={onChange}
        disabled={disabled}
        error={Boolean(errors[name])}
        errorMessage={errors[name]?.join("; ")}
      />
    </div>
  );
  return (
    <form action={action} onSubmit={submit} className="mt-4 max-w-3xl space-y-3">
      <fieldset className="flex flex-wrap gap-x-6 gap-y-2">
        <legend className="sr-only">How k is set</legend>
        <label className="flex items-center gap-2 text-tremor-default">
          <input type="radio" name="mode" value="choose" checked={mode === "choose"} onChange={() => setMode("choose")} />
          Choose k by the rule
        </label>
        <label className="flex items-center gap-2 text-tremor-default">
          <input type="radio" name="mode" value="fixed" checked={mode === "fixed"} onChange={() => setMode("fixed")} />
          Fix k
        </label>
      </fieldset>
      <div className="grid grid-cols-2 items-end gap-3 sm:grid-cols-4">
        {field("segments-k-min", "Fewest segments", "kMin", kMin, setKMin)}
        {field("segments-k-max", "Most segments", "kMax", kMax, setKMax)}
        {field("segments-min-share", "Smallest segment (%)", "minSharePercent", minSharePercent, setMinSharePercent)}
        {field("segments-fixed-k", "Fixed k", "fixedK", fixedK, setFixedK, mode !== "fixed")}
      </div>
      {state.message && (
        <p role="status" className={state.ok ? "text-emerald-700" : "text-red-600"} data-testid="segment-settings-message">
          {state.message}
        </p>
      )}
      <Button type="submit" loading={pending}>
        Save segment settings
      </Button>
    </form>
  );
}
