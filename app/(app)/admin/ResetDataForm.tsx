"use client";

import { useActionState, useState } from "react";
import { Button, TextInput } from "@tremor/react";
import { resetDataAction } from "./actions";

/** The button stays disabled until the phrase is typed; the server checks it again. */
export function ResetDataForm({ confirmation }: { confirmation: string }) {
  const [state, action, pending] = useActionState(resetDataAction, { ok: true });
  const [typed, setTyped] = useState("");
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="mt-4 max-w-xl space-y-3">
      <div>
        <label htmlFor="reset-confirmation" className="text-tremor-default text-tremor-content-emphasis">
          Type <span className="font-mono font-semibold">{confirmation}</span> to confirm
        </label>
        <TextInput
          id="reset-confirmation"
          name="confirmation"
          autoComplete="off"
          value={typed}
          onValueChange={setTyped}
          error={Boolean(errors.confirmation)}
          errorMessage={errors.confirmation?.join("; ")}
          className="font-mono"
        />
      </div>
      {state.message && (
        <p role="status" className={state.ok ? "text-emerald-700" : "text-red-600"} data-testid="reset-data-message">
          {state.message}
        </p>
      )}
      <Button type="submit" color="red" loading={pending} disabled={typed.trim() !== confirmation}>
        Remove all data
      </Button>
    </form>
  );
}
