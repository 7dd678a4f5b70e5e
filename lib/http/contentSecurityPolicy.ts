/**
 * The pages' Content-Security-Policy, with a fresh nonce per request (proxy.ts). Next.js reads
 * the nonce from the request's CSP header and puts it on its own scripts when it renders a page
 * dynamically, which every page here does (the root layout waits for the request). Scripts
 * need the nonce: no 'unsafe-inline', so injected markup cannot run script; 'strict-dynamic'
 * lets those scripts load the chunks they need. Styles keep 'unsafe-inline': Tremor and the
 * charts set inline styles, and a nonce in style-src would switch that off.
 */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

export function contentSecurityPolicy(nonce: string, { development = false } = {}): string {
  return [
    "default-src 'self'",
    // React uses eval in development only, to rebuild server error stacks.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/** HSTS only when the app is served over HTTPS (NEXTAUTH_URL says so): over plain HTTP it would lock users out. */
export function strictTransportSecurity(appUrl = process.env.NEXTAUTH_URL): string | null {
  return appUrl?.startsWith("https://") ? "max-age=31536000; includeSubDomains" : null;
}
