// Retention: archived classes past the period are deleted with all their data; the rest stays;
// `npm run db:retention` honours ARCHIVE_RETENTION_DAYS and its --days override.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "telaah-retention-unit-"));
const dbFile = path.join(dir, "telaah.db");
process.env.DATABASE_PATH = dbFile;
process.env.SESSION_SECRET = "unit-test-secret-of-at-least-32-chars";

const { closeDatabase } = await import("~/db.server");
const { unitDb } = await import("../support/unit-db");
const { purgeArchivedClasses, runRetention } = await import("~/models/retention.server");

const DAY = 24 * 3600_000;
const NOW = Date.now();

type Seeded = { classId: number; pupilId: number; attemptId: number; postId: number };

let teacherId = 0;
let lessonVersionId = 0;
let seq = 0;

/** A class with one pupil who has a session, an attempt with two answers, a post with feedback and a reply. */
function seedClass(archivedDaysAgo: number | null): Seeded {
  const db = unitDb();
  seq += 1;
  const classId = (
    db
      .prepare(
        "INSERT INTO classes (teacher_id, name, grade, subject, join_code, archived_at) VALUES (?, ?, '8', 'PPKn', ?, ?) RETURNING id",
      )
      .get(
        teacherId,
        `Kelas ${seq}`,
        `CODE${seq}XYZ`,
        archivedDaysAgo === null ? null : NOW - archivedDaysAgo * DAY,
      ) as {
      id: number;
    }
  ).id;
  const pupil = (name: string) =>
    (
      db
        .prepare(
          "INSERT INTO pupils (class_id, display_name, name_key, pin_hash) VALUES (?, ?, ?, 'x') RETURNING id",
        )
        .get(classId, name, name.toLowerCase()) as { id: number }
    ).id;
  const pupilId = pupil(`Budi ${seq}`);
  const classmateId = pupil(`Sari ${seq}`);
  db.prepare(
    "INSERT INTO sessions (id_hash, role, pupil_id, created_at, last_seen_at, expires_at) VALUES (?, 'pupil', ?, ?, ?, ?)",
  ).run(`live-${seq}`, pupilId, NOW, NOW, NOW + 8 * 3600_000);
  db.prepare("INSERT INTO throttles (key, window_start, count) VALUES (?, ?, 1)").run(
    `pupil:${classId}:budi ${seq}`,
    NOW,
  );
  const assignmentId = (
    db
      .prepare(
        "INSERT INTO assignments (class_id, lesson_version_id, due_at) VALUES (?, ?, ?) RETURNING id",
      )
      .get(classId, lessonVersionId, NOW + DAY) as { id: number }
  ).id;
  const attemptId = (
    db
      .prepare(
        "INSERT INTO attempts (assignment_id, pupil_id, number, seed) VALUES (?, ?, 1, 7) RETURNING id",
      )
      .get(assignmentId, pupilId) as { id: number }
  ).id;
  db.prepare(
    "INSERT INTO answers (attempt_id, kind, item_id, choice) VALUES (?, 'quiz', 'q1', 'a')",
  ).run(attemptId);
  db.prepare(
    "INSERT INTO answers (attempt_id, kind, item_id, choice) VALUES (?, 'sort', 's1', 'denial')",
  ).run(attemptId);
  const postId = (
    db
      .prepare(
        "INSERT INTO posts (assignment_id, prompt_id, author_id, body) VALUES (?, 'p1', ?, 'Buktinya tidak ada.') RETURNING id",
      )
      .get(assignmentId, pupilId) as { id: number }
  ).id;
  db.prepare(
    "INSERT INTO post_feedback (post_id, body) VALUES (?, 'Bagus, sebutkan paragrafnya.')",
  ).run(postId);
  db.prepare(
    "INSERT INTO posts (assignment_id, prompt_id, author_id, parent_id, body) VALUES (?, 'p1', ?, ?, 'Setuju.')",
  ).run(assignmentId, classmateId, postId);
  return { classId, pupilId, attemptId, postId };
}

const countWhere = (table: string, column: string, value: number | string) =>
  (
    unitDb().prepare(`SELECT count(*) AS n FROM ${table} WHERE ${column} = ?`).get(value) as {
      n: number;
    }
  ).n;

function exists(seeded: Seeded) {
  return {
    class: countWhere("classes", "id", seeded.classId),
    pupils: countWhere("pupils", "class_id", seeded.classId),
    sessions: countWhere("sessions", "pupil_id", seeded.pupilId),
    attempts: countWhere("attempts", "pupil_id", seeded.pupilId),
    answers: countWhere("answers", "attempt_id", seeded.attemptId),
    posts: (
      unitDb()
        .prepare("SELECT count(*) AS n FROM posts WHERE id = ? OR parent_id = ?")
        .get(seeded.postId, seeded.postId) as { n: number }
    ).n,
    feedback: countWhere("post_feedback", "post_id", seeded.postId),
    throttles: (
      unitDb()
        .prepare("SELECT count(*) AS n FROM throttles WHERE key LIKE ?")
        .get(`pupil:${seeded.classId}:%`) as { n: number }
    ).n,
  };
}

