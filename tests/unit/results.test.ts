// Class results on a small database: which attempt counts, who is left out of the statistics, who may look.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "telaah-results-"));
process.env.DATABASE_PATH = path.join(dir, "results.db");

const { unitDb } = await import("../support/unit-db");
const { syncLessonVersions, getLessonVersion } = await import("~/models/lesson.server");
const {
  assignmentResults,
  pupilWork,
  classResults,
  assignmentResultsPage,
  pupilWorkPage,
  classResultsPage,
} = await import("~/models/results.server");
const { scoreAttempt } = await import("~/utils/quiz");

await syncLessonVersions();
const db = unitDb();
const versionId = (
  db.prepare("SELECT id FROM lesson_versions ORDER BY id LIMIT 1").get() as { id: number }
).id;
const lesson = (await getLessonVersion(versionId))!;
const [q1, q2] = lesson.questions;
const wrong = (q: typeof q1) => q.options.find((o) => o.id !== q.correct)!.id;

const insertId = (sqlText: string, ...args: unknown[]) =>
  (db.prepare(`${sqlText} RETURNING id`).get(...args) as { id: number }).id;
const teacher = insertId(
  "INSERT INTO teachers (name, email, password_hash) VALUES ('Bu Sari', 'sari@x.test', 'h')",
);
const otherTeacher = insertId(
  "INSERT INTO teachers (name, email, password_hash) VALUES ('Pak Joko', 'joko@x.test', 'h')",
);
const klass = insertId(
  "INSERT INTO classes (teacher_id, name, grade, subject, join_code) VALUES (?, '8A', '8', 'BI', 'AAAA2222')",
  teacher,
);
const otherClass = insertId(
  "INSERT INTO classes (teacher_id, name, grade, subject, join_code) VALUES (?, '8B', '8', 'BI', 'BBBB3333')",
  otherTeacher,
);
const pupil = (classId: number, name: string) =>
  insertId(
    "INSERT INTO pupils (class_id, display_name, name_key, pin_hash) VALUES (?, ?, ?, 'h')",
    classId,
    name,
    name.toLowerCase(),
  );
const ani = pupil(klass, "Ani");
const budi = pupil(klass, "Budi");
const citra = pupil(klass, "Citra");
const dedi = pupil(klass, "Dedi");
pupil(klass, "Eka"); // in the class, never started
const outsider = pupil(otherClass, "Fajar");

const HOUR = 3600_000;
const now = Date.now();
const assignment = (counting: "highest" | "last", dueAt = now + 24 * HOUR) =>
  insertId(
    "INSERT INTO assignments (class_id, lesson_version_id, due_at, max_attempts, counting) VALUES (?, ?, ?, 0, ?)",
    klass,
    versionId,
    dueAt,
    counting,
  );

/** An attempt whose stored score is what the server would have computed from these choices. */
function attempt(
  assignmentId: number,
  pupilId: number,
  number: number,
  quiz: Record<string, string>,
  submitted = true,
) {
  const answers = Object.entries(quiz).map(([itemId, choice]) => ({
    kind: "quiz" as const,
    itemId,
    choice,
  }));
  const s = scoreAttempt(lesson, answers);
  const id = insertId(
    `INSERT INTO attempts (assignment_id, pupil_id, number, seed, started_at, submitted_at, quiz_score, quiz_max, sort_score, sort_max)
     VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?)`,
    assignmentId,
    pupilId,
    number,
    now - 2 * HOUR + number * 60_000,
    submitted ? now - HOUR + number * 60_000 : null,
    submitted ? s.quizScore : null,
    submitted ? s.quizMax : null,
    submitted ? s.sortScore : null,
    submitted ? s.sortMax : null,
  );
  for (const a of answers)
    db.prepare(
      "INSERT INTO answers (attempt_id, kind, item_id, choice) VALUES (?, 'quiz', ?, ?)",
    ).run(id, a.itemId, a.choice);
  return id;
}

