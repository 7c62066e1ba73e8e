// Assignments: a lesson version pinned to a class with its rules; teacher- and pupil-side reads.
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { quizParts } from "~/utils/two-part";
import { assignments, attempts, classes, extensions } from "~/db/tables.server";
import type { Lesson } from "~/content/schema";
import { teachesClass } from "~/models/class-access.server";
import { db, first, lockRows, prepared, row, withTransaction } from "~/db.server";
import { sweepIfDue } from "~/models/closing.server";
import { pupilDiscussionStatus } from "~/models/discussion-progress.server";
import { currentLessonVersion, getLessonVersion } from "~/models/lesson.server";
import { pupilStatus, type PupilStatus } from "~/utils/quiz";
import { notFound } from "~/utils/http.server";
import { isOpened, personalRules, type Extension } from "~/utils/extension";

export type AssignmentRow = typeof assignments.$inferSelect;
export type AssignmentSettings = {
  dueAt: Date;
  opensAt: Date | null;
  acceptLate: boolean;
  maxAttempts: number;
  counting: "highest" | "last";
  feedback: "immediate" | "after_due" | "never";
  shuffle: boolean;
  postFirst: boolean;
};

/** The unarchived classes the teacher owns or co-teaches (for the assign form). */
export async function assignableClasses(teacherId: number) {
  return await db
    .select({ id: classes.id, name: classes.name, timeZone: classes.timeZone })
    .from(classes)
    .where(and(teachesClass(teacherId), isNull(classes.archivedAt)))
    .orderBy(asc(classes.name));
}

/**
 * Assigns the lesson as it is now to each class; the due time is a wall-clock time read in each
 * class's own zone (`dueFor`). Every class must be one the teacher teaches, or nothing is created.
 */
export async function createAssignments(input: {
  teacherId: number;
  classIds: number[];
  slug: string;
  dueFor: (zone: "WIB" | "WITA" | "WIT") => Date;
  /** The opening time read in each class's zone (null: open at once). */
  opensFor?: (zone: "WIB" | "WITA" | "WIT") => Date | null;
  settings: Omit<AssignmentSettings, "dueAt" | "opensAt">;
}): Promise<number[]> {
  return withTransaction(async (tx) => {
    // read in the transaction: a lesson deleted at this moment is not found, never half-assigned
    const version = await currentLessonVersion(input.slug);
    if (!version) notFound();
    const owned = await tx
      .select({ id: classes.id, timeZone: classes.timeZone })
      .from(classes)
      .where(
        and(
          teachesClass(input.teacherId),
          inArray(classes.id, input.classIds),
          isNull(classes.archivedAt),
        ),
      );
    if (owned.length !== new Set(input.classIds).size) notFound();
    const ids: number[] = [];
    for (const c of owned) {
      const [made] = await tx
        .insert(assignments)
        .values({
          classId: c.id,
          lessonVersionId: version.id,
          dueAt: input.dueFor(c.timeZone),
          opensAt: input.opensFor?.(c.timeZone) ?? null,
          ...input.settings,
        })
        .returning({ id: assignments.id });
      ids.push(made.id);
    }
    return ids;
  });
}

export type TeacherAssignment = AssignmentRow & {
  className: string;
  timeZone: "WIB" | "WITA" | "WIT";
  lesson: Lesson;
};

/** An assignment of a class the teacher owns or co-teaches, or 404. */
export async function getTeacherAssignment({
  teacherId,
  assignmentId,
}: {
  teacherId: number;
  assignmentId: number;
}): Promise<TeacherAssignment> {
  const read = () =>
    first(
      db
        .select({ a: assignments, className: classes.name, timeZone: classes.timeZone })
        .from(assignments)
        .innerJoin(classes, eq(classes.id, assignments.classId))
        .where(and(eq(assignments.id, assignmentId), teachesClass(teacherId))),
    );
  let row = await read();
  if (!row) notFound();
  // past the due time of work that refuses lateness: finish the close first (closing.server.ts)
  if (await sweepIfDue(row.a)) row = (await read())!;
  const lesson = await getLessonVersion(row.a.lessonVersionId);
  if (!lesson) notFound();
  return { ...row.a, className: row.className, timeZone: row.timeZone, lesson };
}

/**
 * Saves the rules. An opening time in the future is refused once any pupil has started: pupils
 * would lose sight of work they have begun (and their data would name an unopened assignment).
 */
