// A teacher's draft walked through as a pupil: the step pages' data without keys, and the
// feedback computed from choices carried in the form — nothing here reads or writes attempts.
import { paragraphTexts, referencedParagraphs } from "~/components/paragraph-ref";
import { getOwnLesson, validateDraft, type Draft } from "~/models/lesson-editor.server";
import { percent, scoreAttempt, type AnswerRow } from "~/utils/quiz";
import { skillShares } from "~/utils/stats";
import { partBId, pointResponses, quizParts } from "~/utils/two-part";
import { quizQuestionView, reviewLesson } from "~/utils/lesson-review";
import { quizField, sortField, type Choices } from "~/utils/preview-fields";

/** The teacher's own draft (404 for anyone else) and whether it still has errors. */
export function previewDraft({ teacherId, lessonId }: { teacherId: number; lessonId: number }) {
  const row = getOwnLesson({ teacherId, lessonId });
  const lesson = row.draft as Draft;
  return { id: row.id, lesson, valid: validateDraft(lesson).problems.length === 0 };
}

/** Choices carried in a query or form body, kept only where item and option exist in this draft. */
export function readChoices(lesson: Draft, fields: URLSearchParams | FormData): Choices {
  const pick = (name: string) => {
    const value = fields.get(name);
    return typeof value === "string" ? value : null;
  };
  const sort: Record<string, string> = {};
  const quiz: Record<string, string> = {};
  for (const s of lesson.sorting) {
    const c = pick(sortField(s.id));
    if (c && ["reported-event", "allegation", "denial", "unsourced-claim", "opinion"].includes(c))
      sort[s.id] = c;
  }
  for (const q of lesson.questions) {
    const a = pick(quizField(q.id));
    if (a && q.options.some((o) => o.id === a)) quiz[q.id] = a;
    if (q.partB) {
      const b = pick(quizField(partBId(q.id)));
      if (b && q.partB.options.some((o) => o.id === b)) quiz[partBId(q.id)] = b;
    }
  }
  return { sort, quiz };
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
