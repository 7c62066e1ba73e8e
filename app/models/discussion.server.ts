// The class discussion: responses, replies, edits, teacher moderation and private feedback, with
// who-may-see and who-may-write decided next to every query (rules in ~/utils/discussion).
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { postFeedback, posts, pupils } from "~/db/tables.server";
import { db, first, withTransaction } from "~/db.server";
import type { FieldErrors } from "~/utils/form-reply";
import {
  getPupilAssignment,
  getTeacherAssignment,
  type PupilAssignment,
} from "~/models/assignment.server";
import { classDiscussionDone } from "~/models/discussion-progress.server";
import { throttleStatus, countUse } from "~/models/throttle.server";
import {
  canSeeClassmates,
  cerBody,
  editRefusal,
  hasOwnResponse,
  POST_RULE,
  replyRefusal,
  showAsDeleted,
  visibleToPupil,
  type CerField,
  type PostFacts,
} from "~/utils/discussion";
import type { PupilViewer } from "~/utils/auth.server";
import type { Rubric } from "~/content/schema";
import { levelDistribution, NO_LEVELS, type LevelCounts, type Levels } from "~/utils/rubric";
import { notFound } from "~/utils/http.server";

type PostRow = typeof posts.$inferSelect & {
  authorName: string;
  feedbackBody: string | null;
  feedbackSeenAt: Date | null;
  feedbackAt: Date | null;
  levels: Levels;
};

async function assignmentPosts(assignmentId: number): Promise<PostRow[]> {
  return (
    (
      await db
        .select({
          post: posts,
          authorName: pupils.displayName,
          feedbackBody: postFeedback.body,
          feedbackSeenAt: postFeedback.seenAt,
          feedbackAt: postFeedback.createdAt,
          claimLevel: postFeedback.claimLevel,
          evidenceLevel: postFeedback.evidenceLevel,
          reasoningLevel: postFeedback.reasoningLevel,
        })
        .from(posts)
        // left join: a removed pupil's blanked posts stay (author null) so replies keep their place
        .leftJoin(pupils, eq(pupils.id, posts.authorId))
        .leftJoin(postFeedback, eq(postFeedback.postId, posts.id))
        .where(eq(posts.assignmentId, assignmentId))
        .orderBy(asc(posts.createdAt), asc(posts.id))
    ).map((r) => ({
      ...r.post,
      authorName: r.authorName ?? "",
      feedbackBody: r.feedbackBody,
      feedbackSeenAt: r.feedbackSeenAt,
      feedbackAt: r.feedbackAt,
      levels: { claim: r.claimLevel, evidence: r.evidenceLevel, reasoning: r.reasoningLevel },
    }))
  );
}

function facts(row: typeof posts.$inferSelect, hasFeedback: boolean): PostFacts {
  return {
    id: row.id,
    assignmentId: row.assignmentId,
    promptId: row.promptId,
    authorId: row.authorId,
    parentId: row.parentId,
    hidden: row.hidden,
    deleted: row.deletedAt !== null,
    hasFeedback,
  };
}

const rowFacts = (row: PostRow) => facts(row, row.feedbackBody !== null);

function cerOf(row: typeof posts.$inferSelect) {
  return row.claim !== null && row.evidence !== null && row.reasoning !== null
    ? { claim: row.claim, evidence: row.evidence, reasoning: row.reasoning }
    : null;
}

// ---------------------------------------------------------------------------------------------
// The pupil's page

export type PupilPostView = {
  id: number;
  authorName: string;
  own: boolean;
  createdAt: string;
  edited: boolean;
  hidden: boolean;
  exemplary: boolean;
  deleted: boolean;
  body: string;
  cer: Record<CerField, string> | null;
  canEdit: boolean;
  canReply: boolean;
  /** Only ever set on the viewer's own posts: feedback (and rubric levels) are private to the author. */
  feedback: { body: string; at: string; isNew: boolean; levels: Levels } | null;
  replies: PupilPostView[];
};

export type PupilPromptView = {
  id: string;
  mode: "open" | "cer";
  prompt: string;
  /** The CER rubric, shown to the pupil before writing (not teacher guidance). */
  rubric: Rubric | null;
  own: PupilPostView | null;
  canSeeClassmates: boolean;
  classmates: PupilPostView[];
};

/**
 * What one pupil may see of the discussion: their own response (with private feedback), and —
 * once allowed — classmates' visible responses and replies. Nothing else leaves the server.
 */
