"use client";

import { useActionState } from "react";
import { Button, TextInput } from "@tremor/react";
import { ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import { createTokenAction } from "./actions";

const labelClass = "text-tremor-default text-tremor-content-emphasis";

export function CreateTokenForm() {
  const [state, action, pending] = useActionState(createTokenAction, { ok: true });
  return (
    <form action={action} className="mt-4 space-y-3">
      <div>
        <label htmlFor="token-name" className={labelClass}>
          Name (what uses it)
        </label>
        <TextInput id="token-name" name="name" required error={Boolean(state.fieldErrors?.name)} errorMessage={state.fieldErrors?.name?.join(", ")} />
      </div>
      <div>
        <label htmlFor="token-scope" className={labelClass}>
          Scope (acts as this role)
        </label>
        <select
          id="token-scope"
          name="scope"
          defaultValue="VIEWER"
          className="block w-full rounded-tremor-default border border-tremor-border px-2 py-2 text-tremor-default"
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="token-expiry" className={labelClass}>
          Expires after (days; empty for never)
        </label>
        <TextInput
          id="token-expiry"
          name="expiresInDays"
          type="number"
          min={1}
          error={Boolean(state.fieldErrors?.expiresInDays)}
          errorMessage={state.fieldErrors?.expiresInDays?.join(", ")}
        />
      </div>
      {state.message && (
        <p role="status" className={state.ok ? "text-emerald-700" : "text-red-600"}>
          {state.message}
        </p>
      )}
      {state.reveal && (
        <div>
          <label htmlFor="token-secret" className={labelClass}>
            New token
          </label>
          <input
            id="token-secret"
            readOnly
            value={state.reveal}
            className="block w-full rounded-tremor-default border border-tremor-border bg-tremor-background-muted px-2 py-2 font-mono text-tremor-default"
          />
        </div>
      )}
      <Button type="submit" loading={pending}>
        Create token
      </Button>
    </form>
  );
}
