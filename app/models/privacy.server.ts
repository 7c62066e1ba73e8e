// Data rights: what the database holds about one pupil (summary and JSON export), and erasing a
// teacher account with everything under it.
import { and, asc, count, eq, gt, inArray, like, sql } from "drizzle-orm";
import {
  answers,
  assignments,
  attempts,
  classes,
  extensions,
  postFeedback,
  posts,
  pupils,
  sessions,
  teachers,
  throttles,
} from "~/db/tables.server";
import { db, first, withTransaction } from "~/db.server";
import { verifyAgainstDummy, verifySecret } from "~/utils/hash.server";
import { feedbackVisible } from "~/utils/quiz";
import { getLessonVersion } from "./lesson.server";
import { getTaughtPupil } from "./pupil.server";
import { clearThrottle, RULES, takeSlot } from "./throttle.server";
import { notFound } from "~/utils/http.server";

/** The pupil row and class, deliberately without pin_hash or name_key. */
async function pupilProfile(pupilId: number) {
  const row = await first(
    db
      .select({
        id: pupils.id,
        displayName: pupils.displayName,
        joinedAt: pupils.joinedAt,
        lastSeenAt: pupils.lastSeenAt,
        className: classes.name,
        grade: classes.grade,
        subject: classes.subject,
        timeZone: classes.timeZone,
      })
      .from(pupils)
      .innerJoin(classes, eq(classes.id, pupils.classId))
      .where(eq(pupils.id, pupilId)),
  );
  if (!row) notFound();
  return row;
}

/** Live sessions only: an expired row still in the table until retention is not a way in. */
async function sessionCount(pupilId: number, now: number): Promise<number> {
  const row = await first(
    db
      .select({ n: count() })
      .from(sessions)
      .where(and(eq(sessions.pupilId, pupilId), gt(sessions.expiresAt, new Date(now)))),
  );
  return row?.n ?? 0;
}

async function pupilPosts(pupilId: number) {
  return db
    .select({
      id: posts.id,
      assignmentId: posts.assignmentId,
      lessonVersionId: assignments.lessonVersionId,
      promptId: posts.promptId,
      parentId: posts.parentId,
      body: posts.body,
      claim: posts.claim,
      evidence: posts.evidence,
      reasoning: posts.reasoning,
      hidden: posts.hidden,
      exemplary: posts.exemplary,
      createdAt: posts.createdAt,
      editedAt: posts.editedAt,
      deletedAt: posts.deletedAt,
      feedbackBody: postFeedback.body,
      feedbackAt: postFeedback.createdAt,
      feedbackSeenAt: postFeedback.seenAt,
    })
    .from(posts)
    .innerJoin(assignments, eq(assignments.id, posts.assignmentId))
    .leftJoin(postFeedback, eq(postFeedback.postId, posts.id))
    .where(eq(posts.authorId, pupilId))
    .orderBy(asc(posts.createdAt), asc(posts.id));
}

async function lessonRef(lessonVersionId: number) {
  const lesson = await getLessonVersion(lessonVersionId);
  return {
    slug: lesson?.slug ?? null,
    title: lesson?.title ?? null,
    language: lesson?.language ?? null,
  };
}

export type PupilDataSummary = Awaited<ReturnType<typeof pupilDataSummary>>;

/** What the "what is stored about me" page lists: every kind of row, counted or shown. */
export async function pupilDataSummary({
  pupilId,
  now = Date.now(),
}: {
  pupilId: number;
  now?: number;
}) {
  const profile = await pupilProfile(pupilId);
  const attemptCount =
    (await first(db.select({ n: count() }).from(attempts).where(eq(attempts.pupilId, pupilId))))
      ?.n ?? 0;
  const answerCount =
    (
      await first(
        db
          .select({ n: count() })
          .from(answers)
          .innerJoin(attempts, eq(attempts.id, answers.attemptId))
          .where(eq(attempts.pupilId, pupilId)),
      )
    )?.n ?? 0;
  return {
    profile,
    sessions: await sessionCount(pupilId, now),
    attempts: attemptCount,
    answers: answerCount,
    posts: await Promise.all(
      (await pupilPosts(pupilId)).map(async (p) => ({
        id: p.id,
        lesson: await lessonRef(p.lessonVersionId),
        body: p.body,
        claim: p.claim,
        evidence: p.evidence,
        reasoning: p.reasoning,
        hidden: p.hidden,
        deleted: p.deletedAt !== null,
        createdAt: p.createdAt,
        feedback: p.feedbackBody,
      })),
    ),
  };
}

type Audience = "teacher" | "pupil";

/**
 * The pupil's data as a plain object for JSON. Internal secrets (PIN hash, name key, session
 * hashes, shuffle seeds) are left out. For the pupil themselves, scores and the right/wrong of
 * each answer stay out until the teacher's feedback setting shows them, as in the app.
 */