export async function pupilDiscussion({
  pupil,
  assignment,
}: {
  pupil: PupilViewer;
  assignment: PupilAssignment;
}) {
  const rows = await assignmentPosts(assignment.id);
  const all = rows.map(rowFacts);
  const closed = assignment.discussionClosed;
  const me = pupil.pupilId;

  const view = (row: PostRow, replies: PupilPostView[], mayReply: boolean): PupilPostView => {
    const f = rowFacts(row);
    const own = row.authorId === me;
    const placeholder = f.deleted;
    return {
      id: row.id,
      authorName: placeholder ? "" : row.authorName,
      own,
      createdAt: row.createdAt.toISOString(),
      edited: !placeholder && row.editedAt !== null,
      hidden: row.hidden,
      exemplary: !placeholder && row.exemplary && row.parentId === null,
      deleted: placeholder,
      body: placeholder ? "" : row.body,
      cer: placeholder ? null : cerOf(row),
      canEdit: own && editRefusal(f, me, closed) === null,
      canReply: mayReply && !placeholder && !row.hidden && row.parentId === null && !closed,
      feedback:
        own && !placeholder && row.feedbackBody !== null
          ? {
              body: row.feedbackBody,
              at: (row.feedbackAt ?? row.createdAt).toISOString(),
              isNew: row.feedbackSeenAt === null,
              levels: row.levels,
            }
          : null,
      replies,
    };
  };

  const repliesTo = (parent: PostRow) =>
    rows
      .filter((r) => r.parentId === parent.id && visibleToPupil(rowFacts(r), me))
      .map((r) => view(r, [], false));

  const prompts: PupilPromptView[] = assignment.lesson.prompts.map((prompt) => {
    const ownRow =
      rows.find(
        (r) =>
          r.authorId === me &&
          r.promptId === prompt.id &&
          r.parentId === null &&
          r.deletedAt === null,
      ) ?? null;
    const answered = hasOwnResponse(all, me, prompt.id);
    const allowed = canSeeClassmates(assignment.postFirst, answered);
    const classmates: PupilPostView[] = [];
    if (allowed) {
      for (const row of rows) {
        if (row.promptId !== prompt.id || row.parentId !== null || row.id === ownRow?.id) continue;
        const replies = repliesTo(row);
        const f = rowFacts(row);
        if (visibleToPupil(f, me) || showAsDeleted(f, replies.length))
          classmates.push(view(row, replies, true));
      }
      // the teacher's chosen examples first, the rest in the order they were written
      classmates.sort((a, b) => Number(b.exemplary) - Number(a.exemplary));
    }
    return {
      id: prompt.id,
      mode: prompt.mode,
      prompt: prompt.prompt,
      rubric: prompt.mode === "cer" ? (prompt.rubric ?? null) : null,
      own: ownRow ? view(ownRow, repliesTo(ownRow), true) : null,
      canSeeClassmates: allowed,
      classmates,
    };
  });
  return {
    closed,
    postFirst: assignment.postFirst,
    prompts,
    done: prompts.filter((p) => p.own).length,
  };
}

/** The author has now seen every piece of feedback on their posts in this assignment. */
export async function markFeedbackSeen({
  pupilId,
  assignmentId,
  now = Date.now(),
}: {
  pupilId: number;
  assignmentId: number;
  now?: number;
}) {
  await db
    .update(postFeedback)
    .set({ seenAt: new Date(now) })
    .where(
      and(
        isNull(postFeedback.seenAt),
        inArray(
          postFeedback.postId,
          db
            .select({ id: posts.id })
            .from(posts)
            .where(and(eq(posts.authorId, pupilId), eq(posts.assignmentId, assignmentId))),
        ),
      ),
    );
}

// ---------------------------------------------------------------------------------------------
// Pupil writes. Refusals come back as field errors (dictionary keys); a post that is not the
// pupil's, or an assignment of another class, is a 404 like a missing one.

export type WriteResult = { ok: true; postId: number } | { ok: false; errors: FieldErrors };

const throttleKey = (pupilId: number) => `discussion-post:${pupilId}`;

async function throttled(pupilId: number, now: number): Promise<boolean> {
  return (await throttleStatus(throttleKey(pupilId), POST_RULE, now)).blocked;
}

export type ResponseInput =
  { mode: "open"; body: string } | ({ mode: "cer" } & Record<CerField, string>);

