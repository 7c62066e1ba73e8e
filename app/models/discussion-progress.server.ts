// Discussion completion for both dashboards: whether a pupil answered every prompt, and how many
// of a class did. Kept apart from discussion.server.ts so assignment.server.ts can use it without
// an import cycle (discussion.server.ts needs the assignment lookups).
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { postFeedback, posts, pupils } from "~/db/tables.server";
import { db, first } from "~/db.server";
import { discussionDone } from "~/utils/discussion";

/** Per assignment: has the pupil answered every prompt, and how much teacher feedback is unread. */
export async function pupilDiscussionStatus({
  pupilId,
  assignments,
}: {
  pupilId: number;
  assignments: { id: number; promptIds: string[] }[];
}): Promise<Map<number, { done: boolean; unseenFeedback: number }>> {
  const ids = assignments.map((a) => a.id);
  const out = new Map<number, { done: boolean; unseenFeedback: number }>();
  if (!ids.length) return out;
  const answered = await db
    .selectDistinct({ assignmentId: posts.assignmentId, promptId: posts.promptId })
    .from(posts)
    .where(
      and(
        eq(posts.authorId, pupilId),
        inArray(posts.assignmentId, ids),
        isNull(posts.parentId),
        isNull(posts.deletedAt),
      ),
    );
  const unseen = await db
    .select({ assignmentId: posts.assignmentId, n: sql<number>`count(*)` })
    .from(postFeedback)
    .innerJoin(posts, eq(posts.id, postFeedback.postId))
    .where(
      and(
        eq(posts.authorId, pupilId),
        inArray(posts.assignmentId, ids),
        isNull(postFeedback.seenAt),
        isNull(posts.deletedAt),
      ),
    )
    .groupBy(posts.assignmentId);
  for (const a of assignments) {
    const set = new Set(answered.filter((r) => r.assignmentId === a.id).map((r) => r.promptId));
    out.set(a.id, {
      done: discussionDone(a.promptIds, set),
      unseenFeedback: unseen.find((u) => u.assignmentId === a.id)?.n ?? 0,
    });
  }
  return out;
}

/** How many of the class's pupils have answered every prompt of the assignment. */
export async function classDiscussionDone({
  assignmentId,
  classId,
  promptIds,
}: {
  assignmentId: number;
  classId: number;
  promptIds: string[];
}): Promise<{ done: number; total: number }> {
  const total =
    (
      await first(
        db
          .select({ n: sql<number>`count(*)` })
          .from(pupils)
          .where(eq(pupils.classId, classId)),
      )
    )?.n ?? 0;
  if (!promptIds.length) return { done: total, total };
  const found = await db
    .selectDistinct({ authorId: posts.authorId, promptId: posts.promptId })
    .from(posts)
    .innerJoin(pupils, eq(pupils.id, posts.authorId))
    .where(
      and(
        eq(posts.assignmentId, assignmentId),
        eq(pupils.classId, classId),
        isNull(posts.parentId),
        isNull(posts.deletedAt),
        inArray(posts.promptId, promptIds),
      ),
    );
  const byPupil = new Map<number, Set<string>>();
  for (const r of found)
    if (r.authorId !== null)
      byPupil.set(r.authorId, (byPupil.get(r.authorId) ?? new Set()).add(r.promptId));
  const done = [...byPupil.values()].filter((set) => discussionDone(promptIds, set)).length;
  return { done, total };
}
