// The live class view's data and closing an assignment, on a small database: incremental updates,
// the ETag, a second connection as another app instance, closing, the due-time sweep, the offline grace.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "telaah-live-"));
process.env.DATABASE_PATH = path.join(dir, "live.db");

const { secondConnection, transaction, unitDb } = await import("../support/unit-db");
const { syncLessonVersions, getLessonVersion } = await import("~/models/lesson.server");
const { getPupilAssignment } = await import("~/models/assignment.server");
const { saveAnswer, startAttempt, submitAttempt } = await import("~/models/attempt.server");
const { liveClass, livePoll, liveWork, closeForEveryone, countsOnly, readHelpQuery } =
  await import("~/models/live.server");
const { chosenBeforeClose, OFFLINE_GRACE_MS, sweepAllDue } =
  await import("~/models/closing.server");
const { projectorPage } = await import("~/models/projector.server");
const { mayNeedHelp, DEFAULT_HELP_MINUTES } = await import("~/utils/live");
const { scoreAttempt } = await import("~/utils/quiz");
const { chosenTime, CLOCK_TRUST_MS } = await import("~/utils/answer-clock");

await syncLessonVersions();
const db = unitDb();
const versionId = (
  db.prepare("SELECT id FROM lesson_versions ORDER BY id LIMIT 1").get() as { id: number }
).id;
const lesson = (await getLessonVersion(versionId))!;
const [q1, q2] = lesson.questions;
const s1 = lesson.sorting[0];
const wrong = (q: typeof q1) => q.options.find((o) => o.id !== q.correct)!.id;

const insertId = (sqlText: string, ...args: unknown[]) =>
  (db.prepare(`${sqlText} RETURNING id`).get(...args) as { id: number }).id;
const teacher = insertId(
  "INSERT INTO teachers (name, email, password_hash) VALUES ('Bu Sari', 'sari@x.test', 'h')",
);
const other = insertId(
  "INSERT INTO teachers (name, email, password_hash) VALUES ('Pak Joko', 'joko@x.test', 'h')",
);
const klass = insertId(
  "INSERT INTO classes (teacher_id, name, grade, subject, join_code) VALUES (?, '8A', '8', 'BI', 'AAAA2222')",
  teacher,
);
const pupil = (name: string) =>
  insertId(
    "INSERT INTO pupils (class_id, display_name, name_key, pin_hash) VALUES (?, ?, ?, 'h')",
    klass,
    name,
    name.toLowerCase(),
  );
const HOUR = 3600_000;
const assignment = (input: { dueAt?: number; acceptLate?: boolean } = {}) =>
  insertId(
    "INSERT INTO assignments (class_id, lesson_version_id, due_at, accept_late) VALUES (?, ?, ?, ?)",
    klass,
    versionId,
    input.dueAt ?? Date.now() + 24 * HOUR,
    input.acceptLate === false ? 0 : 1,
  );
const start = async (pupilId: number, assignmentId: number, now = Date.now()) => {
  const r = await startAttempt({
    pupilId,
    assignment: await getPupilAssignment({ classId: klass, assignmentId, pupilId }),
    now,
  });
  assert.ok(r.ok);
  return r.attempt.id;
};
const view = async (assignmentId: number, ifNoneMatch?: string) =>
  await liveClass({ teacherId: teacher, assignmentId, ifNoneMatch });
const snap = async (assignmentId: number) => {
  const r = await view(assignmentId);
  assert.equal(r.notModified, false);
  return r.notModified ? null! : r.snapshot;
};
const attemptRow = (id: number) =>
  db
    .prepare(
      'SELECT submitted_at AS "submittedAt", submitted_by_close AS "byClose", quiz_score AS "quizScore", sort_score AS "sortScore" FROM attempts WHERE id = ?',
    )
    .get(id) as {
    submittedAt: number | null;
    byClose: number;
    quizScore: number | null;
    sortScore: number | null;
  };

const ani = pupil("Ani");
const budi = pupil("Budi");
const citra = pupil("Citra");

