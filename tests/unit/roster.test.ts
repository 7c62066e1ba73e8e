// The teacher's roster: a pasted list becomes pupils with generated PINs (all or none, with the
// joining name rules), renaming, merging a duplicate, new PINs for all, and next year's copies.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "telaah-roster-unit-"));
process.env.DATABASE_PATH = path.join(dir, "telaah.db");
process.env.SESSION_SECRET = "unit-test-secret-of-at-least-32-chars";

const { addPupilsFromList, mergePupils, renamePupil, resetAllPins, splitList, ROSTER_MAX } =
  await import("~/models/roster.server");
const { archiveClasses, copyAssignmentToClass, copyClassWithAssignments, weeksForward } =
  await import("~/models/next-year.server");
const { createTeacher } = await import("~/models/teacher.server");
const { createClass } = await import("~/models/class.server");
const { signInPupil } = await import("~/models/pupil.server");
const { teacherClassPage } = await import("~/models/class-page.server");
const { unitDb } = await import("../support/unit-db");

after(async () => {
  const { closeDatabase } = await import("~/db.server");
  closeDatabase();
  fs.rmSync(dir, { recursive: true, force: true });
});

let seq = 0;
const address = () => ({ key: `ip:198.51.100.${++seq}`, direct: false });

async function teacherWithClass(name = "7B") {
  const made = await createTeacher({
    name: "Bu Daftar",
    email: `daftar-${++seq}@sekolah.test`,
    password: "kopi tubruk di pagi hari",
  });
  assert.ok(made.ok);
  const teacherId = made.ok ? made.teacherId : 0;
  const classId = await createClass({
    teacherId,
    name,
    grade: "7",
    subject: "IPS",
    timeZone: "WIB",
  });
  const code = (
    unitDb().prepare("SELECT join_code AS code FROM classes WHERE id = ?").get(classId) as {
      code: string;
    }
  ).code;
  return { teacherId, classId, code };
}

const namesOf = (classId: number) =>
  (
    unitDb()
      .prepare("SELECT display_name AS n FROM pupils WHERE class_id = ? ORDER BY id")
      .all(classId) as { n: string }[]
  ).map((r) => r.n);

test("a pasted list: trimmed, blank lines skipped, each pupil gets a 4-digit PIN that signs them in", async () => {
  const { teacherId, classId, code } = await teacherWithClass();
  const result = await addPupilsFromList({
    classId,
    teacherId,
    text: "  Ani  Lestari \r\n\n\t\nBudi Santoso\nCitra\n",
  });
  assert.ok(result.ok);
  if (!result.ok) return;
  assert.deepEqual(
    result.cards.map((c) => c.displayName),
    ["Ani Lestari", "Budi Santoso", "Citra"],
  );
  for (const card of result.cards) assert.match(card.pin, /^[0-9]{4}$/);
  assert.deepEqual(namesOf(classId), ["Ani Lestari", "Budi Santoso", "Citra"]);
  const hashes = unitDb()
    .prepare("SELECT pin_hash AS h FROM pupils WHERE class_id = ?")
    .all(classId) as { h: string }[];
  for (const { h } of hashes) assert.match(h, /^\$argon2id\$/);
  const signedIn = await signInPupil({
    code,
    displayName: "budi santoso",
    pin: result.cards[1].pin,
    ip: address(),
  });
  assert.deepEqual(signedIn, { ok: true, pupilId: result.cards[1].id });
});

test("refused lines are named and nothing is created: twice in the list, a look-alike of a classmate, invisible characters, too long", async () => {
  const { teacherId, classId } = await teacherWithClass();
  assert.ok((await addPupilsFromList({ classId, teacherId, text: "Sari" })).ok);
  const result = await addPupilsFromList({
    classId,
    teacherId,
    text: ["Dewi", "dewi", "Ѕari", "Ra\u200Bni", "x".repeat(41), "Eko"].join("\n"),
  });
  assert.equal(result.ok, false);
  assert.ok(!result.ok && result.reason === "lines");
  if (result.ok || result.reason !== "lines") return;
  assert.deepEqual(
    result.problems.map((p) => [p.line, p.reason]),
    [
      [2, "twice"],
      [3, "taken"],
      [4, "invisible"],
      [5, "tooLong"],
    ],
  );
  assert.deepEqual(namesOf(classId), ["Sari"]);
});

