/**
 * Environment variables, parsed once. CLIs load `.env` themselves (Next.js does it for the app).
 */
import fs from "node:fs";
import { z } from "zod";
import { PASSWORD_TOO_LONG, isPasswordTooLong } from "@/lib/auth/password";
import { parseTrustedProxies } from "@/lib/http/clientAddress";

if (typeof process.loadEnvFile === "function" && fs.existsSync(".env")) process.loadEnvFile(".env");

const schema = z.object({
  DATABASE_URL: z.string().optional(),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z
    .string()
    .min(10, "ADMIN_PASSWORD must be at least 10 characters")
    .refine((value) => !isPasswordTooLong(value), `ADMIN_PASSWORD: ${PASSWORD_TOO_LONG}`)
    .optional(),
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(200 * 1024 * 1024),
  SIGNIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  SIGNIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  /** Reverse proxies whose X-Forwarded-For is believed (IPs or CIDRs, comma-separated); none by default. */
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      try {
        parseTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
  /** Per API token: requests per second on average, and at once after a quiet spell. */
  API_RATE_PER_SECOND: z.coerce.number().positive().default(1000),
  API_RATE_BURST: z.coerce.number().int().positive().default(2000),
  /** Per client address: requests with unknown, revoked or expired tokens. */
  API_BAD_TOKEN_RATE_PER_SECOND: z.coerce.number().positive().default(1),
  API_BAD_TOKEN_BURST: z.coerce.number().int().positive().default(30),
  /** Largest v1 API request body. */
  API_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(2 * 1024 * 1024),
  /** Where the retrain schedule runs: alongside the web server (npm start / demo), in `npm run worker`, or nowhere. */
  RETRAIN_SCHEDULER: z.enum(["inline", "worker", "off"]).default("inline"),
  /** Niceness of a retrain's job process (0 = as the launcher, 19 = lowest), so web requests on the same machine win the CPU. */
  RETRAIN_NICE: z.coerce.number().int().min(0).max(19).default(10),
  /** V8 heap limit of a retrain's job process in MB: Node's default (about 4 GB) stops a retrain of a million customers with their order lines. */
  RETRAIN_HEAP_MB: z.coerce.number().int().min(256).default(5_120),
  /** How many of the newest finished runs keep their per-customer scores, besides the active run (lib/db/scoreRetention.ts). */
  SCORE_RETENTION_RUNS: z.coerce.number().int().min(1, "SCORE_RETENTION_RUNS must keep at least 1 run").default(10),
});

export type Env = z.infer<typeof schema>;

function parseEnv(): Env {
  const result = schema.safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  return result.data;
}

export const env = parseEnv();
