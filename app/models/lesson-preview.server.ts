// A teacher's draft walked through as a pupil: the step pages' data without keys, and the
// feedback computed from choices carried in the form — nothing here reads or writes attempts.
import type { Category } from "~/content/schema";
import { paragraphTexts, referencedParagraphs } from "~/components/paragraph-ref";
import { getOwnLesson, validateDraft, type Draft } from "~/models/lesson-editor.server";
import { percent, scoreAttempt, type AnswerRow } from "~/utils/quiz";
import { skillShares } from "~/utils/stats";
import { maxPoints, partBId, pointResponses, questionPoints, quizParts } from "~/utils/two-part";
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
    questions: lesson.questions.map((q) => ({
      id: q.id,
      stem: q.stem,
      options: q.options.map((o) => ({ id: o.id, text: o.text })),
      refs: referencedParagraphs(q.stem, count),
      partB: q.partB
        ? {
            id: partBId(q.id),
            stem: q.partB.stem,
            options: q.partB.options.map((o) => ({
              id: o.id,
              text: o.quote,
              paragraph: o.paragraph,
            })),
          }
        : null,
    })),
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

type Outcome = "right" | "wrong" | "unanswered";

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
  const speakers = new Map(lesson.speakers.map((s) => [s.id, s.label]));
  const outcome = (mine: string | null, right: string): Outcome =>
    mine === null ? "unanswered" : mine === right ? "right" : "wrong";
  const questions = lesson.questions.map((q) => {
    const mine = choices.quiz[q.id] ?? null;
    const text = (option: string | null) => q.options.find((o) => o.id === option)?.text ?? null;
    const b = q.partB;
    const mineB = b ? (choices.quiz[partBId(q.id)] ?? null) : null;
    const quote = (option: string | null) => b?.options.find((o) => o.id === option) ?? null;
    const key = b ? quote(b.correct) : null;
    const points = questionPoints(q, mine ?? undefined, mineB ?? undefined);
    return {
      id: q.id,
      stem: q.stem,
      mine: text(mine),
      right: text(q.correct) ?? "",
      outcome:
        mine === null
          ? ("unanswered" as const)
          : points === maxPoints(q)
            ? ("right" as const)
            : ("wrong" as const),
      explanation: q.explanation,
      evidence: q.evidence,
      points,
      maxPoints: maxPoints(q),
      partB:
        b && key
          ? {
              stem: b.stem,
              mine: quote(mineB)?.quote ?? null,
              right: key.quote,
              correct: mineB === b.correct,
              explanation: b.explanation,
              paragraph: key.paragraph,
              paragraphText: lesson.paragraphs[key.paragraph - 1] ?? "",
            }
          : null,
    };
  });
  const sorting = lesson.sorting.map((s) => {
    const mine = (choices.sort[s.id] ?? null) as Category | null;
    return {
      id: s.id,
      quote: s.quote,
      paragraph: s.paragraph,
      mine,
      right: s.category,
      outcome: outcome(mine, s.category),
      explanation: s.explanation,
      speaker: s.speaker ? (speakers.get(s.speaker) ?? null) : null,
    };
  });
  const cited = new Set([
    ...questions.flatMap((q) => q.evidence),
    ...sorting.map((x) => x.paragraph),
  ]);
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
