// Ending the lesson: closing an assignment for everyone, submitting open attempts with what they
// saved, the live-change counter every change bumps, and the grace rule for answers queued offline.
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { answers, assignments, attempts, extensions } from "~/db/tables.server";
import { atCommit, db, first, lockRows, prepared, withTransaction } from "~/db.server";
import { getLessonVersion } from "~/models/lesson.server";
import { scoreAttempt } from "~/utils/quiz";

/**
 * How long after an assignment closes an answer still queued on a pupil's device is taken, when
 * the queue says it was chosen before the close (docs/live.md, "Answers queued offline").
 */
export const OFFLINE_GRACE_MS = 15 * 60_000;
/** A device clock may be off by this much before its "chosen at" time is not believed at all. */
export const MAX_CLOCK_SKEW_MS = 24 * 3600_000;

/**
 * Moves the assignment's live counter on, at the end of the current transaction (`atCommit`), so
 * a reader that sees the new value sees the change. With `answerId`, that answer's `change_seq`
 * becomes the new value: the live view reads the answers changed since the value it last saw.
 * The counter row is one per assignment, which every save of a class updates: on PostgreSQL it
 * stays locked from this update until the commit, which go to the server together (decision 126).
 */
export async function bumpLive(assignmentId: number, answerId?: number): Promise<void> {
  await atCommit(
    sql`INSERT INTO assignment_live (assignment_id, version) VALUES (${assignmentId}, 1)
        ON CONFLICT (assignment_id) DO UPDATE SET version = assignment_live.version + 1`,
  );
  if (answerId !== undefined)
    await atCommit(
      sql`UPDATE answers SET change_seq =
            (SELECT version FROM assignment_live WHERE assignment_id = ${assignmentId})
          WHERE id = ${answerId}`,
    );
}

type Closable = { id: number; dueAt: Date; acceptLate: boolean; closedAt: Date | null };

/** When work on the assignment stops: the teacher's close, or the due time when late work is refused. */
export function closingTime(a: Pick<Closable, "dueAt" | "acceptLate" | "closedAt">): number | null {
  if (a.closedAt) return a.closedAt.getTime();
  return a.acceptLate ? null : a.dueAt.getTime();
}

/**
 * Locks one attempt (PostgreSQL; SQLite's IMMEDIATE transaction is the only writer anyway) and
 * tells whether it is still open. A save or submit holding it finishes first, so what the close
 * then reads (READ COMMITTED: each statement sees what has committed) includes that save.
 */
async function lockOpenAttempt(attemptId: number): Promise<boolean> {
  await lockRows(sql`SELECT id FROM attempts WHERE id = ${attemptId}`);
  const still = await first(
    db
      .select({ submittedAt: attempts.submittedAt })
      .from(attempts)
      .where(eq(attempts.id, attemptId)),
  );
  return !!still && still.submittedAt === null;
}

/**
 * Closes the assignment at `closedAt` (once: a second call keeps the first time) and submits every
 * open attempt with the answers it saved, scored from the pinned lesson, marked as submitted by
 * closing. Safe when several app instances race to do it: on SQLite one IMMEDIATE transaction; on
 * PostgreSQL the assignment row is locked first (a second closer waits, then finds it closed and
 * its attempts submitted), then each open attempt in id order (the order saves and submits never
 * contradict: they lock one attempt, then the live counter, which the close takes last).
 */
