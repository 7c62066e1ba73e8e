// The projector view's data: which item the URL asks for, and that item as the class may see it
// (no pupil names; the key and its evidence only once revealed; exemplary posts last).
import { z } from "zod";
import { parseSubmission } from "~/utils/form.server";
import type { ProjectorShown } from "~/utils/projector";
import { teacherDiscussion } from "./discussion.server";
import { countsOnly, liveClass } from "./live.server";

const flag = z
  .string()
  .optional()
  .transform((v) => v === "1")
  .catch(false);

/** `?item=N&reveal=1&authors=1`; anything else means item 1, hidden key, no names. */
export const projectorQuerySchema = z.object({
  item: z.coerce.number().int().min(1).optional().catch(undefined),
  reveal: flag,
  authors: flag,
});

export type ProjectorQuery = { item: number; reveal: boolean; authors: boolean };

/** The URL's query through the schema (a query that fails it is item 1, as a first visit). */
export function readProjectorQuery(url: URL): ProjectorQuery {
  const submission = parseSubmission(url.searchParams, projectorQuerySchema);
  if (submission.status !== "success") return { item: 1, reveal: false, authors: false };
  const { item, reveal, authors } = submission.value;
  return { item: item ?? 1, reveal, authors };
}

export function projectorPage(input: {
  teacherId: number;
  assignmentId: number;
  query: ProjectorQuery;
}) {
  const r = liveClass({ teacherId: input.teacherId, assignmentId: input.assignmentId });
  if (r.notModified) throw new Error("unreachable: no If-None-Match was given");
  const a = r.assignment;
  const { lesson } = a;
  const { reveal, authors } = input.query;
  const count =
    lesson.questions.length + lesson.sorting.length + (lesson.prompts.length > 0 ? 1 : 0);
  const item = input.query.item <= count ? input.query.item : 1;
  const paragraph = (n: number) => ({ n, text: lesson.paragraphs[n - 1] ?? "" });
  let shown: ProjectorShown;
  if (item <= lesson.questions.length) {
    const q = lesson.questions[item - 1];
    shown = {
      kind: "quiz",
      n: item,
      of: lesson.questions.length,
      id: q.id,
      stem: q.stem,
      options: q.options.map((o) => ({ id: o.id, text: o.text })),
      // the key leaves the server only once the teacher reveals it
      correct: reveal ? q.correct : null,
      evidence: reveal ? q.evidence.map(paragraph) : [],
    };
  } else if (item <= lesson.questions.length + lesson.sorting.length) {
    const index = item - lesson.questions.length - 1;
    const s = lesson.sorting[index];
    shown = {
      kind: "sort",
      n: index + 1,
      of: lesson.sorting.length,
      id: s.id,
      quote: s.quote,
      correct: reveal ? s.category : null,
      paragraph: reveal ? paragraph(s.paragraph) : null,
    };
  } else {
    const discussion = teacherDiscussion({ teacherId: input.teacherId, assignmentId: a.id });
    shown = {
      kind: "posts",
      posts: discussion.prompts.flatMap((p) =>
        p.responses
          .filter((r) => r.exemplary && !r.hidden && !r.deleted)
          .map((r) => ({
            id: r.id,
            prompt: p.prompt,
            body: r.body,
            cer: r.cer,
            author: authors ? r.authorName : null,
          })),
      ),
    };
  }
  return {
    id: a.id,
    title: lesson.title,
    language: lesson.language,
    item,
    count,
    reveal,
    authors,
    shown,
    counts: countsOnly(r.snapshot),
  };
}
