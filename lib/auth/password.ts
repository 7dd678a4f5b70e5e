import bcrypt from "bcryptjs";
import { randomBytes } from "node:crypto";

const COST = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** A password for the first admin when none is configured: 18 random bytes, URL-safe. */
export function randomPassword(): string {
  return randomBytes(18).toString("base64url");
}
