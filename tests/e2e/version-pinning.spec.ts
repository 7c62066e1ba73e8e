// Version pinning end to end, on a server of its own with its own content folder: a pupil starts an
// assignment and saves an answer; the server stops; the lesson file changes (question 1 reworded,
// its key moved to another option); the server starts again on the same database. The old
// assignment still shows and scores the old version; a new assignment gets the new one.
import fs from "node:fs";
import path from "node:path";
import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
} from "@playwright/test";
import Database from "better-sqlite3";
import { BENCH_SECRET, startServer, tempDir, type Server } from "../bench/driver";
import { editFrontmatter, SEED_SLUG, tempContentDir } from "../support/lesson-fixtures";
import { seedLesson } from "../support/lesson";
import { insertSession, type TestOwner } from "../support/session";

// Its own server, on a port of the e2e range above the shared server's.
const PORT = Number(process.env.E2E_PORT ?? 3310) + 5;
const lesson = seedLesson();
const q1 = lesson.questions[0];
const oldKey = q1.correct;
const newKey = q1.options.find((o) => o.id !== oldKey)!.id;
const NEW_STEM = "Versi baru: menurut paragraf 1, di mana upacara itu berlangsung?";

async function cookieFor(db: Database.Database, owner: TestOwner) {
  return (await insertSession(db, owner, BENCH_SECRET)).header;
}

