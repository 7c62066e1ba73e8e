// The models on PostgreSQL (issue 16): seeded through the model functions, the raw-SQL readers
// (results, live, news, extensions, library search, discussion counts) give the values SQLite
// gives, and the races two app instances could run (one pool, transactions in parallel on separate
// connections) keep the rules: one attempt per start, one submit, no save after a submit, the
// throttle's limit.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import { freshDatabase } from "./support";

const database = await freshDatabase("models");
process.env.DATABASE_URL = database.url;
process.env.SESSION_SECRET = "s".repeat(32);
process.env.PG_POOL_SIZE = "12";

const layer = await import("~/db.server");
const { row, rows } = layer;
const { syncLessonVersions, currentLessonVersion } = await import("~/models/lesson.server");
const { createTeacher } = await import("~/models/teacher.server");
const { createClass } = await import("~/models/class.server");
const { joinClass } = await import("~/models/pupil.server");
const { createAssignments, getPupilAssignment } = await import("~/models/assignment.server");
const { startAttempt, saveAnswer, submitAttempt } = await import("~/models/attempt.server");
const { savePageChoices } = await import("~/models/answer-page.server");
const { closeAssignmentAt } = await import("~/models/closing.server");
const { assignmentResults, classResults, pupilWork } = await import("~/models/results.server");
const { liveClass } = await import("~/models/live.server");
const { visitDashboard, unseenReplies } = await import("~/models/news.server");
const { setExtension, extensionsOfClass } = await import("~/models/extension.server");
const { copyLesson, library, publishLesson } = await import("~/models/lesson-editor.server");
const { postResponse, postReply, setHidden } = await import("~/models/discussion.server");
const { copyClassWithAssignments } = await import("~/models/next-year.server");
const { takeSlot } = await import("~/models/throttle.server");
const { allLessons } = await import("~/content/lessons.server");
const { scoreAttempt } = await import("~/utils/quiz");

const HOUR = 3600_000;
const ip = { key: "ip:direct", direct: true };

let teacherId = 0;
let classId = 0;
let joinCode = "";
const pupilIds: Record<string, number> = {};
let slug = "";

before(async () => {
  assert.equal(layer.dialect(), "postgres");
  await layer.ready();
});

after(async () => {
  layer.closeDatabase();
  await database.drop();
});

const lessonOf = () => allLessons().find((l) => l.lesson.slug === slug)!.lesson;
const wrong = (q: { correct: string; options: { id: string }[] }) =>
  q.options.find((o) => o.id !== q.correct)!.id;

async function newAssignment(settings: { acceptLate?: boolean; maxAttempts?: number } = {}) {
  const [id] = await createAssignments({
    teacherId,
    classIds: [classId],
    slug,
    dueFor: () => new Date(Date.now() + 24 * HOUR),
    settings: {
      acceptLate: settings.acceptLate ?? true,
      maxAttempts: settings.maxAttempts ?? 0,
      counting: "highest",
      feedback: "immediate",
      shuffle: false,
      postFirst: false,
    },
  });
  return id;
}

const pupilAssignment = (pupilId: number, assignmentId: number) =>
  getPupilAssignment({ classId, pupilId, assignmentId });

async function addPupil(name: string) {
  const joined = await joinClass({ code: joinCode, displayName: name, pin: "2468", ip });
  assert.ok(joined.ok, `${name} joins`);
  pupilIds[name] = (joined as { pupilId: number }).pupilId;
  return pupilIds[name];
}

test("seeding through the models: lessons synced twice at once, teacher, class, pupils", async () => {
  const counts = await Promise.all([syncLessonVersions(), syncLessonVersions()]);
  const stored = (await row<{ n: number }>(sql`SELECT count(*) AS "n" FROM lesson_versions`))!.n;
  assert.equal(stored, allLessons().length);
  // two instances starting at once: each version stored once, and counted by whoever stored it
  assert.equal(counts[0] + counts[1], allLessons().length);
  assert.equal(await syncLessonVersions(), 0);
  slug = allLessons()[0].lesson.slug;
  assert.ok(await currentLessonVersion(slug));

  const made = await createTeacher({
    name: "Bu Sari",
    email: "sari@x.test",
    password: "rahasia-12345",
  });
  assert.ok(made.ok);
  teacherId = (made as { teacherId: number }).teacherId;
  classId = await createClass({
    teacherId,
    name: "8A",
    grade: "8",
    subject: "BI",
    timeZone: "WIB",
  });
  joinCode = (await row<{ code: string }>(
    sql`SELECT join_code AS "code" FROM classes WHERE id = ${classId}`,
  ))!.code;
  // names whose order differs between byte order and case-folded order
  for (const name of ["budi", "Ani", "Citra", "dedi", "Eka"]) await addPupil(name);
});

