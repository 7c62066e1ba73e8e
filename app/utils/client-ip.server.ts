// The per-IP throttling bucket of a request.
import { env } from "./env.server";

/**
 * remix-serve hands Remix a Request without the socket address, so the client's IP is only
 * knowable from X-Forwarded-For, and that header can be forged by anyone unless a proxy we run
 * overwrites it. So: with TRUST_PROXY=true we take the right-most X-Forwarded-For entry (the one
 * our proxy appended); otherwise every request shares the one bucket "ip:direct", which gets a
 * higher limit. Limitation: without a proxy, per-IP throttling is a global ceiling on failures,
 * not a per-client one — per-account and per-pupil throttles still apply individually.
 */
export function ipBucket(request: Request): { key: string; direct: boolean } {
  if (env().TRUST_PROXY === "true") {
    const forwarded = request.headers.get("X-Forwarded-For");
    const last = forwarded?.split(",").map((part) => part.trim()).filter(Boolean).pop();
    if (last) return { key: `ip:${last.toLowerCase()}`, direct: false };
  }
  return { key: "ip:direct", direct: true };
}