// Highest counts: Ani's better first attempt, Budi's better second one, Citra's only submitted one.
const highest = assignment("highest");
const aniBest = attempt(highest, ani, 1, { [q1.id]: q1.correct, [q2.id]: q2.correct });
attempt(highest, ani, 2, { [q1.id]: wrong(q1), [q2.id]: wrong(q2) });
attempt(highest, budi, 1, { [q1.id]: wrong(q1) });
const budiBest = attempt(highest, budi, 2, { [q1.id]: q1.correct });
const citraOnly = attempt(highest, citra, 1, { [q1.id]: wrong(q1), [q2.id]: q2.correct });
attempt(highest, citra, 2, { [q1.id]: q1.correct, [q2.id]: q2.correct }, false);
// Dedi answered q1 rightly but never submitted: he must not move any statistic.
attempt(highest, dedi, 1, { [q1.id]: q1.correct, [q2.id]: q2.correct }, false);

test("the highest-scoring submitted attempt counts, an unsubmitted better one does not", async () => {
  const r = await assignmentResults({ teacherId: teacher, assignmentId: highest, now });
  const counting = Object.fromEntries(r.pupils.map((p) => [p.name, p.counting?.id ?? null]));
  assert.deepEqual(counting, {
    Ani: aniBest,
    Budi: budiBest,
    Citra: citraOnly,
    Dedi: null,
    Eka: null,
  });
  assert.equal(r.pupils.find((p) => p.name === "Ani")!.attempts, 2);
  // The counting attempt's choices are the ones loaded, not the later worse attempt's.
  assert.equal(r.pupils.find((p) => p.name === "Ani")!.quiz[q1.id], q1.correct);
});

test("non-submitters show in completion but not in the item statistics", async () => {
  const r = await assignmentResults({ teacherId: teacher, assignmentId: highest, now });
  assert.equal(r.submitted, 3);
  assert.deepEqual(Object.fromEntries(Object.entries(r.completion).map(([k, v]) => [k, v.names])), {
    not_started: ["Eka"],
    in_progress: ["Dedi"],
    submitted: ["Ani", "Budi", "Citra"],
    late: [],
    missed: [],
  });
  const item1 = r.items.find((i) => i.id === q1.id)!;
  // q1 right for Ani and Budi out of the 3 submitters (Dedi's right answer is not counted): 2/3.
  assert.equal(item1.facility, 2 / 3);
  const counted =
    item1.counts.options.reduce((sum, o) => sum + o.count, 0) + item1.counts.unanswered;
  assert.equal(counted, 3);
  const item2 = r.items.find((i) => i.id === q2.id)!;
  // q2 right for Ani and Citra; Budi's counting attempt left it blank, which counts as wrong: 2/3.
  assert.equal(item2.facility, 2 / 3);
  assert.equal(item2.counts.unanswered, 1);
  // Fewer than 4 submitters: no discrimination index yet.
  assert.equal(item1.discrimination, null);
  assert.equal(
    r.scores.histogram.reduce((sum, b) => sum + b.count, 0),
    3,
  );
});

test("with the last rule the latest submitted attempt counts even when it scored less", async () => {
  const last = assignment("last");
  attempt(last, ani, 1, { [q1.id]: q1.correct, [q2.id]: q2.correct });
  const aniLast = attempt(last, ani, 2, { [q1.id]: wrong(q1) });
  const r = await assignmentResults({ teacherId: teacher, assignmentId: last, now });
  const a = r.pupils.find((p) => p.name === "Ani")!;
  assert.equal(a.counting?.id, aniLast);
  assert.equal(r.items.find((i) => i.id === q1.id)!.facility, 0);
});

test("past the due time, pupils without a submission are missed and late submissions are late", async () => {
  const past = assignment("highest", now - HOUR / 2);
  attempt(past, ani, 1, { [q1.id]: q1.correct });
  db.prepare("UPDATE attempts SET late = true WHERE assignment_id = ?").run(past);
  const r = await assignmentResults({ teacherId: teacher, assignmentId: past, now });
  assert.deepEqual(r.completion.late.names, ["Ani"]);
  assert.deepEqual(r.completion.missed.names, ["Budi", "Citra", "Dedi", "Eka"]);
});

