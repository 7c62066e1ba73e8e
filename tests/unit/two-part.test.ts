// Two-part questions: 2/1/0 points in scores, valid Part B answers, facility per part, skills by points, the CSV.
import assert from "node:assert/strict";
import { test } from "node:test";
import fs from "node:fs";
import { parse as parseCsv } from "csv-parse/sync";
import { parseLesson } from "../../app/content/parse";
import type { Question } from "../../app/content/schema";
import { isValidChoice, scoreAttempt } from "../../app/utils/quiz";
import { itemAnalysis, skillShares } from "../../app/utils/stats";
import {
  lessonMaxPoints,
  partBId,
  partResponses,
  pointResponses,
  questionPoints,
  quizParts,
} from "../../app/utils/two-part";
import { resultsCsv } from "../../app/utils/results-csv";
import type { AssignmentResults } from "../../app/models/results.server";

const parsed = parseLesson(fs.readFileSync("content/lessons/ktt-putin-kim-2024.md", "utf8"));
if (!parsed.ok) throw new Error("seed lesson invalid");
const lesson = parsed.lesson;
const twoPart = lesson.questions.find((q) => q.partB)!;
const b = twoPart.partB!;
const wrongA = twoPart.options.find((o) => o.id !== twoPart.correct)!.id;
const wrongB = b.options.find((o) => o.id !== b.correct)!.id;

test("a two-part question scores 2 when both parts are right, 1 for Part A only, 0 otherwise", () => {
  assert.equal(questionPoints(twoPart, twoPart.correct, b.correct), 2);
  assert.equal(questionPoints(twoPart, twoPart.correct, wrongB), 1);
  assert.equal(questionPoints(twoPart, twoPart.correct, undefined), 1);
  assert.equal(
    questionPoints(twoPart, wrongA, b.correct),
    0,
    "Part B right without Part A earns nothing",
  );
  assert.equal(questionPoints(twoPart, undefined, undefined), 0);
  const single = lesson.questions.find((q) => !q.partB) as Question;
  assert.equal(questionPoints(single, single.correct, undefined), 1);
});

test("an attempt's quiz score adds the points and its maximum counts 2 per two-part question", () => {
  const single = lesson.questions.find((q) => !q.partB)!;
  const score = scoreAttempt(lesson, [
    { kind: "quiz", itemId: twoPart.id, choice: twoPart.correct },
    { kind: "quiz", itemId: partBId(twoPart.id), choice: b.correct },
    { kind: "quiz", itemId: single.id, choice: single.correct },
  ]);
  assert.equal(score.quizScore, 3);
  assert.equal(
    score.quizMax,
    lesson.questions.length + lesson.questions.filter((q) => q.partB).length,
  );
  assert.equal(lessonMaxPoints(lesson), score.quizMax);
});

test("Part B answers are stored as `<id>.b` and accept only Part B's option ids", () => {
  assert.equal(isValidChoice(lesson, "quiz", partBId(twoPart.id), b.correct), "ok");
  assert.equal(isValidChoice(lesson, "quiz", partBId(twoPart.id), "z"), "choice");
  assert.equal(
    isValidChoice(lesson, "quiz", `${lesson.questions.find((q) => !q.partB)!.id}.b`, "a"),
    "item",
  );
});

test("item analysis reports facility for each part; skills count points (B only with A right)", () => {
  // pupil 1: both right; pupil 2: A right, B wrong; pupil 3: A wrong, B right
  const choices: Record<number, Record<string, string>> = {
    1: { [twoPart.id]: twoPart.correct, [partBId(twoPart.id)]: b.correct },
    2: { [twoPart.id]: twoPart.correct, [partBId(twoPart.id)]: wrongB },
    3: { [twoPart.id]: wrongA, [partBId(twoPart.id)]: b.correct },
  };
  const parts = quizParts(lesson);
  const raw = [1, 2, 3].flatMap((p) => partResponses(lesson, p, choices[p]));
  const totals = [1, 2, 3].map((p) => ({ pupilId: p, score: 0, max: 1 }));
  const items = itemAnalysis(parts, raw, totals);
  const a = items.find((i) => i.id === twoPart.id)!;
  const bRow = items.find((i) => i.id === partBId(twoPart.id))!;
  assert.equal(a.facility, 2 / 3, "Part A right for pupils 1 and 2");
  assert.equal(bRow.facility, 2 / 3, "Part B right for pupils 1 and 3 (judged on its own)");
  const points = [1, 2, 3].flatMap((p) => pointResponses(lesson, p, choices[p]));
  const skill = skillShares(parts, points, [1, 2, 3]).find((s) => s.skill === twoPart.skill)!;
  const questionsOfSkill = lesson.questions.filter((q) => q.skill === twoPart.skill);
  const maxPerPupil = questionsOfSkill.reduce((sum, q) => sum + (q.partB ? 2 : 1), 0);
  assert.equal(skill.total, 3 * maxPerPupil);
  assert.equal(skill.correct, 2 + 1 + 0, "points 2, 1 and 0");
});

test("the CSV gives a two-part question Part A's letter, Part B's letter and its points", () => {
  const index = lesson.questions.indexOf(twoPart);
  const results = {
    assignment: { lesson },
    pupils: [
      {
        pupilId: 1,
        name: "Ani",
        status: "submitted",
        counting: { percent: 50, quizScore: 2, sortScore: 0, late: false },
        quiz: { [twoPart.id]: twoPart.correct, [partBId(twoPart.id)]: wrongB },
        sort: {},
      },
    ],
    pupilSkills: new Map(),
  } as unknown as AssignmentResults;
  const [header, row] = parseCsv(resultsCsv(results, "en").replace(/^\uFEFF/, "")) as string[][];
  const n = index + 1;
  const col = (name: string) => header.indexOf(name);
  assert.ok(col(`Question ${n} (${twoPart.id}) points (0–2)`) > 0, header.join(" | "));
  const letter = (ids: string[], id: string) => String.fromCharCode(65 + ids.indexOf(id));
  assert.equal(
    row[col(`Question ${n} (${twoPart.id}) Part B`)],
    letter(
      b.options.map((o) => o.id),
      wrongB,
    ),
  );
  assert.equal(row[col(`Question ${n} (${twoPart.id}) points (0–2)`)], "1");
  assert.equal(
    row[col(`Question ${n} (${twoPart.id}) Part B`) - 1],
    letter(
      twoPart.options.map((o) => o.id),
      twoPart.correct,
    ),
  );
});
