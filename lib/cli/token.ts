/**
 * `npm run token -- create --name NAME --scope ROLE [--expires-days N]` prints a new API token
 * (shown this once); `npm run token -- list` and `npm run token -- revoke ID` manage them.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { expiresAtFromDays, readTokenState } from "@/lib/auth/tokenState";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { name: { type: "string" }, scope: { type: "string" }, "expires-days": { type: "string" } },
});
const USAGE = "usage: npm run token -- create --name NAME --scope VIEWER|EXECUTIVE|ANALYST|ADMIN [--expires-days N] | list | revoke ID";

const createArgs = z.object({
  name: z.string().trim().min(1, "--name is required").max(100),
  scope: z.enum(ROLES, { error: `--scope must be one of ${ROLES.join(", ")}` }),
  expiresDays: z.coerce.number().positive("--expires-days must be a positive number").optional(),
});

await import("@/lib/env");
const tokens = await import("@/lib/db/tokens");
const { disconnectDatabase } = await import("@/lib/db/connection");
try {
  process.exitCode = await main();
} finally {
  await disconnectDatabase();
}

async function main(): Promise<number> {
  const [verb, id] = positionals;
  if (verb === "create") {
    const args = createArgs.safeParse({ name: values.name, scope: values.scope?.toUpperCase(), expiresDays: values["expires-days"] });
    if (!args.success) return fail(args.error.issues.map((issue) => issue.message).join("\n"));
    const { name, scope, expiresDays } = args.data;
    const expiresAt = expiresAtFromDays(expiresDays ?? null);
    const { secret } = await tokens.createApiToken({ name, scope, expiresAt, createdById: null });
    console.log(secret);
    console.error(`Created API token "${name}" (scope ${scope}${expiresAt ? `, expires ${expiresAt.toISOString()}` : ""}). It is shown only now.`);
    return 0;
  }
  if (verb === "list") {
    for (const token of await tokens.listApiTokens()) {
      console.log([token.id, token.prefix + "…", token.name, token.scope, readTokenState(token), token.lastUsedAt?.toISOString() ?? "never used"].join("\t"));
    }
    return 0;
  }
  if (verb === "revoke" && id) return (await tokens.revokeApiToken(id)) ? 0 : fail(`no live token with id ${id}`);
  return fail(USAGE);
}

function fail(message: string): number {
  console.error(message);
  return 2;
}
