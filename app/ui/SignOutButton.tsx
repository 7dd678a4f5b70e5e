"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/signin" })}
      className="text-tremor-default text-tremor-content-emphasis hover:text-tremor-brand"
    >
      Sign out
    </button>
  );
}
