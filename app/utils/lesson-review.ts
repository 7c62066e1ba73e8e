// What a pupil sees item by item after submitting, as pure data: for the pupils' feedback step (from
// a stored attempt) and for the editor's preview (from choices carried in the form). Keys included:
// only a feedback answer may carry this.
import type { Category, Lesson, Question, SortingItem } from "~/content/schema";
import { maxPoints, partBId, questionPoints } from "~/utils/two-part";
import { referencedParagraphs } from "~/components/paragraph-ref";

export type Outcome = "right" | "wrong" | "unanswered";

/** One multiple-choice question reviewed: a two-part question is right only with both parts right. */
export function reviewQuestion(
  q: Question,
  mine: string | null,
  mineB: string | null,
  paragraphs: string[],
) {
  const text = (option: string | null) => q.options.find((o) => o.id === option)?.text ?? null;
  // Two-part questions: Part B's quotation, the right one shown inside its paragraph.
  const b = q.partB;
  const quote = (option: string | null) => b?.options.find((o) => o.id === option) ?? null;
  const key = b ? quote(b.correct) : null;
  const points = questionPoints(q, mine ?? undefined, mineB ?? undefined);
  return {
    id: q.id,
    stem: q.stem,
    mine: text(mine),
    right: text(q.correct) ?? "",
    outcome: (mine === null
      ? "unanswered"
      : points === maxPoints(q)
        ? "right"
        : "wrong") as Outcome,
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
            paragraphText: paragraphs[key.paragraph - 1] ?? "",
          }
        : null,
  };
}

/** One sorting statement reviewed, with the speaker's label when the lesson names one. */
export function reviewStatement(
  s: SortingItem,
  mine: Category | null,
  speakers: Lesson["speakers"],
) {
  return {
    id: s.id,
    quote: s.quote,
    paragraph: s.paragraph,
    mine,
    right: s.category,
    outcome: (mine === null ? "unanswered" : mine === s.category ? "right" : "wrong") as Outcome,
    explanation: s.explanation,
    speaker: s.speaker ? (speakers.find((x) => x.id === s.speaker)?.label ?? null) : null,
  };
}

/**
 * Every question and statement reviewed in the order the pupil saw them, and the paragraphs the
 * review cites (for the evidence sheets). `choice` answers what was chosen for an item.
 */
export function reviewLesson(
  lesson: Lesson,
  order: { questions: string[]; sorting: string[] },
  choice: (kind: "quiz" | "sort", itemId: string) => string | null,
) {
  const questionsById = new Map(lesson.questions.map((q) => [q.id, q]));
  const sortingById = new Map(lesson.sorting.map((x) => [x.id, x]));
  const questions = order.questions.flatMap((id) => {
    const q = questionsById.get(id);
    return q
      ? [
          reviewQuestion(
            q,
            choice("quiz", q.id),
            q.partB ? choice("quiz", partBId(q.id)) : null,
            lesson.paragraphs,
          ),
        ]
      : [];
  });
  const sorting = order.sorting.flatMap((id) => {
    const s = sortingById.get(id);
    return s ? [reviewStatement(s, choice("sort", s.id) as Category | null, lesson.speakers)] : [];
  });
  const cited = new Set([
    ...questions.flatMap((q) => q.evidence),
    ...sorting.map((x) => x.paragraph),
  ]);
  return { questions, sorting, cited };
}

/** A question as the quiz step shows it: stem, options in the given order, Part B; no key. */
export function quizQuestionView(
  q: Question,
  paragraphCount: number,
  optionOrder: string[] = q.options.map((o) => o.id),
) {
  const text = new Map(q.options.map((o) => [o.id, o.text]));
  return {
    id: q.id,
    stem: q.stem,
    options: optionOrder.map((o) => ({ id: o, text: text.get(o) ?? "" })),
    refs: referencedParagraphs(q.stem, paragraphCount),
    // Part B (two-part questions): verbatim quotations with their paragraph, in lesson order.
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
  };
}
