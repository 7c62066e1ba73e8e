// Who may do what: for every route file, the expected outcome of its GET and of each form its action
// takes, for the six roles (coTeacherA: a teacher who co-teaches class A), with parameters pointing at class A. The authorization and CSRF
// specs check that this table covers exactly the files in app/routes.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import type { RawResponse } from "./raw-http";
import { testDb, unique } from "./factories";
import { seedLesson, SEED_SLUG } from "./lesson";
import type { FormValues, Outcome, Role, World } from "./security-world";
import { hashSessionId, SESSION_COOKIE_NAME, sessionIdOf } from "./session";
import { recoveryCodeHash, resetTokenHash } from "../../app/utils/recovery-hash.server";

export type Cells = Record<Role, Outcome>;

const cells = (
  anon: Outcome,
  pupilA: Outcome,
  pupilB: Outcome,
  teacherA: Outcome,
  teacherB: Outcome,
  coTeacherA: Outcome,
): Cells => ({ anon, pupilA, pupilB, teacherA, teacherB, coTeacherA });

/** Anyone, signed in or not. */
export const PUBLIC = cells("ok", "ok", "ok", "ok", "ok", "ok");
/** Nobody: the route answers 404 whoever asks. */
export const NOBODY = cells(404, 404, 404, 404, 404, 404);
/** Any teacher, about their own account. */
export const ANY_TEACHER = cells("teacherLogin", 404, 404, "ok", "ok", "ok");
/** A teacher of class A: its owner or its co-teacher. */
export const TEACHER_OF_A = cells("teacherLogin", 404, 404, "ok", 404, "ok");
/** Only the owner of class A; its co-teacher is refused (403: they know the class). */
export const OWNER_OF_A = cells("teacherLogin", 404, 404, "ok", 404, 403);
/** Only a co-teacher of class A (leaving it); the owner is refused. */
export const CO_TEACHER_OF_A = cells("teacherLogin", 404, 404, 403, 404, "ok");
/** Only teacher A, about their own lessons (a co-teacher of a class shares no lessons). */
/** Teacher A alone: the form also names something of A's that the co-teacher does not teach. */
export const TEACHER_A_ONLY = cells("teacherLogin", 404, 404, "ok", 404, 404);
export const LESSON_OWNER_A = cells("teacherLogin", 404, 404, "ok", 404, 404);
/** Any pupil, about themselves. */
export const ANY_PUPIL = cells("pupilLogin", "ok", "ok", 404, 404, 404);
/** Only a pupil of class A. */
export const PUPIL_OF_A = cells("pupilLogin", "ok", 404, 404, 404, 404);

export type ActionCase = {
  name: string;
  cells: Cells;
  /** Realistic fields, as the page's `<Form>` sends them (called once per request). */
  form: (world: World, role: Role) => FormValues;
  /** Read before the request (once per role), handed to `check` as `ctx.before`. */
  before?: (world: World, role: Role) => unknown;
  /**
   * After an allowed request that carried the mass-assignment extras: the database shows the
   * action did what it says (for this role's world only) and ignored the extras.
   */
  check?: (world: World, role: Role, form: FormValues, ctx: CheckContext) => void | Promise<void>;
};

export type CheckContext = { response: RawResponse; before: unknown };

export type RouteSpec = { get?: Cells; post?: ActionCase[] };

const lesson = seedLesson();
const lessonFileText = fs.readFileSync(path.join("content", "lessons", `${SEED_SLUG}.md`), "utf8");
const firstQuestion = lesson.questions[0];
const wrongOption = firstQuestion.options.find((o) => o.id !== firstQuestion.correct)!;
const FUTURE_DUE = () => new Date(Date.now() + 10 * 24 * 3600_000).toISOString().slice(0, 16);
const LONG_TEXT = "Menurut saya tuduhan itu belum didukung bukti yang bisa diperiksa orang lain.";

/** Which teacher or pupil a role is, in the world. */
const teacherOf = (w: World, role: Role) =>
  role === "teacherB" ? w.B.teacher : role === "coTeacherA" ? w.co.teacher : w.A.teacher;
const pupilOf = (w: World, role: Role) => (role === "pupilB" ? w.B.pupil : w.A.pupil);

/**
 * Fields a form never has but an attacker may add, hoping the action copies the whole form into
 * the database. Values point at class B's world or claim privileges. Names a form really uses
 * are left out of that form's extras.
 */
export function massAssignmentExtras(w: World): FormValues {
  return {
    score: 100,
    role: "teacher",
    classId: w.B.klass.id,
    pupilId: w.B.pupil.id,
    correct: "true",
    teacherId: w.B.teacher.id,
    late: "false",
    submittedAt: 0,
    authorId: w.B.pupil.id,
    assignmentId: w.B.assignmentId,
    quizScore: 99,
    hidden: "true",
    exemplary: "true",
    number: 7,
    id: 1,
  };
}

const row = <T>(sql: string, ...args: unknown[]) =>
  testDb()
    .prepare(sql)
    .get(...args) as T;
const draftsOf = (teacherId: number) =>
  row<{ n: number }>("SELECT count(*) AS n FROM authored_lessons WHERE owner_id = ?", teacherId).n;
const rows = <T>(sql: string, ...args: unknown[]) =>
  testDb()
    .prepare(sql)
    .all(...args) as T[];

function expectPostOfPupilA(w: World, where: string, ...args: unknown[]) {
  const post = row<
    { author_id: number; assignment_id: number; hidden: number; exemplary: number } | undefined
  >(`SELECT author_id, assignment_id, hidden, exemplary FROM posts WHERE ${where}`, ...args);
  expect(post).toEqual({
    author_id: w.A.pupil.id,
    assignment_id: w.A.assignmentId,
    hidden: 0,
    exemplary: 0,
  });
}

