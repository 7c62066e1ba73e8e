// Extensions and scheduled opening (issue 18, parts 4 and 5), on a small database: one pupil's later
// due date and extra attempts act on start, save, submit, lateness, the closes and the keys; an
// assignment before its opening time is nowhere for pupils.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "telaah-schedule-"));
process.env.DATABASE_PATH = path.join(dir, "schedule.db");

const { unitDb } = await import("../support/unit-db");
const { syncLessonVersions, getLessonVersion } = await import("~/models/lesson.server");
const { getPupilAssignment, listPupilAssignments, updateAssignment } =
  await import("~/models/assignment.server");
const { saveAnswer, startAttempt, submitAttempt } = await import("~/models/attempt.server");
const { closeForEveryone } = await import("~/models/live.server");
const { setExtension, clearExtension } = await import("~/models/extension.server");
const { assignmentResults } = await import("~/models/results.server");
const { resultsCsv } = await import("~/utils/results-csv");
const { keysVisible } = await import("~/utils/quiz");
const { personalRules, isOpened } = await import("~/utils/extension");

await syncLessonVersions();
const db = unitDb();
const versionId = (
  db.prepare("SELECT id FROM lesson_versions ORDER BY id LIMIT 1").get() as { id: number }
).id;
const lesson = (await getLessonVersion(versionId))!;
const [q1] = lesson.questions;

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
const assignment = (
  input: {
    dueAt?: number;
    acceptLate?: boolean;
    maxAttempts?: number;
    opensAt?: number | null;
    feedback?: string;
  } = {},
) =>
  insertId(
    "INSERT INTO assignments (class_id, lesson_version_id, due_at, accept_late, max_attempts, opens_at, feedback) VALUES (?, ?, ?, ?, ?, ?, ?)",
    klass,
    versionId,
    input.dueAt ?? Date.now() + 24 * HOUR,
    input.acceptLate === false ? 0 : 1,
    input.maxAttempts ?? 1,
    input.opensAt ?? null,
    input.feedback ?? "immediate",
  );
const mine = async (pupilId: number, assignmentId: number, now = Date.now()) =>
  await getPupilAssignment({ classId: klass, assignmentId, pupilId, now });
const start = async (pupilId: number, assignmentId: number, now = Date.now()) =>
  await startAttempt({ pupilId, assignment: await mine(pupilId, assignmentId, now), now });
const attemptRow = (id: number) =>
  db
    .prepare(
      'SELECT submitted_at AS "submittedAt", submitted_by_close AS "byClose", late FROM attempts WHERE id = ?',
    )
    .get(id) as {
    submittedAt: number | null;
    byClose: number;
    late: number;
  };
const moveDue = (assignmentId: number, dueAt: number) =>
  db.prepare("UPDATE assignments SET due_at = ? WHERE id = ?").run(dueAt, assignmentId);
const isNotFound = (e: unknown) => e instanceof Response && e.status === 404;

const ani = pupil("Ani");
const budi = pupil("Budi");

test("personal rules: the later date, more attempts (unlimited stays so), a close before the own date moves to it", async () => {
  const due = new Date(Date.UTC(2026, 10, 1, 10));
  const later = new Date(Date.UTC(2026, 10, 3, 10));
  const base = { dueAt: due, maxAttempts: 1, closedAt: due, acceptLate: false };
  assert.equal(personalRules(base, null), base);
  assert.deepEqual(personalRules(base, { dueAt: later, extraAttempts: 1 }), {
    ...base,
    dueAt: later,
    maxAttempts: 2,
    closedAt: later,
  });
  // an earlier "extension" date never shortens the class's
  assert.equal(
    personalRules(base, { dueAt: new Date(due.getTime() - HOUR), extraAttempts: 0 }).dueAt,
    due,
  );
  assert.equal(
    personalRules({ ...base, maxAttempts: 0 }, { dueAt: null, extraAttempts: 2 }).maxAttempts,
    0,
  );
  // a close after the pupil's own date stays
  const lateClose = new Date(later.getTime() + HOUR);
  assert.equal(
    personalRules({ ...base, closedAt: lateClose }, { dueAt: later, extraAttempts: 0 }).closedAt,
    lateClose,
  );
  assert.equal(isOpened({ opensAt: null }, 0), true);
  assert.equal(isOpened({ opensAt: later }, later.getTime() - 1), false);
  assert.equal(isOpened({ opensAt: later }, later.getTime()), true);
});

