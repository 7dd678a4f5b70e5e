"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/actions/authorizedAction";
import { ROLES } from "@/lib/auth/roles";
import { expiresAtFromDays } from "@/lib/auth/tokenState";
import { createApiToken, revokeApiToken } from "@/lib/db/tokens";

const newToken = z.object({
  name: z.string().trim().min(1, "Enter a name").max(100),
  scope: z.enum(ROLES),
  expiresInDays: z.union([z.literal(""), z.coerce.number().int("Whole days").min(1, "At least 1 day").max(3650)]),
});

export const createTokenAction = authorizedAction("manageUsers", newToken, async (input, admin) => {
  const expiresAt = expiresAtFromDays(input.expiresInDays === "" ? null : input.expiresInDays);
  const { token, secret } = await createApiToken({ name: input.name, scope: input.scope, expiresAt, createdById: admin.id }, (token) => ({
    userId: admin.id,
    action: "token.created",
    target: `token:${token.id}`,
    details: { name: token.name, scope: token.scope },
  }));
  revalidatePath("/admin/tokens");
  return { ok: true, message: `Created "${token.name}". Copy the token now: it is not shown again.`, reveal: secret };
});

export const revokeTokenAction = authorizedAction("manageUsers", z.object({ tokenId: z.string().min(1) }), async ({ tokenId }, admin) => {
  const revoked = await revokeApiToken(tokenId, (revoked) => (revoked ? { userId: admin.id, action: "token.revoked", target: `token:${tokenId}` } : null));
  if (!revoked) return { ok: false, message: "That token is already revoked." };
  revalidatePath("/admin/tokens");
  return { ok: true, message: "Revoked." };
});
