/**
 * The demo's API token. Minted on the first `npm run demo` and kept in `.env` (private, beside
 * NEXTAUTH_SECRET) as DEMO_API_TOKEN, so each later start prints the same token instead of
 * minting another that never expires. A revoked or unknown one is replaced.
 */
import { createApiToken, findLiveToken } from "@/lib/db/tokens";
import { setEnvValue } from "./envFile";

export async function ensureDemoToken(file = ".env"): Promise<{ secret: string; created: boolean }> {
  const kept = process.env.DEMO_API_TOKEN;
  if (kept && (await findLiveToken(kept))) return { secret: kept, created: false };
  const { secret } = await createApiToken({ name: "demo", scope: "ANALYST", expiresAt: null, createdById: null });
  setEnvValue("DEMO_API_TOKEN", secret, file);
  return { secret, created: true };
}
