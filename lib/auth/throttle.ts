/**
 * Rate limiting of failed sign-ins, per account and per address: after `maxFailures`
 * failures within the window the key is locked for `lockMinutes`. An address gets a
 * larger allowance than one account, since several people may share it.
 */
import { env } from "@/lib/env";
import { clearThrottle, getThrottle, saveThrottle } from "@/lib/db/throttle";

const ADDRESS_FACTOR = 4;

export function throttleKeys(email: string, address: string): string[] {
  return [`account:${email.toLowerCase()}`, `address:${address}`];
}

function limitFor(key: string): number {
  return key.startsWith("address:") ? env.SIGNIN_MAX_FAILURES * ADDRESS_FACTOR : env.SIGNIN_MAX_FAILURES;
}

/** Minutes until the first locked key opens again, or 0 when sign-in may be tried. */
export async function lockedMinutes(keys: string[], now = new Date()): Promise<number> {
  let wait = 0;
  for (const key of keys) {
    const state = await getThrottle(key);
    if (state?.lockedUntil && state.lockedUntil > now) {
      wait = Math.max(wait, Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 60_000));
    }
  }
  return wait;
}

export async function recordFailure(keys: string[], now = new Date()): Promise<void> {
  const windowMs = env.SIGNIN_LOCK_MINUTES * 60_000;
  for (const key of keys) {
    const state = await getThrottle(key);
    const fresh = !state || now.getTime() - state.windowStart.getTime() > windowMs;
    const failures = fresh ? 1 : state.failures + 1;
    await saveThrottle(key, {
      failures,
      windowStart: fresh ? now : state.windowStart,
      lockedUntil: failures >= limitFor(key) ? new Date(now.getTime() + windowMs) : null,
    });
  }
}

export async function recordSuccess(email: string): Promise<void> {
  await clearThrottle(`account:${email.toLowerCase()}`);
}