test("an empty list and one over the cap are refused", async () => {
  const { teacherId, classId } = await teacherWithClass();
  assert.deepEqual(await addPupilsFromList({ classId, teacherId, text: "\n \n" }), {
    ok: false,
    reason: "empty",
  });
  const many = Array.from({ length: ROSTER_MAX + 1 }, (_, i) => `Siswa ${i + 1}`).join("\n");
  assert.deepEqual(await addPupilsFromList({ classId, teacherId, text: many }), {
    ok: false,
    reason: "tooMany",
  });
  assert.equal(splitList(many).length, ROSTER_MAX + 1);
  assert.deepEqual(namesOf(classId), []);
});

test("another teacher's class is not found", async () => {
  const { classId } = await teacherWithClass();
  const other = await teacherWithClass();
  await assert.rejects(
    addPupilsFromList({ classId, teacherId: other.teacherId, text: "Ani" }),
    (e: unknown) => e instanceof Response && e.status === 404,
  );
  await assert.rejects(
    async () => archiveClasses({ teacherId: other.teacherId, classIds: [other.classId, classId] }),
    (e: unknown) => e instanceof Response && e.status === 404,
  );
  assert.equal(
    (
      unitDb().prepare("SELECT archived_at AS a FROM classes WHERE id = ?").get(other.classId) as {
        a: number | null;
      }
    ).a,
    null,
  );
});

test("the class page: its facts, the roster in name order with ISO times, a teacher's own class has no other owner", async () => {
  const { teacherId, classId } = await teacherWithClass("9C");
  await addPupilsFromList({ classId, teacherId, text: "Citra\nAni" });
  const page = await teacherClassPage({ classId, teacherId });
  assert.equal(page.klass.name, "9C");
  assert.equal(page.klass.isOwner, true);
  assert.equal(page.klass.archived, false);
  assert.equal(page.owner, null);
  assert.deepEqual(
    page.roster.map((p) => p.displayName),
    ["Ani", "Citra"],
  );
  assert.ok(!Number.isNaN(Date.parse(page.roster[0].joinedAt)));
  assert.equal(page.roster[0].lastSeenAt, null);
  assert.deepEqual(page.assignments, []);
  const other = await teacherWithClass();
  await assert.rejects(
    async () => teacherClassPage({ classId, teacherId: other.teacherId }),
    (e: unknown) => e instanceof Response && e.status === 404,
  );
});

test("burst: the same list posted five times at once creates each pupil once", async () => {
  const { teacherId, classId } = await teacherWithClass();
  const text = "Fajar\nGita\nHadi\nIndah";
  const results = await Promise.all(
    Array.from({ length: 5 }, () => addPupilsFromList({ classId, teacherId, text })),
  );
  assert.equal(results.filter((r) => r.ok).length, 1);
  for (const r of results.filter((r) => !r.ok))
    assert.ok(!r.ok && r.reason === "lines" && r.problems.every((p) => p.reason === "taken"));
  assert.deepEqual(namesOf(classId).sort(), ["Fajar", "Gita", "Hadi", "Indah"]);
});

test("rename: same rules as joining, the pupil's own name may change case, a classmate's look-alike may not", async () => {
  const { teacherId, classId } = await teacherWithClass();
  const made = await addPupilsFromList({ classId, teacherId, text: "Joko\nKartika" });
  assert.ok(made.ok);
  if (!made.ok) return;
  const [joko] = made.cards;
  assert.deepEqual(
    await renamePupil({ classId, teacherId, pupilId: joko.id, displayName: "JOKO" }),
    {
      ok: true,
    },
  );
  assert.deepEqual(
    await renamePupil({ classId, teacherId, pupilId: joko.id, displayName: "Kartіka" }),
    {
      ok: false,
      reason: "taken",
    },
  );
  assert.deepEqual(await renamePupil({ classId, teacherId, pupilId: joko.id, displayName: "  " }), {
    ok: false,
    reason: "empty",
  });
  assert.deepEqual(
    await renamePupil({ classId, teacherId, pupilId: joko.id, displayName: " Joko  Widodo " }),
    { ok: true },
  );
  assert.deepEqual(namesOf(classId), ["Joko Widodo", "Kartika"]);
});

