// Direct seeding for bench:quiz and test:crash: classes, pupils, one assignment per class and a
// signed-in session per pupil, written into the server's database with the session code of tests/support/session.ts.
import crypto from "node:crypto";
import { newSessionId, sessionRowFor } from "../../app/utils/session-cookie.server";
import { nameKey } from "../../app/utils/name-key";
import { sessions as sessionsTable } from "../../db/schema";
import { SESSION_COOKIE_NAME, signSessionId } from "../support/session";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { BENCH_SECRET, Jar } from "./driver";

export type SeededPupil = { id: number; name: string; jar: Jar };
export type SeededClass = {
  id: number;
  joinCode: string;
  assignmentId: number;
  pupils: SeededPupil[];
};

const DAY = 24 * 3600_000;

export async function seedClasses(
  dbPath: string,
  opts: { classes: number; perClass: number; label: string; slug?: string },
): Promise<SeededClass[]> {
  const db = new Database(dbPath);
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  const slug = opts.slug ?? "ktt-putin-kim-2024";
  const version = db
    .prepare("SELECT id FROM lesson_versions WHERE slug = ? ORDER BY id DESC LIMIT 1")
    .get(slug) as { id: number } | undefined;
  if (!version) throw new Error(`no lesson version for ${slug}: did the server start?`);
  const now = Date.now();
  const sessions: { id: string; pupilId: number; jar: Jar }[] = [];
  const out: SeededClass[] = [];
  const tag = crypto.randomBytes(3).toString("hex");
  db.transaction(() => {
    const teacher = db
      .prepare("INSERT INTO teachers (name, email, password_hash) VALUES (?, ?, ?) RETURNING id")
      .get(`Guru ${opts.label}`, `bench-${opts.label}-${tag}@sekolah.test`, "not-a-hash") as {
      id: number;
    };
    for (let c = 0; c < opts.classes; c++) {
      const joinCode = crypto.randomBytes(6).toString("hex").toUpperCase();
      const klass = db
        .prepare(
          "INSERT INTO classes (teacher_id, name, grade, subject, time_zone, join_code) VALUES (?, ?, '8', 'Bahasa Indonesia', 'WIB', ?) RETURNING id",
        )
        .get(teacher.id, `${opts.label} ${c + 1}`, joinCode) as { id: number };
      const assignment = db
        .prepare(
          `INSERT INTO assignments (class_id, lesson_version_id, due_at, accept_late, max_attempts, counting, feedback, shuffle, post_first)
           VALUES (?, ?, ?, 1, 1, 'highest', 'immediate', 0, 1) RETURNING id`,
        )
        .get(klass.id, version.id, now + 7 * DAY) as { id: number };
      const pupils: SeededPupil[] = [];
      for (let p = 0; p < opts.perClass; p++) {
        const name = `Siswa ${c + 1}-${p + 1}`;
        const row = db
          .prepare(
            "INSERT INTO pupils (class_id, display_name, name_key, pin_hash, last_seen_at) VALUES (?, ?, ?, 'not-a-hash', ?) RETURNING id",
          )
          .get(klass.id, name, nameKey(name), now) as { id: number };
        const jar = new Jar();
        const id = newSessionId();
        sessions.push({ id, pupilId: row.id, jar });
        pupils.push({ id: row.id, name, jar });
      }
      out.push({ id: klass.id, joinCode, assignmentId: assignment.id, pupils });
    }
    // the rows a pupil's sign-in writes, made by the app's own session code
    const orm = drizzle(db);
    for (const s of sessions)
      orm
        .insert(sessionsTable)
        .values(sessionRowFor(s.id, { role: "pupil", pupilId: s.pupilId }, now))
        .run();
  })();
  db.close();
  for (const s of sessions) {
    s.jar.set(SESSION_COOKIE_NAME, await signSessionId(s.id, BENCH_SECRET));
  }
  return out;
}