function expectClassB(w: World) {
  expect(
    row(`SELECT teacher_id AS "teacherId", name FROM classes WHERE id = ?`, w.B.klass.id),
  ).toEqual({
    teacherId: w.B.teacher.id,
    name: w.B.klass.name,
  });
}

/** The session row the answer's Set-Cookie names (signed cookie → id → its SHA-256 in the table). */
async function issuedSession(response: RawResponse) {
  const header = response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie")
    .map((h) => h.value);
  const raw = header.find((h) => h.startsWith(`${SESSION_COOKIE_NAME}=`));
  expect(raw, "a session cookie is set").toBeTruthy();
  const id = await sessionIdOf(raw!);
  expect(typeof id, "the cookie carries a signed id").toBe("string");
  const hash = hashSessionId(id!);
  return row<{ role: string; teacherId: number | null; pupilId: number | null } | undefined>(
    `SELECT role, teacher_id AS "teacherId", pupil_id AS "pupilId" FROM sessions WHERE id_hash = ?`,
    hash,
  );
}

const sessionRowOf = (w: World, role: Role) => {
  const s =
    role === "pupilA"
      ? w.A.sessions.pupil
      : role === "pupilB"
        ? w.B.sessions.pupil
        : role === "teacherA"
          ? w.A.sessions.teacher
          : role === "teacherB"
            ? w.B.sessions.teacher
            : role === "coTeacherA"
              ? w.co.session
              : null;
  if (!s) return null;
  return row<{ n: number }>(
    "SELECT count(*) AS n FROM sessions WHERE id_hash = ?",
    hashSessionId(s.id),
  ).n;
};

const pinHashOf = (id: number) =>
  row<{ hash: string }>("SELECT pin_hash AS hash FROM pupils WHERE id = ?", id).hash;
const closedOf = (id: number) =>
  row<{ c: number }>("SELECT discussion_closed AS c FROM assignments WHERE id = ?", id).c;

/** A fresh recovery code of teacher A, stored as the app stores it (app/models/recovery.server.ts). */
function recoveryCodeOf(teacherId: number): string {
  const code = crypto
    .randomBytes(8)
    .toString("hex")
    .toUpperCase()
    .replace(/[01]/g, "Q")
    .slice(0, 16);
  testDb()
    .prepare("INSERT INTO recovery_codes (teacher_id, code_hash) VALUES (?, ?)")
    .run(teacherId, recoveryCodeHash(code));
  return code;
}
/** A fresh one-hour reset link token of a teacher, as the reset-password script makes it. */
function resetTokenOf(teacherId: number): string {
  const token = crypto.randomBytes(32).toString("base64url");
  testDb()
    .prepare("INSERT INTO password_resets (token_hash, teacher_id, expires_at) VALUES (?, ?, ?)")
    .run(resetTokenHash(token), teacherId, Date.now() + 3600_000);
  return token;
}
const coTeachersOf = (classId: number) =>
  rows<{ t: number }>(
    "SELECT teacher_id AS t FROM class_teachers WHERE class_id = ? ORDER BY teacher_id",
    classId,
  ).map((r) => r.t);