function lessonVersion(): number {
  const existing = unitDb().prepare("SELECT id FROM lesson_versions LIMIT 1").get() as
    { id: number } | undefined;
  if (existing) return existing.id;
  return (
    unitDb()
      .prepare(
        "INSERT INTO lesson_versions (slug, content_hash, snapshot) VALUES ('uji', 'h', '{}') RETURNING id",
      )
      .get() as { id: number }
  ).id;
}
function assignment(classId: number, dueAt: number) {
  return (
    unitDb()
      .prepare(
        "INSERT INTO assignments (class_id, lesson_version_id, due_at, max_attempts, feedback) VALUES (?, ?, ?, 3, 'after_due') RETURNING id",
      )
      .get(classId, lessonVersion(), dueAt) as { id: number }
  ).id;
}
function attempt(
  assignmentId: number,
  pupilId: number,
  input: { submitted?: boolean; answers?: number; number?: number } = {},
) {
  const id = (
    unitDb()
      .prepare(
        "INSERT INTO attempts (assignment_id, pupil_id, number, seed, submitted_at) VALUES (?, ?, ?, 1, ?) RETURNING id",
      )
      .get(assignmentId, pupilId, input.number ?? 1, input.submitted ? Date.now() : null) as {
      id: number;
    }
  ).id;
  for (let i = 0; i < (input.answers ?? 0); i++)
    unitDb()
      .prepare("INSERT INTO answers (attempt_id, kind, item_id, choice) VALUES (?, 'quiz', ?, 'a')")
      .run(id, `q${i + 1}`);
  return id;
}

test("merge: work only the duplicate has moves; where both have some, the one with more progress stays; posts move; the duplicate is gone", async () => {
  const { teacherId, classId } = await teacherWithClass();
  const made = await addPupilsFromList({ classId, teacherId, text: "Lina\nLina Dua" });
  assert.ok(made.ok);
  if (!made.ok) return;
  const [keep, dup] = made.cards;
  const due = Date.now() + 86_400_000;
  const onlyDup = assignment(classId, due);
  const bothDupBetter = assignment(classId, due);
  const bothKeepBetter = assignment(classId, due);
  const bothTie = assignment(classId, due);
  const a1 = attempt(onlyDup, dup.id, { answers: 2 });
  const a2dup = attempt(bothDupBetter, dup.id, { submitted: true, answers: 1 });
  attempt(bothDupBetter, keep.id, { answers: 5 });
  attempt(bothKeepBetter, dup.id, { answers: 1 });
  const a3keep = attempt(bothKeepBetter, keep.id, { answers: 4 });
  attempt(bothTie, dup.id, { answers: 2 });
  const a4keep = attempt(bothTie, keep.id, { answers: 2 });
  const post = (
    unitDb()
      .prepare(
        "INSERT INTO posts (assignment_id, prompt_id, author_id, body) VALUES (?, 'd1', ?, 'Pendapat saya') RETURNING id",
      )
      .get(onlyDup, dup.id) as { id: number }
  ).id;

  const result = await mergePupils({ classId, teacherId, fromId: dup.id, intoId: keep.id });
  assert.deepEqual(result, { kept: "Lina", removed: "Lina Dua", moved: 2, dropped: 3 });
  const attemptsOf = (pupilId: number) =>
    (
      unitDb().prepare("SELECT id FROM attempts WHERE pupil_id = ? ORDER BY id").all(pupilId) as {
        id: number;
      }[]
    ).map((r) => r.id);
  assert.deepEqual(
    attemptsOf(keep.id),
    [a1, a2dup, a3keep, a4keep].sort((x, y) => x - y),
  );
  assert.equal(
    (unitDb().prepare("SELECT author_id AS a FROM posts WHERE id = ?").get(post) as { a: number })
      .a,
    keep.id,
  );
  assert.deepEqual(namesOf(classId), ["Lina"]);
  await assert.rejects(
    mergePupils({ classId, teacherId, fromId: keep.id, intoId: keep.id }),
    (e: unknown) => e instanceof Response && e.status === 404,
  );
});

test("merge across classes is not found", async () => {
  const a = await teacherWithClass();
  const madeA = await addPupilsFromList({ ...a, text: "Maya" });
  const b = await createClass({
    teacherId: a.teacherId,
    name: "7C",
    grade: "7",
    subject: "IPS",
    timeZone: "WIB",
  });
  const madeB = await addPupilsFromList({ classId: b, teacherId: a.teacherId, text: "Maya" });
  assert.ok(madeA.ok && madeB.ok);
  if (!madeA.ok || !madeB.ok) return;
  await assert.rejects(
    mergePupils({
      classId: a.classId,
      teacherId: a.teacherId,
      fromId: madeB.cards[0].id,
      intoId: madeA.cards[0].id,
    }),
    (e: unknown) => e instanceof Response && e.status === 404,
  );
});

