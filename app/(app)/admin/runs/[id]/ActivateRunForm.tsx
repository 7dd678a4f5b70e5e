"use client";

import { useActionState, useState } from "react";
import { Button, TextInput } from "@tremor/react";
import { activateRunAction } from "./actions";

/**
 * The confirmation step: a ticked box and a reason, both checked again on the server.
 * Controlled fields, so a refused attempt keeps what was typed (React resets uncontrolled forms after an action).
 */
export function ActivateRunForm({ runId, label }: { runId: number; label: string }) {
  const [state, action, pending] = useActionState(activateRunAction, { ok: true });
  const [note, setNote] = useState("");
  const [confirmed, setConfirmed] = useState(false);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="mt-4 max-w-xl space-y-3 rounded-tremor-default border border-tremor-border p-4" data-testid="activate-form">
      <input type="hidden" name="runId" value={runId} />
      <div>
        <label htmlFor="activate-note" className="text-tremor-default text-tremor-content-emphasis">
          Why (kept in the audit log)
        </label>
        <TextInput id="activate-note" name="note" value={note} onValueChange={setNote} error={Boolean(errors.note)} errorMessage={errors.note?.join("; ")} />
      </div>
      <div>
        <label className="flex items-center gap-2 text-tremor-default">
          <input type="checkbox" name="confirm" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} />I understand that users will see
          this run&apos;s segments and scores from now on
        </label>
        {errors.confirm && <p className="text-tremor-label text-red-600">{errors.confirm.join("; ")}</p>}
      </div>
      {state.message && (
        <p role="status" className={state.ok ? "text-emerald-700" : "text-red-600"}>
          {state.message}
        </p>
      )}
      <Button type="submit" color="amber" loading={pending}>
        {label}
      </Button>
    </form>
  );
}
