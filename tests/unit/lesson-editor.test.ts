// Lessons written in the app: one validator with files, publishing pins versions, sharing, copies, .md round trip.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { SEED_SLUG, seedSource } from "../support/lesson-fixtures";
import type { Draft } from "../../app/models/lesson-editor.server";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "telaah-editor-"));
process.env.DATABASE_PATH = path.join(dir, "editor.db");

const { transaction, unitDb } = await import("../support/unit-db");
const { syncLessonVersions, currentLessonVersion, getLessonVersion } =
  await import("~/models/lesson.server");
const editor = await import("~/models/lesson-editor.server");
const { parseLesson } = await import("~/content/parse");
const { lessonHash, getLesson } = await import("~/content/lessons.server");
const { serializeLesson } = await import("~/content/serialize");

await syncLessonVersions();
const db = unitDb();
const insertId = (sqlText: string, ...args: unknown[]) =>
  (db.prepare(`${sqlText} RETURNING id`).get(...args) as { id: number }).id;
const sari = insertId(
  "INSERT INTO teachers (name, email, password_hash) VALUES ('Bu Sari', 'sari@x.test', 'h')",
);
const joko = insertId(
  "INSERT INTO teachers (name, email, password_hash) VALUES ('Pak Joko', 'joko@x.test', 'h')",
);
const klass = insertId(
  "INSERT INTO classes (teacher_id, name, grade, subject, join_code) VALUES (?, '8A', '8', 'BI', 'AAAA2222')",
  sari,
);

const ARTICLE = [
  "Kepala desa mengumumkan pasar baru akan dibuka bulan depan.",
  "Warga menuduh panitia menaikkan harga sewa kios tanpa rapat.",
  "Panitia membantah tuduhan itu dan menyebut harga belum ditetapkan.",
  "Banyak orang menganggap pasar baru akan meramaikan desa.",
].join("\n\n");

async function newLesson(owner = sari) {
  return editor.createLesson(owner, {
    title: "Pasar Baru di Desa",
    article: ARTICLE,
    language: "id",
    gradeBand: "SMP (kelas 7–9)",
    source: {
      outlet: "Kabar Desa",
      author: null,
      publishedAt: "2026-11-01",
      eventDate: null,
      url: "https://example.org/pasar",
      note: null,
    },
  });
}

const question = {
  id: "q1",
  skill: "allegation-evidence" as const,
  stem: "Siapa yang menuduh panitia menaikkan harga sewa?",
  options: [
    { id: "a", text: "Warga" },
    { id: "b", text: "Kepala desa" },
    { id: "c", text: "Panitia" },
  ],
  correct: "a",
  explanation: "Paragraf 2 menyebut warga yang menuduh.",
  evidence: [2],
};

test("a new draft keeps the pasted paragraphs and the source exactly as typed", async () => {
  const id = await newLesson();
  const row = await editor.getOwnLesson({ teacherId: sari, lessonId: id });
  const draft = row.draft as Draft;
  assert.equal(draft.paragraphs.length, 4);
  assert.equal(draft.source.author, null);
  assert.equal(draft.source.url, "https://example.org/pasar");
  assert.match(row.slug, /^pasar-baru-di-desa-[0-9a-f]{6}$/);
  // Incomplete: the same messages content:check prints for a file.
  const v = editor.validateDraft(draft);
  assert.ok(
    v.problems.some((p) => p.path === "questions"),
    JSON.stringify(v.problems),
  );
  await assert.rejects(
    editor.getOwnLesson({ teacherId: joko, lessonId: id }),
    (r: Response) => r.status === 404,
  );
});

test("the draft is checked by the file pipeline: a quote not in its paragraph is the file error", async () => {
  const id = await newLesson();
  const draft = await editor.updateDraft({ teacherId: sari, lessonId: id }, (d) => ({
    ...d,
    objectives: ["Membedakan tuduhan dari bukti."],
    questions: [question],
    sorting: [
      {
        id: "s1",
        quote: "menaikkan harga sewa kios",
        paragraph: 3,
        category: "allegation",
        explanation: "Tuduhan warga.",
      },
    ],
  }));
  const v = editor.validateDraft(draft);
  assert.deepEqual(v.problems, [
    { path: "sorting[0].quote", message: "not found verbatim in paragraph 3" },
  ]);
  assert.equal((await editor.publishLesson({ teacherId: sari, lessonId: id })).ok, false);
});