test("discussion participation counts responses per prompt, replies, exemplary and hidden posts; deleted ones not", async () => {
  const [d1, d2] = lesson.prompts;
  const post = (
    author: number,
    promptId: string,
    extra: { parent?: number; hidden?: number; exemplary?: number; deleted?: boolean } = {},
  ) =>
    insertId(
      "INSERT INTO posts (assignment_id, prompt_id, author_id, parent_id, body, hidden, exemplary, deleted_at) VALUES (?, ?, ?, ?, 'isi', ?, ?, ?)",
      highest,
      promptId,
      author,
      extra.parent ?? null,
      extra.hidden ?? 0,
      extra.exemplary ?? 0,
      extra.deleted ? now : null,
    );
  const top = post(ani, d1.id, { exemplary: 1 });
  post(budi, d1.id, { parent: top });
  post(budi, d2.id, { hidden: 1 });
  post(citra, d1.id, { deleted: true });
  db.prepare("INSERT INTO post_feedback (post_id, body) VALUES (?, 'Bagus')").run(top);
  const p = (await assignmentResults({ teacherId: teacher, assignmentId: highest, now }))
    .participation;
  const byName = Object.fromEntries(p.pupils.map((x) => [x.name, x]));
  assert.equal(p.prompts.find((x) => x.id === d1.id)!.responded, 1);
  assert.equal(p.prompts.find((x) => x.id === d2.id)!.responded, 1);
  assert.equal(byName.Budi.replies, 1);
  assert.equal(byName.Budi.hidden, 1);
  assert.equal(byName.Ani.exemplary, 1);
  assert.equal(byName.Citra.responses[d1.id] ?? 0, 0);
  const work = await pupilWork({ teacherId: teacher, assignmentId: highest, pupilId: ani, now });
  assert.equal(work.posts[0].feedback, "Bagus");
  assert.equal(work.counting?.id, aniBest);
});

test("another teacher, a pupil of another class and a missing assignment all get 404", async () => {
  const status = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (error) {
      return error instanceof Response ? error.status : "not a Response";
    }
    return "no error";
  };
  assert.equal(
    await status(() => assignmentResults({ teacherId: otherTeacher, assignmentId: highest })),
    404,
  );
  assert.equal(
    await status(() => assignmentResults({ teacherId: teacher, assignmentId: 999_999 })),
    404,
  );
  assert.equal(
    await status(() => pupilWork({ teacherId: teacher, assignmentId: highest, pupilId: outsider })),
    404,
  );
  assert.equal(
    await status(() => pupilWork({ teacherId: otherTeacher, assignmentId: highest, pupilId: ani })),
    404,
  );
  assert.equal(await status(() => classResults({ teacherId: otherTeacher, classId: klass })), 404);
});

test("the class overview gives each pupil's counting score per assignment", async () => {
  const o = await classResults({ teacherId: teacher, classId: klass, now });
  const col = o.assignments.findIndex((a) => a.id === highest);
  const row = (name: string) => o.pupils.find((p) => p.name === name)!.cells[col];
  const r = await assignmentResults({ teacherId: teacher, assignmentId: highest, now });
  assert.equal(row("Ani").percent, r.pupils.find((p) => p.name === "Ani")!.counting!.percent);
  assert.deepEqual(row("Eka"), { status: "not_started", percent: null });
  assert.equal(o.assignments[col].submitted, 3);
});

test("the pupil table sorts by a column with pupils lacking a value last in both directions", async () => {
  const { sortRows, parseSort } = await import("~/utils/results-table");
  const row = (pupilId: number, name: string, percent: number | null) => ({
    pupilId,
    name,
    status: percent === null ? "not_started" : "submitted",
    percent,
    quizScore: null,
    sortScore: null,
    attempts: 0,
    spentMs: null,
    submittedAt: null,
    late: false,
  });
  const rows = [row(1, "Citra", 50), row(2, "ani", null), row(3, "Budi", 80), row(4, "Dewi", 50)];
  const names = (key: "score" | "name", dir: "asc" | "desc") =>
    sortRows(rows, key, dir).map((r) => r.name);
  assert.deepEqual(names("score", "desc"), ["Budi", "Citra", "Dewi", "ani"]);
  assert.deepEqual(names("score", "asc"), ["Citra", "Dewi", "Budi", "ani"]);
  assert.deepEqual(names("name", "asc"), ["ani", "Budi", "Citra", "Dewi"]);
  assert.deepEqual(parseSort(new URLSearchParams("sort=drop table&dir=sideways")), {
    key: "name",
    dir: "asc",
  });
});

