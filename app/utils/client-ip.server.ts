// The per-IP throttling bucket of a request.
import { requestContext } from "./request-context.server";

/**
 * The client address comes from our server (server/app.ts), which reads it from the socket — or,
 * only with TRUST_PROXY=true, from the right-most X-Forwarded-For entry our proxy appended — and
 * hands it over in an AsyncLocalStorage (request-context.server.ts), which no request header can
 * reach. So every client has its own bucket even without a proxy, and a forged X-Forwarded-For
 * changes nothing. (An IPv6 device can hop around its /64; bucketing by /64 would be stricter,
 * but the throttle rules are tuned per address: left to the throttle model.)
 * `direct: true` means "address unknown" (the app is not behind our server, e.g. `remix dev`):
 * then all requests share one bucket with a higher limit.
 */
export function ipBucket(_request: Request): { key: string; direct: boolean } {
  const address = requestContext()?.clientAddress;
  if (!address) return { key: "ip:direct", direct: true };
  return { key: `ip:${address}`, direct: false };
}