test("publishing pins a version like start-up does; republishing adds version 2 and old assignments stay on 1", async () => {
  const id = await newLesson();
  await editor.updateDraft({ teacherId: sari, lessonId: id }, (d) => ({
    ...d,
    objectives: ["Membedakan tuduhan dari bukti."],
    questions: [question],
  }));
  const first = await editor.publishLesson({ teacherId: sari, lessonId: id });
  assert.ok(first.ok);
  const row = await editor.getOwnLesson({ teacherId: sari, lessonId: id });
  const snapshot = (await getLessonVersion(first.versionId))!;
  assert.equal(
    lessonHash(snapshot),
    (
      db
        .prepare("SELECT content_hash AS h FROM lesson_versions WHERE id = ?")
        .get(first.versionId) as { h: string }
    ).h,
  );
  assert.deepEqual(parseLesson(serializeLesson(snapshot)), { ok: true, lesson: snapshot });
  assert.equal((await currentLessonVersion(row.slug))?.id, first.versionId);

  // An assignment made now, exactly as for a file lesson.
  const assignment = insertId(
    "INSERT INTO assignments (class_id, lesson_version_id, due_at) VALUES (?, ?, ?)",
    klass,
    first.versionId,
    Date.now() + 1e7,
  );

  // Publishing again without changes adds nothing.
  const same = await editor.publishLesson({ teacherId: sari, lessonId: id });
  assert.ok(same.ok && same.versionId === first.versionId);

  await editor.updateDraft({ teacherId: sari, lessonId: id }, (d) => ({
    ...d,
    questions: [{ ...d.questions[0], stem: "Menurut paragraf 2, siapa yang menuduh?" }],
  }));
  // Editing touches only the draft: the published version is unchanged.
  assert.equal((await currentLessonVersion(row.slug))?.id, first.versionId);
  const second = await editor.publishLesson({ teacherId: sari, lessonId: id });
  assert.ok(second.ok && second.versionId !== first.versionId);
  assert.equal((await currentLessonVersion(row.slug))?.id, second.versionId);
  const pinned = db
    .prepare("SELECT lesson_version_id AS v FROM assignments WHERE id = ?")
    .get(assignment) as { v: number };
  assert.equal(pinned.v, first.versionId);
  assert.deepEqual(await editor.versionLabel(first.versionId), {
    slug: row.slug,
    number: 1,
    latest: 2,
  });
  assert.equal((await getLessonVersion(first.versionId))!.questions[0].stem, question.stem);

  // Assigned: it cannot be deleted, only withdrawn.
  assert.equal(await editor.deleteLesson({ teacherId: sari, lessonId: id }), "hasAssignments");
});

test("private until shared; others see only shared published lessons; only the author edits", async () => {
  const id = await newLesson();
  await editor.updateDraft({ teacherId: sari, lessonId: id }, (d) => ({
    ...d,
    title: "Sewa Kios Pasar",
    objectives: ["x"],
    questions: [question],
  }));
  const slug = (await editor.getOwnLesson({ teacherId: sari, lessonId: id })).slug;
  assert.equal(
    await editor.setShared({ teacherId: sari, lessonId: id, shared: true }),
    false,
    "a draft never published cannot be shared",
  );
  assert.ok((await editor.publishLesson({ teacherId: sari, lessonId: id })).ok);
  assert.equal(await editor.usableLesson(joko, slug), undefined);
  assert.ok(!(await editor.library(joko, { q: "kios" })).some((l) => l.slug === slug));
  assert.ok(await editor.setShared({ teacherId: sari, lessonId: id, shared: true }));
  const seen = (await editor.library(joko, { q: "sewa kios" })).find((l) => l.slug === slug);
  assert.equal(seen?.source, "shared");
  assert.equal(seen?.ownerName, "Bu Sari");
  assert.equal(seen?.id, null);
  assert.ok((await editor.assignableLessons(joko)).some((l) => l.slug === slug));
  await assert.rejects(
    editor.saveDraft({
      teacherId: joko,
      lessonId: id,
      draft: (await getLessonVersion(1))!,
      revision: 0,
    }),
    (r: Response) => r.status === 404,
  );
  await assert.rejects(
    editor.deleteLesson({ teacherId: joko, lessonId: id }),
    (r: Response) => r.status === 404,
  );

  const copy = await editor.copyLesson({ teacherId: joko, slug });
  const copied = await editor.getOwnLesson({ teacherId: joko, lessonId: copy });
  assert.notEqual(copied.slug, slug);
  assert.equal((copied.draft as Draft).title, "Sewa Kios Pasar");
  assert.equal(copied.shared, false);

  await editor.withdrawLesson({ teacherId: sari, lessonId: id, withdrawn: true });
  assert.ok(!(await editor.library(joko)).some((l) => l.slug === slug));
  assert.equal(await editor.usableLesson(joko, slug), undefined);
  // Never assigned: the author may delete it, versions included.
  assert.equal(await editor.deleteLesson({ teacherId: sari, lessonId: id }), "deleted");
  assert.equal(await currentLessonVersion(slug), undefined);
});

