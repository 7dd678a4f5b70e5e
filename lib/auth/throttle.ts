/**
 * Limits on failed sign-ins, counted before the password is checked:
 * - an account from one address: SIGNIN_MAX_FAILURES failures lock that pair for
 *   SIGNIN_LOCK_MINUTES. Only the pair: the same account from another address still signs in,
 *   so failures from anywhere cannot lock a user out everywhere.
 * - an address, across accounts: ADDRESS_FACTOR times as many failures lock the address
 *   (password spraying).
 * - an account, across addresses: never locked, only slowed — from SIGNIN_MAX_FAILURES
 *   failures on, each attempt waits 1 s, 2 s, 4 s … up to MAX_DELAY_MS before its check.
 * Without a client address (no TRUSTED_PROXIES) there is no pair or address to lock, and a
 * lock would shut the owner out from everywhere; failures only space out checks instead:
 * from SIGNIN_MAX_FAILURES failures on an account, one check per 1 s, 2 s … 60 s for that
 * account, and from ADDRESS_FACTOR times as many failures in all, one check per 1 s … 5 s for
 * everyone. An attempt that comes before its turn is refused with the seconds to wait.
 * An administrator lifts a lock or a slowdown at once (Admin → Users).
 */
import { env } from "@/lib/env";
import { UNKNOWN_ADDRESS } from "@/lib/http/clientAddress";
import { clearThrottle, countAttempt, listLockedKeys, lockedUntil, lockKey, pruneThrottle, takeTurn, uncountAttempt } from "@/lib/db/throttle";

const ADDRESS_FACTOR = 4;
const MAX_DELAY_MS = 8_000;
/** Longest gap between checks without a client address: per account, and for everyone together. */
const ACCOUNT_GAP_MS = 60_000;
const SHARED_GAP_MS = 5_000;
const PRUNE_EVERY_MS = 10 * 60_000;

export interface ThrottleKeys {
  pair: string;
  address: string;
  account: string;
}

export type Admission = { allowed: true; delayMs: number; pairAttempts: number; addressAttempts: number } | { allowed: false; waitMs: number };

export function buildThrottleKeys(email: string, address: string): ThrottleKeys {
  const account = email.toLowerCase();
  return { pair: `pair:${account}|${address}`, address: `address:${address}`, account: `account:${account}` };
}

/** The account (for `pair:` keys) and address a key is about, for the lock list. */
function describeKey(key: string): { kind: "pair" | "address" | "account"; email: string | null; address: string | null } {
  if (key.startsWith(TURN)) return describeKey(key.slice(TURN.length));
  const [kind, rest] = [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)];
  if (kind === "pair") {
    const split = rest.lastIndexOf("|");
    return { kind, email: rest.slice(0, split), address: rest.slice(split + 1) };
  }
  if (kind === "address") return { kind, email: null, address: rest };
  return { kind: "account", email: rest, address: null };
}

const windowMs = () => env.SIGNIN_LOCK_MINUTES * 60_000;
const addressLimit = () => env.SIGNIN_MAX_FAILURES * ADDRESS_FACTOR;

/**
 * Reserves one attempt on every key, or refuses it without counting it on the keys after the
 * one that refused. Counting first is what makes the limit hold for parallel attempts.
 */
export async function admitAttempt(keys: ThrottleKeys, now = new Date()): Promise<Admission> {
  if (keys.address === `address:${UNKNOWN_ADDRESS}`) return admitUnplaced(keys, now);
  const address = await countAttempt(keys.address, now, windowMs());
  if (address.locked || address.attempts > addressLimit()) return refuse(keys.address, now);
  const pair = await countAttempt(keys.pair, now, windowMs());
  if (pair.locked || pair.attempts > env.SIGNIN_MAX_FAILURES) {
    await uncountAttempt(keys.address);
    return refuse(keys.pair, now);
  }
  const account = await countAttempt(keys.account, now, windowMs());
  return { allowed: true, delayMs: computeSlowdownMs(account.attempts - 1), pairAttempts: pair.attempts, addressAttempts: address.attempts };
}

const TURN = "turn:";

