// A teacher's draft walked through as a pupil: the step pages' data without keys, and the
// feedback computed from choices carried in the form — nothing here reads or writes attempts.
import { paragraphTexts, referencedParagraphs } from "~/components/paragraph-ref";
import { getOwnLesson, validateDraft, type Draft } from "~/models/lesson-editor.server";
import { percent, scoreAttempt, type AnswerRow } from "~/utils/quiz";
import { skillShares } from "~/utils/stats";
import { partBId, pointResponses, quizParts } from "~/utils/two-part";
import { quizQuestionView, reviewLesson } from "~/utils/lesson-review";
import { z } from "zod";
import { CATEGORIES } from "~/content/schema";
import { parseSubmission } from "~/utils/form.server";
import { readingMinutes } from "~/utils/format";
import { parseHighlight } from "~/utils/highlight";
import { parseStep, type Choices } from "~/utils/preview-fields";

/** The teacher's own draft (404 for anyone else) and whether it still has errors. */
export async function previewDraft({
  teacherId,
  lessonId,
}: {
  teacherId: number;
  lessonId: number;
}) {
  const row = await getOwnLesson({ teacherId, lessonId });
  const lesson = row.draft as Draft;
  return { id: row.id, lesson, valid: validateDraft(lesson).problems.length === 0 };
}

/**
 * The carried choices as the kit reads them (decision 019): `s.<statement id>`, `q.<question id>`,
 * `b.<question id>` (Part B) nest into three records. Anything else a hand-made query carries is
 * dropped here rather than refused: the preview shows the draft with whatever choices still fit.
 */
const carried = z.record(z.string(), z.unknown()).optional().catch(undefined);
export const previewChoicesSchema = z.object({ s: carried, q: carried, b: carried });
type Carried = z.output<typeof previewChoicesSchema>;

/** Choices carried in a query or form body, kept only where item and option exist in this draft. */
export function readChoices(lesson: Draft, fields: URLSearchParams | FormData): Choices {
  const submission = parseSubmission(fields, previewChoicesSchema);
  return fitChoices(lesson, submission.status === "success" ? submission.value : {});
}

function fitChoices(lesson: Draft, value: Carried): Choices {
  const pick = (record: Record<string, unknown> | undefined, id: string) => {
    const choice = record && Object.hasOwn(record, id) ? record[id] : undefined;
    return typeof choice === "string" ? choice : null;
  };
  const sort: Record<string, string> = {};
  const quiz: Record<string, string> = {};
  for (const s of lesson.sorting) {
    const c = pick(value.s, s.id);
    if (c && (CATEGORIES as readonly string[]).includes(c)) sort[s.id] = c;
  }
  for (const q of lesson.questions) {
    const a = pick(value.q, q.id);
    if (a && q.options.some((o) => o.id === a)) quiz[q.id] = a;
    if (q.partB) {
      const b = pick(value.b, q.id);
      if (b && q.partB.options.some((o) => o.id === b)) quiz[partBId(q.id)] = b;
    }
  }
  return { sort, quiz };
}

/**
 * What the preview page shows for one step (`?step=`, or `go`: the next-step button of a step's
 * form): the carried choices, the counts for the step links, and only that step's items; answer
 * keys never leave the server here (the action sends the feedback).
 */
export function previewPage(draft: Awaited<ReturnType<typeof previewDraft>>, url: URL) {
  const { id, lesson, valid } = draft;
  const step = parseStep(url.searchParams.get("go") ?? url.searchParams.get("step"));
  const partCount = lesson.questions.reduce((n, q) => n + (q.partB ? 2 : 1), 0);
  return {
    id,
    valid,
    step,
    title: lesson.title,
    language: lesson.language,
    choices: readChoices(lesson, url.searchParams),
    counts: { sortTotal: lesson.sorting.length, quizTotal: partCount },
    read:
      step === "read"
        ? {
            source: lesson.source,
            glossary: lesson.glossary,
            paragraphs: lesson.paragraphs,
            readingMinutes: readingMinutes(lesson.paragraphs),
            highlight: parseHighlight(url.searchParams.get("highlight"), lesson.paragraphs.length),
          }
        : null,
    sort: step === "sort" ? sortPage(lesson) : null,
    quiz: step === "quiz" ? quizPage(lesson) : null,
    prompts: step === "discuss" ? discussPage(lesson) : null,
  };
}

/** The sorting step as pupils get it: quotations and paragraphs, no category. */
export function sortPage(lesson: Draft) {
  return {
    items: lesson.sorting.map((s) => ({ id: s.id, quote: s.quote, paragraph: s.paragraph })),
    paragraphs: paragraphTexts(lesson.paragraphs, new Set(lesson.sorting.map((x) => x.paragraph))),
  };
}

/** The quiz step as pupils get it (lesson order, as with shuffling off): stems and options, no key. */
export function quizPage(lesson: Draft) {
  const count = lesson.paragraphs.length;
  return {
    questions: lesson.questions.map((q) => quizQuestionView(q, count)),
    paragraphs: paragraphTexts(
      lesson.paragraphs,
      new Set(lesson.questions.flatMap((q) => referencedParagraphs(q.stem, count))),
    ),
  };
}

/** The discussion step's prompts as pupils get them: text, mode, and the CER rubric (no teacher guidance). */
export function discussPage(lesson: Draft) {
  return lesson.prompts.map((p) => ({
    id: p.id,
    mode: p.mode,
    prompt: p.prompt,
    rubric: p.mode === "cer" ? (p.rubric ?? null) : null,
  }));
}

/**
 * The feedback page's review, built the way the pupils' feedback step builds it from a stored
 * attempt, but from the carried choices; the caller sends it once and nothing keeps it.
 */
export function previewReview(lesson: Draft, choices: Choices) {
  const rows: AnswerRow[] = [
    ...Object.entries(choices.quiz).map(([itemId, choice]) => ({
      kind: "quiz" as const,
      itemId,
      choice,
    })),
    ...Object.entries(choices.sort).map(([itemId, choice]) => ({
      kind: "sort" as const,
      itemId,
      choice,
    })),
  ];
  const score = scoreAttempt(lesson, rows);
  // In lesson order, as an assignment with shuffling off.
  const { questions, sorting, cited } = reviewLesson(
    lesson,
    { questions: lesson.questions.map((q) => q.id), sorting: lesson.sorting.map((x) => x.id) },
    (kind, itemId) => (kind === "quiz" ? choices.quiz[itemId] : choices.sort[itemId]) ?? null,
  );
  // one made-up pupil id: skill shares are computed for a single answer sheet
  const responses = pointResponses(lesson, 0, choices.quiz);
  return {
    score,
    percent: percent(score),
    skills: skillShares(quizParts(lesson), responses, [0]).filter((s) => s.total > 0),
    questions,
    sorting,
    paragraphs: paragraphTexts(lesson.paragraphs, cited),
  };
}
