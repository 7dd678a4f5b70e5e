"use client";

import { useActionState } from "react";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@tremor/react";
import type { SignInLock } from "@/lib/auth/throttle";
import { liftSignInLockAction } from "./actions";

/** Sign-ins locked by repeated failures, each with a button that lifts the lock at once. */
export function SignInLocks({ locks }: { locks: SignInLock[] }) {
  if (locks.length === 0) return <p className="mt-2 text-tremor-default text-tremor-content">No sign-in is locked.</p>;
  return (
    <Table className="mt-2">
      <TableHead>
        <TableRow>
          <TableHeaderCell>Locked</TableHeaderCell>
          <TableHeaderCell>Until</TableHeaderCell>
          <TableHeaderCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {locks.map((lock) => (
          <LockRow key={lock.key} lock={lock} />
        ))}
      </TableBody>
    </Table>
  );
}

function LockRow({ lock }: { lock: SignInLock }) {
  const [state, action, pending] = useActionState(liftSignInLockAction, { ok: true });
  return (
    <TableRow>
      <TableCell>{lock.label}</TableCell>
      <TableCell>{lock.lockedUntil.toISOString().slice(11, 16)} UTC</TableCell>
      <TableCell>
        <form action={action}>
          <input type="hidden" name="key" value={lock.key} />
          <button type="submit" disabled={pending} className="text-tremor-default text-tremor-brand underline" aria-label={`Unlock ${lock.label}`}>
            Unlock
          </button>
        </form>
        {!state.ok && (
          <p role="alert" className="text-tremor-label text-red-600">
            {state.message}
          </p>
        )}
      </TableCell>
    </TableRow>
  );
}