test("search, language, grade and owner filters; the seed file is listed and can be copied", async () => {
  const all = await editor.library(joko, { owner: "files" });
  assert.deepEqual(
    all.map((l) => l.slug),
    [SEED_SLUG],
  );
  assert.deepEqual(
    (await editor.library(joko, { q: "putin", owner: "files" })).map((l) => l.slug),
    [SEED_SLUG],
  );
  assert.deepEqual(await editor.library(joko, { language: "en", owner: "files" }), []);
  assert.ok(
    (await editor.library(sari, { owner: "mine", q: "pasar" })).every((l) => l.source === "mine"),
  );
  assert.deepEqual(await editor.library(sari, { q: "100%_" }), []);
  const copy = await editor.copyLesson({ teacherId: joko, slug: SEED_SLUG });
  const draft = (await editor.getOwnLesson({ teacherId: joko, lessonId: copy })).draft as Draft;
  assert.equal(editor.validateDraft(draft).problems.length, 0);
  await assert.rejects(
    editor.copyLesson({ teacherId: joko, slug: "no-such-lesson" }),
    (r: Response) => r.status === 404,
  );
});

test("export → import → the same content hash (seed lesson); bad files and aliases are refused", async () => {
  const text = await editor.exportLesson({ teacherId: sari, slug: SEED_SLUG });
  const original = getLesson(SEED_SLUG)!;
  const reparsed = parseLesson(text);
  assert.ok(reparsed.ok);
  assert.equal(lessonHash(reparsed.lesson), original.hash);
  // The file is already in the library, so the imported draft gets its own slug; its content is the same.
  const imported = await editor.importLesson({ teacherId: sari, text });
  assert.ok(imported.ok);
  const draft = (await editor.getOwnLesson({ teacherId: sari, lessonId: imported.lessonId }))
    .draft as Draft;
  assert.equal(lessonHash({ ...draft, slug: SEED_SLUG }), original.hash);
  const again = parseLesson(
    await editor.exportLesson({ teacherId: sari, slug: imported.slug, draft: true }),
  );
  assert.ok(again.ok);
  assert.equal(lessonHash({ ...again.lesson, slug: SEED_SLUG }), original.hash);

  const bomb = seedSource().replace("gradeBand:", "x: &a [1, 2]\ny: [*a, *a]\ngradeBand:");
  const refused = await editor.importLesson({ teacherId: sari, text: bomb });
  assert.ok(!refused.ok);
  assert.match(refused.problems[0].message, /alias/i);

  const unknown = await editor.importLesson({
    teacherId: sari,
    text: seedSource().replace("gradeBand:", "colour: red\ngradeBand:"),
  });
  assert.deepEqual(!unknown.ok && unknown.problems, [
    { path: "(root)", message: "unknown field(s): colour" },
  ]);
  const big = await editor.importLesson({
    teacherId: sari,
    text: seedSource() + "x".repeat(300 * 1024),
  });
  assert.deepEqual(!big.ok && big.problems, [{ path: "(file)", message: "larger than 256 KB" }]);
});

