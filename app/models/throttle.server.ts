// Attempt counters (the throttles table): strict fixed windows per account, growing delays per
// address and per class, and the atomic "take a slot before the expensive check" they share.
// The design and its numbers: docs/decisions/030-throttle-slots-and-delays.md.
import { eq, inArray, lt, sql } from "drizzle-orm";
import { throttles } from "~/db/tables.server";
import { atCommit, db, dialect, first, rows, withTransaction, type Db } from "~/db.server";

/** At most `limit` counted attempts per window that begins with the first; then refused until it ends. */
export type WindowRule = { kind?: "window"; limit: number; windowMs: number };
/**
 * `free` counted attempts, then each further one must wait a delay after the previous one:
 * baseMs, doubling per attempt, at most capMs. The count is forgotten after forgetMs without one.
 * Used where a whole school shares one address: nobody is ever shut out for longer than capMs.
 */
export type DelayRule = {
  kind: "delay";
  free: number;
  baseMs: number;
  capMs: number;
  forgetMs: number;
};
export type Rule = WindowRule | DelayRule;
export type ThrottleStatus = { blocked: false } | { blocked: true; retryAfterMs: number };
export type Check = [key: string, rule: Rule];

const MINUTE = 60_000;
const WINDOW = 15 * MINUTE;
/** No rule remembers longer than this, so older counters can be dropped. */
const STALE_AFTER_MS = 24 * 3600_000;

const delay = (free: number, baseMs: number, capMs: number): DelayRule => ({
  kind: "delay",
  free,
  baseMs,
  capMs,
  forgetMs: WINDOW,
});

/**
 * Per account (a teacher's email, a pupil's class + name): strict, 10 per 15 minutes, whichever
 * address the guesses come from. Per address and per class: growing delays, never a long lockout.
 * The "Direct" variants are for the one shared bucket used when the client address is unknown
 * (utils/client-ip.server.ts): everybody is in it, so they allow more and wait less.
 */
export const RULES = {
  teacherAccount: { limit: 10, windowMs: WINDOW },
  pupilAccount: { limit: 10, windowMs: WINDOW },
  /** Failed sign-ins (teacher and pupil) from one address. */
  signInAddress: delay(30, 30_000, MINUTE),
  signInAddressDirect: delay(200, 2_000, 10_000),
  /** Wrong or closed class codes (join page and pupil sign-in) from one address. */
  joinAddress: delay(20, 30_000, MINUTE),
  joinAddressDirect: delay(100, 2_000, 10_000),
  /** Failed pupil sign-ins within one class, from anywhere: PIN spraying over a roster. */
  classSignIn: delay(60, 5_000, 30_000),
  /** Teacher sign-ups (each costs a hash) from one address. */
  signUpAddress: delay(10, 30_000, MINUTE),
  signUpAddressDirect: delay(50, 2_000, 10_000),
  /** Failed "forgot password" posts (recovery code) and reset-link posts from one address. */
  recoverAddress: delay(30, 30_000, MINUTE),
  recoverAddressDirect: delay(200, 2_000, 10_000),
  /** Co-teacher invitations by email, per inviting teacher: each says whether an account exists. */
  coTeacherInvite: { limit: 20, windowMs: WINDOW },
} satisfies Record<string, Rule>;

type Row = { key: string; windowStart: Date; count: number };

function delayMs(rule: DelayRule, count: number): number {
  return Math.min(rule.capMs, rule.baseMs * 2 ** Math.min(30, count - rule.free));
}

/** The count still in force (0 when forgotten or when its window has ended). */
function liveCount(row: Row | undefined, rule: Rule, now: number): number {
  if (!row) return 0;
  if (rule.kind === "delay")
    return now - row.windowStart.getTime() >= rule.forgetMs ? 0 : row.count;
  return now >= row.windowStart.getTime() + rule.windowMs ? 0 : row.count;
}

