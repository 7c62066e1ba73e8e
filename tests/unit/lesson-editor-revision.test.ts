// Two tabs on one draft: every save names the revision it was made from; of saves made from the
// same revision exactly one is written, the others are refused with what was typed. And the page
// model: one summary row per item, the full values only for the item being edited.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { SubmissionResult } from "@conform-to/react";
import type { Draft } from "../../app/models/lesson-editor.server";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "telaah-editor-revision-"));
process.env.DATABASE_PATH = path.join(dir, "editor.db");

const { unitDb } = await import("../support/unit-db");
const { syncLessonVersions } = await import("~/models/lesson.server");
const editor = await import("~/models/lesson-editor.server");
const page = await import("~/models/lesson-editor-page.server");
const { editorPage, firstWords } = page;

/** An editor post's answer as the page reads it: the JSON body (save or kit refusal) and status. */
type Answer = {
  status: number;
  ok: boolean;
  stale?: true;
  revision: number;
  result: SubmissionResult<string[]>;
};
async function editorAction(ref: { teacherId: number; lessonId: number }, form: FormData) {
  const response = await page.editorAction(ref, form);
  if (response === "deleted") return response;
  return { status: response.status, ...((await response.json()) as Omit<Answer, "status">) };
}

await syncLessonVersions();
const db = unitDb();
const sari = (
  db
    .prepare(
      "INSERT INTO teachers (name, email, password_hash) VALUES ('Bu Sari', 'sari@rev.test', 'h') RETURNING id",
    )
    .get() as { id: number }
).id;

async function newLesson() {
  return editor.createLesson(sari, {
    title: "Pasar Baru di Desa",
    article: [
      "Kepala desa mengumumkan pasar baru akan dibuka bulan depan.",
      "Warga menuduh panitia menaikkan harga sewa kios tanpa rapat.",
    ].join("\n\n"),
    language: "id",
    gradeBand: "SMP",
    source: {
      outlet: "Kabar",
      author: null,
      publishedAt: null,
      eventDate: null,
      url: null,
      note: null,
    },
  });
}
const revisionOf = async (lessonId: number) =>
  (await editor.getOwnLesson({ teacherId: sari, lessonId })).revision;
const objectivesOf = async (lessonId: number) =>
  ((await editor.getOwnLesson({ teacherId: sari, lessonId })).draft as Draft).objectives;
const listsForm = (objective: string, revision?: number) => {
  const form = new FormData();
  form.set("intent", "lists");
  form.set("objectives", objective);
  for (const name of ["glossary", "speakers", "teacherNotes"]) form.set(name, "");
  if (revision !== undefined) form.set("revision", String(revision));
  return form;
};

test("ten saves read the same revision, then write at once: exactly one lands", async () => {
  const lessonId = await newLesson();
  const ref = { teacherId: sari, lessonId };
  const start = await revisionOf(lessonId);
  // Every task reads before any writes (all reads are done before the first save is sent; on
  // PostgreSQL a read could otherwise come back after another task's write): the check and the
  // write must be one step, or more than one would land.
  const read = await Promise.all(Array.from({ length: 10 }, () => editor.getOwnLesson(ref)));
  const results = await Promise.all(
    read.map((row, i) =>
      editor.saveDraft({
        ...ref,
        draft: { ...(row.draft as Draft), objectives: [`Tujuan ${i}`] },
        revision: row.revision,
      }),
    ),
  );
  const won = results.filter((r) => r.ok);
  assert.equal(won.length, 1);
  assert.equal(await revisionOf(lessonId), start + 1);
  assert.ok(results.every((r) => r.revision === start + 1));
  const winner = results.findIndex((r) => r.ok);
  assert.deepEqual(await objectivesOf(lessonId), [`Tujuan ${winner}`]);
});

test("two tabs post the same revision: one saves, the other gets 'stale' with its typing back", async () => {
  const lessonId = await newLesson();
  const ref = { teacherId: sari, lessonId };
  const seen = await revisionOf(lessonId);
  const [a, b] = await Promise.all([
    Promise.resolve().then(() => editorAction(ref, listsForm("Dari tab A", seen))),
    Promise.resolve().then(() => editorAction(ref, listsForm("Dari tab B", seen))),
  ]);
  assert.ok(a !== "deleted" && b !== "deleted");
  assert.equal([a, b].filter((r) => r.ok).length, 1);
  const refused = [a, b].find((r) => !r.ok)!;
  assert.equal(refused.stale, true);
  assert.equal(refused.status, 409);
  // the kit's reply: the message for the whole form (under ""), the typing as Conform's initialValue
  assert.deepEqual(refused.result.error?.[""], ["ed.err.stale"]);
  const typed = refused.result.initialValue as Record<string, unknown> | undefined;
  assert.match(String(typed?.objectives), /^Dari tab [AB]$/);
  assert.equal(refused.revision, seen + 1);
  assert.deepEqual(await objectivesOf(lessonId), [a.ok ? "Dari tab A" : "Dari tab B"]);

  // The same tab's next save (autosave) carries the revision its last answer gave: it lands.
  const winner = a.ok ? a : b;
  const next = await editorAction(ref, listsForm("Lagi", winner.revision));
  assert.ok(next !== "deleted" && next.ok);
  assert.equal(next.revision, seen + 2);
  // Ten at once from one revision: one lands.
  const burst = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      Promise.resolve().then(() => editorAction(ref, listsForm(`Burst ${i}`, seen + 2))),
    ),
  );
  assert.equal(burst.filter((r) => r !== "deleted" && r.ok).length, 1);
  assert.equal(await revisionOf(lessonId), seen + 3);
});

