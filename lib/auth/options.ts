/**
 * next-auth: email and password against the User table (lib/auth/signIn.ts), JWT sessions
 * that carry the role and the user's session version. Signing out raises the version, so the
 * old cookie stops working at once rather than when it expires.
 */
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { recordAudit } from "@/lib/db/audit";
import { endSessions, getSessionVersion } from "@/lib/db/users";
import { sanitiseCallbackUrl } from "./callbackUrl";
import { authenticate } from "./signIn";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(input, req) {
        const result = await authenticate(input, req?.headers);
        if (result.ok) return result.user;
        // next-auth hands a thrown message to the form; null shows "Wrong email or password".
        if (result.message) throw new Error(result.message);
        return null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion;
        return token;
      }
      // An outage must not sign anyone out: the page's own read (getCurrentUser) then shows the outage.
      const version = await getSessionVersion(token.uid).catch(() => token.sv);
      // Thrown, next-auth answers "no session" and clears the cookie.
      if (version !== token.sv) throw new Error("This session has ended: sign in again.");
      return token;
    },
    session({ session, token }) {
      session.user = { ...session.user, id: token.uid, role: token.role, sessionVersion: token.sv };
      return session;
    },
    // The sign-in page's rule, so sign-in and sign-out redirects go by the same check (next-auth's default also stays on the app).
    redirect({ url, baseUrl }) {
      return new URL(sanitiseCallbackUrl(url, baseUrl), baseUrl).href;
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.uid && (await endSessions(token.uid, token.sv))) await recordAudit({ userId: token.uid, action: "user.signout" });
    },
  },
};
