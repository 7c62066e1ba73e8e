// The per-IP throttling bucket of a request.
import net from "node:net";
import { requestContext } from "./request-context.server";

/**
 * The client address comes from our server (server/app.ts), which reads it from the socket — or,
 * only with TRUST_PROXY=true, from the right-most X-Forwarded-For entry our proxy appended — and
 * hands it over in an AsyncLocalStorage (request-context.server.ts), which no request header can
 * reach. So every client has its own bucket even without a proxy, and a forged X-Forwarded-For
 * changes nothing. IPv6 clients are bucketed by their /64, which one device can hop around in.
 * `direct: true` means "address unknown" (the app is not behind our server, e.g. `remix dev`):
 * then all requests share one bucket with a higher limit.
 */
export function ipBucket(_request: Request): { key: string; direct: boolean } {
  const address = requestContext()?.clientAddress;
  if (!address) return { key: "ip:direct", direct: true };
  return { key: `ip:${net.isIPv6(address) ? ipv6Prefix64(address) : address}`, direct: false };
}

/** "2001:db8:1:2:aaaa::1" → "2001:db8:1:2::/64". */
export function ipv6Prefix64(address: string): string {
  const [head, tail = ""] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = address.includes("::") && tail ? tail.split(":") : [];
  const groups = address.includes("::")
    ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right]
    : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}
