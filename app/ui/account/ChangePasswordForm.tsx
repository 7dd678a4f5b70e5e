"use client";

import { useActionState } from "react";
import { signIn } from "next-auth/react";
import { Button, TextInput } from "@tremor/react";
import type { ActionState } from "@/lib/actions/authorizedAction";
import { changeOwnPasswordAction } from "@/app/account/actions";

const FIELDS = [
  { name: "currentPassword", label: "Current password", autoComplete: "current-password" },
  { name: "newPassword", label: "New password (10+ characters, at most 72 bytes)", autoComplete: "new-password" },
  { name: "confirmPassword", label: "New password again", autoComplete: "new-password" },
] as const;

/**
 * The change ends every session of the user, this one included (sessionVersion), so on success
 * the form signs in again with the new password and goes on to the dashboard.
 */
async function changeAndSignInAgain(email: string, previous: ActionState, formData: FormData): Promise<ActionState> {
  const result = await changeOwnPasswordAction(previous, formData);
  if (!result.ok) return result;
  const again = await signIn("credentials", { email, password: String(formData.get("newPassword")), redirect: false });
  window.location.assign(again?.ok ? "/" : "/signin");
  return result;
}

export function ChangePasswordForm({ email }: { email: string }) {
  const [state, action, pending] = useActionState(changeAndSignInAgain.bind(null, email), { ok: true });
  return (
    <form action={action} className="space-y-3">
      {FIELDS.map((field) => (
        <div key={field.name}>
          <label htmlFor={field.name} className="text-tremor-default text-tremor-content-emphasis">
            {field.label}
          </label>
          <TextInput
            id={field.name}
            name={field.name}
            type="password"
            autoComplete={field.autoComplete}
            required
            error={Boolean(state.fieldErrors?.[field.name])}
            errorMessage={state.fieldErrors?.[field.name]?.join(", ")}
          />
        </div>
      ))}
      {state.message && (
        <p role="status" className={state.ok ? "text-emerald-700" : "text-red-600"}>
          {state.message}
        </p>
      )}
      <Button type="submit" loading={pending}>
        Change password
      </Button>
    </form>
  );
}
