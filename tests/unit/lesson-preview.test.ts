// The editor's pupil preview: choices carried in the form, pupils' scoring, no key before feedback.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { seedSource } from "../support/lesson-fixtures";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "telaah-preview-"));
process.env.DATABASE_PATH = path.join(dir, "preview.db");

const { parseLesson } = await import("~/content/parse");
const preview = {
  ...(await import("~/models/lesson-preview.server")),
  ...(await import("~/utils/preview-fields")),
};
const { scoreAttempt } = await import("~/utils/quiz");
const { partBId } = await import("~/utils/two-part");

const parsed = parseLesson(seedSource());
if (!parsed.ok) throw new Error("the seed lesson must parse");
const lesson = parsed.lesson;

test("the step parameter falls back to reading", () => {
  assert.equal(preview.parseStep("quiz"), "quiz");
  assert.equal(preview.parseStep("results"), "read");
  assert.equal(preview.parseStep(null), "read");
});

test("carried choices keep only items and options of this draft, and travel back unchanged", () => {
  const [q1] = lesson.questions;
  const [s1] = lesson.sorting;
  const fields = new URLSearchParams([
    [preview.quizField(q1.id), q1.options[1].id],
    [preview.quizField("q999"), "a"],
    [preview.quizField(lesson.questions[1].id), "zz"],
    [preview.sortField(s1.id), "denial"],
    [preview.sortField(lesson.sorting[1].id), "gossip"],
  ]);
  const choices = preview.readChoices(lesson, fields);
  assert.deepEqual(choices, { quiz: { [q1.id]: q1.options[1].id }, sort: { [s1.id]: "denial" } });
  assert.deepEqual(
    preview.readChoices(lesson, new URLSearchParams(preview.carriedFields(choices))),
    choices,
  );
});

test("Part B travels as b.<question id> (a dot nests in the kit's reading); odd shapes are dropped", () => {
  const two = lesson.questions.find((q) => q.partB)!;
  const choices = {
    quiz: { [two.id]: two.options[0].id, [partBId(two.id)]: two.partB!.options[1].id },
    sort: {},
  };
  const fields = preview.carriedFields(choices);
  assert.deepEqual(fields.map(([name]) => name).sort(), [`b.${two.id}`, `q.${two.id}`]);
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  assert.deepEqual(preview.readChoices(lesson, form), choices);
  // the old name nests under Part A's field and is no longer read; a nested value is not a choice
  const odd = new URLSearchParams([
    [`q.${two.id}.b`, two.partB!.options[1].id],
    [`s.${lesson.sorting[0].id}.x`, "denial"],
    ["q", "a"],
  ]);
  assert.deepEqual(preview.readChoices(lesson, odd), { quiz: {}, sort: {} });
});

test("the sort, quiz and discuss steps carry no key, explanation or teacher guidance", () => {
  const pages = JSON.stringify([
    preview.sortPage(lesson),
    preview.quizPage(lesson),
    preview.discussPage(lesson),
  ]);
  for (const q of lesson.questions) {
    assert.ok(!pages.includes(q.explanation), q.id);
    assert.ok(!pages.includes('"correct"'));
  }
  for (const s of lesson.sorting) assert.ok(!pages.includes(s.explanation), s.id);
  assert.ok(!pages.includes('"category"'));
});

test("the feedback scores the carried choices exactly as a submitted attempt is scored, with the evidence", () => {
  const two = lesson.questions.find((q) => q.partB)!;
  const quiz: Record<string, string> = Object.fromEntries(
    lesson.questions.map((q, i) => [
      q.id,
      i % 2 ? q.correct : q.options.find((o) => o.id !== q.correct)!.id,
    ]),
  );
  quiz[two.id] = two.correct;
  quiz[partBId(two.id)] = two.partB!.correct;
  const sort = Object.fromEntries(
    lesson.sorting.map((s, i) => [s.id, i % 3 ? s.category : "opinion"]),
  );
  const review = preview.previewReview(lesson, { quiz, sort });
  const rows = [
    ...Object.entries(quiz).map(([itemId, choice]) => ({ kind: "quiz" as const, itemId, choice })),
    ...Object.entries(sort).map(([itemId, choice]) => ({ kind: "sort" as const, itemId, choice })),
  ];
  assert.deepEqual(review.score, scoreAttempt(lesson, rows));
  const reviewed = review.questions.find((q) => q.id === two.id)!;
  assert.equal(reviewed.outcome, "right");
  assert.equal(reviewed.points, 2);
  assert.equal(reviewed.partB?.correct, true);
  for (const q of review.questions)
    for (const p of q.evidence) assert.equal(review.paragraphs[p], lesson.paragraphs[p - 1]);
  // nothing chosen: everything unanswered, score 0
  const empty = preview.previewReview(lesson, { quiz: {}, sort: {} });
  assert.equal(empty.score.quizScore + empty.score.sortScore, 0);
  assert.ok([...empty.questions, ...empty.sorting].every((i) => i.outcome === "unanswered"));
});