test("the live view follows steps and counts; an unchanged view answers 'not modified'", async () => {
  const a = assignment();
  let s = await snap(a);
  assert.deepEqual(
    s.pupils.map((p) => [p.name, p.step, p.answered]),
    [
      ["Ani", "not_started", 0],
      ["Budi", "not_started", 0],
      ["Citra", "not_started", 0],
    ],
  );
  const etag = s.etag;
  assert.equal((await view(a, etag)).notModified, true);

  const at = await start(ani, a);
  s = await snap(a);
  assert.notEqual(s.etag, etag);
  assert.equal(s.pupils[0].step, "reading");
  assert.ok(
    (
      await saveAnswer({
        pupilId: ani,
        attemptId: at,
        kind: "sort",
        itemId: s1.id,
        choice: s1.category,
      })
    ).ok,
  );
  assert.equal((await snap(a)).pupils[0].step, "sorting");
  assert.ok(
    (
      await saveAnswer({
        pupilId: ani,
        attemptId: at,
        kind: "quiz",
        itemId: q1.id,
        choice: wrong(q1),
      })
    ).ok,
  );
  s = await snap(a);
  assert.equal(s.pupils[0].step, "quiz");
  assert.equal(s.pupils[0].answered, 2);
  assert.deepEqual(s.quiz[q1.id], { [wrong(q1)]: 1 });
  assert.deepEqual(s.sort[s1.id], { [s1.category]: 1 });

  // changing an answer moves the count from the old option to the new one
  assert.ok(
    (
      await saveAnswer({
        pupilId: ani,
        attemptId: at,
        kind: "quiz",
        itemId: q1.id,
        choice: q1.correct,
      })
    ).ok,
  );
  const bt = await start(budi, a);
  assert.ok(
    (
      await saveAnswer({
        pupilId: budi,
        attemptId: bt,
        kind: "quiz",
        itemId: q1.id,
        choice: q1.correct,
      })
    ).ok,
  );
  s = await snap(a);
  assert.deepEqual(s.quiz[q1.id], { [q1.correct]: 2 });
  assert.equal((await view(a, s.etag)).notModified, true);

  // submit: the step changes; the counts stay
  assert.ok((await submitAttempt({ pupilId: ani, attemptId: at })).ok);
  s = await snap(a);
  assert.equal(s.pupils[0].step, "submitted");
  assert.deepEqual(s.quiz[q1.id], { [q1.correct]: 2 });
  // a post moves the submitted pupil on to "discussing"
  db.prepare(
    "INSERT INTO posts (assignment_id, prompt_id, author_id, body) VALUES (?, ?, ?, 'x')",
  ).run(a, lesson.prompts[0]?.id ?? "p", ani);
  assert.equal((await snap(a)).pupils[0].step, "discussing");
  // the projector's share has no pupil in it
  const counts = countsOnly(await snap(a));
  assert.equal("pupils" in counts, false);
  assert.equal(JSON.stringify(counts).includes("Ani"), false);
});