test("the CSV starts with a BOM, has one row per pupil and defuses formula-looking names", async () => {
  const { resultsCsv } = await import("~/utils/results-csv");
  const csvClass = insertId(
    "INSERT INTO classes (teacher_id, name, grade, subject, join_code) VALUES (?, '8C', '8', 'BI', 'CCCC4444')",
    teacher,
  );
  const sneaky = pupil(csvClass, '=HYPERLINK("x")');
  pupil(csvClass, "-2+3");
  const csvAssignment = insertId(
    "INSERT INTO assignments (class_id, lesson_version_id, due_at) VALUES (?, ?, ?)",
    csvClass,
    versionId,
    now + HOUR,
  );
  attempt(csvAssignment, sneaky, 1, { [q1.id]: q1.correct });
  const text = resultsCsv(
    await assignmentResults({ teacherId: teacher, assignmentId: csvAssignment, now }),
    "en",
  );
  assert.equal(text.charCodeAt(0), 0xfeff);
  const lines = text.slice(1).trim().split("\r\n");
  assert.equal(lines.length, 3);
  assert.ok(lines[0].startsWith("Name,Status,Late,Score (%),Quiz (max"), lines[0]);
  assert.ok(
    lines.some((l) => l.startsWith(`"'=HYPERLINK(""x"")",Submitted,No,`)),
    lines.join("\n"),
  );
  assert.ok(
    lines.some((l) => l.startsWith("'-2+3,Not started,No")),
    lines.join("\n"),
  );
  // q1 answered with the right option, q2 left blank
  const header = lines[0].split(",");
  const sneakyRow = lines.find((l) => l.includes("HYPERLINK"))!.split(",");
  assert.equal(sneakyRow.length, header.length);
  assert.equal(sneakyRow[header.indexOf("Question 1 (q1) correct")], "1");
  assert.equal(sneakyRow[header.indexOf("Question 2 (q2) correct")], "0");
});

test("the results pages' data: one pupil's work with letters and verdicts, the flags' reasons, ISO dates", async () => {
  const w = await pupilWorkPage({ teacherId: teacher, assignmentId: highest, pupilId: ani, now });
  assert.equal(w.name, "Ani");
  assert.equal(w.attempts.length, 2);
  assert.equal(w.attempts.filter((a) => a.counting).length, 1, "exactly one attempt counts");
  assert.equal(typeof w.attempts[0].startedAt, "string");
  const first = w.questions[0];
  const letter = String.fromCharCode(65 + q1.options.findIndex((o) => o.id === q1.correct));
  // Ani's counting attempt has q1 right: her choice and the right answer are the same letter.
  assert.deepEqual([first.mine?.letter, first.right.letter, first.correct], [letter, letter, true]);
  assert.equal(w.sorting.length, lesson.sorting.length);
  assert.ok(
    w.sorting.every((s) => s.mine === null && !s.correct),
    "no sorting answers: none mine, none right",
  );
  await assert.rejects(
    async () =>
      pupilWorkPage({ teacherId: teacher, assignmentId: highest, pupilId: outsider, now }),
    (e: unknown) => e instanceof Response && e.status === 404,
  );

  const view = await assignmentResultsPage({
    teacherId: teacher,
    assignmentId: highest,
    sort: { key: "name", dir: "asc" },
    now,
  });
  for (const item of view.items)
    assert.equal(item.flagged, item.lowFacility || item.lowDiscrimination);
  assert.deepEqual(
    view.rows.map((r) => r.name),
    ["Ani", "Budi", "Citra", "Dedi", "Eka"],
  );
  assert.ok(Array.isArray(view.topConfusions));

  const overview = await classResultsPage({ teacherId: teacher, classId: klass, now });
  assert.ok(overview.assignments.every((a) => typeof a.dueAt === "string"));
  assert.deepEqual(overview.statuses, [
    "not_started",
    "in_progress",
    "submitted",
    "late",
    "missed",
  ]);
});