export async function updateAssignment(input: {
  teacherId: number;
  assignmentId: number;
  settings: AssignmentSettings;
  now?: number;
}): Promise<{ ok: true } | { ok: false; reason: "started" }> {
  await getTeacherAssignment(input);
  const now = input.now ?? Date.now();
  return withTransaction(
    async (tx) => {
      // A start share-locks the row (startAttempt): one in progress commits first, and this
      // read-committed transaction's check below sees its attempt; a later start reads the
      // settings this one commits.
      await lockRows(sql`SELECT id FROM assignments WHERE id = ${input.assignmentId}`);
      if (input.settings.opensAt && input.settings.opensAt.getTime() > now) {
        const started = await first(
          tx
            .select({ id: attempts.id })
            .from(attempts)
            .where(eq(attempts.assignmentId, input.assignmentId))
            .limit(1),
        );
        if (started) return { ok: false as const, reason: "started" as const };
      }
      await tx
        .update(assignments)
        .set(input.settings)
        .where(eq(assignments.id, input.assignmentId));
      return { ok: true as const };
    },
    { isolation: "read committed" },
  );
}

/** Deletes the assignment with every attempt, answer and post made for it (FK cascade). */
export async function deleteAssignment(input: { teacherId: number; assignmentId: number }) {
  const a = await getTeacherAssignment(input);
  await db.delete(assignments).where(eq(assignments.id, input.assignmentId));
  return a.classId;
}

export async function setDiscussionClosed(input: {
  teacherId: number;
  assignmentId: number;
  closed: boolean;
}) {
  await getTeacherAssignment(input);
  await db
    .update(assignments)
    .set({ discussionClosed: input.closed })
    .where(eq(assignments.id, input.assignmentId));
}

/** A class's assignments with lesson titles and submission counts, for the teacher. */
export async function listClassAssignments({
  teacherId,
  classId,
}: {
  teacherId: number;
  classId: number;
}) {
  const owned = await first(
    db
      .select({ id: classes.id })
      .from(classes)
      .where(and(eq(classes.id, classId), teachesClass(teacherId))),
  );
  if (!owned) notFound();
  const found = await db
    .select({
      id: assignments.id,
      dueAt: assignments.dueAt,
      opensAt: assignments.opensAt,
      lessonVersionId: assignments.lessonVersionId,
      // Written out in full: drizzle leaves columns unqualified in a one-table select, which
      // would make these correlated subqueries compare a column with itself.
      submitted: sql<number>`(SELECT count(DISTINCT at.pupil_id) FROM attempts at WHERE at.assignment_id = "assignments"."id" AND at.submitted_at IS NOT NULL)`,
      pupils: sql<number>`(SELECT count(*) FROM pupils p WHERE p.class_id = "assignments"."class_id")`,
    })
    .from(assignments)
    .where(eq(assignments.classId, classId))
    .orderBy(desc(assignments.dueAt));
  const out = [];
  for (const r of found) {
    const lesson = await getLessonVersion(r.lessonVersionId);
    out.push({ ...r, title: lesson?.title ?? "", language: lesson?.language ?? "id" });
  }
  return out;
}

/** How many of the class's pupils have submitted at least once, out of how many pupils. */
export async function submissionCount({
  assignmentId,
  classId,
}: {
  assignmentId: number;
  classId: number;
}) {
  // one row always (a SELECT without FROM)
  return (await row<{ submitted: number; pupils: number }>(sql`
    SELECT
      (SELECT count(DISTINCT pupil_id) FROM attempts WHERE assignment_id = ${assignmentId} AND submitted_at IS NOT NULL) AS submitted,
      (SELECT count(*) FROM pupils WHERE class_id = ${classId}) AS pupils`))!;
}

export type PupilAssignment = AssignmentRow & {
  lesson: Lesson;
  timeZone: "WIB" | "WITA" | "WIT";
  /** The class's own due date (`dueAt` is the pupil's, after their extension). */
  classDueAt: Date;
  extension: Extension | null;
  /** Feedback "after the due date" waits for the last due date of anyone in the class. */
  feedbackAt: Date;
};

// Runs on every step of a pupil's lesson: prepared once (see `prepared` in db.server).
const pupilAssignmentQuery = prepared((d) =>
  d
    .select({
      a: assignments,
      timeZone: classes.timeZone,
      extDueAt: extensions.dueAt,
      extExtra: extensions.extraAttempts,
      lastExtDue: sql<
        number | null
      >`(SELECT max(x.due_at) FROM extensions x WHERE x.assignment_id = ${assignments.id})`,
    })
    .from(assignments)
    .innerJoin(classes, eq(classes.id, assignments.classId))
    .leftJoin(
      extensions,
      and(
        eq(extensions.assignmentId, assignments.id),
        eq(extensions.pupilId, sql.placeholder("pupilId")),
      ),
    )
    .where(
      and(
        eq(assignments.id, sql.placeholder("assignmentId")),
        eq(assignments.classId, sql.placeholder("classId")),
      ),
    )
    .prepare(),
);

