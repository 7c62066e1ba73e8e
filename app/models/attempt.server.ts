// Attempts and answers: idempotent start, save-on-choose, all-or-nothing submit scored on the server.
import crypto from "node:crypto";
import { and, asc, desc, eq } from "drizzle-orm";
import { answers, assignments, attempts } from "../../db/schema";
import { db } from "~/db.server";
import { getLessonVersion } from "~/models/lesson.server";
import { canStartNew, isValidChoice, scoreAttempt, workOpen } from "~/utils/quiz";
import type { PupilAssignment } from "./assignment.server";

export type AttemptRow = typeof attempts.$inferSelect;
const notFound = () => new Response("Not found", { status: 404 });

export type StartResult =
  | { ok: true; attempt: AttemptRow; created: boolean }
  | { ok: false; reason: "limit" | "closed" };

/**
 * Returns the pupil's open attempt, or opens the next one when the rules allow. A reload or a
 * double click finds the open attempt, so it never makes a second one.
 */
export function startAttempt({
  pupilId,
  assignment,
  now = Date.now(),
}: {
  pupilId: number;
  assignment: Pick<PupilAssignment, "id" | "dueAt" | "acceptLate" | "maxAttempts">;
  now?: number;
}): StartResult {
  return db.transaction((tx) => {
    const latest = tx
      .select()
      .from(attempts)
      .where(and(eq(attempts.assignmentId, assignment.id), eq(attempts.pupilId, pupilId)))
      .orderBy(desc(attempts.number))
      .get();
    if (latest && !latest.submittedAt) return { ok: true as const, attempt: latest, created: false };
    if (!workOpen(assignment, now)) return { ok: false as const, reason: "closed" as const };
    const made = latest?.number ?? 0;
    if (!canStartNew(assignment, made)) return { ok: false as const, reason: "limit" as const };
    const attempt = tx
      .insert(attempts)
      .values({
        assignmentId: assignment.id,
        pupilId,
        number: made + 1,
        seed: crypto.randomInt(0, 2 ** 31),
        startedAt: new Date(now),
      })
      .returning()
      .get();
    return { ok: true as const, attempt, created: true };
  }, { behavior: "immediate" });
}

/** The pupil's attempts at an assignment, oldest first, with each one's saved answers. */
export function pupilAttempts({ pupilId, assignmentId }: { pupilId: number; assignmentId: number }) {
  const rows = db
    .select()
    .from(attempts)
    .where(and(eq(attempts.assignmentId, assignmentId), eq(attempts.pupilId, pupilId)))
    .orderBy(asc(attempts.number))
    .all();
  return rows;
}

export function attemptAnswers(attemptId: number) {
  return db
    .select({ kind: answers.kind, itemId: answers.itemId, choice: answers.choice, savedAt: answers.savedAt })
    .from(answers)
    .where(eq(answers.attemptId, attemptId))
    .all();
}

type OwnedAttempt = AttemptRow & {
  dueAt: Date;
  acceptLate: boolean;
  lessonVersionId: number;
  classId: number;
};

/** The attempt if it belongs to this pupil (and so to their class), else 404. */
function ownedAttempt(pupilId: number, attemptId: number): OwnedAttempt {
  const row = db
    .select({
      attempt: attempts,
      dueAt: assignments.dueAt,
      acceptLate: assignments.acceptLate,
      lessonVersionId: assignments.lessonVersionId,
      classId: assignments.classId,
    })
    .from(attempts)
    .innerJoin(assignments, eq(assignments.id, attempts.assignmentId))
    .where(and(eq(attempts.id, attemptId), eq(attempts.pupilId, pupilId)))
    .get();
  if (!row) throw notFound();
  return {
    ...row.attempt,
    dueAt: row.dueAt,
    acceptLate: row.acceptLate,
    lessonVersionId: row.lessonVersionId,
    classId: row.classId,
  };
}

export type SaveResult =
  | { ok: true; savedAt: number; assignmentId: number }
  | { ok: false; reason: "submitted" | "closed" | "item" | "choice"; assignmentId: number };

/** Stores one choice (quiz option or sorting category), replacing an earlier one for that item. */
export function saveAnswer({
  pupilId,
  attemptId,
  kind,
  itemId,
  choice,
  now = Date.now(),
}: {
  pupilId: number;
  attemptId: number;
  kind: "quiz" | "sort";
  itemId: string;
  choice: string;
  now?: number;
}): SaveResult {
  const attempt = ownedAttempt(pupilId, attemptId);
  const assignmentId = attempt.assignmentId;
  if (attempt.submittedAt) return { ok: false, reason: "submitted", assignmentId };
  if (!workOpen(attempt, now)) return { ok: false, reason: "closed", assignmentId };
  const lesson = getLessonVersion(attempt.lessonVersionId);
  if (!lesson) throw notFound();
  const valid = isValidChoice(lesson, kind, itemId, choice);
  if (valid !== "ok") return { ok: false, reason: valid, assignmentId };
  // better-sqlite3 is synchronous: no other request runs between the checks above and this
  // write, so a submit cannot slip in between (one server process owns the database).
  const savedAt = new Date(now);
  db
    .insert(answers)
    .values({ attemptId, kind, itemId, choice, savedAt })
    .onConflictDoUpdate({
      target: [answers.attemptId, answers.kind, answers.itemId],
      set: { choice, savedAt },
    })
    .run();
  return { ok: true, savedAt: now, assignmentId };
}

export type SubmitResult =
  | { ok: true; attempt: AttemptRow; already: boolean }
  | { ok: false; reason: "closed" };

/** Scores and closes the attempt in one transaction; a second submit changes nothing. */
export function submitAttempt({
  pupilId,
  attemptId,
  assignmentId,
  now = Date.now(),
}: {
  pupilId: number;
  attemptId: number;
  assignmentId?: number;
  now?: number;
}): SubmitResult {
  return db.transaction((tx) => {
    const attempt = ownedAttempt(pupilId, attemptId);
    if (assignmentId !== undefined && attempt.assignmentId !== assignmentId) throw notFound();
    if (attempt.submittedAt) {
      const row = tx.select().from(attempts).where(eq(attempts.id, attemptId)).get()!;
      return { ok: true as const, attempt: row, already: true };
    }
    if (!workOpen(attempt, now)) return { ok: false as const, reason: "closed" as const };
    const lesson = getLessonVersion(attempt.lessonVersionId);
    if (!lesson) throw notFound();
    const saved = tx
      .select({ kind: answers.kind, itemId: answers.itemId, choice: answers.choice })
      .from(answers)
      .where(eq(answers.attemptId, attemptId))
      .all();
    const score = scoreAttempt(lesson, saved);
    const row = tx
      .update(attempts)
      .set({
        submittedAt: new Date(now),
        late: now > attempt.dueAt.getTime(),
        ...score,
      })
      .where(eq(attempts.id, attemptId))
      .returning()
      .get();
    return { ok: true as const, attempt: row, already: false };
  }, { behavior: "immediate" });
}
