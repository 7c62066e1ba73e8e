// Attempts and answers: idempotent start, save-on-choose, all-or-nothing submit scored on the server.
import crypto from "node:crypto";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { answers, assignments, attempts, extensions } from "~/db/tables.server";
import { first, lockRows, prepared, withTransaction } from "~/db.server";
import { bumpLive, chosenBeforeClose, closingTime, sweepIfDue } from "~/models/closing.server";
import { getLessonVersion } from "~/models/lesson.server";
import { canStartNew, isValidChoice, scoreAttempt, workOpen } from "~/utils/quiz";
import { chosenTime } from "~/utils/answer-clock";
import { isOpened, personalRules } from "~/utils/extension";
import type { PupilAssignment } from "./assignment.server";
import { notFound } from "~/utils/http.server";

export type AttemptRow = typeof attempts.$inferSelect;

// The queries of every quiz page, start and answer save: prepared once (see `prepared` in db.server).
const latestAttempt = prepared((d) =>
  d
    .select()
    .from(attempts)
    .where(
      and(
        eq(attempts.assignmentId, sql.placeholder("assignmentId")),
        eq(attempts.pupilId, sql.placeholder("pupilId")),
      ),
    )
    .orderBy(desc(attempts.number))
    .prepare(),
);
/** The rules a start follows, as they are now: the assignment's, and the pupil's extension. */
const startRules = prepared((d) =>
  d
    .select({
      dueAt: assignments.dueAt,
      acceptLate: assignments.acceptLate,
      maxAttempts: assignments.maxAttempts,
      closedAt: assignments.closedAt,
      opensAt: assignments.opensAt,
      extDueAt: extensions.dueAt,
      extExtra: extensions.extraAttempts,
    })
    .from(assignments)
    .leftJoin(
      extensions,
      and(
        eq(extensions.assignmentId, assignments.id),
        eq(extensions.pupilId, sql.placeholder("pupilId")),
      ),
    )
    .where(eq(assignments.id, sql.placeholder("assignmentId")))
    .prepare(),
);
const insertAttempt = prepared((d) =>
  d
    .insert(attempts)
    .values({
      assignmentId: sql.placeholder("assignmentId"),
      pupilId: sql.placeholder("pupilId"),
      number: sql.placeholder("number"),
      seed: sql.placeholder("seed"),
      startedAt: sql.placeholder("startedAt"),
    })
    .returning()
    .prepare(),
);
const attemptsOf = prepared((d) =>
  d
    .select()
    .from(attempts)
    .where(
      and(
        eq(attempts.assignmentId, sql.placeholder("assignmentId")),
        eq(attempts.pupilId, sql.placeholder("pupilId")),
      ),
    )
    .orderBy(asc(attempts.number))
    .prepare(),
);
const answersOf = prepared((d) =>
  d
    .select({
      kind: answers.kind,
      itemId: answers.itemId,
      choice: answers.choice,
      savedAt: answers.savedAt,
    })
    .from(answers)
    .where(eq(answers.attemptId, sql.placeholder("attemptId")))
    .prepare(),
);
const ownedAttemptQuery = prepared((d) =>
  d
    .select({
      attempt: attempts,
      dueAt: assignments.dueAt,
      acceptLate: assignments.acceptLate,
      closedAt: assignments.closedAt,
      opensAt: assignments.opensAt,
      lessonVersionId: assignments.lessonVersionId,
      classId: assignments.classId,
      extDueAt: extensions.dueAt,
      extExtra: extensions.extraAttempts,
    })
    .from(attempts)
    .innerJoin(assignments, eq(assignments.id, attempts.assignmentId))
    .leftJoin(
      extensions,
      and(
        eq(extensions.assignmentId, attempts.assignmentId),
        eq(extensions.pupilId, attempts.pupilId),
      ),
    )
    .where(
      and(
        eq(attempts.id, sql.placeholder("attemptId")),
        eq(attempts.pupilId, sql.placeholder("pupilId")),
      ),
    )
    .prepare(),
);
const upsertAnswer = prepared((d) =>
  d
    .insert(answers)
    .values({
      attemptId: sql.placeholder("attemptId"),
      kind: sql.placeholder("kind"),
      itemId: sql.placeholder("itemId"),
      choice: sql.placeholder("choice"),
      savedAt: sql.placeholder("savedAt"),
      changeSeq: sql.placeholder("changeSeq"),
      chosenAt: sql.placeholder("chosenAt"),
    })
    .onConflictDoUpdate({
      target: [answers.attemptId, answers.kind, answers.itemId],
      set: {
        choice: sql`excluded.choice`,
        savedAt: sql`excluded.saved_at`,
        changeSeq: sql`excluded.change_seq`,
        chosenAt: sql`excluded.chosen_at`,
      },
      // Later chosenAt wins (decision 087), in the same statement: a save that arrives late (a
      // timed-out request, a second device) cannot replace a newer choice. Equal times: the later
      // write wins. An answer stored before the rule (no chosen_at) is replaced by any save.
      setWhere: sql`${answers.chosenAt} IS NULL OR excluded.chosen_at >= ${answers.chosenAt}`,
    })
    .returning({ id: answers.id })
    .prepare(),
);