/**
 * An opened assignment of the pupil's own class with the pupil's own rules (their extension
 * applied), or 404 — also before its opening time, so nothing about it shows early.
 */
export async function getPupilAssignment({
  classId,
  assignmentId,
  pupilId,
  now = Date.now(),
}: {
  classId: number;
  assignmentId: number;
  pupilId: number;
  now?: number;
}): Promise<PupilAssignment> {
  const read = () => first(pupilAssignmentQuery().execute({ assignmentId, classId, pupilId }));
  let row = await read();
  if (!row || !isOpened(row.a, now)) notFound();
  if (await sweepIfDue(row.a, now)) row = (await read())!;
  const lesson = await getLessonVersion(row.a.lessonVersionId);
  if (!lesson) notFound();
  const extension =
    row.extExtra === null ? null : { dueAt: row.extDueAt, extraAttempts: row.extExtra };
  const mine = personalRules(row.a, extension);
  const lastDue = Math.max(row.a.dueAt.getTime(), Number(row.lastExtDue ?? 0));
  return {
    ...mine,
    timeZone: row.timeZone,
    lesson,
    classDueAt: row.a.dueAt,
    extension,
    feedbackAt: new Date(lastDue),
  };
}

export type PupilTodo = {
  id: number;
  title: string;
  language: string;
  /** The pupil's own due date (extended when they have an extension). */
  dueAt: Date;
  extended: boolean;
  status: PupilStatus;
  answered: number;
  total: number;
  submitted: boolean;
  /** Every discussion prompt has the pupil's response (true when the lesson has none). */
  discussionDone: boolean;
  unseenFeedback: number;
};

/**
 * The pupil's to-do list: every opened assignment of their class with its status under their
 * own rules, soonest due first. Assignments not yet opened are left out entirely.
 */
export async function listPupilAssignments({
  pupilId,
  classId,
  now = Date.now(),
}: {
  pupilId: number;
  classId: number;
  now?: number;
}): Promise<PupilTodo[]> {
  const found = await db
    .select({
      a: assignments,
      attemptSubmittedAt: attempts.submittedAt,
      attemptLate: attempts.late,
      attemptId: attempts.id,
      answered: sql<number>`(SELECT count(*) FROM answers an WHERE an.attempt_id = "attempts"."id")`,
      extDueAt: extensions.dueAt,
      extExtra: extensions.extraAttempts,
    })
    .from(assignments)
    .leftJoin(
      attempts,
      and(
        eq(attempts.assignmentId, assignments.id),
        eq(attempts.pupilId, pupilId),
        // the pupil's latest attempt only
        sql`"attempts"."number" = (SELECT max(x.number) FROM attempts x WHERE x.assignment_id = "assignments"."id" AND x.pupil_id = ${pupilId})`,
      ),
    )
    .leftJoin(
      extensions,
      and(eq(extensions.assignmentId, assignments.id), eq(extensions.pupilId, pupilId)),
    )
    .where(
      and(
        eq(assignments.classId, classId),
        sql`(${assignments.opensAt} IS NULL OR ${assignments.opensAt} <= ${now})`,
      ),
    )
    .orderBy(asc(assignments.dueAt));
  const lessons = new Map<number, Lesson | undefined>();
  for (const r of found)
    if (!lessons.has(r.a.lessonVersionId))
      lessons.set(r.a.lessonVersionId, await getLessonVersion(r.a.lessonVersionId));
  const discussion = await pupilDiscussionStatus({
    pupilId,
    assignments: found.map((r) => ({
      id: r.a.id,
      promptIds: lessons.get(r.a.lessonVersionId)?.prompts.map((p) => p.id) ?? [],
    })),
  });
  return found.map((r) => {
    const lesson = lessons.get(r.a.lessonVersionId);
    const attempt = r.attemptId
      ? { submittedAt: r.attemptSubmittedAt, late: r.attemptLate ?? false }
      : null;
    const mine = personalRules(
      r.a,
      r.extExtra === null ? null : { dueAt: r.extDueAt, extraAttempts: r.extExtra },
    );
    return {
      id: r.a.id,
      title: lesson?.title ?? "",
      language: lesson?.language ?? "id",
      dueAt: mine.dueAt,
      extended: mine.dueAt.getTime() !== r.a.dueAt.getTime(),
      status: pupilStatus(mine, attempt, now),
      answered: r.answered ?? 0,
      total: (lesson ? quizParts(lesson).length : 0) + (lesson?.sorting.length ?? 0),
      submitted: r.attemptSubmittedAt !== null && r.attemptSubmittedAt !== undefined,
      discussionDone: discussion.get(r.a.id)?.done ?? false,
      unseenFeedback: discussion.get(r.a.id)?.unseenFeedback ?? 0,
    };
  });
}
