/**
 * The app's own origin, and the cross-site request check every cookie-authenticated route
 * handler makes (withPermission). A browser sends Origin with every POST, PUT, PATCH and
 * DELETE (Referer when a privacy setting drops Origin), and a page cannot forge either; so a
 * state-changing request whose Origin is another site's (another port counts), "null" (a
 * sandboxed frame, a data: URL) or absent is refused, whatever cookies came with it.
 */

/** NEXTAUTH_URL's origin when set; else the scheme and Host the request came with. */
export function appOrigin(headers: Headers, configuredUrl = process.env.NEXTAUTH_URL): string {
  if (configuredUrl) return new URL(configuredUrl).origin;
  const scheme = headers.get("x-forwarded-proto") === "https" ? "https" : "http";
  return `${scheme}://${headers.get("host") ?? "localhost"}`;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Why the request must be refused as cross-site, or null when it may go on. */
export function crossSiteReason(method: string, headers: Headers, configuredUrl = process.env.NEXTAUTH_URL): string | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  const source = headers.get("origin") ?? headers.get("referer");
  if (!source) return "Refused: the request has neither an Origin nor a Referer header, so it cannot be told from a cross-site one.";
  let from: URL;
  try {
    from = new URL(source);
  } catch {
    return `Refused: the request's origin (${source.slice(0, 100)}) is not this app's.`;
  }
  // Without NEXTAUTH_URL the scheme is unknown behind a TLS proxy: compare host and port, as Next.js does for server actions.
  const same = configuredUrl ? from.origin === new URL(configuredUrl).origin : from.host === headers.get("host");
  return same ? null : `Refused: the request comes from ${from.origin.slice(0, 100)}, not from this app (${appOrigin(headers, configuredUrl).slice(0, 100)}).`;
}