test("new PINs for all: the old ones stop working, the new ones work, sessions end", async () => {
  const { teacherId, classId, code } = await teacherWithClass();
  const made = await addPupilsFromList({ classId, teacherId, text: "Nina\nOki" });
  assert.ok(made.ok);
  if (!made.ok) return;
  unitDb()
    .prepare(
      "INSERT INTO sessions (id_hash, role, pupil_id, expires_at) VALUES ('s-roster', 'pupil', ?, ?)",
    )
    .run(made.cards[0].id, Date.now() + 3600_000);
  const fresh = await resetAllPins({ classId, teacherId });
  assert.deepEqual(
    fresh.map((c) => c.displayName),
    ["Nina", "Oki"],
  );
  const nina = fresh[0];
  assert.equal(
    (
      unitDb().prepare("SELECT count(*) AS n FROM sessions WHERE pupil_id = ?").get(nina.id) as {
        n: number;
      }
    ).n,
    0,
  );
  if (made.cards[0].pin !== nina.pin)
    assert.deepEqual(
      await signInPupil({ code, displayName: "Nina", pin: made.cards[0].pin, ip: address() }),
      { ok: false, reason: "invalid" },
    );
  assert.deepEqual(await signInPupil({ code, displayName: "Nina", pin: nina.pin, ip: address() }), {
    ok: true,
    pupilId: nina.id,
  });
});

test("next year: assignments copied (rules, not work) with due times moved by whole weeks; one assignment to another class; several archived", async () => {
  const { teacherId, classId } = await teacherWithClass("7D");
  const now = Date.UTC(2026, 6, 13, 1, 0);
  const DAY = 86_400_000;
  const first = assignment(classId, now - 300 * DAY);
  assignment(classId, now - 290 * DAY);
  unitDb()
    .prepare("UPDATE assignments SET closed_at = ?, discussion_closed = true WHERE id = ?")
    .run(now - 300 * DAY, first);
  const made = await addPupilsFromList({ classId, teacherId, text: "Putri" });
  assert.ok(made.ok);
  const copy = await copyClassWithAssignments({
    teacherId,
    fromClassId: classId,
    name: "8D",
    grade: "8",
    subject: "IPS",
    timeZone: "WITA",
    now,
  });
  assert.equal(copy.copied, 2);
  const rows = unitDb()
    .prepare(
      "SELECT due_at AS due, max_attempts AS max, feedback, closed_at AS closed, discussion_closed AS dc FROM assignments WHERE class_id = ? ORDER BY id",
    )
    .all(copy.classId) as {
    due: number;
    max: number;
    feedback: string;
    closed: number | null;
    dc: number;
  }[];
  assert.equal(rows.length, 2);
  const shift = weeksForward([now - 300 * DAY, now - 290 * DAY], now);
  assert.equal(shift % (7 * DAY), 0);
  assert.deepEqual(
    rows.map((r) => r.due),
    [now - 300 * DAY + shift, now - 290 * DAY + shift],
  );
  assert.ok(rows[0].due > now && rows[0].due <= now + 7 * DAY);
  assert.deepEqual(
    rows.map((r) => [r.max, r.feedback, r.closed, r.dc]),
    [
      [3, "after_due", null, 0],
      [3, "after_due", null, 0],
    ],
  );
  assert.deepEqual(namesOf(copy.classId), []);

  const third = await createClass({
    teacherId,
    name: "9D",
    grade: "9",
    subject: "IPS",
    timeZone: "WIB",
  });
  const copied = await copyAssignmentToClass({
    teacherId,
    assignmentId: first,
    toClassId: third,
    now,
  });
  assert.equal(
    (
      unitDb().prepare("SELECT class_id AS c FROM assignments WHERE id = ?").get(copied) as {
        c: number;
      }
    ).c,
    third,
  );
  await assert.rejects(
    async () => copyAssignmentToClass({ teacherId, assignmentId: first, toClassId: classId, now }),
    (e: unknown) => e instanceof Response,
  );

  assert.equal(await archiveClasses({ teacherId, classIds: [classId, third] }), 2);
  const archived = unitDb()
    .prepare("SELECT id FROM classes WHERE teacher_id = ? AND archived_at IS NOT NULL ORDER BY id")
    .all(teacherId) as { id: number }[];
  assert.deepEqual(
    archived.map((r) => r.id),
    [classId, third],
  );
  await assert.rejects(
    async () => copyAssignmentToClass({ teacherId, assignmentId: first, toClassId: third, now }),
    (e: unknown) => e instanceof Response,
  );
});