export type StartResult =
  { ok: true; attempt: AttemptRow; created: boolean } | { ok: false; reason: "limit" | "closed" };

/**
 * Returns the pupil's open attempt, or opens the next one when the rules allow. A reload or a
 * double click finds the open attempt, so it never makes a second one. The rules are read again
 * inside the transaction: the page's copy may be older than a close or an edit made meanwhile.
 */
export function startAttempt({
  pupilId,
  assignment,
  now = Date.now(),
}: {
  pupilId: number;
  assignment: Pick<PupilAssignment, "id">;
  now?: number;
}): Promise<StartResult> {
  return withTransaction(
    async () => {
      // One start at a time per pupil (PostgreSQL; SQLite's writer is alone anyway): the second of
      // two starts waits here, then finds the first one's attempt open. The unique index on
      // (assignment, pupil, number) backs it. Read committed: a whole class starting at once
      // would otherwise fail and retry on the shared live counter (decision 125).
      await lockRows(sql`SELECT id FROM pupils WHERE id = ${pupilId}`);
      // prepared on the same connection, so it reads inside this transaction
      const latest = await first(latestAttempt().execute({ assignmentId: assignment.id, pupilId }));
      if (latest && !latest.submittedAt)
        return { ok: true as const, attempt: latest, created: false };
      // The assignment as it is now. Closing and editing lock its row for update, so on PostgreSQL
      // one in progress finishes first and this reads what it committed (a share lock: a class
      // starting together does not queue on it); on SQLite they cannot overlap at all.
      await lockRows(sql`SELECT id FROM assignments WHERE id = ${assignment.id}`, "share");
      // With the pupil's extension as it is now too: one cleared meanwhile no longer keeps it open.
      const current = await first(startRules().execute({ assignmentId: assignment.id, pupilId }));
      // deleted, or moved to open later, since the page was read: as the page would now say
      if (!current || !isOpened(current, now)) notFound();
      const rules = personalRules(
        current,
        current.extExtra === null
          ? null
          : { dueAt: current.extDueAt, extraAttempts: current.extExtra },
      );
      if (!workOpen(rules, now)) return { ok: false as const, reason: "closed" as const };
      const made = latest?.number ?? 0;
      if (!canStartNew(rules, made)) return { ok: false as const, reason: "limit" as const };
      const attempt = (await first(
        insertAttempt().execute({
          assignmentId: assignment.id,
          pupilId,
          number: made + 1,
          seed: crypto.randomInt(0, 2 ** 31),
          startedAt: new Date(now),
        }),
      ))!;
      await bumpLive(assignment.id);
      return { ok: true as const, attempt, created: true };
    },
    { isolation: "read committed" },
  );
}

/** The pupil's attempts at an assignment, oldest first, with each one's saved answers. */
export async function pupilAttempts({
  pupilId,
  assignmentId,
}: {
  pupilId: number;
  assignmentId: number;
}) {
  return await attemptsOf().execute({ assignmentId, pupilId });
}

export async function attemptAnswers(attemptId: number) {
  return await answersOf().execute({ attemptId });
}

type OwnedAttempt = AttemptRow & {
  /** The pupil's own due date and close (their extension applied); the class's below. */
  dueAt: Date;
  classDueAt: Date;
  classClosedAt: Date | null;
  acceptLate: boolean;
  closedAt: Date | null;
  lessonVersionId: number;
  classId: number;
};

