// Test data straight into the e2e database (the same file the server under test uses, or with
// E2E_DATABASE_URL the same PostgreSQL database), and signed-in browser contexts made by inserting
// a session row and setting its cookie (./session.ts).
import crypto from "node:crypto";
import { hash } from "@node-rs/argon2";
import Database from "better-sqlite3";
import type { BrowserContext } from "@playwright/test";
import { nameKey } from "../../app/utils/name-key";
import { SyncPg, type TestDb } from "./pg-sync";
import { insertSession, SESSION_COOKIE_NAME, type TestOwner } from "./session";

export type { TestDb };

let handle: TestDb | undefined;
/**
 * The database the servers under test use, synchronously: better-sqlite3 on the SQLite file, or
 * with E2E_DATABASE_URL (`npm run test:postgres`) a handle with the same calls on PostgreSQL
 * (./pg-sync.ts), so the same test SQL seeds and inspects either.
 */
export function testDb(): TestDb {
  if (!handle) {
    const url = process.env.E2E_DATABASE_URL;
    if (url) return (handle = new SyncPg(url));
    const file = process.env.E2E_DB;
    if (!file) throw new Error("E2E_DB is not set: run through playwright.config.ts");
    handle = new Database(file);
    handle.pragma("busy_timeout = 5000");
    handle.pragma("foreign_keys = ON");
  }
  return handle;
}

export const unique = (prefix: string) => `${prefix}-${crypto.randomBytes(4).toString("hex")}`;

const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export function randomJoinCode(): string {
  return Array.from(crypto.randomBytes(8), (b) => ALPHABET[b % ALPHABET.length]).join("");
}

// Fast test-only hashing parameters: verification reads the parameters from the hash string.
const fastHash = (secret: string) =>
  hash(secret, { memoryCost: 1024, timeCost: 1, parallelism: 1 });

export async function createTeacher(
  input: { name?: string; email?: string; password?: string } = {},
) {
  const name = input.name ?? "Bu Sari";
  const email = input.email ?? `${unique("guru")}@sekolah.test`;
  const password = input.password ?? "kopi-tubruk-pagi";
  const row = testDb()
    .prepare("INSERT INTO teachers (name, email, password_hash) VALUES (?, ?, ?) RETURNING id")
    .get(name, email.toLowerCase(), await fastHash(password)) as { id: number };
  return { id: row.id, name, email, password };
}

export function createClass(
  teacherId: number,
  input: {
    name?: string;
    grade?: string;
    subject?: string;
    timeZone?: "WIB" | "WITA" | "WIT";
  } = {},
) {
  const joinCode = randomJoinCode();
  const name = input.name ?? unique("Kelas 8A");
  const row = testDb()
    .prepare(
      "INSERT INTO classes (teacher_id, name, grade, subject, time_zone, join_code) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .get(
      teacherId,
      name,
      input.grade ?? "8",
      input.subject ?? "Bahasa Indonesia",
      input.timeZone ?? "WIB",
      joinCode,
    ) as {
    id: number;
  };
  return { id: row.id, name, joinCode };
}

export { nameKey };

export async function createPupil(classId: number, input: { name?: string; pin?: string } = {}) {
  const name = input.name ?? unique("Siswa");
  const pin = input.pin ?? "4821";
  const row = testDb()
    .prepare(
      "INSERT INTO pupils (class_id, display_name, name_key, pin_hash) VALUES (?, ?, ?, ?) RETURNING id",
    )
    .get(classId, name, nameKey(name), await fastHash(pin)) as { id: number };
  return { id: row.id, name, pin };
}

/** Signs a browser context in as a teacher or pupil without going through the form. */
export async function signIn(context: BrowserContext, owner: TestOwner) {
  const { value } = await insertSession(testDb(), owner);
  const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;
  await context.addCookies([
    { name: SESSION_COOKIE_NAME, value, url: baseURL, httpOnly: true, sameSite: "Lax" },
  ]);
}

/** The current lesson version id of a slug (the newest row). */
export function lessonVersionId(slug = "ktt-putin-kim-2024"): number {
  const row = testDb()
    .prepare("SELECT id FROM lesson_versions WHERE slug = ? ORDER BY id DESC LIMIT 1")
    .get(slug) as { id: number } | undefined;
  if (!row) throw new Error(`no lesson version for ${slug}`);
  return row.id;
}
