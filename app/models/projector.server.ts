// The projector's page, shaped (JSON-safe): one question or statement of one assignment with the
// class's answer counts, its key and evidence only once revealed, or the exemplary responses.
import { teacherDiscussion } from "~/models/discussion.server";
import { countsOnly, liveClass } from "~/models/live.server";

/**
 * `item` is the asked position (1 = first question; after the questions the statements, then the
 * exemplary responses when the lesson has prompts); anything else shows the first.
 */
export async function projectorPage({
  teacherId,
  assignmentId,
  item: askedItem,
  reveal,
  authors,
}: {
  teacherId: number;
  assignmentId: number;
  item: string | null;
  reveal: boolean;
  authors: boolean;
}) {
  const r = await liveClass({ teacherId, assignmentId });
  if (r.notModified) throw new Error("unreachable: no If-None-Match was given");
  const a = r.assignment;
  const { lesson } = a;
  const hasPosts = lesson.prompts.length > 0;
  const count = lesson.questions.length + lesson.sorting.length + (hasPosts ? 1 : 0);
  const asked = Number.parseInt(askedItem ?? "1", 10);
  const item = Number.isInteger(asked) && asked >= 1 && asked <= count ? asked : 1;
  const paragraph = (n: number) => ({ n, text: lesson.paragraphs[n - 1] ?? "" });
  let shown:
    | {
        kind: "quiz";
        n: number;
        of: number;
        id: string;
        stem: string;
        options: { id: string; text: string }[];
        correct: string | null;
        evidence: { n: number; text: string }[];
      }
    | {
        kind: "sort";
        n: number;
        of: number;
        id: string;
        quote: string;
        correct: string | null;
        paragraph: { n: number; text: string } | null;
      }
    | {
        kind: "posts";
        posts: {
          id: number;
          prompt: string;
          body: string;
          cer: Record<string, string> | null;
          author: string | null;
        }[];
      };
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
    const discussion = await teacherDiscussion({ teacherId, assignmentId: a.id });
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

export type ProjectorPage = Awaited<ReturnType<typeof projectorPage>>;