/** The attempt if it belongs to this pupil (and so to their class), else 404. */
async function ownedAttempt(
  pupilId: number,
  attemptId: number,
  now = Date.now(),
): Promise<OwnedAttempt> {
  const row = await first(ownedAttemptQuery().execute({ attemptId, pupilId }));
  if (!row || !isOpened(row, now)) notFound();
  const mine = personalRules(
    { dueAt: row.dueAt, closedAt: row.closedAt, maxAttempts: 0 },
    row.extExtra === null ? null : { dueAt: row.extDueAt, extraAttempts: row.extExtra },
  );
  return {
    ...row.attempt,
    dueAt: mine.dueAt,
    classDueAt: row.dueAt,
    classClosedAt: row.closedAt,
    acceptLate: row.acceptLate,
    closedAt: mine.closedAt,
    lessonVersionId: row.lessonVersionId,
    classId: row.classId,
  };
}

export type SaveResult =
  | {
      ok: true;
      savedAt: number;
      assignmentId: number;
      afterClose?: boolean;
      /** A newer choice of this item was already stored and stays (decision 087). */
      newerKept?: boolean;
    }
  | {
      ok: false;
      reason: "submitted" | "closed" | "ended" | "item" | "choice";
      assignmentId: number;
    };

/**
 * Stores one choice (quiz option or sorting category), replacing an earlier one for that item
 * unless that one was chosen later (`chosenTime`, decision 087).
 * After the assignment has closed, a choice is only taken when the pupil's device says it was
 * chosen before the close (`chosenAt`, `sentAt`: the device's clock) and it arrives within the
 * grace period; it then joins the attempt the close submitted, which is scored again.
 */
export async function saveAnswer({
  pupilId,
  attemptId,
  kind,
  itemId,
  choice,
  now = Date.now(),
  chosenAt,
  sentAt,
}: {
  pupilId: number;
  attemptId: number;
  kind: "quiz" | "sort";
  itemId: string;
  choice: string;
  now?: number;
  chosenAt?: number;
  sentAt?: number;
}): Promise<SaveResult> {
  const attempt = await ownedAttempt(pupilId, attemptId, now);
  const assignmentId = attempt.assignmentId;
  if (!workOpen(attempt, now)) {
    const closesAt = closingTime(attempt)!;
    await sweepIfDue(
      {
        id: assignmentId,
        dueAt: attempt.classDueAt,
        acceptLate: attempt.acceptLate,
        closedAt: attempt.classClosedAt,
      },
      now,
    );
    // "ended": the teacher closed it; "closed": the due time passed and late work is refused
    const reason =
      attempt.closedAt && attempt.closedAt.getTime() !== attempt.dueAt.getTime()
        ? "ended"
        : "closed";
    if (attempt.submittedAt && !attempt.submittedByClose)
      return { ok: false, reason: "submitted", assignmentId };
    if (!chosenBeforeClose({ closesAt, now, chosenAt, sentAt }))
      return { ok: false, reason, assignmentId };
  } else if (attempt.submittedAt) return { ok: false, reason: "submitted", assignmentId };
  const lesson = await getLessonVersion(attempt.lessonVersionId);
  if (!lesson) notFound();
  const valid = isValidChoice(lesson, kind, itemId, choice);
  if (valid !== "ok") return { ok: false, reason: valid, assignmentId };
  // One transaction with the live counter, so the live view sees the answer with the new value.
  // On PostgreSQL it locks the attempt row first (READ COMMITTED, decision 125): a submit or a
  // close holding it finishes first and this save then sees it; one arriving later waits for it.
  return withTransaction(
    async (tx) => {
      await lockAttempt(attemptId);
      const current = await first(
        tx
          .select({ submittedAt: attempts.submittedAt, byClose: attempts.submittedByClose })
          .from(attempts)
          .where(eq(attempts.id, attemptId)),
      );
      if (!current) notFound();
      if (current.submittedAt && !current.byClose)
        return { ok: false as const, reason: "submitted" as const, assignmentId };
      const chosen = new Date(chosenTime({ now, chosenAt, sentAt }));
      // change_seq 0 until the commit gives it the live counter's new value (bumpLive)
      const stored = await first(
        upsertAnswer().execute({
          attemptId,
          kind,
          itemId,
          choice,
          savedAt: new Date(now),
          changeSeq: 0,
          chosenAt: chosen,
        }),
      );
      // Nothing changed, so nothing to score again, and nothing for the live view.
      if (!stored) return { ok: true as const, savedAt: now, assignmentId, newerKept: true };
      await bumpLive(assignmentId, stored.id);
      if (!current.submittedAt) return { ok: true as const, savedAt: now, assignmentId };
      // a queued answer accepted after the close: the closed attempt is scored again
      const saved = await tx
        .select({ kind: answers.kind, itemId: answers.itemId, choice: answers.choice })
        .from(answers)
        .where(eq(answers.attemptId, attemptId));
      await tx.update(attempts).set(scoreAttempt(lesson, saved)).where(eq(attempts.id, attemptId));
      return { ok: true as const, savedAt: now, assignmentId, afterClose: true };
    },
    { isolation: "read committed" },
  );
}

