/** Reading an API token from a request; how a secret is made and stored is lib/db/tokenSecrets. */

/** The secret from an `Authorization: Bearer ...` header, or null when there is none. */
export function readBearerSecret(header: string | null): string | null {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match ? match[1] : null;
}