test("after the lesson file changes, an old assignment still shows and scores the version it was made with", async () => {
  test.setTimeout(120_000);
  const dir = tempDir("pinning");
  const dbPath = path.join(dir, "telaah.db");
  const content = tempContentDir({
    [`${SEED_SLUG}.md`]: fs.readFileSync(
      path.resolve("content", "lessons", `${SEED_SLUG}.md`),
      "utf8",
    ),
  });
  const env = { CONTENT_DIR: content };
  let server: Server | undefined;
  let api: APIRequestContext | undefined;
  try {
    server = await startServer({
      entry: path.resolve(process.env.BUILD_DIR ?? "build", "index.js"),
      dbPath,
      port: PORT,
      logDir: dir,
      env,
    });
    api = await playwrightRequest.newContext({
      baseURL: server.url,
      extraHTTPHeaders: { Origin: server.origin },
    });

    const db = new Database(dbPath);
    db.pragma("busy_timeout = 5000");
    const teacherId = (
      db
        .prepare(
          "INSERT INTO teachers (name, email, password_hash) VALUES ('Bu Versi', 'versi@sekolah.test', 'x') RETURNING id",
        )
        .get() as { id: number }
    ).id;
    const classId = (
      db
        .prepare(
          "INSERT INTO classes (teacher_id, name, grade, subject, time_zone, join_code) VALUES (?, 'Kelas Versi', '8', 'BI', 'WIB', 'VERSI234') RETURNING id",
        )
        .get(teacherId) as { id: number }
    ).id;
    const pupilId = (
      db
        .prepare(
          "INSERT INTO pupils (class_id, display_name, name_key, pin_hash) VALUES (?, 'Ani', 'ani', 'x') RETURNING id",
        )
        .get(classId) as { id: number }
    ).id;
    const oldVersion = (
      db.prepare("SELECT id FROM lesson_versions WHERE slug = ?").all(SEED_SLUG) as { id: number }[]
    ).map((r) => r.id);
    expect(oldVersion).toHaveLength(1);
    const teacher = await cookieFor(db, { role: "teacher", id: teacherId });
    const pupil = await cookieFor(db, { role: "pupil", id: pupilId });
    const assign = async () => {
      const response = await api!.post("/teacher/assign", {
        headers: { Cookie: teacher },
        form: {
          lesson: SEED_SLUG,
          classId: String(classId),
          due: "2099-01-01T08:00",
          maxAttempts: "1",
          counting: "highest",
          feedback: "immediate",
          postFirst: "on",
        },
        maxRedirects: 0,
      });
      expect(response.status()).toBe(302);
      return Number(
        /\/teacher\/assignments\/(\d+)$/.exec(response.headers()["location"] ?? "")?.[1],
      );
    };
    const oldAssignment = await assign();
    const start = await api.post(`/pupil/assignments/${oldAssignment}?index`, {
      headers: { Cookie: pupil },
      form: { next: "read" },
      maxRedirects: 0,
    });
    expect(start.status()).toBe(302);
    const attemptId = (
      db.prepare("SELECT id FROM attempts WHERE assignment_id = ?").get(oldAssignment) as {
        id: number;
      }
    ).id;
    const saved = await api.post(`/pupil/attempts/${attemptId}/answers`, {
      headers: { Cookie: pupil, Accept: "application/json" },
      form: { kind: "quiz", itemId: q1.id, choice: oldKey },
    });
    expect(await saved.json()).toMatchObject({ ok: true });
    await api.dispose();
    api = undefined;
    expect(await server.stop()).toEqual({ code: 0, signal: null });

    // The lesson file changes: question 1 reworded and its key moved.
    const file = path.join(content, "lessons", `${SEED_SLUG}.md`);
    fs.writeFileSync(
      file,
      editFrontmatter(
        (data) => {
          data.questions[0].stem = NEW_STEM;
          data.questions[0].correct = newKey;
        },
        fs.readFileSync(file, "utf8"),
      ),
    );
    server = await startServer({
      entry: path.resolve(process.env.BUILD_DIR ?? "build", "index.js"),
      dbPath,
      port: PORT,
      logDir: dir,
      env,
    });
    api = await playwrightRequest.newContext({
      baseURL: server.url,
      extraHTTPHeaders: { Origin: server.origin },
    });
    const versions = (
      db.prepare("SELECT id FROM lesson_versions WHERE slug = ? ORDER BY id").all(SEED_SLUG) as {
        id: number;
      }[]
    ).map((r) => r.id);
    expect(versions).toHaveLength(2);

    // the old assignment shows the old wording …
    const oldQuiz = await (
      await api.get(`/pupil/assignments/${oldAssignment}/quiz`, { headers: { Cookie: pupil } })
    ).text();
    expect(oldQuiz).toContain(q1.stem);
    expect(oldQuiz).not.toContain(NEW_STEM);
    // … and scores by the old key (by the new key the saved answer would be wrong)
    const submit = await api.post(`/pupil/assignments/${oldAssignment}/quiz`, {
      headers: { Cookie: pupil },
      form: { attemptId: String(attemptId) },
      maxRedirects: 0,
    });
    expect(submit.status()).toBeLessThan(400);
    expect(
      db
        .prepare(
          "SELECT quiz_score AS quiz, submitted_at IS NOT NULL AS done FROM attempts WHERE id = ?",
        )
        .get(attemptId),
    ).toEqual({ quiz: 1, done: 1 });

    // a new assignment is made with the new version and shows the new wording
    const newAssignment = await assign();
    expect(
      (
        db
          .prepare("SELECT lesson_version_id AS v FROM assignments WHERE id = ?")
          .get(newAssignment) as { v: number }
      ).v,
    ).toBe(versions[1]);
    expect(
      (
        db
          .prepare("SELECT lesson_version_id AS v FROM assignments WHERE id = ?")
          .get(oldAssignment) as { v: number }
      ).v,
    ).toBe(versions[0]);
    db.close();
    const other = await createPupilSession(dbPath, classId);
    const start2 = await api.post(`/pupil/assignments/${newAssignment}?index`, {
      headers: { Cookie: other },
      form: { next: "read" },
      maxRedirects: 0,
    });
    expect(start2.status()).toBe(302);
    const newQuiz = await (
      await api.get(`/pupil/assignments/${newAssignment}/quiz`, { headers: { Cookie: other } })
    ).text();
    expect(newQuiz).toContain(NEW_STEM);
    expect(await server.stop()).toEqual({ code: 0, signal: null });
  } finally {
    await api?.dispose();
    if (server && server.child.exitCode === null) server.child.kill("SIGKILL");
    fs.rmSync(content, { recursive: true, force: true });
  }
});

async function createPupilSession(dbPath: string, classId: number) {
  const db = new Database(dbPath);
  db.pragma("busy_timeout = 5000");
  const id = (
    db
      .prepare(
        "INSERT INTO pupils (class_id, display_name, name_key, pin_hash) VALUES (?, 'Budi', 'budi', 'x') RETURNING id",
      )
      .get(classId) as { id: number }
  ).id;
  const cookie = await cookieFor(db, { role: "pupil", id });
  db.close();
  return cookie;
}
