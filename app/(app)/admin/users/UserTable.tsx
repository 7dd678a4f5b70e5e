"use client";

import { useActionState } from "react";
import { Badge, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@tremor/react";
import { ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import type { PublicUser } from "@/lib/db/users";
import { updateUserAction } from "./actions";
import { TemporaryPasswordForm } from "./TemporaryPasswordForm";

export function UserTable({ users, currentUserId }: { users: PublicUser[]; currentUserId: string }) {
  return (
    <Table>
      <TableHead>
        <TableRow>
          <TableHeaderCell>Email</TableHeaderCell>
          <TableHeaderCell>Name</TableHeaderCell>
          <TableHeaderCell>Role</TableHeaderCell>
          <TableHeaderCell>Status</TableHeaderCell>
          <TableHeaderCell>Password</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {users.map((user) => (
          <UserRow key={user.id} user={user} isSelf={user.id === currentUserId} />
        ))}
      </TableBody>
    </Table>
  );
}

function UserRow({ user, isSelf }: { user: PublicUser; isSelf: boolean }) {
  const [state, action, pending] = useActionState(updateUserAction, { ok: true });
  return (
    <TableRow>
      <TableCell>
        {user.email}
        {isSelf && <span className="ml-2 text-tremor-label text-tremor-content">(you)</span>}
      </TableCell>
      <TableCell>{user.name}</TableCell>
      <TableCell>
        <form action={action} className="flex items-center gap-2">
          <input type="hidden" name="userId" value={user.id} />
          <label className="sr-only" htmlFor={`role-${user.id}`}>
            Role of {user.email}
          </label>
          <select
            id={`role-${user.id}`}
            name="role"
            defaultValue={user.role}
            className="rounded-tremor-default border border-tremor-border px-2 py-1 text-tremor-default"
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
          <button type="submit" disabled={pending} className="text-tremor-default text-tremor-brand underline">
            Save role
          </button>
        </form>
        {!state.ok && (
          <p role="alert" className="text-tremor-label text-red-600">
            {state.message}
          </p>
        )}
      </TableCell>
      <TableCell>
        <form action={action} className="flex items-center gap-2">
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
          <Badge color={user.disabled ? "gray" : "emerald"}>{user.disabled ? "Disabled" : "Active"}</Badge>
          <button type="submit" disabled={pending} className="text-tremor-default text-tremor-brand underline">
            {user.disabled ? "Enable" : "Disable"}
          </button>
        </form>
      </TableCell>
      <TableCell>
        {user.mustChangePassword && <Badge color="amber">Must change password</Badge>}
        {!isSelf && <TemporaryPasswordForm user={user} />}
      </TableCell>
    </TableRow>
  );
}