test("polls share one snapshot per version and view: built once, a save makes the next one", async () => {
  const a = assignment();
  const at = await start(budi, a);
  const poll = async (view: "full" | "counts", ifNoneMatch?: string) =>
    await livePoll({ teacherId: teacher, assignmentId: a, view, ifNoneMatch, now: 1_000 });
  const first = await poll("full");
  const built = { ...liveWork };
  const laptop = await poll("full");
  const projector = await poll("counts");
  const again = await poll("counts");
  assert.equal(liveWork.snapshots, built.snapshots, "no second snapshot for the same version");
  assert.equal(liveWork.bodies, built.bodies + 1, "one JSON per view");
  assert.ok(first.status === 200 && laptop.status === 200 && projector.status === 200);
  assert.equal(laptop.body, first.body);
  assert.equal(again.status === 200 && again.body, projector.body);
  const full = JSON.parse(first.body);
  assert.equal(full.serverNow, 1_000);
  assert.deepEqual(full, { ...(await snap(a)), serverNow: 1_000 });
  const counts = JSON.parse(projector.body);
  assert.equal(counts.pupils, undefined, "the projector's view names nobody");
  assert.equal(JSON.stringify(counts).includes("Budi"), false);
  assert.equal(counts.answeredPupils, 0);
  assert.equal((await poll("full", first.etag)).status, 304);

  assert.ok(
    (
      await saveAnswer({
        pupilId: budi,
        attemptId: at,
        kind: "quiz",
        itemId: q1.id,
        choice: q1.correct,
      })
    ).ok,
  );
  assert.equal((await poll("counts", first.etag)).status, 200);
  const after = await poll("counts", first.etag);
  assert.ok(after.status === 200 && after.etag !== first.etag);
  assert.equal(liveWork.snapshots, built.snapshots + 1, "the save made one new snapshot");
  const next = JSON.parse(after.status === 200 ? after.body : "{}");
  assert.equal(next.answeredPupils, 1);
  assert.equal(next.quiz[q1.id][q1.correct], 1);
  assert.equal((await poll("full", after.etag)).status, 304);
  // not this teacher's: 404 before anything is read
  await assert.rejects(
    async () =>
      livePoll({ teacherId: other, assignmentId: a, view: "full", ifNoneMatch: after.etag }),
    (e: unknown) => e instanceof Response && e.status === 404,
  );
});

test("another app instance's writes reach the view through the database alone", async () => {
  const a = assignment();
  const at = await start(citra, a);
  const before = await snap(a);
  // a second connection stands for a second instance: it writes the way saveAnswer does
  const second = secondConnection();
  transaction(second, () => {
    const { version } = second
      .prepare(
        "INSERT INTO assignment_live (assignment_id, version) VALUES (?, 1) ON CONFLICT (assignment_id) DO UPDATE SET version = assignment_live.version + 1 RETURNING version",
      )
      .get(a) as { version: number };
    second
      .prepare(
        "INSERT INTO answers (attempt_id, kind, item_id, choice, saved_at, change_seq) VALUES (?, 'quiz', ?, ?, ?, ?)",
      )
      .run(at, q2.id, wrong(q2), Date.now(), version);
  });
  second.close();
  assert.equal((await view(a, before.etag)).notModified, false);
  const s = await snap(a);
  assert.deepEqual(s.quiz[q2.id], { [wrong(q2)]: 1 });
  assert.equal(s.pupils.find((p) => p.name === "Citra")!.answered, 1);
});

test("only the assignment's own teacher sees it", async () => {
  const a = assignment();
  await assert.rejects(
    async () => liveClass({ teacherId: other, assignmentId: a }),
    (e: unknown) => e instanceof Response && e.status === 404,
  );
});

test("the projector: one item at a time, no names, the key and its evidence only once revealed", async () => {
  const a = assignment();
  const at = await start(budi, a);
  assert.ok(
    (
      await saveAnswer({
        pupilId: budi,
        attemptId: at,
        kind: "quiz",
        itemId: q1.id,
        choice: wrong(q1),
      })
    ).ok,
  );
  const page = async (item: string | null, reveal = false) =>
    await projectorPage({ teacherId: teacher, assignmentId: a, item, reveal, authors: false });
  const first = await page(null);
  assert.equal(first.item, 1);
  assert.ok(first.shown.kind === "quiz" && first.shown.id === q1.id);
  assert.equal(first.shown.correct, null);
  assert.deepEqual(first.shown.evidence, []);
  assert.deepEqual(first.counts.quiz[q1.id], { [wrong(q1)]: 1 });
  assert.equal("pupils" in first.counts, false);
  const revealed = (await page("1", true)).shown;
  assert.ok(revealed.kind === "quiz");
  assert.equal(revealed.correct, q1.correct);
  assert.equal(revealed.evidence.length, q1.evidence.length);
  // an item outside 1…count (or no number) shows the first
  for (const asked of ["0", "x", String(first.count + 1)])
    assert.equal((await page(asked)).item, 1);
  const statement = (await page(String(lesson.questions.length + 1), true)).shown;
  assert.ok(statement.kind === "sort" && statement.id === s1.id);
  assert.equal(statement.correct, s1.category);
  await assert.rejects(
    async () =>
      projectorPage({
        teacherId: other,
        assignmentId: a,
        item: null,
        reveal: false,
        authors: false,
      }),
    (e: unknown) => e instanceof Response && e.status === 404,
  );
});