/** A pupil's top-level response to one prompt: one each (a deleted one may be written again). */
export async function postResponse({
  pupil,
  assignmentId,
  promptId,
  input,
  now = Date.now(),
}: {
  pupil: PupilViewer;
  assignmentId: number;
  promptId: string;
  input: ResponseInput;
  now?: number;
}): Promise<WriteResult> {
  const assignment = await getPupilAssignment({
    classId: pupil.classId,
    pupilId: pupil.pupilId,
    assignmentId,
  });
  const prompt = assignment.lesson.prompts.find((p) => p.id === promptId);
  if (!prompt || prompt.mode !== input.mode) notFound();
  if (assignment.discussionClosed) return { ok: false, errors: { form: "discuss.err.closed" } };
  if (await throttled(pupil.pupilId, now))
    return { ok: false, errors: { form: "discuss.err.throttle" } };
  const result = await withTransaction(async (tx) => {
    const existing = await first(
      tx
        .select({ id: posts.id })
        .from(posts)
        .where(
          and(
            eq(posts.assignmentId, assignmentId),
            eq(posts.promptId, promptId),
            eq(posts.authorId, pupil.pupilId),
            isNull(posts.parentId),
            isNull(posts.deletedAt),
          ),
        ),
    );
    if (existing) return { ok: false as const, errors: { form: "discuss.err.already" as const } };
    const values =
      input.mode === "cer"
        ? {
            body: cerBody(input),
            claim: input.claim,
            evidence: input.evidence,
            reasoning: input.reasoning,
          }
        : { body: input.body };
    const [row] = await tx
      .insert(posts)
      .values({
        assignmentId,
        promptId,
        authorId: pupil.pupilId,
        createdAt: new Date(now),
        ...values,
      })
      .returning({ id: posts.id });
    return { ok: true as const, postId: row.id };
  });
  if (result.ok) await countUse(throttleKey(pupil.pupilId), POST_RULE, now);
  return result;
}

async function anyPost(postId: number) {
  const row = await first(db.select().from(posts).where(eq(posts.id, postId)));
  if (!row) return null;
  const feedback = await first(
    db.select({ id: postFeedback.id }).from(postFeedback).where(eq(postFeedback.postId, postId)),
  );
  return facts(row, feedback !== undefined);
}

/** A reply to a response the pupil can see, in the same assignment. */
export async function postReply({
  pupil,
  assignmentId,
  parentId,
  body,
  now = Date.now(),
}: {
  pupil: PupilViewer;
  assignmentId: number;
  parentId: number;
  body: string;
  now?: number;
}): Promise<WriteResult> {
  const assignment = await getPupilAssignment({
    classId: pupil.classId,
    pupilId: pupil.pupilId,
    assignmentId,
  });
  const parent = await anyPost(parentId);
  const ownResponse =
    parent !== null &&
    parent.assignmentId === assignmentId &&
    hasOwnResponse(
      (
        await db
          .select()
          .from(posts)
          .where(
            and(
              eq(posts.assignmentId, assignmentId),
              eq(posts.authorId, pupil.pupilId),
              eq(posts.promptId, parent.promptId),
            ),
          )
      ).map((r) => facts(r, false)),
      pupil.pupilId,
      parent.promptId,
    );
  const refusal = replyRefusal({
    parent,
    assignmentId,
    pupilId: pupil.pupilId,
    postFirst: assignment.postFirst,
    ownResponse,
    closed: assignment.discussionClosed,
  });
  if (refusal) return { ok: false, errors: { body: refusal } };
  if (await throttled(pupil.pupilId, now))
    return { ok: false, errors: { form: "discuss.err.throttle" } };
  const [row] = await db
    .insert(posts)
    .values({
      assignmentId,
      promptId: parent!.promptId,
      authorId: pupil.pupilId,
      parentId,
      body,
      createdAt: new Date(now),
    })
    .returning({ id: posts.id });
  await countUse(throttleKey(pupil.pupilId), POST_RULE, now);
  return { ok: true, postId: row.id };
}