export async function closeAssignmentAt(
  assignmentId: number,
  closedAt: number,
  /** The due-time close (sweepIfDue): only if, read under the lock, it refuses late work and is due by then. */
  options: { ifDueBy?: number } = {},
): Promise<{ closed: number }> {
  return withTransaction(
    async (tx) => {
      await lockRows(sql`SELECT id FROM assignments WHERE id = ${assignmentId}`);
      const a = await first(
        tx
          .select({
            closedAt: assignments.closedAt,
            dueAt: assignments.dueAt,
            acceptLate: assignments.acceptLate,
            lessonVersionId: assignments.lessonVersionId,
          })
          .from(assignments)
          .where(eq(assignments.id, assignmentId)),
      );
      if (!a) return { closed: 0 };
      // a teacher's edit since the caller read it (a later due date, late work allowed) stands
      const by = options.ifDueBy;
      if (by !== undefined && !a.closedAt && (a.acceptLate || by <= a.dueAt.getTime()))
        return { closed: 0 };
      // the due-time close closes at the due time as it is now
      const at = a.closedAt
        ? a.closedAt.getTime()
        : by !== undefined
          ? a.dueAt.getTime()
          : closedAt;
      if (!a.closedAt)
        await tx
          .update(assignments)
          .set({ closedAt: new Date(at) })
          .where(eq(assignments.id, assignmentId));
      // a pupil whose own due date is later keeps working until it (sweepExtended hands it in then)
      const open = await tx
        .select({ id: attempts.id })
        .from(attempts)
        .leftJoin(
          extensions,
          and(
            eq(extensions.assignmentId, attempts.assignmentId),
            eq(extensions.pupilId, attempts.pupilId),
          ),
        )
        .where(
          and(
            eq(attempts.assignmentId, assignmentId),
            isNull(attempts.submittedAt),
            sql`(${extensions.dueAt} IS NULL OR ${extensions.dueAt} <= ${at})`,
          ),
        )
        .orderBy(asc(attempts.id));
      const lesson = open.length ? await getLessonVersion(a.lessonVersionId) : null;
      let closed = 0;
      for (const attempt of open) {
        if (!(await lockOpenAttempt(attempt.id))) continue;
        closed++;
        const saved = await tx
          .select({ kind: answers.kind, itemId: answers.itemId, choice: answers.choice })
          .from(answers)
          .where(eq(answers.attemptId, attempt.id));
        await tx
          .update(attempts)
          .set({
            submittedAt: new Date(at),
            late: at > a.dueAt.getTime(),
            submittedByClose: true,
            ...(lesson ? scoreAttempt(lesson, saved) : {}),
          })
          .where(eq(attempts.id, attempt.id));
      }
      await bumpLive(assignmentId);
      return { closed };
    },
    { isolation: "read committed" },
  );
}

/**
 * An assignment that refuses late work closes at its due time. Nothing runs at that moment, so
 * whoever touches the assignment afterwards (a pupil's page or save, a teacher's page, the live
 * view) finishes the close. Costs nothing but a comparison until then.
 */
export async function sweepIfDue(a: Closable, now = Date.now()): Promise<boolean> {
  if (a.closedAt) return (await sweepExtended(a.id, now)) > 0;
  if (a.acceptLate || now <= a.dueAt.getTime()) return false;
  await closeAssignmentAt(a.id, a.dueAt.getTime(), { ifDueBy: now });
  await sweepExtended(a.id, now);
  return true;
}

const extendedOpen = prepared((d) =>
  d
    .select({ id: attempts.id, dueAt: extensions.dueAt })
    .from(attempts)
    .innerJoin(assignments, eq(assignments.id, attempts.assignmentId))
    .innerJoin(
      extensions,
      and(
        eq(extensions.assignmentId, attempts.assignmentId),
        eq(extensions.pupilId, attempts.pupilId),
      ),
    )
    .where(
      and(
        eq(attempts.assignmentId, sql.placeholder("assignmentId")),
        isNull(attempts.submittedAt),
        sql`${assignments.closedAt} IS NOT NULL`,
        sql`${extensions.dueAt} <= ${sql.placeholder("now")}`,
      ),
    )
    .prepare(),
);

/**
 * After a close for everyone, the open attempts of pupils whose own later due date has now passed
 * are handed in as of that date, like the close would have (lazily, by whoever touches the
 * assignment next). One indexed read when there is nothing to do.
 */