test("closing submits every open attempt with its saved answers, marked; later saves are refused", async () => {
  const a = assignment();
  const at = await start(ani, a);
  const bt = await start(budi, a);
  await saveAnswer({
    pupilId: ani,
    attemptId: at,
    kind: "quiz",
    itemId: q1.id,
    choice: q1.correct,
  });
  await saveAnswer({
    pupilId: ani,
    attemptId: at,
    kind: "sort",
    itemId: s1.id,
    choice: s1.category,
  });
  assert.ok((await submitAttempt({ pupilId: budi, attemptId: bt })).ok);
  const closedAt = Date.now();
  assert.deepEqual(await closeForEveryone({ teacherId: teacher, assignmentId: a, now: closedAt }), {
    closed: 1,
  });
  const row = attemptRow(at);
  assert.equal(row.submittedAt, closedAt);
  assert.equal(row.byClose, 1);
  const expected = scoreAttempt(lesson, [
    { kind: "quiz", itemId: q1.id, choice: q1.correct },
    { kind: "sort", itemId: s1.id, choice: s1.category },
  ]);
  assert.equal(row.quizScore, expected.quizScore);
  assert.equal(row.sortScore, expected.sortScore);
  assert.equal(attemptRow(bt).byClose, 0);
  // closing again changes nothing
  assert.deepEqual(
    await closeForEveryone({ teacherId: teacher, assignmentId: a, now: closedAt + 1000 }),
    { closed: 0 },
  );
  const s = await snap(a);
  assert.equal(s.closedAt, closedAt);
  assert.equal(s.pupils.find((p) => p.name === "Ani")!.byClose, true);
  // a save after the close without a queue time: "ended"; nobody can start again
  const r = await saveAnswer({
    pupilId: ani,
    attemptId: at,
    kind: "quiz",
    itemId: q2.id,
    choice: q2.correct,
    now: closedAt + 10,
  });
  assert.deepEqual(r, { ok: false, reason: "ended", assignmentId: a });
  assert.deepEqual(
    (
      await saveAnswer({
        pupilId: budi,
        attemptId: bt,
        kind: "quiz",
        itemId: q2.id,
        choice: q2.correct,
        now: closedAt + 10,
      })
    ).ok,
    false,
  );
  const again = await startAttempt({
    pupilId: citra,
    assignment: await getPupilAssignment({ classId: klass, assignmentId: a, pupilId: citra }),
  });
  assert.deepEqual(again, { ok: false, reason: "closed" });
});

