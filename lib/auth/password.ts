/**
 * Password hashing with bcrypt. bcrypt reads only the first 72 bytes of its input, so longer
 * passwords are refused wherever one is set or tried, never silently cut short.
 */
import bcrypt from "bcryptjs";
import { randomBytes } from "node:crypto";
import { z } from "zod";

const COST = 12;

export const MAX_PASSWORD_BYTES = 72;
export const PASSWORD_TOO_LONG = `Passwords are at most ${MAX_PASSWORD_BYTES} bytes (UTF-8): bcrypt ignores anything longer.`;

/**
 * A hash of a random password nobody knows, at the same cost: a sign-in for an unknown or
 * disabled account is compared against it, so it takes as long as one for a real account.
 */
const DUMMY_HASH = "$2b$12$jtOjjKICP27MrHR564hj1ep.epfAQR/OLySCOWqe.3RhQJpxWTl4q";

/** bcrypt comparisons made by this process: lets tests see that every sign-in makes exactly one. */
let comparisons = 0;

export function countPasswordComparisons(): number {
  return comparisons;
}

export function isPasswordTooLong(password: string): boolean {
  return Buffer.byteLength(password, "utf8") > MAX_PASSWORD_BYTES;
}

/** A password someone chooses: long enough to resist guessing, short enough for bcrypt to read all of it. */
export const newPasswordSchema = z
  .string()
  .min(10, "At least 10 characters")
  .refine((value) => !isPasswordTooLong(value), PASSWORD_TOO_LONG);

export async function hashPassword(password: string): Promise<string> {
  if (isPasswordTooLong(password)) throw new Error(PASSWORD_TOO_LONG);
  return bcrypt.hash(password, COST);
}

/** Compares against `hash`, or against the dummy hash (always false) when there is none. */
export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  comparisons++;
  const matches = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return hash !== null && matches && !isPasswordTooLong(password);
}

/** A password for the first admin when none is configured: 18 random bytes, URL-safe. */
export function randomPassword(): string {
  return randomBytes(18).toString("base64url");
}
