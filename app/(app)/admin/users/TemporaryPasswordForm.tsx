"use client";

import { useActionState } from "react";
import type { PublicUser } from "@/lib/db/users";
import { setTemporaryPasswordAction } from "./actions";

/** An administrator sets a password the user must replace at next sign-in; their sessions end. */
export function TemporaryPasswordForm({ user }: { user: PublicUser }) {
  const [state, action, pending] = useActionState(setTemporaryPasswordAction, { ok: true });
  const error = state.fieldErrors?.password?.join(", ");
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="userId" value={user.id} />
      <label className="sr-only" htmlFor={`temporary-${user.id}`}>
        Temporary password for {user.email}
      </label>
      <input
        id={`temporary-${user.id}`}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        placeholder="10+ characters"
        className="w-36 rounded-tremor-default border border-tremor-border px-2 py-1 text-tremor-default"
      />
      <button type="submit" disabled={pending} className="text-tremor-default text-tremor-brand underline">
        Set temporary
      </button>
      {state.message && (
        <p role="status" className={`text-tremor-label ${state.ok ? "text-emerald-700" : "text-red-600"}`}>
          {error ?? state.message}
        </p>
      )}
    </form>
  );
}