const ALL_THERE = {
  class: 1,
  pupils: 2,
  sessions: 1,
  attempts: 1,
  answers: 2,
  posts: 2,
  feedback: 1,
  throttles: 1,
};
const ALL_GONE = {
  class: 0,
  pupils: 0,
  sessions: 0,
  attempts: 0,
  answers: 0,
  posts: 0,
  feedback: 0,
  throttles: 0,
};

let old: Seeded;
let recent: Seeded;
let active: Seeded;

before(() => {
  const db = unitDb();
  teacherId = (
    db
      .prepare(
        "INSERT INTO teachers (name, email, password_hash) VALUES ('Bu Sari', 'sari@sekolah.test', 'x') RETURNING id",
      )
      .get() as { id: number }
  ).id;
  lessonVersionId = (
    db
      .prepare(
        "INSERT INTO lesson_versions (slug, content_hash, snapshot) VALUES ('uji', 'h1', '{}') RETURNING id",
      )
      .get() as { id: number }
  ).id;
  old = seedClass(400);
  recent = seedClass(10);
  active = seedClass(null);
});

after(() => {
  closeDatabase();
  fs.rmSync(dir, { recursive: true, force: true });
});

function runScript(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/retention.ts", ...args], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_PATH: dbFile, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test("classes archived longer ago than the retention period are deleted with all their data", async () => {
  assert.deepEqual(exists(old), ALL_THERE);
  const report = await purgeArchivedClasses({ now: NOW, retentionDays: 365 });
  assert.deepEqual(report, {
    classes: 1,
    pupils: 2,
    assignments: 1,
    attempts: 1,
    answers: 2,
    posts: 2,
    feedback: 1,
  });
  assert.deepEqual(exists(old), ALL_GONE);
  // Archived 10 days ago, and never archived: untouched.
  assert.deepEqual(exists(recent), ALL_THERE);
  assert.deepEqual(exists(active), ALL_THERE);
  // The teacher and the shared lesson versions are not class data.
  assert.equal(countWhere("teachers", "id", teacherId), 1);
  assert.equal(countWhere("lesson_versions", "id", lessonVersionId), 1);
  // A second run finds nothing more to delete.
  assert.equal((await purgeArchivedClasses({ now: NOW, retentionDays: 365 })).classes, 0);
});

test("the retention run also sweeps expired sessions and stale throttle counters, keeping live ones", async () => {
  const db = unitDb();
  const insertSession = db.prepare(
    "INSERT INTO sessions (id_hash, role, teacher_id, pupil_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
  );
  insertSession.run(
    "expired",
    "teacher",
    teacherId,
    null,
    NOW - 20 * DAY,
    NOW - 20 * DAY,
    NOW - 6 * DAY,
  );
  insertSession.run(
    "teacher-idle",
    "teacher",
    teacherId,
    null,
    NOW - 5 * DAY,
    NOW - 3 * DAY,
    NOW + 9 * DAY,
  );
  insertSession.run(
    "pupil-idle",
    "pupil",
    null,
    active.pupilId,
    NOW - 3 * 3600_000,
    NOW - 2 * 3600_000,
    NOW + 5 * 3600_000,
  );
  insertSession.run(
    "teacher-live",
    "teacher",
    teacherId,
    null,
    NOW - DAY,
    NOW - 3600_000,
    NOW + 13 * DAY,
  );
  db.prepare("INSERT INTO throttles (key, window_start, count) VALUES ('sign-in:stale', ?, 3)").run(
    NOW - 2 * DAY,
  );
  db.prepare("INSERT INTO throttles (key, window_start, count) VALUES ('sign-in:fresh', ?, 3)").run(
    NOW - 60_000,
  );

  const report = await runRetention({ now: NOW, retentionDays: 365 });
  assert.equal(report.classes, 0);
  assert.equal(report.sessions, 3);
  assert.equal(report.throttles, 1);
  const left = (
    db.prepare("SELECT id_hash AS id FROM sessions ORDER BY id_hash").all() as { id: string }[]
  ).map((r) => r.id);
  assert.deepEqual(left, ["live-2", "live-3", "teacher-live"]);
  assert.equal(countWhere("throttles", "key", "sign-in:fresh"), 1);
  assert.equal(countWhere("throttles", "key", "sign-in:stale"), 0);
});

test("npm run db:retention uses ARCHIVE_RETENTION_DAYS, and --days overrides it", () => {
  const first = runScript([], { ARCHIVE_RETENTION_DAYS: "30" });
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /older than 30 day/);
  assert.match(first.stdout, /deleted 0 class\(es\)/);
  assert.deepEqual(exists(recent), ALL_THERE);

  const second = runScript(["--days", "5"], { ARCHIVE_RETENTION_DAYS: "30" });
  assert.equal(second.status, 0, second.stderr);
  assert.match(second.stdout, /older than 5 day/);
  assert.match(
    second.stdout,
    /deleted 1 class\(es\) with 2 pupil\(s\), 1 assignment\(s\), 1 attempt\(s\), 2 answer\(s\), 2 post\(s\), 1 feedback/,
  );
  assert.deepEqual(exists(recent), ALL_GONE);
  assert.deepEqual(exists(active), ALL_THERE);
});

test("a malformed --days is refused without deleting anything", () => {
  const before = countWhere("classes", "teacher_id", teacherId);
  const result = runScript(["--days", "soon"]);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /--days needs a whole number/);
  assert.equal(countWhere("classes", "teacher_id", teacherId), before);
});
