/**
 * Sends anonymous visitors of any page to sign-in. It only redirects: every page, route
 * handler and server action checks the role itself. API routes are left out so uploads
 * stream straight to their handler (the proxy would buffer them) and answer 401 as JSON.
 */
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";

export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (token) return NextResponse.next();
  const signIn = new URL("/signin", request.url);
  signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/((?!api/|signin|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