test("results, class overview and pupil work: counts, order, booleans and times", async () => {
  const lesson = lessonOf();
  const [q1, q2] = lesson.questions;
  const assignmentId = await newAssignment();
  // Ani: both right, submitted; budi: one wrong, submitted; Citra: started, one saved
  const finished: Record<string, number> = {};
  for (const [name, choices] of [
    ["Ani", [q1.correct, q2.correct]],
    ["budi", [q1.correct, wrong(q2)]],
  ] as const) {
    const a = await pupilAssignment(pupilIds[name], assignmentId);
    const started = await startAttempt({ pupilId: pupilIds[name], assignment: a });
    assert.ok(started.ok && started.created);
    const attemptId = started.attempt.id;
    assert.ok(
      (
        await saveAnswer({
          pupilId: pupilIds[name],
          attemptId,
          kind: "quiz",
          itemId: q1.id,
          choice: choices[0],
        })
      ).ok,
    );
    assert.ok(
      (
        await saveAnswer({
          pupilId: pupilIds[name],
          attemptId,
          kind: "quiz",
          itemId: q2.id,
          choice: choices[1],
        })
      ).ok,
    );
    const submitted = await submitAttempt({ pupilId: pupilIds[name], attemptId });
    assert.ok(submitted.ok && !submitted.already);
    finished[name] = attemptId;
  }
  const citra = await startAttempt({
    pupilId: pupilIds.Citra,
    assignment: await pupilAssignment(pupilIds.Citra, assignmentId),
  });
  assert.ok(citra.ok);
  await saveAnswer({
    pupilId: pupilIds.Citra,
    attemptId: citra.attempt.id,
    kind: "quiz",
    itemId: q1.id,
    choice: q1.correct,
  });

  const r = await assignmentResults({ teacherId, assignmentId });
  // lower(name), id: the same order as SQLite's NOCASE
  assert.deepEqual(
    r.pupils.map((p) => p.name),
    ["Ani", "budi", "Citra", "dedi", "Eka"],
  );
  const by = Object.fromEntries(r.pupils.map((p) => [p.name, p]));
  assert.equal(by.Ani.status, "submitted");
  assert.equal(by.Ani.counting!.quizScore, recountScore(lesson, by.Ani.quiz));
  assert.equal(by.Ani.counting!.late, false);
  assert.ok(by.Ani.counting!.submittedAt instanceof Date);
  assert.ok(by.Ani.counting!.percent > by.budi.counting!.percent);
  assert.deepEqual(by.Ani.quiz, { [q1.id]: q1.correct, [q2.id]: q2.correct });
  assert.equal(by.Ani.answered, 2);
  assert.equal(by.Citra.status, "in_progress");
  assert.deepEqual(by.Citra.quiz, { [q1.id]: q1.correct });
  assert.equal(by.dedi.status, "not_started");
  assert.equal(r.submitted, 2);
  assert.equal(r.completion.submitted.count, 2);

  const overview = await classResults({ teacherId, classId });
  assert.deepEqual(
    overview.pupils.map((p) => p.name),
    ["Ani", "budi", "Citra", "dedi", "Eka"],
  );
  const column = overview.assignments.findIndex((a) => a.id === assignmentId);
  assert.ok(column >= 0);
  assert.equal(overview.assignments[column].submitted, 2);
  assert.ok(overview.assignments[column].dueAt instanceof Date);
  assert.equal(overview.pupils[0].cells[column].percent, by.Ani.counting!.percent);

  const work = await pupilWork({ teacherId, assignmentId, pupilId: pupilIds.budi });
  assert.equal(work.attempts.length, 1);
  assert.equal(work.attempts[0].late, false);
  assert.ok(work.attempts[0].startedAt.getTime() > Date.now() - HOUR);
  assert.deepEqual(work.choices.quiz, { [q1.id]: q1.correct, [q2.id]: wrong(q2) });

  // the live view: steps, counts over the latest attempts
  const live = await liveClass({ teacherId, assignmentId });
  assert.equal(live.notModified, false);
  const snapshot = (
    live as {
      snapshot: {
        pupils: { name: string; step: string; answered: number; byClose: boolean }[];
        quiz: Record<string, Record<string, number>>;
      };
    }
  ).snapshot;
  const step = Object.fromEntries(snapshot.pupils.map((p) => [p.name, p]));
  assert.equal(step.Ani.step, "submitted");
  assert.equal(step.Ani.byClose, false);
  assert.equal(step.Citra.answered, 1);
  assert.equal(step.Eka.step, "not_started");
  assert.equal(snapshot.quiz[q1.id][q1.correct], 3);
  const again = await liveClass({ teacherId, assignmentId, ifNoneMatch: live.etag });
  assert.equal(again.notModified, true);

  // closing hands Citra's attempt in, marked as by the close, scored from what she saved
  assert.deepEqual(await closeAssignmentAt(assignmentId, Date.now()), { closed: 1 });
  assert.deepEqual(await closeAssignmentAt(assignmentId, Date.now() + 5000), { closed: 0 });
  const closed = await assignmentResults({ teacherId, assignmentId });
  const citraNow = closed.pupils.find((p) => p.name === "Citra")!;
  assert.equal(citraNow.status, "submitted");
  assert.ok(citraNow.counting!.quizScore > 0);
  const afterClose = await liveClass({ teacherId, assignmentId });
  const citraLive = (
    afterClose as typeof live & { snapshot: typeof snapshot }
  ).snapshot.pupils.find((p) => p.name === "Citra")!;
  assert.equal(citraLive.byClose, true);
});

