"use client";

import { useActionState } from "react";
import { Button, TextInput } from "@tremor/react";
import { ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import { createUserAction } from "./actions";

const FIELDS = [
  { name: "email", label: "Email", type: "email" },
  { name: "name", label: "Name", type: "text" },
  { name: "password", label: "Initial password (10+ characters, at most 72 bytes)", type: "password" },
] as const;

export function CreateUserForm() {
  const [state, action, pending] = useActionState(createUserAction, { ok: true });
  return (
    <form action={action} className="mt-4 space-y-3">
      {FIELDS.map((field) => (
        <div key={field.name}>
          <label htmlFor={`new-${field.name}`} className="text-tremor-default text-tremor-content-emphasis">
            {field.label}
          </label>
          <TextInput
            id={`new-${field.name}`}
            name={field.name}
            type={field.type}
            required
            error={Boolean(state.fieldErrors?.[field.name])}
            errorMessage={state.fieldErrors?.[field.name]?.join(", ")}
          />
        </div>
      ))}
      <div>
        <label htmlFor="new-role" className="text-tremor-default text-tremor-content-emphasis">
          Role
        </label>
        <select
          id="new-role"
          name="role"
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
      {state.message && (
        <p role="status" className={state.ok ? "text-emerald-700" : "text-red-600"}>
          {state.message}
        </p>
      )}
      <Button type="submit" loading={pending}>
        Add user
      </Button>
    </form>
  );
}
