// Direct seeding for bench:quiz and test:crash: classes, pupils, one assignment per class and a
// signed-in session per pupil, written into the server's database with the session code of tests/support/session.ts.
import crypto from "node:crypto";
import { newSessionId, sessionRowFor } from "../../app/utils/session-cookie.server";
import { nameKey } from "../../app/utils/name-key";
import { sessions as sessionsTable } from "../../db/schema";
import { SESSION_COOKIE_NAME, signSessionId } from "../support/session";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import pg from "pg";
import { sessions as pgSessions } from "../../db/schema.pg";
import { BENCH_SECRET, Jar } from "./driver";

export type SeededPupil = { id: number; name: string; jar: Jar };
export type SeededClass = {
  id: number;
  joinCode: string;
  assignmentId: number;
  pupils: SeededPupil[];
};

const DAY = 24 * 3600_000;

/** One statement with `?` placeholders, on SQLite (better-sqlite3) or PostgreSQL (pg). */
type Run = <T>(text: string, args: unknown[]) => Promise<T>;

export async function seedClasses(
  dbPath: string,
  opts: { classes: number; perClass: number; label: string; slug?: string; databaseUrl?: string },
): Promise<SeededClass[]> {
  const now = Date.now();
  const sessions: { id: string; pupilId: number; jar: Jar }[] = [];
  const out: SeededClass[] = [];
  const tag = crypto.randomBytes(3).toString("hex");
  const slug = opts.slug ?? "ktt-putin-kim-2024";
  // all or nothing, in one transaction, on either database
  const fill = async (one: Run, insertSessions: () => Promise<void>) => {
    const version = await one<{ id: number } | undefined>(
      "SELECT id FROM lesson_versions WHERE slug = ? ORDER BY id DESC LIMIT 1",
      [slug],
    );
    if (!version) throw new Error(`no lesson version for ${slug}: did the server start?`);
    const teacher = await one<{ id: number }>(
      "INSERT INTO teachers (name, email, password_hash) VALUES (?, ?, ?) RETURNING id",
      [`Guru ${opts.label}`, `bench-${opts.label}-${tag}@sekolah.test`, "not-a-hash"],
    );
    for (let c = 0; c < opts.classes; c++) {
      const joinCode = crypto.randomBytes(6).toString("hex").toUpperCase();
      const klass = await one<{ id: number }>(
        "INSERT INTO classes (teacher_id, name, grade, subject, time_zone, join_code) VALUES (?, ?, '8', 'Bahasa Indonesia', 'WIB', ?) RETURNING id",
        [teacher.id, `${opts.label} ${c + 1}`, joinCode],
      );
      const assignment = await one<{ id: number }>(
        `INSERT INTO assignments (class_id, lesson_version_id, due_at, accept_late, max_attempts, counting, feedback, shuffle, post_first)
         VALUES (?, ?, ?, TRUE, 1, 'highest', 'immediate', FALSE, TRUE) RETURNING id`,
        [klass.id, version.id, now + 7 * DAY],
      );
      const pupils: SeededPupil[] = [];
      for (let p = 0; p < opts.perClass; p++) {
        const name = `Siswa ${c + 1}-${p + 1}`;
        const row = await one<{ id: number }>(
          "INSERT INTO pupils (class_id, display_name, name_key, pin_hash, last_seen_at) VALUES (?, ?, ?, 'not-a-hash', ?) RETURNING id",
          [klass.id, name, nameKey(name), now],
        );
        const jar = new Jar();
        const id = newSessionId();
        sessions.push({ id, pupilId: row.id, jar });
        pupils.push({ id: row.id, name, jar });
      }
      out.push({ id: klass.id, joinCode, assignmentId: assignment.id, pupils });
    }
    await insertSessions();
  };
  // the rows a pupil's sign-in writes, made by the app's own session code
  const sessionRows = () =>
    sessions.map((s) => sessionRowFor(s.id, { role: "pupil", pupilId: s.pupilId }, now));
  if (opts.databaseUrl) {
    const client = new pg.Client({ connectionString: opts.databaseUrl });
    await client.connect();
    try {
      await client.query("BEGIN");
      await fill(
        async (text, args) => {
          let n = 0;
          return (
            await client.query(
              text.replace(/\?/g, () => `$${++n}`),
              args,
            )
          ).rows[0];
        },
        async () => {
          const rows = sessionRows();
          for (let i = 0; i < rows.length; i += 1000)
            await drizzlePg(client)
              .insert(pgSessions)
              .values(rows.slice(i, i + 1000));
        },
      );
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    } finally {
      await client.end();
    }
  } else {
    const db = new Database(dbPath);
    db.pragma("busy_timeout = 5000");
    db.pragma("foreign_keys = ON");
    db.exec("BEGIN IMMEDIATE");
    try {
      await fill(
        async (text, args) => db.prepare(text).get(...args) as never,
        async () => {
          const orm = drizzle(db);
          for (const row of sessionRows()) orm.insert(sessionsTable).values(row).run();
        },
      );
      db.exec("COMMIT");
    } catch (error) {
      db.exec("ROLLBACK");
      throw error;
    } finally {
      db.close();
    }
  }
  for (const s of sessions) {
    s.jar.set(SESSION_COOKIE_NAME, await signSessionId(s.id, BENCH_SECRET));
  }
  return out;
}
