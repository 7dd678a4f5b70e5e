"use client";

import { useActionState } from "react";
import { Badge, Button, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@tremor/react";
import { readTokenState } from "@/lib/auth/tokenState";
import { revokeTokenAction } from "./actions";

export interface TokenRow {
  id: string;
  name: string;
  scope: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  createdBy: { email: string } | null;
}

const when = (date: Date | null, none: string) => (date ? date.toISOString().slice(0, 16).replace("T", " ") + " UTC" : none);

export function TokenTable({ tokens, now }: { tokens: TokenRow[]; now: Date }) {
  if (!tokens.length) return <p className="text-tremor-content">No API tokens yet.</p>;
  return (
    <Table>
      <TableHead>
        <TableRow>
          {["Name", "Token", "Scope", "Created", "Expires", "Last used", "State"].map((header) => (
            <TableHeaderCell key={header}>{header}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {tokens.map((token) => (
          <TokenTableRow key={token.id} token={token} now={now} />
        ))}
      </TableBody>
    </Table>
  );
}

function TokenTableRow({ token, now }: { token: TokenRow; now: Date }) {
  const [outcome, action, pending] = useActionState(revokeTokenAction, { ok: true });
  const state = readTokenState(token, now);
  return (
    <TableRow>
      <TableCell>{token.name}</TableCell>
      <TableCell className="font-mono">{token.prefix}…</TableCell>
      <TableCell>{token.scope}</TableCell>
      <TableCell>
        {when(token.createdAt, "")}
        {token.createdBy ? ` by ${token.createdBy.email}` : ""}
      </TableCell>
      <TableCell>{when(token.expiresAt, "never")}</TableCell>
      <TableCell>{when(token.lastUsedAt, "never")}</TableCell>
      <TableCell>
        {state === "revoked" ? (
          <Badge color="gray">revoked</Badge>
        ) : state === "expired" ? (
          <Badge color="amber">expired</Badge>
        ) : (
          <form action={action} className="flex items-center gap-2">
            <input type="hidden" name="tokenId" value={token.id} />
            <Badge color="emerald">live</Badge>
            <Button type="submit" size="xs" variant="secondary" loading={pending} aria-label={`Revoke ${token.name}`}>
              Revoke
            </Button>
            {!outcome.ok && <span className="text-red-600">{outcome.message}</span>}
          </form>
        )}
      </TableCell>
    </TableRow>
  );
}
