/**
 * API token secrets as they are stored. A secret is 32 random bytes, so a plain SHA-256 of it
 * is a safe thing to store (no salt or slow hash needed: there is nothing to guess); the prefix
 * lets people recognise a token in a list without the secret.
 */
import { createHash, randomBytes } from "node:crypto";

const SCHEME = "sst_";

export function newTokenSecret(): { secret: string; prefix: string; hash: string } {
  const secret = SCHEME + randomBytes(32).toString("base64url");
  return { secret, prefix: secret.slice(0, SCHEME.length + 6), hash: hashTokenSecret(secret) };
}

export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}
