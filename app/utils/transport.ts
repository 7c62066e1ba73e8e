// How a request reached us: the client's address, HTTP or HTTPS, and whether the session cookie is
// Secure. Pure functions, shared by the server (server/app.ts) and the app; unit-tested.
import net from "node:net";

/** The right-most entry of a comma list (X-Forwarded-For, X-Forwarded-Proto): what our proxy added. */
function rightMost(header: string | undefined | null): string | undefined {
  return header
    ?.split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .pop();
}

/** "::ffff:10.0.0.5" → "10.0.0.5"; brackets and zone ids dropped; lower case. */
export function normalizeAddress(address: string): string {
  let a = address.trim().toLowerCase();
  if (a.startsWith("[") && a.includes("]")) a = a.slice(1, a.indexOf("]"));
  a = a.replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  return mapped ? mapped[1] : a;
}

/**
 * The client's address: the socket's peer, or — only when TRUST_PROXY is set, i.e. a proxy we run
 * is the peer — the right-most X-Forwarded-For entry, the one that proxy appended. Anything a
 * client writes into X-Forwarded-For itself is to the left of it, so it cannot choose its bucket.
 */
export function clientAddress(input: {
  socketAddress: string | undefined;
  forwardedFor?: string | null;
  trustProxy: boolean;
}): string | undefined {
  if (input.trustProxy) {
    const forwarded = rightMost(input.forwardedFor);
    if (forwarded && net.isIP(normalizeAddress(forwarded))) return normalizeAddress(forwarded);
  }
  return input.socketAddress ? normalizeAddress(input.socketAddress) : undefined;
}

export type Protocol = "http" | "https";

/**
 * HTTPS when the socket itself is TLS, or when a trusted proxy says so in X-Forwarded-Proto
 * (right-most entry, as for X-Forwarded-For). Without TRUST_PROXY the header is ignored: a client
 * on plain HTTP could otherwise claim HTTPS and be handed a cookie its browser then drops.
 */
export function requestProtocol(input: {
  encrypted: boolean;
  forwardedProto?: string | null;
  trustProxy: boolean;
}): Protocol {
  if (input.encrypted) return "https";
  if (input.trustProxy) {
    const proto = rightMost(input.forwardedProto)?.toLowerCase();
    if (proto === "https" || proto === "http") return proto;
  }
  return "http";
}

/**
 * The session cookie is Secure exactly when the request came over HTTPS; COOKIE_SECURE=true|false
 * overrides. A browser drops a Secure cookie set over plain HTTP (except on localhost), so on a
 * school LAN (http://192.168.x.y) a Secure cookie would make every sign-in silently fail.
 */
export function cookieSecure(protocol: Protocol, override?: "true" | "false"): boolean {
  if (override) return override === "true";
  return protocol === "https";
}
