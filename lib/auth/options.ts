/**
 * next-auth: email and password against the User table, JWT sessions that carry the role.
 * Failed attempts are rate-limited per account and per address.
 */
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { findUserByEmail } from "@/lib/db/users";
import { recordAudit } from "@/lib/db/audit";
import { safeCallbackUrl } from "./callbackUrl";
import type { Role } from "./roles";
import { verifyPassword } from "./password";
import { lockedMinutes, recordFailure, recordSuccess, throttleKeys } from "./throttle";

const credentials = z.object({ email: z.email(), password: z.string().min(1).max(200) });

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0].trim() : "";
  return first || "unknown";
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(input, req) {
        const parsed = credentials.safeParse(input);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const keys = throttleKeys(email, clientAddress(req?.headers));
        const wait = await lockedMinutes(keys);
        if (wait > 0) throw new Error(`Too many failed sign-ins. Try again in ${wait} minute${wait === 1 ? "" : "s"}.`);

        const user = await findUserByEmail(email);
        const isValid = user !== null && !user.disabled && (await verifyPassword(password, user.passwordHash));
        if (!isValid) {
          await recordFailure(keys);
          return null;
        }
        await recordSuccess(email);
        await recordAudit({ userId: user.id, action: "user.signin" });
        return { id: user.id, email: user.email, name: user.name, role: user.role as Role };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { ...session.user, id: token.uid, role: token.role };
      return session;
    },
    // The sign-in page's rule, so sign-in and sign-out redirects go by the same check (next-auth's default also stays on the app).
    redirect({ url, baseUrl }) {
      return new URL(safeCallbackUrl(url, baseUrl), baseUrl).href;
    },
  },
};
