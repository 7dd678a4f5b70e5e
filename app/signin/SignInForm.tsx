"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";
import { Button, TextInput } from "@tremor/react";
import { sanitiseCallbackUrl } from "@/lib/auth/callbackUrl";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const result = await signIn("credentials", {
      email: String(form.get("email")),
      password: String(form.get("password")),
      redirect: false,
    });
    setPending(false);
    if (result?.ok) {
      window.location.assign(sanitiseCallbackUrl(callbackUrl, window.location.origin));
      return;
    }
    setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Wrong email or password.");
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <div>
        <label htmlFor="email" className="text-tremor-default text-tremor-content-emphasis">
          Email
        </label>
        <TextInput id="email" name="email" type="email" autoComplete="username" required />
      </div>
      <div>
        <label htmlFor="password" className="text-tremor-default text-tremor-content-emphasis">
          Password
        </label>
        <TextInput id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      {error && (
        <p role="alert" data-testid="signin-error" className="text-tremor-default text-red-600">
          {error}
        </p>
      )}
      <Button type="submit" className="w-full" loading={pending}>
        Sign in
      </Button>
    </form>
  );
}
