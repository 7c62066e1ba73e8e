// Fixed-window failure counters (the throttles table) and the limits for sign-in and join attempts.
import { eq, lt } from "drizzle-orm";
import { throttles } from "../../db/schema";
import { db } from "~/db.server";

export type Rule = { limit: number; windowMs: number };
export type ThrottleStatus = { blocked: false } | { blocked: true; retryAfterMs: number };

const WINDOW = 15 * 60_000;
/** No rule's window is longer than this, so older counters can be dropped. */
const STALE_AFTER_MS = 24 * 3600_000;
/**
 * Limits per 15 minutes. After `limit` failures the next attempt is refused, right or wrong, until
 * the window that began with the first failure ends. The "direct" variants are for the single
 * shared bucket used when the client IP is unknown (see utils/client-ip.server.ts): a whole school
 * behind one address must not lock itself out, so they are higher.
 */
export const RULES = {
  teacherAccount: { limit: 10, windowMs: WINDOW },
  pupilAccount: { limit: 10, windowMs: WINDOW },
  signInIp: { limit: 50, windowMs: WINDOW },
  signInIpDirect: { limit: 200, windowMs: WINDOW },
  joinIp: { limit: 20, windowMs: WINDOW },
  joinIpDirect: { limit: 100, windowMs: WINDOW },
} satisfies Record<string, Rule>;

export function throttleStatus(key: string, rule: Rule, now = Date.now()): ThrottleStatus {
  const row = db.select().from(throttles).where(eq(throttles.key, key)).get();
  if (!row) return { blocked: false };
  const endsAt = row.windowStart.getTime() + rule.windowMs;
  if (now >= endsAt || row.count < rule.limit) return { blocked: false };
  return { blocked: true, retryAfterMs: endsAt - now };
}

/** Counts one failure; a failure after the window has ended starts a new window. */
export function recordFailure(key: string, rule: Rule, now = Date.now()): void {
  db.transaction((tx) => {
    const row = tx.select().from(throttles).where(eq(throttles.key, key)).get();
    if (!row) {
      // New keys are when the table grows, so that is when stale counters are swept.
      tx.delete(throttles).where(lt(throttles.windowStart, new Date(now - STALE_AFTER_MS))).run();
      tx.insert(throttles).values({ key, windowStart: new Date(now), count: 1 }).run();
    } else if (now >= row.windowStart.getTime() + rule.windowMs) {
      tx.update(throttles).set({ windowStart: new Date(now), count: 1 }).where(eq(throttles.key, key)).run();
    } else {
      tx.update(throttles).set({ count: row.count + 1 }).where(eq(throttles.key, key)).run();
    }
  }, { behavior: "immediate" });
}

export function clearThrottle(key: string): void {
  db.delete(throttles).where(eq(throttles.key, key)).run();
}

/** The first blocked status among several checks (e.g. the account and the IP). */
export function firstBlocked(checks: [key: string, rule: Rule][], now = Date.now()): ThrottleStatus {
  for (const [key, rule] of checks) {
    const status = throttleStatus(key, rule, now);
    if (status.blocked) return status;
  }
  return { blocked: false };
}

/** Minutes to show in "try again in N minutes": rounded up, at least 1. */
export function retryMinutes(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 60_000));
}


/** Drops counters whose window ended long ago (the retention command calls this daily). */
export function purgeStaleThrottles(now = Date.now()): number {
  return db.delete(throttles).where(lt(throttles.windowStart, new Date(now - STALE_AFTER_MS))).run().changes;
}