async function buildExport(pupilId: number, audience: Audience, now: number) {
  const profile = await pupilProfile(pupilId);
  const attemptRows = await db
    .select({
      id: attempts.id,
      assignmentId: attempts.assignmentId,
      number: attempts.number,
      startedAt: attempts.startedAt,
      submittedAt: attempts.submittedAt,
      late: attempts.late,
      quizScore: attempts.quizScore,
      quizMax: attempts.quizMax,
      sortScore: attempts.sortScore,
      sortMax: attempts.sortMax,
      lessonVersionId: assignments.lessonVersionId,
      dueAt: assignments.dueAt,
      feedback: assignments.feedback,
      // feedback "after the due date" waits for the last extended date, as in the app (decision 110)
      lastExtDue: sql<
        number | null
      >`(SELECT max(x.due_at) FROM extensions x WHERE x.assignment_id = ${assignments.id})`,
    })
    .from(attempts)
    .innerJoin(assignments, eq(assignments.id, attempts.assignmentId))
    .where(eq(attempts.pupilId, pupilId))
    .orderBy(asc(attempts.assignmentId), asc(attempts.number));
  const answerRows = attemptRows.length
    ? await db
        .select({
          attemptId: answers.attemptId,
          kind: answers.kind,
          itemId: answers.itemId,
          choice: answers.choice,
          savedAt: answers.savedAt,
        })
        .from(answers)
        .where(
          inArray(
            answers.attemptId,
            attemptRows.map((a) => a.id),
          ),
        )
        .orderBy(asc(answers.kind), asc(answers.itemId))
    : [];

  // A later due date or extra attempts the teacher gave this pupil (issue 18): stored about them.
  const extensionRows = await db
    .select({
      assignmentId: extensions.assignmentId,
      lessonVersionId: assignments.lessonVersionId,
      dueAt: extensions.dueAt,
      extraAttempts: extensions.extraAttempts,
      createdAt: extensions.createdAt,
    })
    .from(extensions)
    .innerJoin(assignments, eq(assignments.id, extensions.assignmentId))
    .where(eq(extensions.pupilId, pupilId))
    .orderBy(asc(extensions.assignmentId));

  return {
    format: "telaah-pupil-data",
    version: 1,
    exportedAt: new Date(now).toISOString(),
    pupil: {
      displayName: profile.displayName,
      joinedAt: profile.joinedAt.toISOString(),
      lastSeenAt: profile.lastSeenAt?.toISOString() ?? null,
      activeSessions: await sessionCount(pupilId, now),
    },
    class: {
      name: profile.className,
      grade: profile.grade,
      subject: profile.subject,
      timeZone: profile.timeZone,
    },
    attempts: await Promise.all(
      attemptRows.map(async (a) => {
        const lesson = await getLessonVersion(a.lessonVersionId);
        const showScores =
          audience === "teacher" ||
          feedbackVisible(
            {
              feedback: a.feedback,
              dueAt: a.dueAt,
              feedbackAt: new Date(Math.max(a.dueAt.getTime(), Number(a.lastExtDue ?? 0))),
            },
            a.submittedAt !== null,
            now,
          );
        return {
          assignmentId: a.assignmentId,
          lesson: await lessonRef(a.lessonVersionId),
          dueAt: a.dueAt.toISOString(),
          number: a.number,
          startedAt: a.startedAt.toISOString(),
          submittedAt: a.submittedAt?.toISOString() ?? null,
          late: a.late,
          scores: showScores
            ? {
                quiz: { score: a.quizScore, max: a.quizMax },
                sorting: { score: a.sortScore, max: a.sortMax },
              }
            : null,
          answers: answerRows
            .filter((x) => x.attemptId === a.id)
            .map((x) => {
              const question =
                x.kind === "quiz" ? lesson?.questions.find((q) => q.id === x.itemId) : undefined;
              const statement =
                x.kind === "sort" ? lesson?.sorting.find((s) => s.id === x.itemId) : undefined;
              return {
                kind: x.kind,
                itemId: x.itemId,
                item: question?.stem ?? statement?.quote ?? null,
                choice: x.choice,
                choiceText: question?.options.find((o) => o.id === x.choice)?.text ?? null,
                savedAt: x.savedAt.toISOString(),
              };
            }),
        };
      }),
    ),
    extensions: await Promise.all(
      extensionRows.map(async (x) => ({
        assignmentId: x.assignmentId,
        lesson: await lessonRef(x.lessonVersionId),
        dueAt: x.dueAt?.toISOString() ?? null,
        extraAttempts: x.extraAttempts,
        grantedAt: x.createdAt.toISOString(),
      })),
    ),
    // Only the pupil's own posts: a reply names its parent by id, never by its (someone else's) text.
    posts: await Promise.all(
      (await pupilPosts(pupilId)).map(async (p) => ({
        id: p.id,
        assignmentId: p.assignmentId,
        lesson: await lessonRef(p.lessonVersionId),
        promptId: p.promptId,
        replyTo: p.parentId,
        body: p.body,
        claim: p.claim,
        evidence: p.evidence,
        reasoning: p.reasoning,
        hidden: p.hidden,
        exemplary: p.exemplary,
        createdAt: p.createdAt.toISOString(),
        editedAt: p.editedAt?.toISOString() ?? null,
        deletedAt: p.deletedAt?.toISOString() ?? null,
        feedback:
          p.feedbackBody !== null
            ? {
                body: p.feedbackBody,
                createdAt: p.feedbackAt?.toISOString() ?? null,
                seenAt: p.feedbackSeenAt?.toISOString() ?? null,
              }
            : null,
      })),
    ),
  };
}