test("a start sent from a page read before a close or an edit follows the assignment as it is now", async () => {
  const { updateAssignment } = await import("~/models/assignment.server");
  const { setExtension, clearExtension } = await import("~/models/extension.server");
  const a = assignment();
  const p = pupil("Citra Lambat");
  const read = () => getPupilAssignment({ classId: klass, assignmentId: a, pupilId: p });
  const attemptsOf = () =>
    (db.prepare("SELECT count(*) AS n FROM attempts WHERE pupil_id = ?").get(p) as { n: number }).n;
  const settings = {
    dueAt: new Date(Date.now() + 24 * HOUR),
    opensAt: null,
    acceptLate: true,
    maxAttempts: 0,
    counting: "highest" as const,
    feedback: "immediate" as const,
    shuffle: false,
    postFirst: false,
  };
  const edit = async (maxAttempts: number) =>
    assert.deepEqual(
      await updateAssignment({
        teacherId: teacher,
        assignmentId: a,
        settings: { ...settings, maxAttempts },
      }),
      { ok: true },
    );
  // the page read while attempts were unlimited; then one attempt only
  await edit(0);
  const page = await read();
  assert.equal(page.maxAttempts, 0);
  await edit(1);
  const first = await startAttempt({ pupilId: p, assignment: page });
  assert.ok(first.ok && first.created);
  assert.ok((await submitAttempt({ pupilId: p, attemptId: first.attempt.id })).ok);
  assert.deepEqual(await startAttempt({ pupilId: p, assignment: page }), {
    ok: false,
    reason: "limit",
  });
  // closed for everyone after the page was read: no attempt is opened on a closed assignment
  await edit(0);
  const before = await read();
  await closeForEveryone({ teacherId: teacher, assignmentId: a });
  assert.deepEqual(await startAttempt({ pupilId: p, assignment: before }), {
    ok: false,
    reason: "closed",
  });
  assert.equal(attemptsOf(), 1);

  // a classmate's extension keeps it open for her; cleared after her page was read, it does not
  const q = pupil("Dewi Diperpanjang");
  const extend = () =>
    setExtension({
      teacherId: teacher,
      assignmentId: a,
      pupilId: q,
      dueAt: new Date(Date.now() + 2 * HOUR),
      extraAttempts: 0,
    });
  await extend();
  const extended = await getPupilAssignment({ classId: klass, assignmentId: a, pupilId: q });
  assert.ok(extended.extension);
  await clearExtension({ teacherId: teacher, assignmentId: a, pupilId: q });
  assert.deepEqual(await startAttempt({ pupilId: q, assignment: extended }), {
    ok: false,
    reason: "closed",
  });
  // given again: she may start
  await extend();
  const again = await startAttempt({ pupilId: q, assignment: extended });
  assert.ok(again.ok && again.created);
});

test("an answer queued offline is taken after the close if chosen before it and it arrives within the grace period", async () => {
  const a = assignment();
  const at = await start(ani, a);
  const closedAt = Date.now();
  await closeForEveryone({ teacherId: teacher, assignmentId: a, now: closedAt });
  // chosen a minute before the close, sent 5 minutes after it, device clock 2 hours slow
  const skew = -2 * HOUR;
  const sentAt = closedAt + 5 * 60_000;
  const ok = await saveAnswer({
    pupilId: ani,
    attemptId: at,
    kind: "quiz",
    itemId: q1.id,
    choice: q1.correct,
    now: sentAt,
    chosenAt: closedAt - 60_000 + skew,
    sentAt: sentAt + skew,
  });
  assert.equal(ok.ok, true);
  assert.equal(attemptRow(at).quizScore, 1);
  // chosen after the close (the slow clock does not help)
  const late = await saveAnswer({
    pupilId: ani,
    attemptId: at,
    kind: "quiz",
    itemId: q2.id,
    choice: q2.correct,
    now: sentAt,
    chosenAt: closedAt + 1000 + skew,
    sentAt: sentAt + skew,
  });
  assert.equal(late.ok, false);
  // chosen before, but arriving after the grace period
  const tooLate = closedAt + OFFLINE_GRACE_MS + 1;
  const stale = await saveAnswer({
    pupilId: ani,
    attemptId: at,
    kind: "quiz",
    itemId: q2.id,
    choice: q2.correct,
    now: tooLate,
    chosenAt: closedAt - 1000,
    sentAt: tooLate,
  });
  assert.equal(stale.ok, false);
  assert.equal(attemptRow(at).quizScore, 1);
});

const storedChoice = (attemptId: number, itemId: string) =>
  (
    db
      .prepare("SELECT choice FROM answers WHERE attempt_id = ? AND kind = 'quiz' AND item_id = ?")
      .get(attemptId, itemId) as { choice: string } | undefined
  )?.choice;