/** The pupil's own post in this assignment and what kind of text it holds; 404 for anyone else's. */
export async function ownPostKind({
  pupil,
  assignmentId,
  postId,
}: {
  pupil: PupilViewer;
  assignmentId: number;
  postId: number;
}): Promise<"open" | "cer" | "reply"> {
  const assignment = await getPupilAssignment({
    classId: pupil.classId,
    pupilId: pupil.pupilId,
    assignmentId,
  });
  const row = await first(
    db
      .select()
      .from(posts)
      .where(
        and(
          eq(posts.id, postId),
          eq(posts.assignmentId, assignmentId),
          eq(posts.authorId, pupil.pupilId),
        ),
      ),
  );
  if (!row) notFound();
  if (row.parentId !== null) return "reply";
  return assignment.lesson.prompts.find((p) => p.id === row.promptId)?.mode ?? "open";
}

async function ownPostForChange(pupil: PupilViewer, assignmentId: number, postId: number) {
  const assignment = await getPupilAssignment({
    classId: pupil.classId,
    pupilId: pupil.pupilId,
    assignmentId,
  });
  const post = await anyPost(postId);
  if (!post || post.assignmentId !== assignmentId || post.authorId !== pupil.pupilId) notFound();
  return { post, refusal: editRefusal(post, pupil.pupilId, assignment.discussionClosed) };
}

export type EditInput = { body: string } | Record<CerField, string>;

/** Changes the text of the pupil's own post; marks it edited. */
export async function editPost({
  pupil,
  assignmentId,
  postId,
  input,
  now = Date.now(),
}: {
  pupil: PupilViewer;
  assignmentId: number;
  postId: number;
  input: EditInput;
  now?: number;
}): Promise<WriteResult> {
  const { refusal } = await ownPostForChange(pupil, assignmentId, postId);
  if (refusal) return { ok: false, errors: { form: refusal } };
  const values =
    "claim" in input
      ? {
          body: cerBody(input),
          claim: input.claim,
          evidence: input.evidence,
          reasoning: input.reasoning,
        }
      : { body: input.body };
  await db
    .update(posts)
    .set({ ...values, editedAt: new Date(now) })
    .where(eq(posts.id, postId));
  return { ok: true, postId };
}

/** Soft delete: the row stays (replies keep their place under a "(deleted)" marker). */
export async function deletePost({
  pupil,
  assignmentId,
  postId,
  now = Date.now(),
}: {
  pupil: PupilViewer;
  assignmentId: number;
  postId: number;
  now?: number;
}): Promise<WriteResult> {
  const { refusal } = await ownPostForChange(pupil, assignmentId, postId);
  if (refusal) return { ok: false, errors: { form: refusal } };
  // The row stays so replies keep their place; the pupil's words do not (deleting means deleting).
  await db
    .update(posts)
    .set({
      deletedAt: new Date(now),
      exemplary: false,
      body: "",
      claim: null,
      evidence: null,
      reasoning: null,
    })
    .where(eq(posts.id, postId));
  return { ok: true, postId };
}

// ---------------------------------------------------------------------------------------------
// The teacher's moderation page

export type TeacherPostView = {
  id: number;
  authorName: string;
  createdAt: string;
  edited: boolean;
  hidden: boolean;
  exemplary: boolean;
  deleted: boolean;
  body: string;
  cer: Record<CerField, string> | null;
  feedback: { body: string; seen: boolean; levels: Levels } | null;
  replies: TeacherPostView[];
};

/** Every post of the assignment, hidden and deleted ones included (marked), grouped by prompt. */
export async function teacherDiscussion({
  teacherId,
  assignmentId,
}: {
  teacherId: number;
  assignmentId: number;
}) {
  const assignment = await getTeacherAssignment({ teacherId, assignmentId });
  const rows = await assignmentPosts(assignment.id);
  const view = (row: PostRow): TeacherPostView => ({
    id: row.id,
    authorName: row.authorName,
    createdAt: row.createdAt.toISOString(),
    edited: row.editedAt !== null,
    hidden: row.hidden,
    exemplary: row.exemplary,
    deleted: row.deletedAt !== null,
    body: row.body,
    cer: cerOf(row),
    feedback:
      row.feedbackBody !== null
        ? { body: row.feedbackBody, seen: row.feedbackSeenAt !== null, levels: row.levels }
        : null,
    replies: rows.filter((r) => r.parentId === row.id).map(view),
  });
  const prompts = assignment.lesson.prompts.map((prompt) => ({
    ...prompt,
    responses: rows.filter((r) => r.promptId === prompt.id && r.parentId === null).map(view),
  }));
  return {
    assignment,
    prompts,
    progress: await classDiscussionDone({
      assignmentId: assignment.id,
      classId: assignment.classId,
      promptIds: assignment.lesson.prompts.map((p) => p.id),
    }),
  };
}