export type PupilExport = Awaited<ReturnType<typeof buildExport>>;

/** A teacher's export of one pupil of one of their classes; any other pupil is a 404. */
export async function exportPupilForTeacher(ref: {
  classId: number;
  pupilId: number;
  teacherId: number;
  now?: number;
}) {
  const pupil = await getTaughtPupil(ref);
  return buildExport(pupil.id, "teacher", ref.now ?? Date.now());
}

/** A pupil's export of their own data (the id comes from their session, never from the URL). */
export async function exportOwnData({
  pupilId,
  now = Date.now(),
}: {
  pupilId: number;
  now?: number;
}) {
  return buildExport(pupilId, "pupil", now);
}

/** A file name that carries no personal data and nothing a header could trip on. */
export function exportFileName(pupilId: number, now = Date.now()): string {
  return `telaah-pupil-${pupilId}-${new Date(now).toISOString().slice(0, 10)}.json`;
}

/** What deleting this teacher's account would take with it. */
export async function teacherAccountSummary({ teacherId }: { teacherId: number }) {
  const teacher = await first(
    db
      .select({ name: teachers.name, email: teachers.email })
      .from(teachers)
      .where(eq(teachers.id, teacherId)),
  );
  if (!teacher) notFound();
  const classCount =
    (await first(db.select({ n: count() }).from(classes).where(eq(classes.teacherId, teacherId))))
      ?.n ?? 0;
  const pupilCount =
    (
      await first(
        db
          .select({ n: count() })
          .from(pupils)
          .innerJoin(classes, eq(classes.id, pupils.classId))
          .where(eq(classes.teacherId, teacherId)),
      )
    )?.n ?? 0;
  return { ...teacher, classes: classCount, pupils: pupilCount };
}

export type DeleteAccountResult =
  | { ok: true }
  | { ok: false; reason: "wrongPassword" }
  | { ok: false; reason: "throttled"; retryAfterMs: number };

/**
 * Deletes the teacher after re-checking their password. The password check counts against the
 * same per-account limit as sign-in, so a borrowed session cannot be used to guess it. One
 * transaction: foreign keys cascade to classes, pupils, sessions (theirs and their pupils'),
 * assignments, attempts, answers, posts and feedback; throttle counters naming them go too.
 */
export async function deleteTeacherAccount(input: {
  teacherId: number;
  password: string;
  now?: number;
}): Promise<DeleteAccountResult> {
  const now = input.now ?? Date.now();
  const teacher = await first(
    db
      .select({ id: teachers.id, email: teachers.email, passwordHash: teachers.passwordHash })
      .from(teachers)
      .where(eq(teachers.id, input.teacherId)),
  );
  if (!teacher) {
    await verifyAgainstDummy(input.password);
    notFound();
  }
  const accountKey = `teacher:${teacher.email}`;
  // The attempt counts before the hash is checked, so parallel guesses cannot pass the limit.
  const slot = await takeSlot([[accountKey, RULES.teacherAccount]], now);
  if (!slot.ok) return { ok: false, reason: "throttled", retryAfterMs: slot.retryAfterMs };
  if (!(await verifySecret(teacher.passwordHash, input.password)))
    return { ok: false, reason: "wrongPassword" };
  await withTransaction(async (tx) => {
    const classIds = (
      await tx.select({ id: classes.id }).from(classes).where(eq(classes.teacherId, teacher.id))
    ).map((c) => c.id);
    for (const id of classIds)
      await tx.delete(throttles).where(like(throttles.key, `pupil:${id}:%`));
    await tx.delete(teachers).where(eq(teachers.id, teacher.id));
  });
  await clearThrottle(accountKey);
  return { ok: true };
}