test("later chosenAt wins: an older save sent with a newer one, in either order, leaves the newer", async () => {
  const a = assignment();
  const [older, newer] = [wrong(q1), q1.correct];
  const t = Date.now();
  // the older choice was made at t and its request waited 30 s in a queue; the newer one at t + 5 s
  const olderSave = { choice: older, chosenAt: t, sentAt: t, now: t + 30_000 };
  const newerSave = { choice: newer, chosenAt: t + 5000, sentAt: t + 5000, now: t + 6000 };
  for (const [pupilId, order] of [
    [ani, [newerSave, olderSave]],
    [budi, [olderSave, newerSave]],
  ] as const) {
    const at = await start(pupilId, a, t - 60_000);
    // arriving in this order: one after the other (sent at once, PostgreSQL may commit either first)
    const results = [];
    for (const save of order)
      results.push(
        await saveAnswer({ pupilId, attemptId: at, kind: "quiz", itemId: q1.id, ...save }),
      );
    assert.ok(results.every((r) => r.ok));
    assert.equal(storedChoice(at, q1.id), newer);
    // the late older save is told that a newer choice stays
    const late = results[order.indexOf(olderSave)];
    assert.equal(late.ok && late.newerKept, order[0] === newerSave ? true : undefined);
  }
  // the live view counts the newer choice once per pupil
  assert.deepEqual((await snap(a)).quiz[q1.id], { [newer]: 2 });
});

test("later chosenAt wins: equal times, the later write wins; a plain form post is as new as its arrival", async () => {
  const a = assignment();
  const t = Date.now();
  const at = await start(citra, a, t - 60_000);
  const [first, second] = [wrong(q2), q2.correct];
  // one after the other: sent at once, which commits later is up to the database (PostgreSQL
  // runs them side by side), and the rule is about the later write
  for (const choice of [first, second])
    await saveAnswer({
      pupilId: citra,
      attemptId: at,
      kind: "quiz",
      itemId: q2.id,
      choice,
      chosenAt: t,
      sentAt: t,
      now: t + 10,
    });
  assert.equal(storedChoice(at, q2.id), second);
  // no chosenAt (JavaScript off): chosen when it arrives, so later than t, so it replaces
  await saveAnswer({
    pupilId: citra,
    attemptId: at,
    kind: "quiz",
    itemId: q2.id,
    choice: first,
    now: t + 20,
  });
  assert.equal(storedChoice(at, q2.id), first);
  // an answer stored before the rule (no chosen_at) is replaced by any save
  db.prepare("UPDATE answers SET chosen_at = NULL WHERE attempt_id = ?").run(at);
  const r = await saveAnswer({
    pupilId: citra,
    attemptId: at,
    kind: "quiz",
    itemId: q2.id,
    choice: second,
    chosenAt: 1,
    sentAt: t,
    now: t + 30,
  });
  assert.equal(r.ok && r.newerKept, undefined);
  assert.equal(storedChoice(at, q2.id), second);
});

test("chosenTime: a device clock near ours is taken as is; one further off is corrected by its offset", async () => {
  const now = 1_800_000_000_000;
  assert.equal(chosenTime({ now }), now);
  // 30 s in a queue does not make the choice newer
  assert.equal(chosenTime({ now, chosenAt: now - 31_000, sentAt: now - 30_000 }), now - 31_000);
  // a clock 90 s fast is still believed (within CLOCK_TRUST_MS)
  assert.ok(90_000 < CLOCK_TRUST_MS);
  assert.equal(chosenTime({ now, chosenAt: now + 89_000, sentAt: now + 90_000 }), now + 89_000);
  // a clock 2 hours slow, answer queued offline 5 minutes: corrected to 5 minutes ago
  const slow = -2 * HOUR;
  assert.equal(
    chosenTime({ now, chosenAt: now - 5 * 60_000 + slow, sentAt: now + slow }),
    now - 5 * 60_000,
  );
  // chosen "after" it was sent: at the latest when it was sent
  assert.equal(chosenTime({ now, chosenAt: now + 1000, sentAt: now }), now);
  // no send time: believed near our clock, else as new as its arrival
  assert.equal(chosenTime({ now, chosenAt: now - 1000 }), now - 1000);
  assert.equal(chosenTime({ now, chosenAt: now - HOUR }), now);
});