export async function sweepExtended(assignmentId: number, now = Date.now()): Promise<number> {
  if ((await extendedOpen().execute({ assignmentId, now })).length === 0) return 0;
  return withTransaction(
    async (tx) => {
      // the same locks, in the same order, as closeAssignmentAt
      await lockRows(sql`SELECT id FROM assignments WHERE id = ${assignmentId}`);
      const due = (await extendedOpen().execute({ assignmentId, now })).sort((x, y) => x.id - y.id);
      const a = await first(
        tx
          .select({ lessonVersionId: assignments.lessonVersionId })
          .from(assignments)
          .where(eq(assignments.id, assignmentId)),
      );
      const lesson = a && due.length ? await getLessonVersion(a.lessonVersionId) : null;
      let handedIn = 0;
      for (const attempt of due) {
        if (!(await lockOpenAttempt(attempt.id))) continue;
        handedIn++;
        const saved = await tx
          .select({ kind: answers.kind, itemId: answers.itemId, choice: answers.choice })
          .from(answers)
          .where(eq(answers.attemptId, attempt.id));
        await tx
          .update(attempts)
          .set({
            submittedAt: attempt.dueAt!,
            late: false,
            submittedByClose: true,
            ...(lesson ? scoreAttempt(lesson, saved) : {}),
          })
          .where(eq(attempts.id, attempt.id));
      }
      if (handedIn) await bumpLive(assignmentId);
      return handedIn;
    },
    { isolation: "read committed" },
  );
}

const dueUnclosed = prepared((d) =>
  d
    .select({
      id: assignments.id,
      dueAt: assignments.dueAt,
      acceptLate: assignments.acceptLate,
      closedAt: assignments.closedAt,
    })
    .from(assignments)
    .where(
      and(
        isNull(assignments.closedAt),
        eq(assignments.acceptLate, false),
        sql`${assignments.dueAt} <= ${sql.placeholder("now")}`,
      ),
    )
    .prepare(),
);

const closedWithExtensionDue = prepared((d) =>
  d
    .selectDistinct({ id: attempts.assignmentId })
    .from(attempts)
    .innerJoin(assignments, eq(assignments.id, attempts.assignmentId))
    .innerJoin(
      extensions,
      and(
        eq(extensions.assignmentId, attempts.assignmentId),
        eq(extensions.pupilId, attempts.pupilId),
      ),
    )
    .where(
      and(
        isNull(attempts.submittedAt),
        sql`${assignments.closedAt} IS NOT NULL`,
        sql`${extensions.dueAt} <= ${sql.placeholder("now")}`,
      ),
    )
    .prepare(),
);

/**
 * Finishes every close that is due, without waiting for someone to open the assignment: work
 * that refuses lateness past its due time, and extended pupils past their own date after a close.
 * The server runs it every minute (entry.server.tsx), so results, the class overview and the live
 * view agree with the clock within a minute even when nobody touches the assignment. Idempotent:
 * several instances may run it at once (each close is one IMMEDIATE transaction that keeps the
 * first close time). Returns how many assignments it closed or swept.
 */
export async function sweepAllDue(now = Date.now()): Promise<number> {
  let n = 0;
  for (const a of await dueUnclosed().execute({ now })) if (await sweepIfDue(a, now)) n++;
  for (const { id } of await closedWithExtensionDue().execute({ now }))
    if ((await sweepExtended(id, now)) > 0) n++;
  return n;
}

/**
 * Was this answer, arriving after the close, chosen before it, and does it arrive within the
 * grace period? `chosenAt` and `sentAt` are the device's clock; their difference to the server's
 * clock at arrival corrects the device's offset (a slow clock cannot sneak answers in).
 */
export function chosenBeforeClose(input: {
  closesAt: number;
  now: number;
  chosenAt?: number;
  sentAt?: number;
}): boolean {
  const { closesAt, now, chosenAt, sentAt } = input;
  if (chosenAt === undefined || !Number.isFinite(chosenAt)) return false;
  if (now > closesAt + OFFLINE_GRACE_MS) return false;
  const offset = sentAt !== undefined && Number.isFinite(sentAt) ? now - sentAt : 0;
  if (Math.abs(offset) > MAX_CLOCK_SKEW_MS) return false;
  const chosen = chosenAt + offset;
  if (sentAt !== undefined && chosenAt > sentAt) return false;
  return chosen <= closesAt;
}