test("discussion counts, replies not yet seen, and the teacher's news", async () => {
  const lesson = lessonOf();
  if (lesson.prompts.length === 0) return assert.fail("the first lesson has no prompt");
  const prompt = lesson.prompts[0];
  const assignmentId = await newAssignment();
  await visitDashboard({ teacherId, now: Date.now() - 2 * HOUR }); // an earlier sitting
  const viewer = async (name: string) => ({
    role: "pupil" as const,
    pupilId: pupilIds[name],
    name,
    classId,
    className: "8A",
    timeZone: "WIB" as const,
  });
  for (const name of ["Ani", "budi"]) {
    const a = await pupilAssignment(pupilIds[name], assignmentId);
    const s = await startAttempt({ pupilId: pupilIds[name], assignment: a });
    assert.ok(s.ok);
    assert.ok((await submitAttempt({ pupilId: pupilIds[name], attemptId: s.attempt.id })).ok);
  }
  const input =
    prompt.mode === "cer"
      ? {
          mode: "cer" as const,
          claim: "Klaim saya",
          evidence: "Bukti saya",
          reasoning: "Alasan saya",
        }
      : { mode: "open" as const, body: "Pendapat saya tentang teks ini" };
  const ani = await postResponse({
    pupil: await viewer("Ani"),
    assignmentId,
    promptId: prompt.id,
    input,
  });
  assert.ok(ani.ok, JSON.stringify(ani));
  const aniPost = (await row<{ id: number }>(
    sql`SELECT id AS "id" FROM posts WHERE author_id = ${pupilIds.Ani} AND assignment_id = ${assignmentId}`,
  ))!.id;
  assert.ok(
    (
      await postReply({
        pupil: await viewer("budi"),
        assignmentId,
        parentId: aniPost,
        body: "Saya setuju denganmu",
      })
    ).ok,
  );
  assert.ok(
    (
      await postReply({
        pupil: await viewer("budi"),
        assignmentId,
        parentId: aniPost,
        body: "Satu lagi dari saya",
      })
    ).ok,
  );
  const replies = await rows<{ id: number }>(
    sql`SELECT id AS "id" FROM posts WHERE parent_id = ${aniPost} ORDER BY id`,
  );
  assert.equal(replies.length, 2);
  assert.equal((await unseenReplies({ pupilId: pupilIds.Ani })).get(assignmentId), 2);
  // a hidden reply no longer counts (NOT r.hidden)
  await setHidden({ teacherId, assignmentId, postId: replies[1].id, hidden: true });
  assert.equal((await unseenReplies({ pupilId: pupilIds.Ani })).get(assignmentId), 1);

  const r = await assignmentResults({ teacherId, assignmentId });
  const part = Object.fromEntries(r.participation.pupils.map((p) => [p.name, p]));
  assert.deepEqual(part.Ani.responses, { [prompt.id]: 1 });
  assert.equal(part.Ani.replies, 0);
  assert.equal(part.budi.replies, 2);
  assert.equal(part.budi.hidden, 1);
  assert.deepEqual(r.participation.totals, { responses: 1, replies: 2, exemplary: 0, hidden: 1 });

  const news = await visitDashboard({ teacherId });
  assert.ok(news.since instanceof Date);
  const row1 = news.assignments.find((a) => a.id === assignmentId)!;
  assert.equal(row1.submissions, 2);
  assert.equal(row1.posts, 3);
  assert.equal(row1.className, "8A");
});