test("work that refuses lateness closes at its due time the next time anyone opens it", async () => {
  const dueAt = Date.now() + HOUR;
  const a = assignment({ dueAt, acceptLate: false });
  const at = await start(budi, a);
  await saveAnswer({
    pupilId: budi,
    attemptId: at,
    kind: "quiz",
    itemId: q1.id,
    choice: wrong(q1),
  });
  db.prepare("UPDATE assignments SET due_at = ? WHERE id = ?").run(Date.now() - 1000, a);
  const due = (
    db.prepare("SELECT due_at AS d FROM assignments WHERE id = ?").get(a) as { d: number }
  ).d;
  const opened = await getPupilAssignment({ classId: klass, assignmentId: a, pupilId: budi });
  assert.equal(opened.closedAt?.getTime(), due);
  const row = attemptRow(at);
  assert.equal(row.submittedAt, due);
  assert.equal(row.byClose, 1);
  assert.equal(row.quizScore, 0);
});

test("the due-time close follows the assignment as it is when it runs: a due date moved later since it was read stands", async () => {
  const { sweepIfDue } = await import("~/models/closing.server");
  const a = assignment({ dueAt: Date.now() - 1000, acceptLate: false });
  const closedAt = () =>
    (
      db.prepare("SELECT closed_at AS c FROM assignments WHERE id = ?").get(a) as {
        c: number | null;
      }
    ).c;
  // what a page read a moment ago says: due and refusing late work
  const read = {
    id: a,
    dueAt: new Date(Date.now() - 1000),
    acceptLate: false,
    closedAt: null,
  };
  // the teacher moves the due date to tomorrow meanwhile
  const later = Date.now() + 24 * HOUR;
  db.prepare("UPDATE assignments SET due_at = ? WHERE id = ?").run(later, a);
  await sweepIfDue(read);
  assert.equal(closedAt(), null);
  // allowed late work instead: not closed either
  // (booleans as parameters 1/0: a literal would be an integer to PostgreSQL)
  db.prepare("UPDATE assignments SET due_at = ?, accept_late = ? WHERE id = ?").run(
    Date.now() - 1000,
    1,
    a,
  );
  await sweepIfDue(read);
  assert.equal(closedAt(), null);
  // still due and refusing late work: closed at the due time stored
  const due = Date.now() - 500;
  db.prepare("UPDATE assignments SET due_at = ?, accept_late = ? WHERE id = ?").run(due, 0, a);
  await sweepIfDue(read);
  assert.equal(closedAt(), due);
});

test("an extension changed after the close no longer sparing an attempt hands it in as of the close", async () => {
  const { setExtension } = await import("~/models/extension.server");
  const a = assignment();
  const p = pupil("Eka Diperpanjang");
  await setExtension({
    teacherId: teacher,
    assignmentId: a,
    pupilId: p,
    dueAt: new Date(Date.now() + 2 * HOUR),
    extraAttempts: 0,
  });
  const at = await start(p, a);
  const closedAt = Date.now();
  await closeForEveryone({ teacherId: teacher, assignmentId: a, now: closedAt });
  assert.equal(attemptRow(at).submittedAt, null, "spared by her later date");
  // the date taken away, an extra attempt kept: the close applies to her now
  await setExtension({
    teacherId: teacher,
    assignmentId: a,
    pupilId: p,
    dueAt: null,
    extraAttempts: 1,
  });
  const row = attemptRow(at);
  assert.equal(row.submittedAt, closedAt);
  assert.equal(row.byClose, 1);
});