export type SubmitResult =
  { ok: true; attempt: AttemptRow; already: boolean } | { ok: false; reason: "closed" };

/**
 * Scores and closes the attempt in one transaction; a second submit changes nothing. On
 * PostgreSQL the transaction is READ COMMITTED and locks the attempt row first: a second submit
 * (or a save) waits for the first, then sees it submitted. Past the close, the close is finished
 * first in its own transactions, without this attempt's lock held (the close locks the assignment,
 * then its attempts: taking them the other way round could deadlock), and the attempt read again.
 */
export async function submitAttempt({
  pupilId,
  attemptId,
  assignmentId,
  now = Date.now(),
}: {
  pupilId: number;
  attemptId: number;
  assignmentId?: number;
  now?: number;
}): Promise<SubmitResult> {
  for (let swept = false; ; swept = true) {
    const result = await withTransaction(
      async (tx): Promise<SubmitResult | { sweep: OwnedAttempt }> => {
        await lockAttempt(attemptId);
        const attempt = await ownedAttempt(pupilId, attemptId, now);
        if (assignmentId !== undefined && attempt.assignmentId !== assignmentId) notFound();
        if (attempt.submittedAt) {
          const row = (await first(tx.select().from(attempts).where(eq(attempts.id, attemptId))))!;
          return { ok: true as const, attempt: row, already: true };
        }
        // past the close: the close submits what was saved (if nobody has finished it yet)
        if (!workOpen(attempt, now))
          return swept ? { ok: false as const, reason: "closed" as const } : { sweep: attempt };
        const lesson = await getLessonVersion(attempt.lessonVersionId);
        if (!lesson) notFound();
        const saved = await tx
          .select({ kind: answers.kind, itemId: answers.itemId, choice: answers.choice })
          .from(answers)
          .where(eq(answers.attemptId, attemptId));
        const score = scoreAttempt(lesson, saved);
        const [row] = await tx
          .update(attempts)
          .set({
            submittedAt: new Date(now),
            late: now > attempt.dueAt.getTime(),
            ...score,
          })
          .where(eq(attempts.id, attemptId))
          .returning();
        await bumpLive(attempt.assignmentId);
        return { ok: true as const, attempt: row, already: false };
      },
      { isolation: "read committed" },
    );
    if (!("sweep" in result)) return result;
    await sweepIfDue(
      {
        id: result.sweep.assignmentId,
        dueAt: result.sweep.classDueAt,
        acceptLate: result.sweep.acceptLate,
        closedAt: result.sweep.classClosedAt,
      },
      now,
    );
  }
}

/**
 * Before a page of saves in one transaction (answer-page.server): finishes a close that is due,
 * in its own transactions, so the saves inside never close the assignment while holding their
 * attempt's lock (see submitAttempt). 404 when the attempt is not the pupil's, as a save would.
 */
export async function sweepBeforeSaving(pupilId: number, attemptId: number, now = Date.now()) {
  const attempt = await ownedAttempt(pupilId, attemptId, now);
  if (workOpen(attempt, now)) return;
  await sweepIfDue(
    {
      id: attempt.assignmentId,
      dueAt: attempt.classDueAt,
      acceptLate: attempt.acceptLate,
      closedAt: attempt.classClosedAt,
    },
    now,
  );
}

/** Locks the attempt row until the transaction ends (PostgreSQL; a no-op on SQLite). */
export async function lockAttempt(attemptId: number) {
  await lockRows(sql`SELECT id FROM attempts WHERE id = ${attemptId}`);
}
