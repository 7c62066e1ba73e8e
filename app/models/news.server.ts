// "New since you last looked": replies to a pupil's posts, and a teacher's new submissions and posts since their last visit.
import { sql } from "drizzle-orm";
import { exec, lockRows, row, rows, withTransaction } from "~/db.server";

/** Visits closer together than this are one sitting: a reload or a language switch keeps the same "new" list. */
export const SITTING_MS = 30 * 60_000;

/**
 * Classmates' replies to the pupil's own posts that the pupil has not seen, per assignment. Hidden
 * and deleted replies do not count (the pupil cannot read them), nor replies to themselves.
 */
export async function unseenReplies({
  pupilId,
}: {
  pupilId: number;
}): Promise<Map<number, number>> {
  const found = await rows<{ assignmentId: number; n: number }>(sql`
    SELECT r.assignment_id AS "assignmentId", count(*) AS n
    FROM posts r JOIN posts p ON p.id = r.parent_id
    WHERE p.author_id = ${pupilId} AND p.deleted_at IS NULL
      AND r.author_id <> ${pupilId} AND r.deleted_at IS NULL AND NOT r.hidden AND r.parent_author_seen_at IS NULL
    GROUP BY r.assignment_id`);
  return new Map(found.map((r) => [r.assignmentId, r.n]));
}

/** The pupil has opened the assignment's discussion, where every reply to their posts is shown. */
export async function markRepliesSeen({
  pupilId,
  assignmentId,
  now = Date.now(),
}: {
  pupilId: number;
  assignmentId: number;
  now?: number;
}) {
  await exec(sql`
    UPDATE posts SET parent_author_seen_at = ${now}
    WHERE assignment_id = ${assignmentId} AND parent_author_seen_at IS NULL
      AND parent_id IN (SELECT id FROM posts WHERE author_id = ${pupilId} AND assignment_id = ${assignmentId})`);
}

export type TeacherNews = {
  /** Start of what counts as new; null on the very first visit. */
  since: Date | null;
  assignments: {
    id: number;
    classId: number;
    className: string;
    lessonVersionId: number;
    submissions: number;
    posts: number;
  }[];
};

/**
 * Records a dashboard visit and returns what came in since the previous sitting: per assignment of
 * the teacher's active classes, attempts submitted and discussion posts written (not deleted).
 */
export async function visitDashboard({
  teacherId,
  now = Date.now(),
}: {
  teacherId: number;
  now?: number;
}): Promise<TeacherNews> {
  return withTransaction(async () => {
    // two tabs at once: the second waits here, then reads the first one's visit
    await lockRows(sql`SELECT id FROM teachers WHERE id = ${teacherId}`);
    const visit = await row<{ visitAt: number | null; since: number | null }>(
      sql`SELECT dashboard_visit_at AS "visitAt", news_since AS since FROM teachers WHERE id = ${teacherId}`,
    );
    if (!visit) return { since: null, assignments: [] };
    // a new sitting starts where the previous one ended
    const since =
      visit.visitAt === null
        ? null
        : now - visit.visitAt > SITTING_MS
          ? visit.visitAt
          : visit.since;
    await exec(
      sql`UPDATE teachers SET dashboard_visit_at = ${now}, news_since = ${since} WHERE id = ${teacherId}`,
    );
    if (since === null) return { since: null, assignments: [] };
    const assignments = await rows<TeacherNews["assignments"][number]>(sql`
        SELECT a.id, c.id AS "classId", c.name AS "className", a.lesson_version_id AS "lessonVersionId",
          (SELECT count(*) FROM attempts t WHERE t.assignment_id = a.id AND t.submitted_at > ${since}) AS submissions,
          (SELECT count(*) FROM posts p WHERE p.assignment_id = a.id AND p.created_at > ${since} AND p.deleted_at IS NULL) AS posts
        FROM assignments a JOIN classes c ON c.id = a.class_id
        WHERE (c.teacher_id = ${teacherId} OR EXISTS (SELECT 1 FROM class_teachers ct WHERE ct.class_id = c.id AND ct.teacher_id = ${teacherId}))
          AND c.archived_at IS NULL
        ORDER BY lower(c.name), a.due_at DESC, a.id`);
    return {
      since: new Date(since),
      assignments: assignments.filter((a) => a.submissions > 0 || a.posts > 0),
    };
  });
}
