/**
 * `npm run bench:signin [-- --tries 30]` — does the time to answer a sign-in tell whether the
 * account exists? Wrong passwords for a real account and for an unknown email, interleaved,
 * through `authenticate` (what next-auth's credentials provider calls) on a fresh SQLite
 * database; prints the median and p90 of each and their difference. Both should cost one
 * bcrypt comparison (cost 12), so the medians should agree to within noise. The failure limits
 * are raised for the bench so no attempt is refused or slowed.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { createTestDatabase } from "@/tests/integration/support/databases";
import { loadAverage, quantile } from "@/tests/support/nextServer";

const { values } = parseArgs({ options: { tries: { type: "string", default: "30" } } });
const TRIES = Number(values.tries);

process.env.SIGNIN_MAX_FAILURES = "100000";
const database = await createTestDatabase("sqlite");
process.env.DATABASE_URL = database.url;
console.log(`${os.cpus().length} cores; load average ${loadAverage()}; ${TRIES} tries each`);

const { authenticate } = await import("@/lib/auth/signIn");
const { hashPassword } = await import("@/lib/auth/password");
const { createUser } = await import("@/lib/db/users");
const { db } = await import("@/lib/db/internal/client");
await createUser({ email: "real@example.com", name: "Real", role: "VIEWER", passwordHash: await hashPassword("the-real-password") });

const times = { known: [] as number[], unknown: [] as number[] };
const attempt = async (kind: keyof typeof times, i: number) => {
  const email = kind === "known" ? "real@example.com" : `nobody${i}@example.com`;
  const started = performance.now();
  const result = await authenticate({ email, password: `wrong-${i}` }, {});
  times[kind].push(performance.now() - started);
  if (result.ok || result.message) throw new Error(`unexpected answer: ${JSON.stringify(result)}`);
};
await attempt("known", -1);
await attempt("unknown", -1);
times.known.length = times.unknown.length = 0;
for (let i = 0; i < TRIES; i++) {
  // Alternate which goes first, so a drift in machine load falls on both alike.
  for (const kind of i % 2 ? (["unknown", "known"] as const) : (["known", "unknown"] as const)) await attempt(kind, i);
}

const row = (kind: keyof typeof times) =>
  `${kind.padEnd(8)} median ${quantile(times[kind], 0.5).toFixed(0)} ms, p90 ${quantile(times[kind], 0.9).toFixed(0)} ms`;
console.log(row("known"));
console.log(row("unknown"));
console.log(`difference of medians: ${(quantile(times.known, 0.5) - quantile(times.unknown, 0.5)).toFixed(0)} ms`);
await db.$disconnect();
await database.drop();
