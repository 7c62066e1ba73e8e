// The lesson loader, content hashes, lesson-version rows in the DB, and ?highlight= parsing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import assert from "node:assert/strict";
import { lessonHash, loadLessonsFrom } from "../../app/content/lessons.server";
import { parseLesson } from "../../app/content/parse";
import { parseHighlight } from "../../app/utils/highlight";
import {
  editFrontmatter,
  replaceOnce,
  SEED_SLUG,
  seedSource,
  tempContentDir,
} from "../support/lesson-fixtures";

const FILE = `${SEED_SLUG}.md`;
const EDITED_SENTENCE = "Sejarah menunjukkan hubungan yang rumit antara Rusia dan Korea Utara.";

// The DB and content folder this process will use: set before ~/db.server is first imported.
const work = fs.mkdtempSync(path.join(os.tmpdir(), "telaah-loader-"));
process.env.DATABASE_PATH = path.join(work, "telaah.db");
process.env.CONTENT_DIR = tempContentDir({ [FILE]: seedSource() });

function seedLesson() {
  const result = parseLesson(seedSource());
  assert.ok(result.ok);
  return result.lesson;
}

test("the repository's content loads with no errors", async () => {
  const report = loadLessonsFrom("content");
  assert.deepEqual(report.errors, []);
  assert.deepEqual(
    report.lessons.map((l) => [l.file, l.lesson.slug]),
    [[path.join("content", "lessons", FILE), SEED_SLUG]],
  );
  assert.match(report.lessons[0].hash, /^[0-9a-f]{64}$/);
});

test("a slug that differs from the file name is an error", async () => {
  const dir = tempContentDir({ "putin-kim.md": seedSource() });
  const report = loadLessonsFrom(dir);
  assert.deepEqual(report.errors, [
    `${path.join(dir, "lessons", "putin-kim.md")}: slug: "${SEED_SLUG}" must match the file name`,
  ]);
});

test("two files with the same slug are an error naming both", async () => {
  const dir = tempContentDir({ [FILE]: seedSource(), "zz-copy.md": seedSource() });
  const report = loadLessonsFrom(dir);
  const copy = path.join(dir, "lessons", "zz-copy.md");
  assert.ok(
    report.errors.includes(
      `${copy}: slug: "${SEED_SLUG}" is also used by ${path.join(dir, "lessons", FILE)}`,
    ),
    report.errors.join("\n"),
  );
});

test("files that are not .md are ignored, and a missing folder is reported", async () => {
  const dir = tempContentDir({
    [FILE]: seedSource(),
    "notes.txt": "not a lesson",
    "draft.md.bak": "---\n",
  });
  const report = loadLessonsFrom(dir);
  assert.deepEqual(report.errors, []);
  assert.equal(report.lessons.length, 1);
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), "telaah-empty-"));
  assert.deepEqual(loadLessonsFrom(empty).errors, [
    `${path.join(empty, "lessons")}: folder not found`,
  ]);
});

test("lessonHash is stable for equal content and changes with any edit", async () => {
  const a = seedLesson();
  const b = seedLesson();
  assert.equal(lessonHash(a), lessonHash(b));
  assert.equal(lessonHash(a), lessonHash(structuredClone(a)));
  const edited = structuredClone(a);
  edited.paragraphs[3] = edited.paragraphs[3].replace("rumit", "sederhana");
  assert.notEqual(lessonHash(edited), lessonHash(a));
  const key = parseLesson(editFrontmatter((d) => (d.questions[0].correct = "b")));
  assert.ok(key.ok);
  assert.notEqual(lessonHash(key.lesson), lessonHash(a));
});

test("the database opens in WAL mode with foreign keys on and the migrations applied", async () => {
  const { onPostgres, unitDb } = await import("../support/unit-db");
  // WAL and the foreign-key switch are SQLite's; PostgreSQL always has both (its log, its keys)
  if (!onPostgres()) {
    const { sqlite } = await import("~/db.server");
    assert.equal(sqlite().pragma("journal_mode", { simple: true }), "wal");
    assert.equal(sqlite().pragma("foreign_keys", { simple: true }), 1);
  }
  const tables = unitDb()
    .prepare(
      onPostgres()
        ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'"
        : "SELECT name FROM sqlite_master WHERE type = 'table'",
    )
    .all()
    .map((r) => (r as { name: string }).name);
  assert.ok(tables.includes("lesson_versions"), tables.join(", "));
});

test("syncLessonVersions records a lesson once, and a new row only when its content changes", async () => {
  const { syncLessonVersions, currentLessonVersion, getLessonVersion } =
    await import("~/models/lesson.server");
  const { unitDb } = await import("../support/unit-db");
  const rows = () =>
    unitDb()
      .prepare(
        "SELECT id, content_hash AS hash, snapshot FROM lesson_versions WHERE slug = ? ORDER BY id",
      )
      .all(SEED_SLUG) as { id: number; hash: string; snapshot: string }[];

  assert.equal(await syncLessonVersions(), 1);
  assert.equal(await syncLessonVersions(), 0);
  assert.equal(rows().length, 1);
  const current = await currentLessonVersion(SEED_SLUG);
  assert.equal(current?.id, rows()[0].id);
  assert.deepEqual(await getLessonVersion(rows()[0].id), seedLesson());

  // Another start of the app on the same database, with one paragraph of the lesson edited.
  // (A fresh process: the loader caches the content folder for the lifetime of a process.)
  const edited = tempContentDir({
    [FILE]: replaceOnce(
      seedSource(),
      EDITED_SENTENCE,
      "Sejarah hubungan Rusia dan Korea Utara rumit.",
    ),
  });
  const restart = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "--input-type=module",
      "-e",
      "const m = await import('./app/models/lesson.server.ts'); console.log(await m.syncLessonVersions()); console.log(await m.syncLessonVersions()); (await import('./app/db.server.ts')).closeDatabase();",
    ],
    { encoding: "utf8", env: { ...process.env, CONTENT_DIR: edited } },
  );
  assert.equal(restart.status, 0, restart.stderr);
  assert.deepEqual(restart.stdout.trim().split("\n"), ["1", "0"]);

  const after = rows();
  assert.equal(after.length, 2);
  assert.notEqual(after[0].hash, after[1].hash);
  const snapshot = JSON.parse(after[1].snapshot) as { paragraphs: string[] };
  assert.ok(snapshot.paragraphs[3].startsWith("Sejarah hubungan Rusia dan Korea Utara rumit."));
  // The old version is kept untouched: assignments pinned to it still read the original text.
  assert.ok(
    (JSON.parse(after[0].snapshot) as { paragraphs: string[] }).paragraphs[3].startsWith(
      EDITED_SENTENCE,
    ),
  );
  // Back on the original content, nothing new is recorded.
  assert.equal(await syncLessonVersions(), 0);
});

test("parseHighlight keeps valid paragraph numbers, sorted and unique", async () => {
  assert.deepEqual(parseHighlight("3", 7), [3]);
  assert.deepEqual(parseHighlight("4,3,3", 7), [3, 4]);
  assert.deepEqual(parseHighlight("1,7", 7), [1, 7]);
  assert.deepEqual(parseHighlight("0,8,-1", 7), []);
  assert.deepEqual(parseHighlight("abc,,2", 7), [2]);
  assert.deepEqual(parseHighlight("", 7), []);
  assert.deepEqual(parseHighlight(null, 7), []);
  assert.deepEqual(parseHighlight("3", 0), []);
});
