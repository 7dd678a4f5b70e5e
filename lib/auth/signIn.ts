/**
 * One sign-in attempt with email and password, as next-auth's credentials provider runs it.
 * Every attempt that gets past the limits costs exactly one bcrypt comparison, against the
 * account's hash or a dummy one, so the time to answer does not tell whether an account exists
 * (or is disabled). A disabled account is named as such only after its password matched.
 * Failures and lock-outs go to the audit log.
 */
import { z } from "zod";
import { recordAudit } from "@/lib/db/audit";
import { findUserByEmail } from "@/lib/db/users";
import { clientAddress } from "@/lib/http/clientAddress";
import type { Role } from "./roles";
import { PASSWORD_TOO_LONG, isPasswordTooLong, verifyPassword } from "./password";
import { admitAttempt, pruneExpired, recordFailure, recordSuccess, buildThrottleKeys } from "./throttle";

export const ACCOUNT_DISABLED = "This account is disabled; ask an administrator.";

const credentials = z.object({ email: z.email(), password: z.string().min(1) });

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionVersion: number;
}

/** `message`: shown on the sign-in form instead of "Wrong email or password". */
export type SignInResult = { ok: true; user: SignedInUser } | { ok: false; message?: string };

export async function authenticate(input: unknown, headers: Parameters<typeof clientAddress>[0], now = new Date()): Promise<SignInResult> {
  const parsed = credentials.safeParse(input);
  if (!parsed.success) return { ok: false };
  const { email, password } = parsed.data;
  // Refused, not truncated: no password this long can have been set.
  if (isPasswordTooLong(password)) return { ok: false, message: PASSWORD_TOO_LONG };

  const address = clientAddress(headers);
  await pruneExpired(now);
  const keys = buildThrottleKeys(email, address);
  const admission = await admitAttempt(keys, now);
  if (!admission.allowed) {
    return { ok: false, message: `Too many failed sign-ins. Try again in ${describeWait(admission.waitMs)}.` };
  }
  if (admission.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, admission.delayMs));

  const user = await findUserByEmail(email);
  const valid = await verifyPassword(password, user?.passwordHash ?? null);
  if (!valid || !user || user.disabled) {
    const locked = await recordFailure(keys, admission, now);
    const target = user ? `user:${user.id}` : undefined;
    const reason = valid ? { reason: "disabled" } : {};
    await recordAudit({ userId: null, action: "signin.failed", target, details: { email: email.toLowerCase(), address, ...reason } });
    for (const key of locked) {
      await recordAudit({ userId: null, action: "signin.locked", target, details: { key, address } });
    }
    // Said only to someone who knows the password, so it tells no one else which accounts exist.
    return valid ? { ok: false, message: ACCOUNT_DISABLED } : { ok: false };
  }
  await recordSuccess(keys);
  await recordAudit({ userId: user.id, action: "user.signin", details: { address } });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role as Role, sessionVersion: user.sessionVersion } };
}

function describeWait(ms: number): string {
  const [amount, unit] = ms < 60_000 ? [Math.ceil(ms / 1000), "second"] : [Math.ceil(ms / 60_000), "minute"];
  return `${amount} ${unit}${amount === 1 ? "" : "s"}`;
}