/** A lesson of Sari's with one question, published once. */
async function publishedLesson() {
  const id = await newLesson();
  await editor.updateDraft({ teacherId: sari, lessonId: id }, (d) => ({
    ...d,
    objectives: ["x"],
    questions: [question],
  }));
  assert.ok((await editor.publishLesson({ teacherId: sari, lessonId: id })).ok);
  return { id, slug: (await editor.getOwnLesson({ teacherId: sari, lessonId: id })).slug };
}

test("'assign the newest' finds an own published lesson even behind 200 newer lessons; a withdrawn one is not offered", async () => {
  const { id, slug } = await publishedLesson();
  const versionId = (
    db.prepare("SELECT published_version_id AS v FROM authored_lessons WHERE id = ?").get(id) as {
      v: number;
    }
  ).v;
  const insert = db.prepare(
    "INSERT INTO authored_lessons (slug, owner_id, draft, title, language, grade_band, search_text, published_version_id, updated_at) VALUES (?, ?, '{}', 'Baru', 'id', 'SMP', 'baru', ?, ?)",
  );
  transaction(db, () => {
    for (let i = 0; i < 201; i++)
      insert.run(`lebih-baru-${i}`, sari, versionId, Date.now() + 60_000 + i);
  });
  assert.ok(
    !(await editor.assignableLessons(sari)).some((l) => l.slug === slug),
    "the plain list stops at 200 lessons",
  );
  assert.equal((await editor.assignableLessons(sari, slug))[0].slug, slug);
  await editor.withdrawLesson({ teacherId: sari, lessonId: id, withdrawn: true });
  assert.ok(!(await editor.assignableLessons(sari, slug)).some((l) => l.slug === slug));
  db.prepare("DELETE FROM authored_lessons WHERE slug LIKE 'lebih-baru-%'").run();
});

test("deleting a lesson while it is being assigned: deleted and the assigning refused, or assigned and kept; never a database error", async () => {
  const { createAssignments } = await import("~/models/assignment.server");
  for (let round = 0; round < 12; round++) {
    const { id, slug } = await publishedLesson();
    const assign = () =>
      createAssignments({
        teacherId: sari,
        classIds: [klass],
        slug,
        dueFor: () => new Date(Date.now() + 86_400_000),
        settings: {
          acceptLate: true,
          maxAttempts: 0,
          counting: "highest",
          feedback: "immediate",
          shuffle: false,
          postFirst: false,
        },
      });
    const remove = () => editor.deleteLesson({ teacherId: sari, lessonId: id });
    // Assigning started first, both at once, or assigning a turn later. Before the fix, starting
    // together ended in a foreign-key error: assigning read the version before the delete and
    // inserted after it.
    const later = () => new Promise<void>((go) => setImmediate(go)).then(assign);
    let deleting: Promise<"deleted" | "hasAssignments">;
    let assigning: Promise<number[]>;
    if (round % 3 === 0) {
      deleting = remove();
      assigning = assign();
    } else if (round % 3 === 1) {
      assigning = assign();
      deleting = remove();
    } else {
      deleting = remove();
      assigning = later();
    }
    const [deleted, assigned] = await Promise.allSettled([deleting, assigning]);
    assert.equal(deleted.status, "fulfilled", String((deleted as PromiseRejectedResult).reason));
    const made = db
      .prepare(
        "SELECT count(*) AS n FROM assignments a JOIN lesson_versions v ON v.id = a.lesson_version_id WHERE v.slug = ?",
      )
      .get(slug) as { n: number };
    if ((deleted as PromiseFulfilledResult<string>).value === "deleted") {
      // the assigning came second: the lesson is gone, so it is refused as not found (404)
      assert.equal(assigned.status, "rejected");
      assert.equal(((assigned as PromiseRejectedResult).reason as Response).status, 404);
      assert.equal(made.n, 0);
      assert.equal(await currentLessonVersion(slug), undefined);
    } else {
      assert.equal(
        assigned.status,
        "fulfilled",
        String((assigned as PromiseRejectedResult).reason),
      );
      assert.equal(made.n, 1);
      assert.ok(await currentLessonVersion(slug));
    }
  }
});
