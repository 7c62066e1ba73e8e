// The one test sign-in: a session row and its signed cookie made by the app's own session code
// (app/utils/session-cookie.server.ts), as a sign-in form would make them, without the form.
import type Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { sessions } from "../../db/schema";
import {
  hashSessionId,
  makeSessionCookie,
  newSessionId,
  SESSION_COOKIE,
  sessionRowFor,
} from "../../app/utils/session-cookie.server";

export type TestOwner = { role: "teacher"; id: number } | { role: "pupil"; id: number };

/** The plain-HTTP session cookie's name (tests and benches talk to 127.0.0.1 over HTTP). */
export const SESSION_COOKIE_NAME = SESSION_COOKIE.plain;

/**
 * Inserts a session row for the owner into `db` and returns the raw id, the signed cookie value
 * and the `name=value` pair a Cookie header carries. `secret` is the server's SESSION_SECRET.
 */
export async function insertSession(
  db: Database.Database,
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
  drizzle(db).insert(sessions).values(row).run();
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
