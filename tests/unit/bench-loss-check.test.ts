// The benchmarks' loss check (verifyAcks) must catch what it is there to catch: an acknowledged
// answer deleted from the database, one overwritten with a choice never sent, and a submit that
// was not stored. Run against a database made by the app's own migrations: on SQLite a new file per
// case; on PostgreSQL (`npm run test:postgres`) this process's database, one new class per case.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { AckLog, verifyAcks as verifyAcksOn } from "../bench/flow";
import { onPostgres, unitDb, type TestDb } from "../support/unit-db";

/** verifyAcks on the database the case's world is in. */
const verifyAcks = (file: string, acks: AckLog) =>
  verifyAcksOn(file, acks, onPostgres() ? process.env.DATABASE_URL : undefined);

let worlds = 0;
function world() {
  const n = ++worlds;
  let db: TestDb;
  let file = "";
  let cleanup = () => {};
  if (onPostgres()) db = unitDb();
  else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "telaah-losscheck-"));
    file = path.join(dir, "telaah.db");
    const sqlite = new Database(file);
    migrate(drizzle(sqlite), { migrationsFolder: path.resolve("db/migrations") });
    db = sqlite;
    cleanup = () => {
      sqlite.close();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  const one = (sql: string, ...args: unknown[]) =>
    (db.prepare(sql).get(...args) as { id: number }).id;
  const teacher = one(
    "INSERT INTO teachers (name, email, password_hash) VALUES ('Bu Uji', ?, 'x') RETURNING id",
    `uji-${n}@sekolah.test`,
  );
  const klass = one(
    "INSERT INTO classes (teacher_id, name, grade, subject, join_code) VALUES (?, 'K', '8', 'BI', ?) RETURNING id",
    teacher,
    `UJIKODE${n + 1}`,
  );
  const pupil = one(
    "INSERT INTO pupils (class_id, display_name, name_key, pin_hash) VALUES (?, 'Ani', 'ani', 'x') RETURNING id",
    klass,
  );
  const version = one(
    "INSERT INTO lesson_versions (slug, content_hash, snapshot) VALUES ('l', ?, '{}') RETURNING id",
    `h${n}`,
  );
  const assignment = one(
    "INSERT INTO assignments (class_id, lesson_version_id, due_at, max_attempts, counting, feedback) VALUES (?, ?, ?, 1, 'highest', 'immediate') RETURNING id",
    klass,
    version,
    Date.now() + 3600_000,
  );
  const attempt = one(
    "INSERT INTO attempts (assignment_id, pupil_id, number, seed) VALUES (?, ?, 1, 1) RETURNING id",
    assignment,
    pupil,
  );
  const acks = new AckLog();
  const store = (itemId: string, choice: string) =>
    db
      .prepare(
        "INSERT INTO answers (attempt_id, kind, item_id, choice) VALUES (?, 'quiz', ?, ?) ON CONFLICT (attempt_id, kind, item_id) DO UPDATE SET choice = excluded.choice",
      )
      .run(attempt, itemId, choice);
  // Three answers sent, stored and acknowledged, as the benchmark's save() logs them.
  for (const [itemId, choice] of [
    ["q1", "a"],
    ["q2", "b"],
    ["q3", "c"],
  ]) {
    acks.sent(attempt, "quiz", itemId, choice);
    store(itemId, choice);
    acks.record(attempt, "quiz", itemId, choice);
  }
  db.prepare(
    "UPDATE attempts SET submitted_at = ?, quiz_score = 1, quiz_max = 3, sort_score = 0, sort_max = 0 WHERE id = ?",
  ).run(Date.now(), attempt);
  acks.submitted.add(attempt);
  return { db, file, attempt, acks, store, cleanup };
}

test("loss check: nothing lost when the database holds every acknowledged answer and submit", async () => {
  const w = world();
  try {
    assert.deepEqual(await verifyAcks(w.file, w.acks), {
      lostAnswers: 0,
      lostSubmits: 0,
      detail: [],
    });
  } finally {
    w.cleanup();
  }
});

test("loss check: a deliberately deleted answer is reported as lost, by name", async () => {
  const w = world();
  try {
    w.db.prepare("DELETE FROM answers WHERE attempt_id = ? AND item_id = 'q2'").run(w.attempt);
    const result = await verifyAcks(w.file, w.acks);
    assert.equal(result.lostAnswers, 1);
    assert.equal(result.lostSubmits, 0);
    assert.deepEqual(result.detail, [`answer ${w.attempt}/quiz/q2: acked b, stored nothing`]);
  } finally {
    w.cleanup();
  }
});

test("loss check: an answer overwritten with a choice never sent is lost; a later unanswered send is not", async () => {
  const w = world();
  try {
    w.store("q1", "d");
    assert.equal((await verifyAcks(w.file, w.acks)).lostAnswers, 1);
    // the pupil sent "d" after the last acknowledgement and the reply never came: it may be stored
    w.acks.sent(w.attempt, "quiz", "q1", "d");
    assert.equal((await verifyAcks(w.file, w.acks)).lostAnswers, 0);
  } finally {
    w.cleanup();
  }
});

test("loss check: an acknowledged submit that was not stored is lost", async () => {
  const w = world();
  try {
    w.db.prepare("UPDATE attempts SET submitted_at = NULL WHERE id = ?").run(w.attempt);
    const result = await verifyAcks(w.file, w.acks);
    assert.equal(result.lostSubmits, 1);
    assert.deepEqual(result.detail, [`submit of attempt ${w.attempt} not stored`]);
  } finally {
    w.cleanup();
  }
});
