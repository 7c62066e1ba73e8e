// Item-quality checks: each check on a small fixture, and the seed lesson free of every cue.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseLesson } from "../../app/content/parse";
import {
  hedgedStrategyScore,
  longestStrategyScore,
  qualityWarnings,
  type QualityCheck,
} from "../../app/content/quality";
import type { Lesson, Question } from "../../app/content/schema";
import { seedSource } from "../support/lesson-fixtures";

const PARAGRAPHS = [
  "The mayor opened the new bridge on Monday morning.",
  "Residents said the bridge will reduce traffic in the old town.",
  "Critics claimed the project cost too much money.",
];

let n = 0;
function q(options: string[], correct = "a", extra: Partial<Question> = {}): Question {
  n++;
  return {
    id: `q${n}`,
    skill: "comprehension",
    stem: "What happened?",
    options: options.map((text, i) => ({ id: "abcde"[i], text })),
    correct,
    explanation: "The mayor opened the bridge.",
    evidence: [1],
    ...extra,
  };
}

/** A lesson with no cue at all: every skill, two statements per category, short keys. */
function clean(questions: Question[] = []): Lesson {
  const base: Question[] = [
    q(["Opened a bridge", "Closed a school road", "Built a new road", "Sold an old bridge"]),
    q(["The traffic", "A new station", "The river", "A market"], "a", {
      skill: "sourcing",
      explanation: "Residents spoke about traffic.",
      evidence: [2],
    }),
    q(["Cost", "Colour of the paint used", "Height", "Name"], "a", {
      skill: "allegation-evidence",
      explanation: "Critics claimed it cost too much money.",
      evidence: [3],
    }),
    q(["Said", "Proved beyond doubt", "Denied", "Ignored"], "a", {
      skill: "vocabulary",
      stem: "What does 'claimed' mean here?",
      explanation: "Critics claimed: they said so.",
      evidence: [3],
    }),
  ];
  const categories = [
    "reported-event",
    "allegation",
    "denial",
    "unsourced-claim",
    "opinion",
  ] as const;
  return {
    slug: "fixture",
    title: "Bridge",
    language: "en",
    source: { outlet: null, author: null, publishedAt: null, eventDate: null },
    gradeBand: "8",
    estimatedMinutes: 30,
    objectives: ["read"],
    glossary: [{ term: "claimed", definition: "said that something is true without proof" }],
    speakers: [],
    questions: questions.length ? questions : base,
    sorting: categories.flatMap((category, i) =>
      [0, 1].map((k) => ({
        id: `s${i}${k}`,
        quote: "The mayor opened the new bridge",
        paragraph: 1,
        category,
        explanation: "x",
      })),
    ),
    prompts: [],
    teacherNotes: [],
    acknowledged: [],
    paragraphs: PARAGRAPHS,
  };
}

const checks = (lesson: Lesson): QualityCheck[] => qualityWarnings(lesson).map((w) => w.check);

test("a lesson without cues gets no warning", () => {
  assert.deepEqual(qualityWarnings(clean()), []);
});

test("the key is the longest option in more than 40 % of questions, and 'pick the longest' scores above 40 %", () => {
  const lesson = clean();
  lesson.questions = [
    q(["Opened the new bridge on Monday", "Closed it", "Sold it", "Painted it"]),
    q(["Residents expect less traffic", "Nothing", "Rain", "Cars"]),
    q(["Critics say it cost too much", "Free", "Cheap", "Paid"], "a", {
      skill: "allegation-evidence",
      evidence: [3],
      explanation: "Critics claimed cost.",
    }),
    q(["Said", "Proved beyond doubt", "Denied", "Ignored"], "a", {
      skill: "vocabulary",
      evidence: [3],
      explanation: "Critics claimed.",
    }),
    q(["Monday", "Sunday", "Friday", "Weekly"], "a", { skill: "sourcing" }),
  ];
  assert.equal(
    longestStrategyScore(lesson),
    3 / 5 + 0.25 / 5,
    "three longest keys, one four-way tie (Monday…), one miss",
  );
  assert.ok(checks(lesson).includes("longest-key"));
  assert.ok(checks(lesson).includes("longest-strategy"));
});

test("a key that is the only option without an absolute word in more than 30 % of questions", () => {
  const lesson = clean();
  lesson.questions = [
    q(["Maybe opened", "Always closed", "Never built", "Proves nothing"]),
    q(["It seems so", "It is pasti so", "Semua agree", "It never happened"], "a", {
      skill: "sourcing",
    }),
    q(["Reported", "Always", "Filed", "Noted"], "a", { skill: "allegation-evidence" }),
    q(["Said", "Proved beyond doubt", "Denied", "Ignored"], "a", { skill: "vocabulary" }),
  ];
  const [first, second] = lesson.questions.map((x) => x.id);
  assert.deepEqual(
    qualityWarnings(lesson)
      .filter((w) => w.check === "only-hedged-key")
      .map((w) => w.message.split(":").pop()?.trim()),
    [`${first}, ${second}`],
  );
  assert.equal(hedgedStrategyScore(lesson), (1 + 1 + 0.25 + 0.25) / 4);
});