test("extensions by class: times come back as dates", async () => {
  const assignmentId = await newAssignment();
  const due = new Date(Date.now() + 48 * HOUR);
  await setExtension({
    teacherId,
    assignmentId,
    pupilId: pupilIds.dedi,
    dueAt: due,
    extraAttempts: 2,
  });
  await setExtension({
    teacherId,
    assignmentId,
    pupilId: pupilIds.dedi,
    dueAt: due,
    extraAttempts: 1,
  });
  const found = (await extensionsOfClass(classId)).get(`${assignmentId}:${pupilIds.dedi}`);
  assert.deepEqual(found, { dueAt: due, extraAttempts: 1 });
});

test("library search: words are substrings, LIKE's wildcards are taken literally", async () => {
  const lessonId = await copyLesson({ teacherId, slug });
  const published = await publishLesson({ teacherId, lessonId });
  assert.ok(published.ok);
  const mine = await library(teacherId, { owner: "mine" });
  assert.equal(mine.length, 1);
  const word = mine[0].title
    .toLowerCase()
    .split(/\s+/)
    .find((w) => w.length > 3)!;
  assert.equal((await library(teacherId, { owner: "mine", q: word.slice(1, -1) })).length, 1);
  assert.equal((await library(teacherId, { owner: "mine", q: "%" })).length, 0);
  assert.equal((await library(teacherId, { owner: "mine", q: "_" })).length, 0);
  assert.equal((await library(teacherId, { owner: "mine", q: "zzqx" })).length, 0);
});

test("a class copy inside a transaction gets its own join code", async () => {
  const copy = await copyClassWithAssignments({
    teacherId,
    fromClassId: classId,
    name: "9A",
    grade: "9",
    subject: "BI",
    timeZone: "WIB",
  });
  assert.ok(copy.copied >= 3);
  const codes = await rows<{ code: string }>(
    sql`SELECT join_code AS "code" FROM classes WHERE id IN (${classId}, ${copy.classId})`,
  );
  assert.equal(new Set(codes.map((c) => c.code)).size, 2);
});

// ------------------------------------------------------------------ races (two instances' worth)

const attemptsOf = (assignmentId: number, pupilId: number) =>
  rows<{ id: number; submittedAt: number | null; quizScore: number | null }>(
    sql`SELECT id AS "id", submitted_at AS "submittedAt", quiz_score AS "quizScore"
        FROM attempts WHERE assignment_id = ${assignmentId} AND pupil_id = ${pupilId}`,
  );

test("20 concurrent starts for one pupil make exactly one attempt", async () => {
  const assignmentId = await newAssignment({ maxAttempts: 0 });
  const pupilId = pupilIds.Eka;
  const a = await pupilAssignment(pupilId, assignmentId);
  const results = await Promise.all(
    Array.from({ length: 20 }, () => startAttempt({ pupilId, assignment: a })),
  );
  assert.equal((await attemptsOf(assignmentId, pupilId)).length, 1);
  assert.ok(results.every((r) => r.ok));
  const ids = new Set(results.map((r) => (r as { attempt: { id: number } }).attempt.id));
  assert.equal(ids.size, 1);
  assert.equal(results.filter((r) => r.ok && r.created).length, 1);
});

test("concurrent submits: one submit, the rest `already`, one score", async () => {
  const q1 = lessonOf().questions[0];
  const assignmentId = await newAssignment();
  const pupilId = pupilIds.dedi;
  const s = await startAttempt({
    pupilId,
    assignment: await pupilAssignment(pupilId, assignmentId),
  });
  assert.ok(s.ok);
  await saveAnswer({
    pupilId,
    attemptId: s.attempt.id,
    kind: "quiz",
    itemId: q1.id,
    choice: q1.correct,
  });
  const before = (await row<{ v: number }>(
    sql`SELECT version AS "v" FROM assignment_live WHERE assignment_id = ${assignmentId}`,
  ))!.v;
  const results = await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      submitAttempt({ pupilId, attemptId: s.attempt.id, now: Date.now() + i }),
    ),
  );
  assert.ok(results.every((r) => r.ok));
  const fresh = results.filter((r) => r.ok && !r.already);
  assert.equal(fresh.length, 1);
  const winner = (fresh[0] as { attempt: { submittedAt: Date | null } }).attempt.submittedAt!;
  for (const r of results)
    assert.equal(
      (r as { attempt: { submittedAt: Date | null } }).attempt.submittedAt!.getTime(),
      winner.getTime(),
    );
  const after = (await row<{ v: number }>(
    sql`SELECT version AS "v" FROM assignment_live WHERE assignment_id = ${assignmentId}`,
  ))!.v;
  assert.equal(after, before + 1, "the live counter moved once: one submit wrote");
});