test("moving, deleting and publishing from a stale page are refused; a malformed revision too", async () => {
  const lessonId = await newLesson();
  const ref = { teacherId: sari, lessonId };
  const seen = await revisionOf(lessonId);
  const saved = await editorAction(ref, listsForm("Baru", seen));
  assert.ok(saved !== "deleted" && saved.ok);
  for (const intent of ["publish", "deleteItem", "up"]) {
    const form = new FormData();
    form.set("intent", intent);
    form.set("kind", "questions");
    form.set("itemId", "q1");
    form.set("revision", String(seen));
    const r = await editorAction(ref, form);
    assert.ok(r !== "deleted" && !r.ok && r.stale, intent);
  }
  const bad = await editorAction(ref, listsForm("X", Number.NaN));
  assert.ok(bad !== "deleted" && bad.stale);
  assert.deepEqual(await objectivesOf(lessonId), ["Baru"]);
  // Publishing refuses a draft saved after the revision the teacher saw.
  assert.deepEqual(await editor.publishLesson({ ...ref, revision: seen }), {
    ok: false,
    stale: true,
  });
});

test("answers carry the kit's reply: a refused item's typing and field messages, a form-wide refusal, a save without entries", async () => {
  const lessonId = await newLesson();
  const ref = { teacherId: sari, lessonId };
  const question = new FormData();
  question.set("intent", "question");
  question.set("itemId", "");
  question.set("skill", "comprehension");
  question.set("stem", "Kapan pasar dibuka?");
  for (const [o, text] of [
    ["a", "Bulan depan"],
    ["b", "Minggu ini"],
    ["c", "Tahun depan"],
  ])
    question.set(`option_${o}`, text);
  question.set("explanation", "Paragraf 1.");
  question.append("evidence", "1");
  const refused = await editorAction(ref, question);
  assert.ok(refused !== "deleted" && !refused.ok && !refused.stale);
  assert.equal(refused.status, 400);
  assert.deepEqual(refused.result.error?.correct, ["ed.err.correct"]);
  assert.equal((refused.result.initialValue as Record<string, unknown>).option_c, "Tahun depan");
  // a form-wide message (publishing a draft with problems) is Conform's form error, under ""
  const publish = new FormData();
  publish.set("intent", "publish");
  const problems = await editorAction(ref, publish);
  assert.ok(problems !== "deleted" && !problems.ok);
  assert.deepEqual(problems.result.error?.[""], ["ed.err.problems"]);
  // a saved form answers its status only: nothing typed since is put back or reset
  question.set("correct", "a");
  const saved = await editorAction(ref, question);
  assert.ok(saved !== "deleted" && saved.ok);
  assert.deepEqual(saved.result, { status: "success" });
});

test("the page: a summary row per item, the full values only for the item being edited", async () => {
  const lessonId = await newLesson();
  const ref = { teacherId: sari, lessonId };
  await editor.updateDraft(ref, (d) => ({
    ...d,
    questions: Array.from({ length: 40 }, (_, i) => ({
      id: `q${i + 1}`,
      skill: "comprehension" as const,
      stem: `Soal nomor ${i + 1} tentang pasar baru yang akan dibuka di lapangan desa bulan depan`,
      options: [
        { id: "a", text: "Ya" },
        { id: "b", text: "Ya" },
        { id: "c", text: "Tidak" },
      ],
      correct: "a",
      explanation: "Paragraf 1.",
      evidence: [1],
    })),
  }));
  const closed = await editorPage(ref);
  assert.equal(closed.open, null);
  assert.equal(closed.items.questions.length, 40);
  assert.equal(
    closed.items.questions[2].text,
    firstWords(`Soal nomor 3 tentang pasar baru yang akan dibuka di lapangan desa bulan depan`),
  );
  assert.match(closed.items.questions[2].text, /…$/);
  // every item's warnings stay visible on its row (here: the repeated option)
  assert.ok(
    closed.items.questions.every((q) =>
      q.notes.warnings.some((w) => w.check === "duplicate-options"),
    ),
  );
  assert.ok(!JSON.stringify(closed).includes("Paragraf 1."), "no item's full form data");
  const open = await editorPage(ref, "q3");
  assert.equal(open.open?.id, "q3");
  assert.equal(
    open.open?.values.stem,
    "Soal nomor 3 tentang pasar baru yang akan dibuka di lapangan desa bulan depan",
  );
  assert.equal((await editorPage(ref, "q99")).open, null);
});