function statusOf(row: Row | undefined, rule: Rule, now: number): ThrottleStatus {
  const count = liveCount(row, rule, now);
  if (!row || count === 0) return { blocked: false };
  if (rule.kind === "delay") {
    if (count < rule.free) return { blocked: false };
    const until = row.windowStart.getTime() + delayMs(rule, count);
    return now >= until ? { blocked: false } : { blocked: true, retryAfterMs: until - now };
  }
  if (count < rule.limit) return { blocked: false };
  return { blocked: true, retryAfterMs: row.windowStart.getTime() + rule.windowMs - now };
}

type Counters = Map<string, Row>;

/**
 * The counters' current rows, read at the start of a transaction that decides from them. On
 * PostgreSQL they are created if missing (count 0 counts as nothing) and locked, in key order,
 * until the transaction ends — one statement — so two instances cannot both pass a limit, and a
 * busy address waits instead of failing serialization (decision 125). On SQLite the IMMEDIATE
 * transaction is already the only writer, so reading them is enough.
 */
async function lockedCounters(keys: string[], now: number): Promise<Counters> {
  const sorted = [...new Set(keys)].sort();
  const found: Row[] = !sorted.length
    ? []
    : dialect() === "postgres"
      ? (
          await rows<{ key: string; windowStart: number; count: number }>(
            sql`INSERT INTO throttles (key, window_start, count) VALUES ${sql.join(
              sorted.map((key) => sql`(${key}, ${now}, 0)`),
              sql`, `,
            )} ON CONFLICT (key) DO UPDATE SET count = throttles.count
            RETURNING key, window_start AS "windowStart", count`,
          )
        ).map((r) => ({ key: r.key, windowStart: new Date(Number(r.windowStart)), count: r.count }))
      : await db.select().from(throttles).where(inArray(throttles.key, sorted));
  return new Map(found.map((r) => [r.key, r]));
}

const counted = { isolation: "read committed" } as const;

const readRow = (x: Db, key: string): Promise<Row | undefined> =>
  first(x.select().from(throttles).where(eq(throttles.key, key)));

/**
 * Counts one attempt. A window rule keeps the start of its window; a delay rule notes the time.
 * The write goes with the commit (`atCommit`): the counter rows of a whole school's address are
 * the busiest rows there are, and stay locked only until then.
 */
async function bump(
  key: string,
  row: Row | undefined,
  rule: Rule,
  now: number,
  keep: string[],
): Promise<Row> {
  const count = liveCount(row, rule, now);
  if (!row) {
    // New keys are when the table grows, so that is when stale counters are swept (SQLite: on
    // PostgreSQL every counter row exists already, and `purgeStaleThrottles` sweeps them) — all
    // but the ones this attempt is counted against, whose rows were read before.
    await atCommit(
      sql`DELETE FROM throttles WHERE window_start < ${now - STALE_AFTER_MS} AND key NOT IN (${sql.join(
        keep.map((k) => sql`${k}`),
        sql`, `,
      )})`,
    );
    await atCommit(
      sql`INSERT INTO throttles (key, window_start, count) VALUES (${key}, ${now}, 1)`,
    );
    return { key, windowStart: new Date(now), count: 1 };
  }
  const windowStart = count === 0 || rule.kind === "delay" ? now : row.windowStart.getTime();
  await atCommit(
    sql`UPDATE throttles SET window_start = ${windowStart}, count = ${count + 1} WHERE key = ${key}`,
  );
  return { key, windowStart: new Date(windowStart), count: count + 1 };
}

export async function throttleStatus(
  key: string,
  rule: Rule,
  now = Date.now(),
): Promise<ThrottleStatus> {
  return statusOf(await readRow(db, key), rule, now);
}

/**
 * Counts one use against a rule, whatever its outcome (for checks that are cheap and synchronous:
 * the discussion counts every response and reply written against its post rate).
 */
export async function countUse(key: string, rule: Rule, now = Date.now()): Promise<void> {
  await withTransaction(async () => {
    const rows = await lockedCounters([key], now);
    await bump(key, rows.get(key), rule, now, [key]);
  }, counted);
}

export async function clearThrottle(key: string): Promise<void> {
  await db.delete(throttles).where(eq(throttles.key, key));
}