/** No client address: each of the shared key and the account key may only space checks out, never lock. */
async function admitUnplaced(keys: ThrottleKeys, now: Date): Promise<Admission> {
  const gates = [
    { key: keys.address, limit: addressLimit(), maxGapMs: SHARED_GAP_MS },
    { key: keys.account, limit: env.SIGNIN_MAX_FAILURES, maxGapMs: ACCOUNT_GAP_MS },
  ];
  const counted: string[] = [];
  for (const gate of gates) {
    const { attempts } = await countAttempt(gate.key, now, windowMs());
    counted.push(gate.key);
    const gapMs = spacing(attempts - 1, gate.limit, gate.maxGapMs);
    if (gapMs > 0 && !(await takeTurn(TURN + gate.key, now, gapMs))) {
      for (const key of counted) await uncountAttempt(key);
      const until = await lockedUntil(TURN + gate.key);
      return { allowed: false, waitMs: Math.max(1000, (until?.getTime() ?? now.getTime()) - now.getTime()) };
    }
  }
  return { allowed: true, delayMs: 0, pairAttempts: 0, addressAttempts: 0 };
}

function spacing(earlierFailures: number, limit: number, maxMs: number): number {
  const over = earlierFailures - limit;
  return over < 0 ? 0 : Math.min(maxMs, 1000 * 2 ** over);
}

/** The wait before checking a password, given the account's earlier failures in the window. */
export function computeSlowdownMs(earlierFailures: number): number {
  return spacing(earlierFailures, env.SIGNIN_MAX_FAILURES, MAX_DELAY_MS);
}

async function refuse(key: string, now: Date): Promise<Admission> {
  const until = await lockedUntil(key);
  const ms = until && until > now ? until.getTime() - now.getTime() : windowMs();
  return { allowed: false, waitMs: ms };
}

/** After a wrong password: locks the keys that reached their limit and returns them. */
export async function recordFailure(keys: ThrottleKeys, admitted: { pairAttempts: number; addressAttempts: number }, now = new Date()): Promise<string[]> {
  const until = new Date(now.getTime() + windowMs());
  const locked: string[] = [];
  if (admitted.pairAttempts >= env.SIGNIN_MAX_FAILURES) locked.push(keys.pair);
  if (admitted.addressAttempts >= addressLimit()) locked.push(keys.address);
  for (const key of locked) await lockKey(key, until);
  return locked;
}

/** After the right password: the pair and the account start afresh; the address's count drops the attempt. */
export async function recordSuccess(keys: ThrottleKeys): Promise<void> {
  await clearThrottle([keys.pair, keys.account, TURN + keys.account]);
  await uncountAttempt(keys.address);
}

export interface SignInLock {
  key: string;
  kind: "pair" | "address" | "account";
  email: string | null;
  address: string | null;
  lockedUntil: Date;
  /** What is locked, in words: "ann@example.com from 203.0.113.7". */
  label: string;
}

export async function listLocks(now = new Date()): Promise<SignInLock[]> {
  return (await listLockedKeys(now)).map((row) => {
    const described = describeKey(row.key);
    return { ...row, ...described, label: lockLabel(described) };
  });
}

function lockLabel({ kind, email, address }: ReturnType<typeof describeKey>): string {
  if (kind === "pair") return `${email} from ${address}`;
  if (kind === "account") return `${email}: one check at a time, from every address (no trusted proxy is set)`;
  return address === UNKNOWN_ADDRESS ? "every account: one check at a time (no trusted proxy is set)" : `every account from ${address}`;
}

/** Lifts a lock or a slowdown at once, with the counts behind it. Returns whether there was one. */
export async function liftLock(key: string): Promise<boolean> {
  const { kind, email } = describeKey(key);
  const keys = key.startsWith(TURN) ? [key, key.slice(TURN.length)] : kind === "pair" && email ? [key, `account:${email}`] : [key];
  return (await clearThrottle(keys)) > 0;
}

const store = globalThis as unknown as { segmentStudioThrottlePrunedAt?: number };

/** Drops expired counters, at most once every ten minutes per process. */
export async function pruneExpired(now = new Date()): Promise<number> {
  if (now.getTime() - (store.segmentStudioThrottlePrunedAt ?? 0) < PRUNE_EVERY_MS) return 0;
  store.segmentStudioThrottlePrunedAt = now.getTime();
  return pruneThrottle(now, windowMs());
}