test("the minute sweep hands in past-due work nobody has opened, and only that", async () => {
  const due = assignment({ acceptLate: false });
  const lateOk = assignment({ acceptLate: true });
  const later = assignment({ acceptLate: false });
  const atDue = await start(citra, due);
  const atLateOk = await start(citra, lateOk);
  const atLater = await start(citra, later);
  await saveAnswer({
    pupilId: citra,
    attemptId: atDue,
    kind: "quiz",
    itemId: q1.id,
    choice: q1.correct,
  });
  const dueAt = Date.now() - 1000;
  db.prepare("UPDATE assignments SET due_at = ? WHERE id IN (?, ?)").run(dueAt, due, lateOk);
  // no page is opened: the sweep alone closes the one that refuses late work
  assert.ok((await sweepAllDue()) >= 1);
  const row = attemptRow(atDue);
  assert.equal(row.submittedAt, dueAt);
  assert.equal(row.byClose, 1);
  assert.equal(row.quizScore, 1);
  assert.equal(attemptRow(atLateOk).submittedAt, null, "late work allowed: stays open");
  assert.equal(attemptRow(atLater).submittedAt, null, "not yet due: stays open");
  // a second sweep (or another instance's) changes nothing
  const closedAt = (
    db.prepare("SELECT closed_at AS c FROM assignments WHERE id = ?").get(due) as { c: number }
  ).c;
  await sweepAllDue();
  assert.equal(
    (db.prepare("SELECT closed_at AS c FROM assignments WHERE id = ?").get(due) as { c: number }).c,
    closedAt,
  );
});

test("the grace rule and the 'may need help' rule", async () => {
  const closesAt = 1_000_000_000_000;
  assert.equal(
    chosenBeforeClose({ closesAt, now: closesAt + 1000 }),
    false,
    "no queue time: refused",
  );
  assert.equal(
    chosenBeforeClose({
      closesAt,
      now: closesAt + 1000,
      chosenAt: closesAt - 1,
      sentAt: closesAt + 1000,
    }),
    true,
  );
  assert.equal(
    chosenBeforeClose({
      closesAt,
      now: closesAt + 1000,
      chosenAt: closesAt + 1,
      sentAt: closesAt + 1000,
    }),
    false,
  );
  // a device clock an hour fast: chosen at "close + 30 min" on it is 30 min before the close
  assert.equal(
    chosenBeforeClose({
      closesAt,
      now: closesAt + 1000,
      chosenAt: closesAt + 30 * 60_000,
      sentAt: closesAt + HOUR + 1000,
    }),
    true,
  );
  assert.equal(
    chosenBeforeClose({
      closesAt,
      now: closesAt + OFFLINE_GRACE_MS + 1,
      chosenAt: closesAt - 1,
      sentAt: closesAt + OFFLINE_GRACE_MS + 1,
    }),
    false,
  );
  assert.equal(
    chosenBeforeClose({
      closesAt,
      now: closesAt + 1000,
      chosenAt: closesAt - 1,
      sentAt: closesAt - 2,
    }),
    false,
    "chosen after sent",
  );

  const now = 10 * HOUR;
  assert.equal(
    mayNeedHelp({ step: "quiz", lastSavedAt: now - 6 * 60_000, startedAt: now - HOUR }, 5, now),
    true,
  );
  assert.equal(
    mayNeedHelp({ step: "quiz", lastSavedAt: now - 4 * 60_000, startedAt: now - HOUR }, 5, now),
    false,
  );
  assert.equal(
    mayNeedHelp({ step: "reading", lastSavedAt: null, startedAt: now - 6 * 60_000 }, 5, now),
    true,
  );
  assert.equal(
    mayNeedHelp({ step: "submitted", lastSavedAt: now - HOUR, startedAt: now - HOUR }, 5, now),
    false,
  );
  assert.equal(
    mayNeedHelp({ step: "not_started", lastSavedAt: null, startedAt: null }, 5, now),
    false,
  );
  const help = (query: string) => readHelpQuery(new URLSearchParams(query));
  assert.deepEqual(help("help=8"), { minutes: 8, reply: null });
  assert.deepEqual(help(""), { minutes: DEFAULT_HELP_MINUTES, reply: null });
  for (const bad of ["", "0", "91", "-3", "2.5", "abc", "1e1"]) {
    const { minutes, reply } = help(`help=${bad}`);
    assert.equal(minutes, DEFAULT_HELP_MINUTES);
    // a value sent but refused: the form's reply carries the message for the field
    if (bad !== "") assert.deepEqual(reply?.result.error?.help, ["live.err.help"]);
  }
});
