// Retention: deleting archived classes once the deployment's retention period has passed, and
// sweeping expired sessions and stale throttle counters (run by `npm run db:retention`).
import { and, count, eq, inArray, isNotNull, like, lt } from "drizzle-orm";
import {
  answers,
  assignments,
  attempts,
  classes,
  postFeedback,
  posts,
  pupils,
  throttles,
} from "~/db/tables.server";
import { first, withTransaction } from "~/db.server";
import { purgeExpiredSessions } from "~/utils/session.server";
import { purgeStaleThrottles } from "./throttle.server";

const DAY_MS = 24 * 3600_000;

export type PurgeReport = {
  classes: number;
  pupils: number;
  assignments: number;
  attempts: number;
  answers: number;
  posts: number;
  feedback: number;
};

/**
 * Deletes every class archived more than `retentionDays` days before `now`, with all its data
 * (foreign keys cascade: pupils, their sessions, assignments, attempts, answers, posts, feedback).
 * Counts are taken inside the same transaction, so the report matches what was deleted.
 */
export async function purgeArchivedClasses({
  now = Date.now(),
  retentionDays,
}: {
  now?: number;
  retentionDays: number;
}): Promise<PurgeReport> {
  if (!Number.isFinite(retentionDays) || retentionDays < 0)
    throw new RangeError("retentionDays must be >= 0");
  const cutoff = new Date(now - retentionDays * DAY_MS);
  return withTransaction(async (tx) => {
    const doomed = await tx
      .select({ id: classes.id })
      .from(classes)
      .where(and(isNotNull(classes.archivedAt), lt(classes.archivedAt, cutoff)));
    const ids = doomed.map((c) => c.id);
    const empty = {
      classes: 0,
      pupils: 0,
      assignments: 0,
      attempts: 0,
      answers: 0,
      posts: 0,
      feedback: 0,
    };
    if (!ids.length) return empty;
    const inClasses = tx
      .select({ id: assignments.id })
      .from(assignments)
      .where(inArray(assignments.classId, ids));
    const n = async (query: PromiseLike<{ n: number }[]>) => (await first(query))?.n ?? 0;
    const report: PurgeReport = {
      classes: ids.length,
      pupils: await n(tx.select({ n: count() }).from(pupils).where(inArray(pupils.classId, ids))),
      assignments: await n(
        tx.select({ n: count() }).from(assignments).where(inArray(assignments.classId, ids)),
      ),
      attempts: await n(
        tx.select({ n: count() }).from(attempts).where(inArray(attempts.assignmentId, inClasses)),
      ),
      answers: await n(
        tx
          .select({ n: count() })
          .from(answers)
          .innerJoin(attempts, eq(attempts.id, answers.attemptId))
          .where(inArray(attempts.assignmentId, inClasses)),
      ),
      posts: await n(
        tx.select({ n: count() }).from(posts).where(inArray(posts.assignmentId, inClasses)),
      ),
      feedback: await n(
        tx
          .select({ n: count() })
          .from(postFeedback)
          .innerJoin(posts, eq(posts.id, postFeedback.postId))
          .where(inArray(posts.assignmentId, inClasses)),
      ),
    };
    await tx.delete(classes).where(inArray(classes.id, ids));
    // Per-pupil sign-in counters are keyed by class id and name, not a foreign key.
    for (const id of ids) await tx.delete(throttles).where(like(throttles.key, `pupil:${id}:%`));
    return report;
  });
}

export type RetentionReport = PurgeReport & {
  sessions: number;
  throttles: number;
  retentionDays: number;
};

/** Everything the daily retention run does, in order; returns what it deleted. */
export async function runRetention({
  now = Date.now(),
  retentionDays,
}: {
  now?: number;
  retentionDays: number;
}): Promise<RetentionReport> {
  return {
    ...(await purgeArchivedClasses({ now, retentionDays })),
    sessions: await purgeExpiredSessions(now),
    throttles: await purgeStaleThrottles(now),
    retentionDays,
  };
}
