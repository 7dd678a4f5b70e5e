/**
 * Runs before every page (not the API): gives the page its Content-Security-Policy with a
 * fresh script nonce (lib/http/contentSecurityPolicy.ts; Next.js reads it from the request
 * header and applies it to its scripts), and sends anonymous visitors of any page but sign-in
 * to sign-in (an address with a broken percent-escape gets a 400 instead). It checks no role:
 * every page, route handler and server action does that itself. API routes are left out so uploads stream straight to their handler (the proxy would
 * buffer them) and answer 401 as JSON; their headers come from next.config.mjs.
 */
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from "@/lib/http/contentSecurityPolicy";

export async function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const { pathname } = request.nextUrl;
  const response = !isDecodable(pathname)
    ? malformedAddress(pathname)
    : pathname === "/signin" || (await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET }))
      ? pageResponse(request, nonce, csp)
      : toSignIn(request);
  response.headers.set("Content-Security-Policy", csp);
  const hsts = strictTransportSecurity();
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** Next.js answers a bare 500 for a broken percent-escape in a dynamic segment (/customers/%E0%A4%A); it is the address that is wrong. */
function malformedAddress(pathname: string): NextResponse {
  return new NextResponse(`Bad request: the address ${pathname} has a malformed percent-escape (a % must be followed by two hex digits of valid UTF-8).\n`, {
    status: 400,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

function pageResponse(request: NextRequest, nonce: string, csp: string): NextResponse {
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  return NextResponse.next({ request: { headers } });
}

function toSignIn(request: NextRequest): NextResponse {
  const signIn = new URL("/signin", request.url);
  signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
}

export const config = {
  // The files in public/ are served to anyone: search engines read robots.txt before any sign-in.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|robots.txt|icon.svg).*)"],
};