test("an extension lets one pupil work and submit on time after the class's due date; the other is closed out", async () => {
  const a = assignment({ acceptLate: false });
  const at = await start(ani, a);
  const bt = await start(budi, a);
  assert.ok(at.ok && bt.ok);
  await setExtension({
    teacherId: teacher,
    assignmentId: a,
    pupilId: ani,
    dueAt: new Date(Date.now() + 2 * HOUR),
    extraAttempts: 0,
  });
  // time passes: the class's due date is behind us (decision 071: the stored time moves)
  moveDue(a, Date.now() - 60_000);
  // Budi's page closes the assignment and hands his attempt in; Ani's stays open
  assert.equal((await mine(budi, a)).closedAt !== null, true);
  assert.equal(attemptRow(bt.attempt.id).byClose, 1);
  assert.equal(attemptRow(at.attempt.id).submittedAt, null);
  // Ani still saves and submits, not late; Budi's save is refused
  assert.ok(
    (
      await saveAnswer({
        pupilId: ani,
        attemptId: at.attempt.id,
        kind: "quiz",
        itemId: q1.id,
        choice: q1.correct,
      })
    ).ok,
  );
  assert.equal(
    (
      await saveAnswer({
        pupilId: budi,
        attemptId: bt.attempt.id,
        kind: "quiz",
        itemId: q1.id,
        choice: q1.correct,
      })
    ).ok,
    false,
  );
  const done = await submitAttempt({ pupilId: ani, attemptId: at.attempt.id });
  assert.ok(done.ok && !done.already);
  assert.equal(attemptRow(at.attempt.id).late, 0);
  assert.equal(attemptRow(at.attempt.id).byClose, 0);
  // the results say so
  const results = await assignmentResults({ teacherId: teacher, assignmentId: a });
  const row = (id: number) => results.pupils.find((p) => p.pupilId === id)!;
  assert.equal(row(ani).status, "submitted");
  assert.ok(row(ani).extension?.dueAt);
  assert.equal(row(budi).extension, null);
  const csv = resultsCsv(results, "en").slice(1).split("\r\n");
  assert.ok(csv[0].endsWith("Own due date,Extra attempts"), csv[0]);
  assert.match(
    csv.find((l) => l.startsWith("Ani,"))!,
    /,\d{4}-\d{2}-\d{2} \d{2}:\d{2} WIB,0$/,
  );
  assert.match(
    csv.find((l) => l.startsWith("Budi,"))!,
    /,,0$/,
  );
});

test("the extended pupil's open attempt is handed in at their own date, lazily, like the close would", async () => {
  const a = assignment({ acceptLate: false });
  const at = await start(ani, a);
  assert.ok(at.ok);
  const own = Date.now() + HOUR;
  await setExtension({
    teacherId: teacher,
    assignmentId: a,
    pupilId: ani,
    dueAt: new Date(own),
    extraAttempts: 0,
  });
  moveDue(a, Date.now() - 60_000);
  assert.ok((await mine(budi, a)).closedAt);
  assert.equal(attemptRow(at.attempt.id).submittedAt, null);
  // later than Ani's own date: the next touch hands her attempt in as of that date
  const later = await mine(ani, a, own + 1000);
  assert.equal(later.closedAt?.getTime(), own);
  assert.deepEqual(attemptRow(at.attempt.id), { submittedAt: own, byClose: 1, late: 0 });
  assert.deepEqual(await startAttempt({ pupilId: ani, assignment: later, now: own + 1000 }), {
    ok: false,
    reason: "closed",
  });
});

test("closing for everyone ('waktu habis') spares a pupil with a later own date until it", async () => {
  const a = assignment({ acceptLate: true });
  const at = await start(ani, a);
  const bt = await start(budi, a);
  assert.ok(at.ok && bt.ok);
  await setExtension({
    teacherId: teacher,
    assignmentId: a,
    pupilId: ani,
    dueAt: new Date(Date.now() + 48 * HOUR),
    extraAttempts: 0,
  });
  assert.deepEqual(await closeForEveryone({ teacherId: teacher, assignmentId: a }), { closed: 1 });
  assert.equal(attemptRow(bt.attempt.id).byClose, 1);
  assert.equal(attemptRow(at.attempt.id).submittedAt, null);
  assert.ok(
    (
      await saveAnswer({
        pupilId: ani,
        attemptId: at.attempt.id,
        kind: "quiz",
        itemId: q1.id,
        choice: q1.correct,
      })
    ).ok,
  );
  // the teacher takes the extension back: the close now applies to Ani too, her saved work handed in
  await clearExtension({ teacherId: teacher, assignmentId: a, pupilId: ani });
  assert.equal(attemptRow(at.attempt.id).byClose, 1);
  // another teacher cannot give extensions here
  await assert.rejects(
    async () =>
      setExtension({
        teacherId: other,
        assignmentId: a,
        pupilId: budi,
        dueAt: null,
        extraAttempts: 1,
      }),
    isNotFound,
  );
});