test("duplicate and near-duplicate options", () => {
  const lesson = clean();
  lesson.questions[0] = q([
    "Opened a bridge",
    "opened a bridge!",
    "Built a new road",
    "Sold an old bridge",
  ]);
  lesson.questions[1] = q(
    [
      "The traffic in the old town will go down",
      "The traffic in the old town will go down a lot",
      "A river",
      "A market",
    ],
    "a",
    {
      skill: "sourcing",
    },
  );
  const found = qualityWarnings(lesson).filter((w) => w.check === "duplicate-options");
  assert.deepEqual(
    found.map((w) => `${w.item}: ${w.message}`),
    [
      `${lesson.questions[0].id}: options a and b are the same`,
      `${lesson.questions[1].id}: options a and b are near-duplicates`,
    ],
  );
});

test("'semua benar' and 'all of the above' options", () => {
  const lesson = clean();
  lesson.questions[0] = q([
    "Opened a bridge",
    "Semua jawaban benar",
    "Built a road",
    "All of the above",
  ]);
  assert.equal(checks(lesson).filter((c) => c === "all-of-the-above").length, 2);
});

test("a vocabulary key that repeats the glossary definition", () => {
  const lesson = clean();
  lesson.questions[3] = q(
    ["Said something is true without proof", "Proved it", "Denied it", "Ignored it"],
    "a",
    {
      skill: "vocabulary",
      stem: "What does 'claimed' mean in paragraph 3?",
      evidence: [3],
      explanation: "Critics claimed the cost.",
    },
  );
  assert.deepEqual(checks(lesson), ["vocabulary-glossary"]);
});

test("a skill with no question", () => {
  const lesson = clean();
  lesson.questions = lesson.questions.filter((x) => x.skill !== "vocabulary");
  assert.deepEqual(
    qualityWarnings(lesson).map((w) => `${w.check} ${w.item}`),
    ["skill-without-question vocabulary"],
  );
});

test("a sorting category with fewer than two statements, unless acknowledged with a reason", () => {
  const lesson = clean();
  lesson.sorting = lesson.sorting.filter((s) => s.id !== "s20");
  assert.deepEqual(
    qualityWarnings(lesson).map((w) => `${w.check} ${w.item}`),
    ["small-category denial"],
  );
  lesson.acknowledged = [
    { check: "small-category", item: "denial", reason: "the text has one denial" },
  ];
  assert.deepEqual(qualityWarnings(lesson), []);
});

test("an evidence paragraph sharing no word with the explanation", () => {
  const lesson = clean();
  lesson.questions[0] = { ...lesson.questions[0], evidence: [1, 3] };
  assert.deepEqual(
    qualityWarnings(lesson).map((w) => w.message),
    ["evidence paragraph 3 contains none of the words of the explanation: is the link right?"],
  );
});

test("the seed lesson: no warning, and neither test-taking strategy scores above 30 %", () => {
  const result = parseLesson(seedSource());
  assert.ok(result.ok);
  const lesson = result.lesson;
  assert.deepEqual(qualityWarnings(lesson), []);
  const longest = longestStrategyScore(lesson);
  const hedged = hedgedStrategyScore(lesson);
  assert.ok(longest <= 0.3, `pick the longest scores ${longest}`);
  assert.ok(hedged <= 0.3, `pick the only hedged option scores ${hedged}`);
  assert.ok(lesson.questions.filter((x) => x.partB).length >= 2, "at least two two-part questions");
});

test("content:check prints warnings as `file: item: warning: …` after the errors, and still exits 0", async () => {
  const { spawnSync } = await import("node:child_process");
  const path = await import("node:path");
  const { editFrontmatter, tempContentDir, SEED_SLUG } = await import("../support/lesson-fixtures");
  const file = `${SEED_SLUG}.md`;
  const dir = tempContentDir({
    [file]: editFrontmatter((d) => {
      d.sorting = d.sorting.filter((s: { id: string }) => s.id !== "s16");
    }),
  });
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/content-check.ts", dir], {
    encoding: "utf8",
  });
  assert.equal(run.status, 0, run.stderr);
  assert.ok(
    run.stderr.includes(
      `${path.join(dir, "lessons", file)}: allegation: warning: the sorting category "allegation" has 1 statement(s), fewer than two`,
    ),
    run.stderr,
  );
  assert.match(run.stdout, /1 lesson\(s\) valid, 1 warning\(s\)/);
});
