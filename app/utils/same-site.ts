// The same-site test for state-changing requests, shared by our server and the app's readForm.

/**
 * True when the browser says the request came from another site: Sec-Fetch-Site "cross-site" or
 * "same-site" (a sibling subdomain is another site to us), an opaque Origin ("null"), or an Origin
 * whose host differs from the one the request was sent to. No Origin at all (old browsers,
 * curl) is allowed: SameSite=Lax cookies already keep a cross-site post signed out.
 */
export function crossSite(input: {
  fetchSite: string | null | undefined;
  origin: string | null | undefined;
  host: string | null | undefined;
  forwardedHost?: string | null;
  trustProxy: boolean;
}): boolean {
  if (input.fetchSite === "cross-site" || input.fetchSite === "same-site") return true;
  const origin = input.origin;
  if (!origin) return false;
  if (origin === "null") return true;
  const forwarded = input.trustProxy ? input.forwardedHost?.split(",").pop()?.trim() : undefined;
  const host = (forwarded || input.host || "").toLowerCase();
  try {
    return new URL(origin).host.toLowerCase() !== host;
  } catch {
    return true;
  }
}