test("burst: one extra attempt, 20 concurrent starts, exactly one more attempt is made", async () => {
  const a = assignment({ maxAttempts: 1 });
  const first = await start(ani, a);
  assert.ok(first.ok);
  assert.ok((await submitAttempt({ pupilId: ani, attemptId: first.attempt.id })).ok);
  assert.deepEqual(await start(ani, a), { ok: false, reason: "limit" });
  await setExtension({
    teacherId: teacher,
    assignmentId: a,
    pupilId: ani,
    dueAt: null,
    extraAttempts: 1,
  });
  // the form sent twice replaces, it does not add
  await setExtension({
    teacherId: teacher,
    assignmentId: a,
    pupilId: ani,
    dueAt: null,
    extraAttempts: 1,
  });
  // every request read the rules before any of them wrote
  const rules = await Promise.all(Array.from({ length: 20 }, () => mine(ani, a)));
  const results = await Promise.all(
    rules.map(async (assignment) => await startAttempt({ pupilId: ani, assignment })),
  );
  assert.equal(results.filter((r) => r.ok && r.created).length, 1);
  assert.equal(results.filter((r) => r.ok && !r.created).length, 19);
  const second = results.find((r) => r.ok && r.created)!;
  assert.ok(second.ok && (await submitAttempt({ pupilId: ani, attemptId: second.attempt.id })).ok);
  const again = await Promise.all(Array.from({ length: 20 }, async () => start(ani, a)));
  assert.ok(again.every((r) => !r.ok && r.reason === "limit"));
  assert.equal(
    (
      db
        .prepare("SELECT count(*) AS n FROM attempts WHERE assignment_id = ? AND pupil_id = ?")
        .get(a, ani) as { n: number }
    ).n,
    2,
  );
  // removing the extension takes the allowance back
  await clearExtension({ teacherId: teacher, assignmentId: a, pupilId: ani });
  assert.equal((await mine(ani, a)).maxAttempts, 1);
});

test("feedback 'after the due date' waits for the last extended date: classmates cannot pass the keys on", async () => {
  const a = assignment({ feedback: "after_due", acceptLate: false });
  const bt = await start(budi, a);
  assert.ok(bt.ok && (await submitAttempt({ pupilId: budi, attemptId: bt.attempt.id })).ok);
  await setExtension({
    teacherId: teacher,
    assignmentId: a,
    pupilId: ani,
    dueAt: new Date(Date.now() + 2 * HOUR),
    extraAttempts: 0,
  });
  moveDue(a, Date.now() - 60_000);
  const budiRules = await mine(budi, a);
  const shown = (now: number) =>
    keysVisible(budiRules, { submitted: true, openAttempt: false, attemptsMade: 1 }, now);
  assert.equal(shown(Date.now()), false);
  assert.equal(shown(Date.now() + 3 * HOUR), true);
});

test("before its opening time an assignment is nowhere for pupils; then it is there", async () => {
  const opens = Date.now() + HOUR;
  const a = assignment({ opensAt: opens, dueAt: opens + 24 * HOUR });
  await assert.rejects(async () => mine(ani, a), isNotFound);
  assert.equal(
    (await listPupilAssignments({ pupilId: ani, classId: klass })).some((x) => x.id === a),
    false,
  );
  // lazily open: the first look after the time sees it, nothing had to run
  assert.equal((await mine(ani, a, opens)).id, a);
  assert.equal(
    (await listPupilAssignments({ pupilId: ani, classId: klass, now: opens })).some(
      (x) => x.id === a,
    ),
    true,
  );
  assert.ok((await start(ani, a, opens + 1)).ok);
  // once a pupil has started, the opening cannot move into the future
  const settings = {
    dueAt: new Date(opens + 48 * HOUR),
    acceptLate: true,
    maxAttempts: 1,
    counting: "highest" as const,
    feedback: "immediate" as const,
    shuffle: false,
    postFirst: true,
  };
  assert.deepEqual(
    await updateAssignment({
      teacherId: teacher,
      assignmentId: a,
      settings: { ...settings, opensAt: new Date(opens + HOUR) },
      now: opens + 2,
    }),
    { ok: false, reason: "started" },
  );
  assert.deepEqual(
    await updateAssignment({
      teacherId: teacher,
      assignmentId: a,
      settings: { ...settings, opensAt: null },
    }),
    { ok: true },
  );
});

test("a pupil's extension is in their data export (and the teacher's), and only theirs", async () => {
  const { exportOwnData, exportPupilForTeacher } = await import("~/models/privacy.server");
  const id = assignment();
  const dewi = pupil("Dewi");
  const eko = pupil("Eko");
  const later = new Date(Date.now() + 72 * HOUR);
  await setExtension({
    teacherId: teacher,
    assignmentId: id,
    pupilId: dewi,
    dueAt: later,
    extraAttempts: 2,
  });
  const own = await exportOwnData({ pupilId: dewi });
  const mineOnly = own.extensions.filter((x) => x.assignmentId === id);
  assert.deepEqual(
    mineOnly.map((x) => ({ due: x.dueAt, extra: x.extraAttempts })),
    [{ due: later.toISOString(), extra: 2 }],
  );
  assert.equal(mineOnly[0].lesson?.title, lesson.title);
  assert.deepEqual(
    (await exportPupilForTeacher({ classId: klass, pupilId: dewi, teacherId: teacher })).extensions
      .length,
    own.extensions.length,
  );
  assert.deepEqual((await exportOwnData({ pupilId: eko })).extensions, []);
});
