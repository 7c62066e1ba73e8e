// Database-backed sessions: the signed cookie carries only a random id; the row decides.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, eq, lt, or, sql } from "drizzle-orm";
import { sessions } from "~/db/tables.server";
import { db, first, prepared } from "~/db.server";
import { env } from "./env.server";
import { requestContext } from "./request-context.server";
import { cookieSecure } from "./transport";
import {
  hashSessionId,
  makeSessionCookie,
  newSessionId,
  SESSION_POLICY,
  sessionCookieMaxAge,
  sessionRowFor,
  type CookieKind,
  type Role,
  type SessionOwner,
} from "./session-cookie.server";

export { hashSessionId, SESSION_COOKIE, SESSION_POLICY, type Role } from "./session-cookie.server";

const MINUTE = 60_000;
/** Touch last_seen at most once a minute, so reads are not writes. */
const TOUCH_EVERY_MS = MINUTE;

function readSecrets(): string[] {
  const fromEnv = env().SESSION_SECRET;
  if (fromEnv) {
    const list = fromEnv
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    if (list.length) return list;
  }
  const file = path.join(path.dirname(path.resolve(env().DATABASE_PATH)), "session-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), {
        mode: 0o600,
        flag: "wx",
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return [fs.readFileSync(file, "utf8").trim()];
}

/** Whether this request's session cookie is Secure (see cookieSecure in transport.ts). */
export function sessionCookieSecure(request?: Request): boolean {
  const protocol =
    requestContext()?.protocol ??
    (request && new URL(request.url).protocol === "https:" ? "https" : "http");
  return cookieSecure(protocol, env().COOKIE_SECURE);
}

const cookies: Partial<Record<CookieKind, ReturnType<typeof makeSessionCookie>>> = {};
function sessionCookie(request?: Request) {
  const kind = sessionCookieSecure(request) ? "secure" : "plain";
  return (cookies[kind] ??= makeSessionCookie(kind, readSecrets()));
}

export function isExpired(
  row: { role: Role; createdAt: Date; lastSeenAt: Date; expiresAt: Date },
  now: number,
): boolean {
  const policy = SESSION_POLICY[row.role];
  return (
    now >= row.expiresAt.getTime() ||
    now - row.lastSeenAt.getTime() >= policy.idleMs ||
    now - row.createdAt.getTime() >= policy.maxMs
  );
}

export type SessionRow = typeof sessions.$inferSelect;

/** Creates a fresh session (a new id at every sign-in) and returns its Set-Cookie header. */
export async function createSession(owner: SessionOwner): Promise<string> {
  const id = newSessionId();
  await db.insert(sessions).values(sessionRowFor(id, owner));
  return sessionCookie().serialize(id, { maxAge: sessionCookieMaxAge(owner.role) });
}

async function readSessionId(request: Request): Promise<string | null> {
  const header = request.headers.get("Cookie");
  const cookie = sessionCookie(request);
  if (!header || !header.includes(`${cookie.name}=`)) return null;
  const value = await cookie.parse(header);
  return typeof value === "string" && value.length >= 22 ? value : null;
}

// Runs on every request: prepared once (see `prepared` in db.server).
const sessionById = prepared((d) =>
  d
    .select()
    .from(sessions)
    .where(eq(sessions.idHash, sql.placeholder("idHash")))
    .prepare(),
);

/** The live session row of a request, or null (unknown, tampered or expired cookie). */
export async function readSession(request: Request): Promise<SessionRow | null> {
  const id = await readSessionId(request);
  if (!id) return null;
  const idHash = hashSessionId(id);
  const row = await first(sessionById().execute({ idHash }));
  if (!row) return null;
  const now = Date.now();
  if (isExpired(row, now)) {
    await db.delete(sessions).where(eq(sessions.idHash, idHash));
    return null;
  }
  if (now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.idHash, idHash));
  }
  return row;
}

/** Deletes the session row (a replayed cookie is refused) and returns a clearing cookie. */
export async function destroySession(request: Request): Promise<string> {
  const id = await readSessionId(request);
  if (id) await db.delete(sessions).where(eq(sessions.idHash, hashSessionId(id)));
  return sessionCookie(request).serialize("", { maxAge: 0 });
}

export async function deleteSessionsOf(owner: {
  teacherId?: number;
  pupilId?: number;
}): Promise<void> {
  if (owner.teacherId) await db.delete(sessions).where(eq(sessions.teacherId, owner.teacherId));
  if (owner.pupilId) await db.delete(sessions).where(eq(sessions.pupilId, owner.pupilId));
}

export async function purgeExpiredSessions(now = Date.now()): Promise<number> {
  const purged = await db
    .delete(sessions)
    .where(
      or(
        lt(sessions.expiresAt, new Date(now)),
        and(
          eq(sessions.role, "pupil"),
          lt(sessions.lastSeenAt, new Date(now - SESSION_POLICY.pupil.idleMs)),
        ),
        // Idle teacher sessions are refused at read time too; without this they would linger until expires_at.
        and(
          eq(sessions.role, "teacher"),
          lt(sessions.lastSeenAt, new Date(now - SESSION_POLICY.teacher.idleMs)),
        ),
      ),
    )
    .returning({ idHash: sessions.idHash });
  return purged.length;
}

const SIGN_IN_PAGES = new Set(["/teacher/login", "/teacher/signup", "/pupil/login", "/join"]);

/**
 * Why a page that needs a session got none right after a sign-in form: the browser came from a
 * sign-in page of this site (Referer; our Referrer-Policy sends it same-origin) yet sent no session
 * cookie back. "secure-over-http": the cookie was Secure on plain HTTP (COOKIE_SECURE=true), which
 * browsers drop; "missing": cookies are blocked. The sign-in page then says so in plain words.
 */
export function cookieTrouble(request: Request): "missing" | "secure-over-http" | null {
  const referer = request.headers.get("Referer");
  if (!referer) return null;
  const url = new URL(request.url);
  try {
    const from = new URL(referer);
    if (from.origin !== url.origin || !SIGN_IN_PAGES.has(from.pathname)) return null;
  } catch {
    return null;
  }
  const protocol = requestContext()?.protocol ?? (url.protocol === "https:" ? "https" : "http");
  return sessionCookieSecure(request) && protocol === "http" ? "secure-over-http" : "missing";
}
