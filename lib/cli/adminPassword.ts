/**
 * `npm run admin-password [-- --email E]` — gives an administrator (the first active one, or
 * the one --email names) a new temporary password, printed this once, to be changed at the next
 * sign-in, and ends their sessions.
 * For the demo's administrator whose first-start password was lost.
 */
import { parseArgs } from "node:util";
import { z } from "zod";

const { values } = parseArgs({ options: { email: { type: "string" } } });
const args = z.object({ email: z.email("--email must be an e-mail address").optional() }).safeParse(values);
if (!args.success) {
  console.error(args.error.issues.map((issue) => issue.message).join("\n"));
  process.exit(2);
}

await import("@/lib/env");
const { hashPassword, randomPassword } = await import("@/lib/auth/password");
const { findUserByEmail, listUsers, replacePassword } = await import("@/lib/db/users");
const { disconnectDatabase } = await import("@/lib/db/connection");
try {
  process.exitCode = await main(args.data.email);
} finally {
  await disconnectDatabase();
}

async function main(email: string | undefined): Promise<number> {
  const admin = email ? await findUserByEmail(email) : (await listUsers()).find((user) => user.role === "ADMIN" && !user.disabled);
  if (!admin || admin.role !== "ADMIN") {
    console.error(email ? `no administrator with the e-mail ${email}` : "no active administrator: run npm run demo or npm run seed first");
    return 1;
  }
  const password = randomPassword();
  await replacePassword(admin.id, await hashPassword(password), { temporary: true }, () => ({
    userId: null,
    action: "user.password.reset",
    target: `user:${admin.id}`,
    details: { via: "cli" },
  }));
  console.log(`New password for ${admin.email}: ${password}  (shown only this once; to be changed at the next sign-in; their sessions have ended)`);
  return 0;
}
