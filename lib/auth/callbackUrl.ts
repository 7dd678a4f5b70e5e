/**
 * Where to send someone after sign-in: the callbackUrl they came with, if it is on the app's
 * own origin, else "/". Browsers read "/\evil.example" and "/<tab>/evil.example" as
 * "//evil.example", another site, so no prefix test will do: the URL is resolved as a browser
 * would and its origin compared. Used by the sign-in page, its form and next-auth's redirect.
 */
export function sanitiseCallbackUrl(callbackUrl: string | null | undefined, appOrigin: string): string {
  if (!callbackUrl) return "/";
  let target: URL;
  try {
    target = new URL(callbackUrl, appOrigin);
  } catch {
    return "/";
  }
  if (target.origin !== new URL(appOrigin).origin) return "/";
  // A path that begins "//" ("/.//evil.example" resolves to one) would itself name a host.
  return `/${target.pathname.replace(/^\/+/, "")}${target.search}${target.hash}`;
}