test("saves racing a submit: each stored before it (and scored) or refused, never after", async () => {
  const lesson = lessonOf();
  const questions = lesson.questions;
  for (let round = 0; round < 4; round++) {
    const assignmentId = await newAssignment();
    const pupilId = pupilIds.Citra;
    const s = await startAttempt({
      pupilId,
      assignment: await pupilAssignment(pupilId, assignmentId),
    });
    assert.ok(s.ok);
    const attemptId = s.attempt.id;
    const saves = questions.map((q) =>
      saveAnswer({ pupilId, attemptId, kind: "quiz", itemId: q.id, choice: q.correct }),
    );
    const page = savePageChoices({
      pupilId,
      attemptId,
      kind: "quiz",
      choices: new Map(questions.map((q) => [q.id, q.correct])),
    });
    const submit = submitAttempt({ pupilId, attemptId });
    const [saved, pageSaved, submitted] = await Promise.all([Promise.all(saves), page, submit]);
    assert.ok(submitted.ok && !submitted.already);
    const submittedAt = (
      submitted as { attempt: { submittedAt: Date } }
    ).attempt.submittedAt.getTime();
    // every answer stored was saved before the submit (change_seq below the submit's bump) and
    // the stored score counts exactly the stored answers
    const stored = await rows<{ itemId: string; changeSeq: number; savedAt: number }>(
      sql`SELECT item_id AS "itemId", change_seq AS "changeSeq", saved_at AS "savedAt"
          FROM answers WHERE attempt_id = ${attemptId}`,
    );
    const liveNow = (await row<{ v: number }>(
      sql`SELECT version AS "v" FROM assignment_live WHERE assignment_id = ${assignmentId}`,
    ))!.v;
    for (const a of stored) assert.ok(a.changeSeq < liveNow, "an answer stored after the submit");
    const attempt = (await attemptsOf(assignmentId, pupilId))[0];
    assert.equal(attempt.submittedAt, submittedAt);
    const rescored = await pupilWork({ teacherId, assignmentId, pupilId });
    assert.equal(Object.keys(rescored.choices.quiz).length, stored.length);
    assert.equal(rescored.counting!.quizScore, recountScore(lesson, rescored.choices.quiz));
    // a refused save said "submitted"; an accepted one is among the stored answers
    for (const [i, r] of saved.entries()) {
      if (r.ok) assert.ok(stored.some((a) => a.itemId === questions[i].id));
      else assert.equal(r.reason, "submitted");
    }
    for (const id of pageSaved.saved) assert.ok(stored.some((a) => a.itemId === id));
    if (pageSaved.refused) assert.equal(pageSaved.refused.reason, "submitted");
  }
});

function recountScore(lesson: ReturnType<typeof lessonOf>, quiz: Record<string, string>) {
  return scoreAttempt(
    lesson,
    Object.entries(quiz).map(([itemId, choice]) => ({ kind: "quiz" as const, itemId, choice })),
  ).quizScore;
}

test("40 concurrent failed sign-ins: at most the limit take a slot", async () => {
  const rule = { limit: 7, windowMs: HOUR };
  const now = Date.now();
  const results = await Promise.all(
    Array.from({ length: 40 }, () => takeSlot([["teacher:race@x.test", rule]], now)),
  );
  assert.equal(results.filter((r) => r.ok).length, 7);
  const stored = (await row<{ count: number }>(
    sql`SELECT count AS "count" FROM throttles WHERE key = 'teacher:race@x.test'`,
  ))!.count;
  assert.equal(stored, 7);
});

