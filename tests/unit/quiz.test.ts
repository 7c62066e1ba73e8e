// Scoring, attempt rules, lateness, feedback timing and the per-attempt shuffle.
import assert from "node:assert/strict";
import { test } from "node:test";
import fs from "node:fs";
import { parseLesson } from "../../app/content/parse";
import {
  attemptOrder,
  canStartNew,
  feedbackVisible,
  isValidChoice,
  percent,
  pupilStatus,
  scoreAttempt,
  shuffleWithSeed,
  workOpen,
} from "../../app/utils/quiz";
import { dateToZonedLocal, zonedLocalToDate } from "../../app/utils/zones";

const parsed = parseLesson(fs.readFileSync("content/lessons/ktt-putin-kim-2024.md", "utf8"));
if (!parsed.ok) throw new Error("seed lesson invalid");
const lesson = parsed.lesson;

test("scoring counts right quiz choices and rightly sorted statements; unanswered scores 0", () => {
  const q = lesson.questions;
  const s = lesson.sorting;
  const wrong = q[1].options.find((o) => o.id !== q[1].correct)!.id;
  const score = scoreAttempt(lesson, [
    { kind: "quiz", itemId: q[0].id, choice: q[0].correct },
    { kind: "quiz", itemId: q[1].id, choice: wrong },
    { kind: "quiz", itemId: q[2].id, choice: q[2].correct },
    { kind: "sort", itemId: s[0].id, choice: s[0].category },
    { kind: "sort", itemId: s[1].id, choice: s[1].category === "denial" ? "opinion" : "denial" },
    // a quiz id under the sort kind does not score
    { kind: "sort", itemId: q[3].id, choice: q[3].correct },
  ]);
  // worked by hand: 18 questions, two of them two-part (2 points each) → quiz max 20; 17 statements
  assert.deepEqual([q.length, q.filter((x) => x.partB).length, s.length], [18, 2, 17]);
  assert.deepEqual(score, { quizScore: 2, quizMax: 20, sortScore: 1, sortMax: 17 });
  // 3 right of (20 + 17) = 37 → 8.108… % → 8.1 with one decimal
  assert.equal(percent(score), 8.1);
  // rounding at the second decimal, by hand: 2/3 → 66.7, 1/8 → 12.5, 1/6 → 16.7, 28/29 → 96.6
  assert.equal(percent({ quizScore: 2, quizMax: 3, sortScore: 0, sortMax: 0 }), 66.7);
  assert.equal(percent({ quizScore: 0, quizMax: 4, sortScore: 1, sortMax: 4 }), 12.5);
  assert.equal(percent({ quizScore: 1, quizMax: 3, sortScore: 0, sortMax: 3 }), 16.7);
  assert.equal(percent({ quizScore: 14, quizMax: 15, sortScore: 14, sortMax: 14 }), 96.6);
  assert.equal(percent({ quizScore: 0, quizMax: 0, sortScore: 0, sortMax: 0 }), 0);
});

test("only ids of the pinned version are valid choices", () => {
  const q = lesson.questions[0];
  assert.equal(isValidChoice(lesson, "quiz", q.id, q.options[0].id), "ok");
  assert.equal(isValidChoice(lesson, "quiz", q.id, "z"), "choice");
  assert.equal(isValidChoice(lesson, "quiz", "q999", "a"), "item");
  assert.equal(isValidChoice(lesson, "sort", lesson.sorting[0].id, "allegation"), "ok");
  assert.equal(isValidChoice(lesson, "sort", lesson.sorting[0].id, "rumour"), "choice");
  assert.equal(isValidChoice(lesson, "sort", q.id, "allegation"), "item");
});

test("attempt limits: 1, 2, 3 or unlimited (0)", () => {
  assert.equal(canStartNew({ maxAttempts: 1 }, 0), true);
  assert.equal(canStartNew({ maxAttempts: 1 }, 1), false);
  assert.equal(canStartNew({ maxAttempts: 3 }, 2), true);
  assert.equal(canStartNew({ maxAttempts: 3 }, 3), false);
  assert.equal(canStartNew({ maxAttempts: 0 }, 250), true);
});

test("lateness: work stays open after the due date only when late work is accepted", () => {
  const due = new Date("2026-12-01T07:00:00Z");
  const before = due.getTime() - 1;
  const after = due.getTime() + 1;
  assert.equal(workOpen({ dueAt: due, acceptLate: false }, before), true);
  assert.equal(workOpen({ dueAt: due, acceptLate: false }, due.getTime()), true);
  assert.equal(workOpen({ dueAt: due, acceptLate: false }, after), false);
  assert.equal(workOpen({ dueAt: due, acceptLate: true }, after), true);
});