export const MATRIX: Record<string, RouteSpec> = {
  "$.tsx": {
    get: NOBODY,
    post: [{ name: "post to an unknown path", cells: NOBODY, form: () => ({ text: "halo" }) }],
  },
  "_index.tsx": { get: PUBLIC },
  "healthz.ts": { get: PUBLIC },
  "join.tsx": {
    get: PUBLIC,
    post: [
      {
        name: "join class A",
        cells: PUBLIC,
        form: (w) => ({
          code: w.A.klass.joinCode,
          displayName: unique("Penggabung"),
          pin: "2580",
          pinConfirm: "2580",
        }),
        check: (w, _role, form) => {
          const joined = row<{ classId: number }>(
            `SELECT class_id AS "classId" FROM pupils WHERE display_name = ?`,
            form.displayName,
          );
          expect(joined.classId).toBe(w.A.klass.id);
        },
      },
    ],
  },
  "lang.tsx": {
    get: PUBLIC,
    post: [
      {
        name: "switch to English",
        cells: PUBLIC,
        form: () => ({ lang: "en", redirectTo: "/privacy" }),
        check: (_w, _role, _form, { response }) => {
          const set = response
            .headersArray()
            .filter((h) => h.name.toLowerCase() === "set-cookie")
            .map((h) => h.value);
          expect(
            set.filter((c) => c.startsWith("lang=")),
            "the choice is remembered",
          ).toHaveLength(1);
          const location = response.headers()["location"] ?? response.headers()["x-remix-redirect"];
          expect(location, "back where the person was").toBe("/privacy");
        },
      },
    ],
  },
  "lessons.$slug.tsx": { get: PUBLIC },
  "lessons._index.tsx": { get: PUBLIC },
  "logout.tsx": {
    get: PUBLIC,
    post: [
      {
        name: "sign out",
        cells: PUBLIC,
        form: () => ({}),
        check: (w, role) => {
          // the signed-in role's own session row is gone; the others' stay
          // (roles post in the order anon, pupilA, pupilB, teacherA, teacherB)
          if (role !== "anon")
            expect(sessionRowOf(w, role), `${role}'s session after sign-out`).toBe(0);
          else
            for (const r of ["pupilA", "pupilB", "teacherA", "teacherB", "coTeacherA"] as const)
              expect(sessionRowOf(w, r), `${r} still signed in`).toBe(1);
        },
      },
    ],
  },
  "privacy.tsx": { get: PUBLIC },
  "pupil._index.tsx": { get: ANY_PUPIL },
  "pupil.assignments.$assignmentId._index.tsx": {
    get: PUPIL_OF_A,
    post: [
      {
        name: "start or continue",
        cells: PUPIL_OF_A,
        form: () => ({ next: "read" }),
        check: (w) => {
          // the open attempt is continued, for pupil A only; nobody else gets one here
          expect(
            rows(
              "SELECT pupil_id AS p, number FROM attempts WHERE assignment_id = ?",
              w.A.assignmentId,
            ),
          ).toEqual([{ p: w.A.pupil.id, number: 1 }]);
        },
      },
    ],
  },
  "pupil.assignments.$assignmentId.discuss.tsx": {
    get: PUPIL_OF_A,
    post: [
      {
        name: "respond (open)",
        cells: PUPIL_OF_A,
        form: () => ({ intent: "respond", promptId: "d4", body: LONG_TEXT }),
        check: (w) =>
          expectPostOfPupilA(w, "assignment_id = ? AND prompt_id = 'd4'", w.A.assignmentId),
      },
      {
        name: "respond (CER)",
        cells: PUPIL_OF_A,
        form: () => ({
          intent: "respond",
          promptId: "d1",
          claim: LONG_TEXT,
          evidence: LONG_TEXT,
          reasoning: LONG_TEXT,
        }),
        check: (w) =>
          expectPostOfPupilA(w, "assignment_id = ? AND prompt_id = 'd1'", w.A.assignmentId),
      },
      {
        name: "reply",
        cells: PUPIL_OF_A,
        form: (w) => ({
          intent: "reply",
          parentId: w.A.postId,
          body: "Saya setuju, buktinya memang tidak ada.",
        }),
        check: (w) => expectPostOfPupilA(w, "parent_id = ?", w.A.postId),
      },
      {
        name: "edit own post",
        cells: PUPIL_OF_A,
        form: (w) => ({ intent: "edit", postId: w.A.postId, body: LONG_TEXT }),
        check: (w) => {
          expectPostOfPupilA(w, "id = ?", w.A.postId);
          expect(
            row<{ body: string }>("SELECT body FROM posts WHERE id = ?", w.A.postId).body,
          ).toBe(LONG_TEXT);
        },
      },
      {
        name: "delete own post",
        cells: PUPIL_OF_A,
        form: (w) => ({ intent: "delete", postId: w.A.postId }),
        check: (w) => {
          expect(
            row<{ gone: number }>(
              "SELECT deleted_at IS NOT NULL AS gone FROM posts WHERE id = ?",
              w.A.postId,
            ).gone,
          ).toBe(1);
          expect(
            row<{ gone: number }>(
              "SELECT deleted_at IS NOT NULL AS gone FROM posts WHERE id = ?",
              w.B.postId,
            ).gone,
          ).toBe(0);
        },
      },
    ],
  },
  "pupil.assignments.$assignmentId.feedback.tsx": { get: PUPIL_OF_A },
  "pupil.assignments.$assignmentId.quiz.tsx": {
    get: PUPIL_OF_A,
    post: [
      {
        name: "submit",
        cells: PUPIL_OF_A,
        form: (w) => ({ attemptId: w.A.attemptId, intent: "submit" }),
        check: (w) => {
          // scored by the server from the (empty) saved answers, never from the form
          const a = row<{ quiz: number; late: number; submitted: number }>(
            "SELECT quiz_score AS quiz, late, submitted_at IS NOT NULL AS submitted FROM attempts WHERE id = ?",
            w.A.attemptId,
          );
          expect(a).toEqual({ quiz: 0, late: 0, submitted: 1 });
          expect(
            row<{ open: number }>(
              "SELECT submitted_at IS NULL AS open FROM attempts WHERE id = ?",
              w.B.attemptId,
            ).open,
          ).toBe(1);
        },
      },
    ],
  },
  "pupil.assignments.$assignmentId.read.tsx": { get: PUPIL_OF_A },
  "pupil.assignments.$assignmentId.sort.tsx": {
    get: PUPIL_OF_A,
    post: [
      {
        name: "save every statement on the page and go on",
        cells: PUPIL_OF_A,
        form: (w) => ({
          attemptId: w.A.attemptId,
          [`a.${lesson.sorting[0].id}`]: "opinion",
          intent: "next",
        }),
        check: (w) => {
          expect(
            rows(
              "SELECT kind, item_id AS item, choice FROM answers WHERE attempt_id = ?",
              w.A.attemptId,
            ),
          ).toEqual([{ kind: "sort", item: lesson.sorting[0].id, choice: "opinion" }]);
          expect(rows("SELECT item_id FROM answers WHERE attempt_id = ?", w.B.attemptId)).toEqual(
            [],
          );
        },
      },
    ],
  },
  "pupil.assignments.$assignmentId.tsx": { get: PUPIL_OF_A },
  "pupil.attempts.$attemptId.answers.tsx": {
    get: NOBODY,
    post: [
      {
        name: "save an answer",
        cells: PUPIL_OF_A,
        form: (w) => ({
          kind: "quiz",
          itemId: firstQuestion.id,
          choice: wrongOption.id,
          redirectTo: `/pupil/assignments/${w.A.assignmentId}/quiz`,
        }),
        check: (w) => {
          expect(
            rows(
              "SELECT kind, item_id AS item, choice FROM answers WHERE attempt_id = ?",
              w.A.attemptId,
            ),
          ).toEqual([{ kind: "quiz", item: firstQuestion.id, choice: wrongOption.id }]);
          const a = row(
            "SELECT quiz_score AS quiz, submitted_at AS submitted FROM attempts WHERE id = ?",
            w.A.attemptId,
          );
          expect(a).toEqual({ quiz: null, submitted: null });
        },
      },
    ],
  },
  "pupil.data.export.ts": { get: ANY_PUPIL },
  "pupil.data.tsx": { get: ANY_PUPIL },
  "pupil.login.tsx": {
    get: PUBLIC,
    post: [
      {
        name: "sign in as pupil A",
        cells: PUBLIC,
        form: (w) => ({
          code: w.A.klass.joinCode,
          displayName: w.A.pupil.name,
          pin: w.A.pupil.pin,
        }),
        check: async (w, _role, _form, { response }) => {
          expect(await issuedSession(response)).toEqual({
            role: "pupil",
            teacherId: null,
            pupilId: w.A.pupil.id,
          });
        },
      },
    ],
  },
  "teacher._index.tsx": {
    get: ANY_TEACHER,
    post: [
      {
        name: "create a class",
        cells: ANY_TEACHER,
        form: () => ({ name: unique("Kelas Baru"), grade: "9", subject: "PPKn", timeZone: "WITA" }),
        check: (w, role, form) => {
          const made = row<{ teacherId: number }>(
            `SELECT teacher_id AS "teacherId" FROM classes WHERE name = ?`,
            form.name,
          );
          expect(made.teacherId).toBe(teacherOf(w, role).id);
        },
      },
    ],
  },
  "teacher.account.tsx": {
    get: ANY_TEACHER,
    post: [
      {
        name: "new recovery codes",
        cells: ANY_TEACHER,
        form: (w, role) => ({
          intent: "recoveryCodes",
          currentPassword: teacherOf(w, role).password,
        }),
        check: (w, role) => {
          const unused = (id: number) =>
            row<{ n: number }>(
              "SELECT count(*) AS n FROM recovery_codes WHERE teacher_id = ? AND used_at IS NULL",
              id,
            ).n;
          expect(unused(teacherOf(w, role).id)).toBe(8);
        },
      },
      {
        name: "delete own account",
        cells: ANY_TEACHER,
        form: (w, role) => ({ password: teacherOf(w, role).password, confirm: "yes" }),
        check: (w, role) => {
          expect(
            row<{ n: number }>(
              "SELECT count(*) AS n FROM teachers WHERE id = ?",
              teacherOf(w, role).id,
            ).n,
          ).toBe(0);
        },
      },
    ],
  },
  "teacher.assign.tsx": {
    get: ANY_TEACHER,
    post: [
      {
        name: "assign to class A",
        // class A is named in the form: only its own teacher may assign to it
        cells: TEACHER_OF_A,
        form: (w) => ({
          lesson: SEED_SLUG,
          classId: [w.A.klass.id],
          due: FUTURE_DUE(),
          maxAttempts: "1",
          counting: "highest",
          feedback: "immediate",
          postFirst: "on",
        }),
        check: (w) => {
          expect(
            row<{ n: number }>(
              "SELECT count(*) AS n FROM assignments WHERE class_id = ?",
              w.A.klass.id,
            ).n,
          ).toBe(2);
          expect(
            row<{ n: number }>(
              "SELECT count(*) AS n FROM assignments WHERE class_id = ?",
              w.B.klass.id,
            ).n,
          ).toBe(1);
        },
      },
    ],
  },
  "teacher.assignments.$assignmentId._index.tsx": {
    get: TEACHER_OF_A,
    post: [
      {
        name: "change settings",
        cells: TEACHER_OF_A,
        form: () => ({
          intent: "settings",
          due: FUTURE_DUE(),
          acceptLate: "on",
          maxAttempts: "3",
          counting: "last",
          feedback: "after_due",
          shuffle: "on",
          postFirst: "on",
        }),
        check: (w) => {
          const a = row(
            `SELECT class_id AS "classId", max_attempts AS max, feedback FROM assignments WHERE id = ?`,
            w.A.assignmentId,
          );
          expect(a).toEqual({ classId: w.A.klass.id, max: 3, feedback: "after_due" });
        },
      },
      {
        name: "close the discussion",
        cells: TEACHER_OF_A,
        form: () => ({ intent: "discussion", closed: "true" }),
        check: (w) => {
          expect(closedOf(w.A.assignmentId)).toBe(1);
          expect(closedOf(w.B.assignmentId)).toBe(0);
        },
      },
    ],
  },
  "teacher.assignments.$assignmentId.copy.tsx": {
    get: TEACHER_OF_A,
    post: [
      {
        name: "copy the assignment to the teacher's other class",
        // the target is a class only teacher A teaches: the co-teacher of class A gets 404 for it
        cells: TEACHER_A_ONLY,
        form: (w) => ({ toClassId: w.A.spare.id }),
        check: (w) => {
          expect(
            rows("SELECT lesson_version_id AS v FROM assignments WHERE class_id = ?", w.A.spare.id),
          ).toEqual(
            rows("SELECT lesson_version_id AS v FROM assignments WHERE id = ?", w.A.assignmentId),
          );
          expect(
            row<{ n: number }>(
              "SELECT count(*) AS n FROM assignments WHERE class_id IN (?, ?)",
              w.B.klass.id,
              w.B.spare.id,
            ).n,
          ).toBe(1);
        },
      },
    ],
  },
  "teacher.assignments.$assignmentId.delete.tsx": {
    get: TEACHER_OF_A,
    post: [
      {
        name: "delete the assignment",
        cells: TEACHER_OF_A,
        form: () => ({}),
        check: (w) => {
          expect(
            row<{ n: number }>(
              "SELECT count(*) AS n FROM assignments WHERE id = ?",
              w.A.assignmentId,
            ).n,
          ).toBe(0);
          expect(
            row<{ n: number }>(
              "SELECT count(*) AS n FROM assignments WHERE id = ?",
              w.B.assignmentId,
            ).n,
          ).toBe(1);
        },
      },
    ],
  },
  "teacher.assignments.$assignmentId.discussion.tsx": {
    get: TEACHER_OF_A,
    post: [
      {
        name: "close the discussion",
        cells: TEACHER_OF_A,
        form: () => ({ intent: "discussion", closed: "true" }),
        check: (w) => {
          expect(closedOf(w.A.assignmentId)).toBe(1);
          expect(closedOf(w.B.assignmentId)).toBe(0);
        },
      },
      {
        name: "private feedback",
        cells: TEACHER_OF_A,
        form: (w) => ({
          intent: "feedback",
          postId: w.A.postId,
          body: "Bagus, sebutkan paragrafnya juga.",
        }),
        check: (w) => {
          expect(
            rows(
              `SELECT post_id AS "postId" FROM post_feedback WHERE post_id IN (?, ?)`,
              w.A.postId,
              w.B.postId,
            ),
          ).toEqual([{ postId: w.A.postId }]);
        },
      },
      {
        name: "hide a post",
        cells: TEACHER_OF_A,
        form: (w) => ({ intent: "hide", postId: w.A.postId, value: "true" }),
        check: (w) => {
          expect(
            row<{ h: number }>("SELECT hidden AS h FROM posts WHERE id = ?", w.A.postId).h,
          ).toBe(1);
          expect(
            row<{ h: number }>("SELECT hidden AS h FROM posts WHERE id = ?", w.B.postId).h,
          ).toBe(0);
        },
      },
      {
        name: "mark exemplary",
        cells: TEACHER_OF_A,
        form: (w) => ({ intent: "exemplary", postId: w.A.postId, value: "true" }),
        check: (w) => {
          expect(
            row<{ e: number }>("SELECT exemplary AS e FROM posts WHERE id = ?", w.A.postId).e,
          ).toBe(1);
          expect(
            row<{ e: number }>("SELECT exemplary AS e FROM posts WHERE id = ?", w.B.postId).e,
          ).toBe(0);
        },
      },
    ],
  },
  "teacher.assignments.$assignmentId.live.tsx": {
    get: TEACHER_OF_A,
    post: [
      {
        name: "close the assignment for everyone",
        cells: TEACHER_OF_A,
        form: () => ({ intent: "close", confirm: "yes" }),
        check: (w) => {
          const closed = (id: number) =>
            row<{ c: number | null }>("SELECT closed_at AS c FROM assignments WHERE id = ?", id).c;
          expect(closed(w.A.assignmentId)).not.toBeNull();
          expect(closed(w.B.assignmentId)).toBeNull();
          expect(
            row<{ s: number | null; b: number }>(
              "SELECT submitted_at AS s, submitted_by_close AS b FROM attempts WHERE id = ?",
              w.A.attemptId,
            ).b,
          ).toBe(1);
          expect(
            row<{ s: number | null }>(
              "SELECT submitted_at AS s FROM attempts WHERE id = ?",
              w.B.attemptId,
            ).s,
          ).toBeNull();
        },
      },
    ],
  },
  "teacher.assignments.$assignmentId.live[.]json.ts": { get: TEACHER_OF_A },
  "teacher.assignments.$assignmentId.projector.tsx": { get: TEACHER_OF_A },
  "teacher.assignments.$assignmentId.pupils.$pupilId.tsx": {
    get: TEACHER_OF_A,
    post: [
      {
        name: "give the pupil an extension",
        cells: TEACHER_OF_A,
        form: () => ({ intent: "extend", due: FUTURE_DUE(), extraAttempts: "1" }),
        check: (w) => {
          const of = (s: World["A"]) =>
            rows(
              `SELECT pupil_id AS "pupilId", extra_attempts AS extra FROM extensions WHERE assignment_id = ?`,
              s.assignmentId,
            );
          // the pupil and assignment come from the address, never from the form's extras
          expect(of(w.A)).toEqual([{ pupilId: w.A.pupil.id, extra: 1 }]);
          expect(of(w.B)).toEqual([]);
        },
      },
      {
        name: "remove the pupil's extension",
        cells: TEACHER_OF_A,
        form: () => ({ intent: "clear" }),
        before: (w) => {
          testDb()
            .prepare(
              "INSERT INTO extensions (assignment_id, pupil_id, extra_attempts) VALUES (?, ?, 1) ON CONFLICT DO NOTHING",
            )
            .run(w.A.assignmentId, w.A.pupil.id);
          testDb()
            .prepare(
              "INSERT INTO extensions (assignment_id, pupil_id, extra_attempts) VALUES (?, ?, 1) ON CONFLICT DO NOTHING",
            )
            .run(w.B.assignmentId, w.B.pupil.id);
          return null;
        },
        check: (w) => {
          const n = (s: World["A"]) =>
            row<{ n: number }>(
              "SELECT count(*) AS n FROM extensions WHERE assignment_id = ?",
              s.assignmentId,
            ).n;
          expect(n(w.A)).toBe(0);
          expect(n(w.B)).toBe(1);
        },
      },
    ],
  },
  "teacher.assignments.$assignmentId.results.tsx": { get: TEACHER_OF_A },
  "teacher.assignments.$assignmentId.results[.]csv.tsx": { get: TEACHER_OF_A },
  "teacher.assignments.$assignmentId.results[.]xlsx.tsx": { get: TEACHER_OF_A },
  "teacher.classes.$classId._index.tsx": {
    get: TEACHER_OF_A,
    post: [
      {
        name: "rename",
        cells: TEACHER_OF_A,
        form: () => ({ intent: "rename", name: unique("Nama Baru") }),
        check: (w, _role, form) => {
          expect(
            row(`SELECT teacher_id AS "teacherId", name FROM classes WHERE id = ?`, w.A.klass.id),
          ).toEqual({
            teacherId: w.A.teacher.id,
            name: form.name,
          });
          expectClassB(w);
        },
      },
      ...(["archive", "unarchive", "joinOff", "joinOn", "regenerate"] as const).map((intent) => ({
        name: intent,
        // archiving ends the class for its pupils: the owner's decision (docs/decisions/106)
        cells: intent === "archive" || intent === "unarchive" ? OWNER_OF_A : TEACHER_OF_A,
        form: () => ({ intent }),
        check: (w: World) => expectClassB(w),
      })),
      {
        name: "reset a PIN",
        cells: TEACHER_OF_A,
        form: (w) => ({ intent: "resetPin", pupilId: w.A.pupil.id }),
        before: (w) => ({
          a: row<{ hash: string }>("SELECT pin_hash AS hash FROM pupils WHERE id = ?", w.A.pupil.id)
            .hash,
          b: row<{ hash: string }>("SELECT pin_hash AS hash FROM pupils WHERE id = ?", w.B.pupil.id)
            .hash,
        }),
        check: (w, _role, _form, { before }) => {
          const was = before as { a: string; b: string };
          const hashOf = (id: number) =>
            row<{ hash: string }>("SELECT pin_hash AS hash FROM pupils WHERE id = ?", id).hash;
          expect(hashOf(w.A.pupil.id), "pupil A's PIN hash is replaced").not.toBe(was.a);
          expect(hashOf(w.B.pupil.id), "pupil B's PIN hash is untouched").toBe(was.b);
        },
      },
    ],
  },
  "teacher.classes.$classId.cards.tsx": {
    get: TEACHER_OF_A,
    post: [
      {
        name: "new PINs for every pupil",
        cells: TEACHER_OF_A,
        form: () => ({ intent: "resetAll" }),
        before: (w) => ({
          a: pinHashOf(w.A.pupil.id),
          twin: pinHashOf(w.A.twin.id),
          b: pinHashOf(w.B.pupil.id),
        }),
        check: async (w, _role, _form, { response, before }) => {
          const was = before as { a: string; twin: string; b: string };
          expect(pinHashOf(w.A.pupil.id)).not.toBe(was.a);
          expect(pinHashOf(w.A.twin.id)).not.toBe(was.twin);
          expect(pinHashOf(w.B.pupil.id)).toBe(was.b);
          expect(await response.text()).toContain(w.A.twin.name);
        },
      },
    ],
  },
  "teacher.classes.$classId.roster.tsx": {
    get: TEACHER_OF_A,
    post: [
      {
        name: "add pupils from a pasted list",
        cells: TEACHER_OF_A,
        form: () => ({ names: `${unique("Daftar")}\n\n${unique("Daftar")}\n` }),
        check: (w, _role, form) => {
          const names = String(form.names).split("\n").filter(Boolean);
          const made = rows<{ classId: number }>(
            `SELECT class_id AS "classId" FROM pupils WHERE display_name IN (?, ?)`,
            ...names,
          );
          expect(made).toEqual([{ classId: w.A.klass.id }, { classId: w.A.klass.id }]);
        },
      },
    ],
  },
  "teacher.classes.$classId.copy.tsx": {
    get: TEACHER_OF_A,
    post: [
      {
        name: "copy the assignments into a new class",
        cells: TEACHER_OF_A,
        form: () => ({
          name: unique("Kelas Tahun Depan"),
          grade: "9",
          subject: "IPS",
          timeZone: "WIT",
        }),
        check: (w, role, form) => {
          const made = row<{ id: number; teacherId: number }>(
            `SELECT id, teacher_id AS "teacherId" FROM classes WHERE name = ?`,
            form.name,
          );
          expect(made.teacherId).toBe(teacherOf(w, role).id);
          expect(
            rows("SELECT lesson_version_id AS v FROM assignments WHERE class_id = ?", made.id),
          ).toEqual(
            rows("SELECT lesson_version_id AS v FROM assignments WHERE class_id = ?", w.A.klass.id),
          );
          expect(
            row<{ n: number }>("SELECT count(*) AS n FROM pupils WHERE class_id = ?", made.id).n,
          ).toBe(0);
        },
      },
    ],
  },
  "teacher.classes.archive.tsx": {
    get: ANY_TEACHER,
    post: [
      {
        name: "archive class A (and its spare) in one step",
        // the classes are named in the form: only their owner may archive them (a co-teacher: 403)
        cells: OWNER_OF_A,
        form: (w) => ({ classId: [w.A.klass.id, w.A.spare.id] }),
        check: (w) => {
          const archived = (id: number) =>
            row<{ a: number | null }>("SELECT archived_at AS a FROM classes WHERE id = ?", id).a;
          expect(archived(w.A.klass.id)).not.toBeNull();
          expect(archived(w.A.spare.id)).not.toBeNull();
          expect(archived(w.B.klass.id)).toBeNull();
        },
      },
    ],
  },
  "teacher.classes.$classId.delete.tsx": {
    get: OWNER_OF_A,
    post: [
      {
        name: "delete class A",
        cells: OWNER_OF_A,
        form: () => ({ confirm: "yes" }),
        check: (w) => {
          expect(
            row<{ n: number }>("SELECT count(*) AS n FROM classes WHERE id = ?", w.A.klass.id).n,
          ).toBe(0);
          expect(
            row<{ n: number }>("SELECT count(*) AS n FROM pupils WHERE id = ?", w.A.pupil.id).n,
          ).toBe(0);
          expectClassB(w);
        },
      },
    ],
  },
  "teacher.classes.$classId.teachers.tsx": {
    get: TEACHER_OF_A,
    post: [
      {
        name: "invite teacher B as co-teacher",
        cells: OWNER_OF_A,
        form: (w) => ({ intent: "invite", email: w.B.teacher.email }),
        check: (w) => {
          expect(coTeachersOf(w.A.klass.id)).toEqual(
            [w.B.teacher.id, w.co.teacher.id].sort((a, b) => a - b),
          );
          expect(coTeachersOf(w.B.klass.id)).toEqual([]);
        },
      },
      {
        name: "remove the co-teacher",
        cells: OWNER_OF_A,
        form: (w) => ({ intent: "remove", coTeacherId: w.co.teacher.id }),
        check: (w) => expect(coTeachersOf(w.A.klass.id)).toEqual([]),
      },
      {
        name: "leave the class",
        cells: CO_TEACHER_OF_A,
        form: () => ({ intent: "leave" }),
        check: (w) => {
          expect(coTeachersOf(w.A.klass.id)).toEqual([]);
          expectClassB(w);
        },
      },
    ],
  },
  "teacher.classes.$classId.pupils.$pupilId.export.ts": { get: TEACHER_OF_A },
  "teacher.classes.$classId.pupils.$pupilId.pin.tsx": {
    get: TEACHER_OF_A,
    post: [
      {
        name: "reset the pupil's PIN",
        cells: TEACHER_OF_A,
        form: () => ({}),
        check: (w) => {
          // only pupil A's sessions end; class B's pupil keeps theirs
          expect(
            row<{ n: number }>(
              "SELECT count(*) AS n FROM sessions WHERE pupil_id = ?",
              w.A.pupil.id,
            ).n,
          ).toBe(0);
          expect(
            row<{ n: number }>(
              "SELECT count(*) AS n FROM sessions WHERE pupil_id = ?",
              w.B.pupil.id,
            ).n,
          ).toBeGreaterThan(0);
        },
      },
    ],
  },
  "teacher.classes.$classId.pupils.$pupilId.rename.tsx": {
    get: TEACHER_OF_A,
    post: [
      {
        name: "rename the pupil",
        cells: TEACHER_OF_A,
        form: () => ({ displayName: unique("Nama Baru") }),
        check: (w, _role, form) => {
          expect(
            row<{ n: string }>("SELECT display_name AS n FROM pupils WHERE id = ?", w.A.pupil.id).n,
          ).toBe(form.displayName);
          expect(
            row<{ n: string }>("SELECT display_name AS n FROM pupils WHERE id = ?", w.B.pupil.id).n,
          ).toBe(w.B.pupil.name);
        },
      },
    ],
  },
  "teacher.classes.$classId.pupils.$pupilId.merge.tsx": {
    get: TEACHER_OF_A,
    post: [
      {
        name: "merge the pupil into their classmate",
        cells: TEACHER_OF_A,
        form: (w) => ({ intoId: w.A.twin.id, confirm: "yes" }),
        check: (w) => {
          expect(
            row<{ n: number }>("SELECT count(*) AS n FROM pupils WHERE id = ?", w.A.pupil.id).n,
          ).toBe(0);
          expect(
            row<{ p: number }>("SELECT pupil_id AS p FROM attempts WHERE id = ?", w.A.attemptId).p,
          ).toBe(w.A.twin.id);
          expect(
            row<{ a: number }>("SELECT author_id AS a FROM posts WHERE id = ?", w.A.postId).a,
          ).toBe(w.A.twin.id);
          expect(
            row<{ p: number }>("SELECT pupil_id AS p FROM attempts WHERE id = ?", w.B.attemptId).p,
          ).toBe(w.B.pupil.id);
        },
      },
    ],
  },
  "teacher.classes.$classId.pupils.$pupilId.remove.tsx": {
    get: TEACHER_OF_A,
    post: [
      {
        name: "remove the pupil",
        cells: TEACHER_OF_A,
        form: () => ({ confirm: "yes" }),
        check: (w) => {
          expect(
            row<{ n: number }>(
              "SELECT count(*) AS n FROM pupils WHERE id IN (?, ?)",
              w.A.pupil.id,
              w.B.pupil.id,
            ).n,
          ).toBe(1);
        },
      },
    ],
  },
  "teacher.classes.$classId.results.tsx": { get: TEACHER_OF_A },
  "teacher.lessons._index.tsx": {
    get: ANY_TEACHER,
    post: [
      {
        name: "copy the seed lesson to adapt",
        cells: ANY_TEACHER,
        form: () => ({ intent: "copy", slug: SEED_SLUG }),
        check: (w, role) => {
          const owner = teacherOf(w, role).id;
          expect(
            row<{ n: number }>(
              "SELECT count(*) AS n FROM authored_lessons WHERE owner_id = ? AND copied_from = ?",
              owner,
              SEED_SLUG,
            ).n,
          ).toBeGreaterThan(0);
        },
      },
    ],
  },
  "teacher.lessons.new.tsx": {
    get: ANY_TEACHER,
    post: [
      {
        name: "create a lesson from an article",
        cells: ANY_TEACHER,
        form: () => ({
          intent: "create",
          title: unique("Artikel"),
          article: "Paragraf satu.\n\nParagraf dua.",
          language: "id",
          gradeBand: "SMP",
          outletUnknown: "on",
          authorUnknown: "on",
          publishedAtUnknown: "on",
          eventDateUnknown: "on",
          urlUnknown: "on",
        }),
        // a draft with that title now belongs to this teacher (and only to them)
        check: (w, role, form) => {
          const made = row<{ o: number }>(
            "SELECT owner_id AS o FROM authored_lessons WHERE title = ?",
            form.title,
          );
          expect(made?.o).toBe(teacherOf(w, role).id);
        },
      },
    ],
  },
  "teacher.lessons.import.tsx": {
    get: ANY_TEACHER,
    post: [
      {
        name: "upload a lesson file",
        cells: ANY_TEACHER,
        form: () => ({ file: lessonFileText }),
        before: (w, role) => draftsOf(teacherOf(w, role).id),
        // one more private draft for this teacher
        check: (w, role, _form, { before }) =>
          expect(draftsOf(teacherOf(w, role).id)).toBe((before as number) + 1),
      },
    ],
  },
  "teacher.lessons.$lessonId._index.tsx": {
    get: LESSON_OWNER_A,
    post: [
      {
        name: "save the objectives",
        cells: LESSON_OWNER_A,
        form: () => ({
          intent: "lists",
          objectives: "Membedakan tuduhan dari bukti.",
          glossary: "",
          speakers: "",
          teacherNotes: "",
        }),
        check: (w) => {
          const draft = JSON.parse(
            row<{ draft: string }>("SELECT draft FROM authored_lessons WHERE id = ?", w.A.lessonId)
              .draft,
          );
          expect(draft.objectives).toEqual(["Membedakan tuduhan dari bukti."]);
          expect(
            row<{ o: number }>(
              "SELECT owner_id AS o FROM authored_lessons WHERE id = ?",
              w.A.lessonId,
            ).o,
          ).toBe(w.A.teacher.id);
        },
      },
    ],
  },
  "teacher.lessons.$lessonId.preview.tsx": {
    get: LESSON_OWNER_A,
    post: [
      {
        name: "submit answers in the preview",
        cells: LESSON_OWNER_A,
        // the choices carried from the sort and quiz steps (app/models/lesson-preview.server.ts)
        form: () => ({ "q.q1": "a" }),
        before: (w) =>
          row<{ n: number }>("SELECT count(*) AS n FROM attempts WHERE pupil_id = ?", w.A.pupil.id)
            .n,
        // the preview answers with the draft's explanations (it is a copy of the seed lesson), and
        // writes nothing for anyone: class A's pupil still has only the attempt the world made
        check: async (w, _role, _form, { response, before }) => {
          expect(response.status()).toBe(200);
          expect(await response.text()).toContain(seedLesson().questions[0].explanation);
          expect(
            row<{ n: number }>(
              "SELECT count(*) AS n FROM attempts WHERE pupil_id = ?",
              w.A.pupil.id,
            ).n,
          ).toBe(before);
        },
      },
    ],
  },
  "teacher.lessons.$lessonId.export.ts": { get: LESSON_OWNER_A },
  "teacher.lessons.file.$slug.ts": { get: ANY_TEACHER },
  "teacher.forgot.tsx": {
    get: PUBLIC,
    post: [
      {
        name: "new password with a recovery code of teacher A",
        cells: PUBLIC,
        form: (w) => ({
          email: w.A.teacher.email,
          code: recoveryCodeOf(w.A.teacher.id),
          password: `sandi baru ${unique("p")}`,
        }),
        check: async (w, _role, form, { response }) => {
          expect(await issuedSession(response)).toEqual({
            role: "teacher",
            teacherId: w.A.teacher.id,
            pupilId: null,
          });
          const used = row<{ u: number | null }>(
            "SELECT used_at AS u FROM recovery_codes WHERE code_hash = ?",
            recoveryCodeHash(String(form.code)),
          );
          expect(used.u).not.toBeNull();
        },
      },
    ],
  },
  "teacher.reset.tsx": {
    get: PUBLIC,
    post: [
      {
        name: "new password through a reset link of teacher A",
        cells: PUBLIC,
        form: (w) => ({
          token: resetTokenOf(w.A.teacher.id),
          password: `sandi baru ${unique("p")}`,
        }),
        check: async (w, _role, form, { response }) => {
          expect(await issuedSession(response)).toEqual({
            role: "teacher",
            teacherId: w.A.teacher.id,
            pupilId: null,
          });
          const used = row<{ u: number | null }>(
            "SELECT used_at AS u FROM password_resets WHERE token_hash = ?",
            resetTokenHash(String(form.token)),
          );
          expect(used.u).not.toBeNull();
        },
      },
    ],
  },
  "teacher.login.tsx": {
    get: PUBLIC,
    post: [
      {
        name: "sign in as teacher A",
        cells: PUBLIC,
        form: (w) => ({ email: w.A.teacher.email, password: w.A.teacher.password }),
        check: async (w, _role, _form, { response }) => {
          expect(await issuedSession(response)).toEqual({
            role: "teacher",
            teacherId: w.A.teacher.id,
            pupilId: null,
          });
        },
      },
    ],
  },
  "teacher.signup.tsx": {
    get: PUBLIC,
    post: [
      {
        name: "sign up",
        cells: PUBLIC,
        form: () => ({
          name: "Bu Tes",
          email: `${unique("baru")}@sekolah.test`,
          password: "kopi tubruk di pagi hari",
        }),
        check: (_w, _role, form) => {
          const made = row<{ n: number }>(
            "SELECT count(*) AS n FROM teachers WHERE email = ?",
            form.email,
          );
          expect(made.n).toBe(1);
        },
      },
    ],
  },
};

/** The role that owns class A's resources on a route (the one allowed where class B's is not). */
export function ownerOf(c: Cells): "teacherA" | "pupilA" | null {
  if (c.teacherA === "ok" && c.teacherB === 404) return "teacherA";
  if (c.pupilA === "ok" && c.pupilB === 404) return "pupilA";
  return null;
}

export { pupilOf, teacherOf };