/** What a slot took: its checks, when, and each counter's previous time (to give back exactly). */
export type Slot = { checks: Check[]; now: number; before: Map<string, Date | null> };
/** Refused: how long to wait, and whether only waits (per address or class) refused, not an account's limit. */
export type SlotResult =
  { ok: true; slot: Slot } | { ok: false; retryAfterMs: number; wait: boolean };

/**
 * Check every counter and, if none refuses, count this attempt against all of them — in one
 * IMMEDIATE transaction, before the slow password/PIN work. An attempt in flight therefore
 * already counts as a failure: N guesses sent at once get at most the limit evaluated, the rest
 * are refused. Afterwards the caller either leaves the slot counted (it failed) or calls
 * `succeeded` (it did not fail). If the process dies in between, the attempt stays counted.
 */
export async function takeSlot(checks: Check[], now = Date.now()): Promise<SlotResult> {
  const result = await trySlot(checks, now);
  return result.ok ? result : { ok: false, retryAfterMs: result.retryAfterMs, wait: result.wait };
}

type Tried = SlotResult | { ok: false; retryAfterMs: number; wait: boolean; blockedBy: string[] };

function trySlot(checks: Check[], now: number): Promise<Tried> {
  return withTransaction(async (): Promise<Tried> => {
    const rows = await lockedCounters(
      checks.map(([key]) => key),
      now,
    );
    let retryAfterMs = 0;
    let wait = true;
    const blockedBy: string[] = [];
    for (const [key, rule] of checks) {
      const status = statusOf(rows.get(key), rule, now);
      if (!status.blocked) continue;
      blockedBy.push(key);
      retryAfterMs = Math.max(retryAfterMs, status.retryAfterMs);
      if (rule.kind !== "delay") wait = false;
    }
    if (retryAfterMs > 0) return { ok: false as const, retryAfterMs, wait, blockedBy };
    const before = new Map<string, Date | null>();
    for (const [key, rule] of checks) {
      const row = rows.get(key);
      before.set(key, row?.windowStart ?? null);
      // a key checked twice counts twice: the next bump starts from the row this one wrote
      rows.set(
        key,
        await bump(
          key,
          row,
          rule,
          now,
          checks.map(([k]) => k),
        ),
      );
    }
    return { ok: true as const, slot: { checks, now, before } };
  }, counted);
}

// Slots of this process whose check (the hash) is still running, per counter key, and the
// sign-ins waiting for one of them to finish. Decision 083.
const running = new Map<string, number>();
const queues = new Map<string, (() => void)[]>();
/**
 * A safety net, not a limit: a turn normally comes as fast as the hash queue ahead of it drains
 * (every attempt in flight ends, and `release` runs in a `finally`). Only if that somehow stalls
 * is the request refused after a minute (a reverse proxy's usual read timeout).
 */
export const TURN_WAIT_MAX_MS = 60_000;

function wakeOne(key: string): void {
  const queue = queues.get(key);
  const next = queue?.shift();
  if (queue && queue.length === 0) queues.delete(key);
  next?.();
}

/**
 * `takeSlot` for checks that end in a slow hash (sign-ins). An attempt in flight counts as a
 * failure, so when a shared counter (an address, a class: delay rules) refuses only because
 * this process still has attempts in flight on it, the refusal is premature: those may well
 * succeed and give their slot back. Such a request waits its turn — for the next attempt on that
 * counter to finish — and tries again. An account's limit, or a
 * counter full of finished failures, still refuses at once. Call `release` when the check ends.
 * `now` fixed (tests) or the clock at each try.
 */
