// The parts of a session that need no database: the lifetimes, the cookie's name and options, the
// random id and its SHA-256, and the row a sign-in stores. session.server.ts builds on these, and
// the test and bench sign-in fixtures (tests/support/session.ts) use the same code.
import crypto from "node:crypto";
import { createCookie } from "@remix-run/node";

export type Role = "teacher" | "pupil";
export type SessionOwner =
  { role: "teacher"; teacherId: number } | { role: "pupil"; pupilId: number };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Pupils use shared school computers: short sessions. Teachers use their own devices. */
export const SESSION_POLICY: Record<Role, { idleMs: number; maxMs: number }> = {
  teacher: { idleMs: 2 * DAY, maxMs: 14 * DAY },
  pupil: { idleMs: 1 * HOUR, maxMs: 8 * HOUR },
};

/**
 * Two cookies by transport. Over HTTPS the name carries the __Host- prefix, which browsers accept
 * only with Secure, Path=/ and no Domain; over plain HTTP only the plain name is read. So a session
 * made over HTTPS is never accepted over plain HTTP, even from a client that sends it there.
 */
export const SESSION_COOKIE = { secure: "__Host-telaah_session", plain: "telaah_session" } as const;
export type CookieKind = keyof typeof SESSION_COOKIE;

/** The signed session cookie of one transport; `secrets` rotate (the first one signs). */
export function makeSessionCookie(kind: CookieKind, secrets: string[]) {
  return createCookie(SESSION_COOKIE[kind], {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: kind === "secure",
    secrets,
  });
}

/** A fresh random session id: what the cookie carries, never stored. */
export function newSessionId(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/** What the sessions table stores instead of the id, so a copy of the database cannot replay sessions. */
export function hashSessionId(id: string): string {
  return crypto.createHash("sha256").update(id).digest("hex");
}

/** The sessions row a sign-in inserts for this id (expiry from SESSION_POLICY). */
export function sessionRowFor(id: string, owner: SessionOwner, now = Date.now()) {
  return {
    idHash: hashSessionId(id),
    role: owner.role,
    teacherId: owner.role === "teacher" ? owner.teacherId : null,
    pupilId: owner.role === "pupil" ? owner.pupilId : null,
    createdAt: new Date(now),
    lastSeenAt: new Date(now),
    expiresAt: new Date(now + SESSION_POLICY[owner.role].maxMs),
  };
}

/** Pupil cookies end with the browser session; teacher cookies last the session's lifetime. */
export function sessionCookieMaxAge(role: Role): number | undefined {
  return role === "teacher" ? SESSION_POLICY.teacher.maxMs / 1000 : undefined;
}
