// The one test sign-in: a session row and its signed cookie made by the app's own session code
// (app/utils/session-cookie.server.ts), as a sign-in form would make them, without the form.
import {
  hashSessionId,
  makeSessionCookie,
  newSessionId,
  SESSION_COOKIE,
  sessionRowFor,
} from "../../app/utils/session-cookie.server";
import type { TestDb } from "./pg-sync";

export type TestOwner = { role: "teacher"; id: number } | { role: "pupil"; id: number };

/** The plain-HTTP session cookie's name (tests and benches talk to 127.0.0.1 over HTTP). */
export const SESSION_COOKIE_NAME = SESSION_COOKIE.plain;

/**
 * Inserts a session row for the owner into `db` (a better-sqlite3 handle, or the tests'
 * PostgreSQL one: plain SQL that runs on both) and returns the raw id, the signed cookie value
 * and the `name=value` pair a Cookie header carries. `secret` is the server's SESSION_SECRET.
 */
export async function insertSession(
  db: TestDb,
  owner: TestOwner,
  secret = process.env.SESSION_SECRET ?? "",
): Promise<{ id: string; value: string; header: string }> {
  const id = newSessionId();
  const row = sessionRowFor(
    id,
    owner.role === "teacher"
      ? { role: "teacher", teacherId: owner.id }
      : { role: "pupil", pupilId: owner.id },
  );
  db.prepare(
    `INSERT INTO sessions (id_hash, role, teacher_id, pupil_id, created_at, last_seen_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    row.idHash,
    row.role,
    row.teacherId,
    row.pupilId,
    row.createdAt.getTime(),
    row.lastSeenAt.getTime(),
    row.expiresAt.getTime(),
  );
  const value = await signSessionId(id, secret);
  return { id, value, header: `${SESSION_COOKIE_NAME}=${value}` };
}

/** The signed cookie value that carries a session id. */
export async function signSessionId(
  id: string,
  secret = process.env.SESSION_SECRET ?? "",
): Promise<string> {
  const header = await makeSessionCookie("plain", [secret]).serialize(id);
  return header.split(";")[0].split("=").slice(1).join("=");
}

/** The session id a Set-Cookie (or Cookie) header carries, or null if it is missing or not ours. */
export async function sessionIdOf(
  header: string,
  secret = process.env.SESSION_SECRET ?? "",
): Promise<string | null> {
  const value = (await makeSessionCookie("plain", [secret]).parse(header.split(";")[0])) as unknown;
  return typeof value === "string" ? value : null;
}

export { hashSessionId };