/** The teacher's discussion page: the assignment's facts beside every post, by prompt. */
export async function teacherDiscussionPage(ids: { teacherId: number; assignmentId: number }) {
  const { assignment, prompts, progress } = await teacherDiscussion(ids);
  return {
    id: assignment.id,
    title: assignment.lesson.title,
    slug: assignment.lesson.slug,
    language: assignment.lesson.language,
    paragraphCount: assignment.lesson.paragraphs.length,
    className: assignment.className,
    timeZone: assignment.timeZone,
    closed: assignment.discussionClosed,
    prompts,
    progress,
  };
}

async function teacherPost(teacherId: number, assignmentId: number, postId: number) {
  await getTeacherAssignment({ teacherId, assignmentId });
  const row = await first(
    db
      .select()
      .from(posts)
      .where(and(eq(posts.id, postId), eq(posts.assignmentId, assignmentId))),
  );
  if (!row) notFound();
  return row;
}

export async function setHidden(input: {
  teacherId: number;
  assignmentId: number;
  postId: number;
  hidden: boolean;
}) {
  await teacherPost(input.teacherId, input.assignmentId, input.postId);
  await db.update(posts).set({ hidden: input.hidden }).where(eq(posts.id, input.postId));
}

/** Only a top-level response that still exists can be held up as an example. */
export async function setExemplary(input: {
  teacherId: number;
  assignmentId: number;
  postId: number;
  exemplary: boolean;
}): Promise<WriteResult> {
  const row = await teacherPost(input.teacherId, input.assignmentId, input.postId);
  if (input.exemplary && (row.parentId !== null || row.deletedAt !== null))
    return { ok: false, errors: { form: "discuss.err.exemplary" } };
  await db.update(posts).set({ exemplary: input.exemplary }).where(eq(posts.id, input.postId));
  return { ok: true, postId: row.id };
}

/** One piece of private feedback per post; writing it again replaces it and shows as new to the pupil. */
export async function saveFeedback(input: {
  teacherId: number;
  assignmentId: number;
  postId: number;
  body: string;
  /** CER rubric levels; ignored (stored as not rated) unless the post is a CER response. */
  levels?: Levels;
  now?: number;
}): Promise<WriteResult> {
  const row = await teacherPost(input.teacherId, input.assignmentId, input.postId);
  if (row.deletedAt !== null) return { ok: false, errors: { body: "discuss.err.feedbackDeleted" } };
  const at = new Date(input.now ?? Date.now());
  const l = row.claim !== null && row.parentId === null ? (input.levels ?? NO_LEVELS) : NO_LEVELS;
  const levels = { claimLevel: l.claim, evidenceLevel: l.evidence, reasoningLevel: l.reasoning };
  await db
    .insert(postFeedback)
    .values({ postId: row.id, body: input.body, createdAt: at, ...levels })
    .onConflictDoUpdate({
      target: postFeedback.postId,
      set: { body: input.body, seenAt: null, createdAt: at, ...levels },
    });
  return { ok: true, postId: row.id };
}

/**
 * CER rubric results for the teacher's results page and CSV: per CER prompt with a rubric, the
 * distribution of levels over top-level responses that still exist, and each pupil's levels on
 * their latest such response. The caller has already checked the teacher owns the assignment.
 */
export async function rubricResults(
  assignmentId: number,
  prompts: { id: string; mode: string; rubric?: unknown }[],
) {
  const withRubric = prompts.filter((p) => p.mode === "cer" && p.rubric);
  const rows = (await assignmentPosts(assignmentId)).filter(
    (r) => r.parentId === null && r.deletedAt === null,
  );
  const byPupil = new Map<number, Record<string, Levels>>();
  const distribution: Record<string, LevelCounts> = {};
  for (const p of withRubric) {
    const mine = rows.filter((r) => r.promptId === p.id && r.feedbackBody !== null);
    distribution[p.id] = levelDistribution(mine.map((r) => r.levels));
    for (const r of mine) {
      // a removed pupil's blanked post has no author any more (decision 041)
      if (r.authorId === null) continue;
      const entry = byPupil.get(r.authorId) ?? {};
      entry[p.id] = r.levels; // rows are oldest first, so the latest response wins
      byPupil.set(r.authorId, entry);
    }
  }
  return { promptIds: withRubric.map((p) => p.id), distribution, byPupil };
}