export async function takeSlotInTurn(
  checks: Check[],
  now?: number,
  signal?: AbortSignal,
): Promise<SlotResult> {
  const deadline = Date.now() + TURN_WAIT_MAX_MS;
  let wokenOn: string | undefined;
  for (;;) {
    // A client gone before its first try still takes its slot: the caller's hash step drops it,
    // giving the shared counters back while the account keeps it (decision 085), as when the slot
    // was taken the moment the sign-in came in (before the data layer was async).
    const tried = await trySlot(checks, now ?? Date.now());
    if (tried.ok) {
      for (const [key] of tried.slot.checks) running.set(key, (running.get(key) ?? 0) + 1);
      return tried;
    }
    const pending =
      "blockedBy" in tried && tried.wait
        ? tried.blockedBy.find((key) => (running.get(key) ?? 0) > 0)
        : undefined;
    const left = deadline - Date.now();
    if (!pending || left <= 0) {
      // woken, but refused for good: the room a finished attempt left goes to the next in line
      if (wokenOn) wakeOne(wokenOn);
      return { ok: false, retryAfterMs: tried.retryAfterMs, wait: tried.wait };
    }
    if (signal?.aborted) {
      // the client has gone: nothing to wait for; the turn it was given goes on to the next
      if (wokenOn) wakeOne(wokenOn);
      throw signal.reason ?? new Error("aborted");
    }
    const first = wokenOn !== undefined; // woken before and still blocked: it stays first in line
    const woken = await new Promise<boolean>((resolve) => {
      let queue = queues.get(pending);
      if (!queue) queues.set(pending, (queue = []));
      const wake = () => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", leave);
        resolve(true);
      };
      const leave = () => {
        clearTimeout(timer);
        const q = queues.get(pending);
        const i = q?.indexOf(wake) ?? -1;
        if (q && i >= 0) q.splice(i, 1);
        if (q?.length === 0) queues.delete(pending);
        resolve(false);
      };
      const timer = setTimeout(leave, left);
      signal?.addEventListener("abort", leave, { once: true });
      if (first) queue.unshift(wake);
      else queue.push(wake);
    });
    if (signal?.aborted) {
      if (woken) wakeOne(pending);
      throw signal.reason ?? new Error("aborted");
    }
    if (!woken) return { ok: false, retryAfterMs: tried.retryAfterMs, wait: tried.wait };
    wokenOn = pending;
  }
}

/** The check of a slot from `takeSlotInTurn` has ended (after `succeeded`, if it did). */
export function release(slot: Slot): void {
  for (const [key] of slot.checks) {
    const n = (running.get(key) ?? 1) - 1;
    if (n > 0) running.set(key, n);
    else running.delete(key);
    wakeOne(key);
  }
}

/**
 * The attempt did not fail: account counters (window rules) are cleared, as a right password
 * proves the person; the others give back the one attempt this slot took, so a success neither
 * counts against a shared address nor wipes what others did from it.
 */
export async function succeeded(slot: Slot, options: { keep?: string[] } = {}): Promise<void> {
  await withTransaction(async () => {
    const rows = await lockedCounters(
      slot.checks.map(([key]) => key),
      slot.now,
    );
    for (const [key, rule] of slot.checks) {
      if (options.keep?.includes(key)) continue;
      if (rule.kind !== "delay") {
        await atCommit(sql`DELETE FROM throttles WHERE key = ${key}`);
        continue;
      }
      const row = rows.get(key);
      if (!row || row.count === 0) continue;
      // Nobody counted since this slot: its time goes back too, so a success does not make the
      // others behind the address wait longer.
      const previous = slot.before.get(key);
      const untouched = row.windowStart.getTime() === slot.now && previous;
      await atCommit(
        untouched
          ? sql`UPDATE throttles SET count = ${row.count - 1}, window_start = ${previous.getTime()} WHERE key = ${key}`
          : sql`UPDATE throttles SET count = ${row.count - 1} WHERE key = ${key}`,
      );
      // a key checked twice gives back twice, as when each give-back read the one before
      rows.set(key, {
        key,
        windowStart: untouched ? previous : row.windowStart,
        count: row.count - 1,
      });
    }
  }, counted);
}

/** Minutes to show in "try again in N minutes": rounded up, at least 1. */
export function retryMinutes(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 60_000));
}

/** Seconds for Retry-After and for "try again in N seconds": rounded up, at least 1. */
export function retrySeconds(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 1000));
}

/** Drops counters nobody has touched for a day (the retention command calls this daily). */
export async function purgeStaleThrottles(now = Date.now()): Promise<number> {
  const purged = await db
    .delete(throttles)
    .where(lt(throttles.windowStart, new Date(now - STALE_AFTER_MS)))
    .returning({ key: throttles.key });
  return purged.length;
}