test("statuses on the dashboards", () => {
  const due = new Date("2026-12-01T07:00:00Z");
  const before = due.getTime() - 1000;
  const after = due.getTime() + 1000;
  const rules = { dueAt: due, acceptLate: false };
  assert.equal(pupilStatus(rules, null, before), "not_started");
  assert.equal(pupilStatus(rules, { submittedAt: null, late: false }, before), "in_progress");
  assert.equal(
    pupilStatus(rules, { submittedAt: new Date(before), late: false }, after),
    "submitted",
  );
  assert.equal(pupilStatus(rules, { submittedAt: new Date(after), late: true }, after), "late");
  assert.equal(pupilStatus(rules, null, after), "missed");
  assert.equal(pupilStatus({ ...rules, acceptLate: true }, null, after), "late");
});

test("feedback shows right after submitting, after the due date, or never", () => {
  const due = new Date("2026-12-01T07:00:00Z");
  const before = due.getTime() - 1;
  const after = due.getTime() + 1;
  assert.equal(feedbackVisible({ feedback: "immediate", dueAt: due }, true, before), true);
  assert.equal(feedbackVisible({ feedback: "immediate", dueAt: due }, false, before), false);
  assert.equal(feedbackVisible({ feedback: "after_due", dueAt: due }, true, before), false);
  assert.equal(feedbackVisible({ feedback: "after_due", dueAt: due }, true, after), true);
  assert.equal(feedbackVisible({ feedback: "never", dueAt: due }, true, after), false);
});

test("the shuffle is a permutation, deterministic per seed, different across seeds", () => {
  const items = Array.from({ length: 15 }, (_, i) => i);
  const a = shuffleWithSeed(items, 12345);
  assert.deepEqual(
    [...a].sort((x, y) => x - y),
    items,
  );
  assert.deepEqual(shuffleWithSeed(items, 12345), a);
  assert.notDeepEqual(shuffleWithSeed(items, 54321), a);
  assert.deepEqual(
    items,
    Array.from({ length: 15 }, (_, i) => i),
    "the input is not mutated",
  );
});

test("attempt order: lesson order unshuffled; shuffled questions, options and statements stable per seed", () => {
  const plain = attemptOrder(lesson, 7, false);
  assert.deepEqual(
    plain.questions.map((q) => q.id),
    lesson.questions.map((q) => q.id),
  );
  const one = attemptOrder(lesson, 7, true);
  const again = attemptOrder(lesson, 7, true);
  assert.deepEqual(one, again);
  assert.notDeepEqual(
    one.questions.map((q) => q.id),
    plain.questions.map((q) => q.id),
  );
  for (const q of one.questions) {
    const original = lesson.questions.find((x) => x.id === q.id)!;
    assert.deepEqual([...q.options].sort(), original.options.map((o) => o.id).sort());
  }
  assert.deepEqual([...one.sorting].sort(), lesson.sorting.map((s) => s.id).sort());
  // across many seeds, the option orders are not all the same (options really are shuffled)
  const firstOptionOrders = new Set(
    Array.from({ length: 20 }, (_, s) =>
      attemptOrder(lesson, s, true)
        .questions.find((q) => q.id === "q1")!
        .options.join(""),
    ),
  );
  assert.ok(firstOptionOrders.size > 1);
});

test("due times are read in the class's zone (WIB +7, WITA +8, WIT +9) and shown back", () => {
  assert.equal(
    zonedLocalToDate("2026-12-01T14:00", "WIB")!.toISOString(),
    "2026-12-01T07:00:00.000Z",
  );
  assert.equal(
    zonedLocalToDate("2026-12-01T14:00", "WITA")!.toISOString(),
    "2026-12-01T06:00:00.000Z",
  );
  assert.equal(
    zonedLocalToDate("2026-12-01T14:00", "WIT")!.toISOString(),
    "2026-12-01T05:00:00.000Z",
  );
  assert.equal(zonedLocalToDate("2026-02-31T10:00", "WIB"), null);
  assert.equal(zonedLocalToDate("2026-12-01 14:00", "WIB"), null);
  assert.equal(zonedLocalToDate("2026-13-01T14:00", "WIB"), null);
  assert.equal(dateToZonedLocal(new Date("2026-12-01T07:00:00Z"), "WIB"), "2026-12-01T14:00");
  assert.equal(dateToZonedLocal(new Date("2026-12-31T20:30:00Z"), "WIT"), "2027-01-01T05:30");
});