test("closes racing each other, a submit and a save: each attempt handed in once, scored as stored", async () => {
  const lesson = lessonOf();
  const [q1, q2] = lesson.questions;
  const assignmentId = await newAssignment();
  const names = ["Ani", "budi", "Citra"];
  const attemptIds: number[] = [];
  for (const name of names) {
    const s = await startAttempt({
      pupilId: pupilIds[name],
      assignment: await pupilAssignment(pupilIds[name], assignmentId),
    });
    assert.ok(s.ok);
    attemptIds.push(s.attempt.id);
    await saveAnswer({
      pupilId: pupilIds[name],
      attemptId: s.attempt.id,
      kind: "quiz",
      itemId: q1.id,
      choice: q1.correct,
    });
  }
  const t = Date.now();
  const [closes, submit, save] = await Promise.all([
    Promise.all([0, 1, 2, 3].map((i) => closeAssignmentAt(assignmentId, t + i))),
    submitAttempt({ pupilId: pupilIds.Ani, attemptId: attemptIds[0], now: t }),
    saveAnswer({
      pupilId: pupilIds.budi,
      attemptId: attemptIds[1],
      kind: "quiz",
      itemId: q2.id,
      choice: q2.correct,
      now: t,
    }),
  ]);
  const fresh = submit.ok && !submit.already ? 1 : 0;
  assert.equal(closes.reduce((n, c) => n + c.closed, 0) + fresh, 3, "each attempt handed in once");
  const closedAt = (await row<{ at: number }>(
    sql`SELECT closed_at AS "at" FROM assignments WHERE id = ${assignmentId}`,
  ))!.at;
  assert.ok(closedAt >= t && closedAt <= t + 3);
  for (const [i, name] of names.entries()) {
    const work = await pupilWork({ teacherId, assignmentId, pupilId: pupilIds[name] });
    assert.ok(work.counting, `${name}'s attempt is handed in`);
    assert.equal(work.counting.quizScore, recountScore(lesson, work.choices.quiz));
    const [attempt] = await attemptsOf(assignmentId, pupilIds[name]);
    assert.equal(attempt.id, attemptIds[i]);
    if (i > 0 || !fresh) assert.equal(attempt.submittedAt, closedAt);
  }
  // budi's save: stored before the close (and counted) or refused after it
  const budi = await pupilWork({ teacherId, assignmentId, pupilId: pupilIds.budi });
  if (save.ok) assert.equal(budi.choices.quiz[q2.id], q2.correct);
  else assert.equal(budi.choices.quiz[q2.id], undefined);
});

test("starts racing a close, from pages read before it: every attempt made is handed in by the close; none stays open", async () => {
  const names = ["Ani", "budi", "Citra", "dedi", "Eka"];
  for (let round = 0; round < 8; round++) {
    const assignmentId = await newAssignment();
    // each pupil's page was read while the assignment was open
    const pages = await Promise.all(
      names.map((name) => pupilAssignment(pupilIds[name], assignmentId)),
    );
    const t = Date.now();
    const [close, ...starts] = await Promise.all([
      closeAssignmentAt(assignmentId, t),
      ...names.map((name, i) => startAttempt({ pupilId: pupilIds[name], assignment: pages[i] })),
    ]);
    const made = starts.filter((s) => s.ok).length;
    for (const s of starts) if (!s.ok) assert.equal(s.reason, "closed");
    const left = await rows<{ id: number }>(
      sql`SELECT id FROM attempts WHERE assignment_id = ${assignmentId} AND submitted_at IS NULL`,
    );
    assert.deepEqual(left, [], `round ${round}: no attempt left open after the close`);
    assert.equal(close.closed, made, `round ${round}: the close handed in every attempt made`);
  }
});

test("a real class code gives its own slot back: wrong codes between real ones still add up", async () => {
  // lookUpCode takes the slot and gives it back in one transaction (two savepoints), so the give
  // back must see the slot's own count (decision 126: nested atCommit runs at once)
  const guesser = { key: "ip:203.0.113.9", direct: false };
  const counter = async () =>
    (
      await row<{ count: number }>(
        sql`SELECT count AS "count" FROM throttles WHERE key = ${`join:${guesser.key}`}`,
      )
    )?.count ?? 0;
  for (let i = 0; i < 3; i++) {
    const unknown = await joinClass({
      code: "ZZZZ-ZZZZ",
      displayName: `Tamu ${i}`,
      pin: "2468",
      ip: guesser,
    });
    assert.equal(unknown.ok, false);
    assert.equal(await counter(), i + 1, `after wrong code ${i + 1}`);
    const joined = await joinClass({
      code: joinCode,
      displayName: `Tamu ${i}`,
      pin: "2468",
      ip: guesser,
    });
    assert.ok(joined.ok, `Tamu ${i} joins`);
    assert.equal(await counter(), i + 1, `a real code is not counted (round ${i + 1})`);
  }
});
