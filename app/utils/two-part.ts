// Two-part (evidence-based) questions: Part B's answer id, 2/1/0 points, and per-part views for statistics.
import type { Lesson, Question, Skill } from "~/content/schema";
import type { QuizResponse } from "./stats";

/** Part B answers are stored under `<question id>.b`; a dot never occurs in a lesson id. */
export const partBId = (questionId: string) => `${questionId}.b`;

/** Points: 1 for a right single question; 2 when Part A and Part B are right, 1 for Part A only, else 0. */
export function questionPoints(
  q: Question,
  choiceA: string | undefined,
  choiceB: string | undefined,
): number {
  if (choiceA !== q.correct) return 0;
  if (!q.partB) return 1;
  return choiceB === q.partB.correct ? 2 : 1;
}

export const maxPoints = (q: Question) => (q.partB ? 2 : 1);
export const lessonMaxPoints = (lesson: Pick<Lesson, "questions">) =>
  lesson.questions.reduce((sum, q) => sum + maxPoints(q), 0);

/** One answerable part: a single question, or Part A / Part B of a two-part question. */
export type QuizPart = {
  /** The id answers are stored under: `q16` or `q16.b`. */
  id: string;
  questionId: string;
  /** 1-based position of the question in the lesson. */
  n: number;
  part: "A" | "B" | null;
  skill: Skill;
  stem: string;
  options: { id: string; text: string; paragraph?: number }[];
  correct: string;
  evidence: number[];
};

/** Every part in lesson order; the statistics treat Part B as an item of its own (facility per part). */
export function quizParts(lesson: Pick<Lesson, "questions">): QuizPart[] {
  return lesson.questions.flatMap((q, i) => {
    const a: QuizPart = {
      id: q.id,
      questionId: q.id,
      n: i + 1,
      part: q.partB ? "A" : null,
      skill: q.skill,
      stem: q.stem,
      options: q.options,
      correct: q.correct,
      evidence: q.evidence,
    };
    if (!q.partB) return [a];
    const key = q.partB.options.find((o) => o.id === q.partB!.correct);
    const b: QuizPart = {
      id: partBId(q.id),
      questionId: q.id,
      n: i + 1,
      part: "B",
      skill: q.skill,
      stem: q.partB.stem,
      options: q.partB.options.map((o) => ({ id: o.id, text: o.quote, paragraph: o.paragraph })),
      correct: q.partB.correct,
      evidence: key ? [key.paragraph] : q.evidence,
    };
    return [a, b];
  });
}

/** Raw right/wrong per part (Part B judged on its own), for facility and option counts. */
export function partResponses(
  lesson: Pick<Lesson, "questions">,
  pupilId: number,
  quiz: Record<string, string | undefined>,
): QuizResponse[] {
  return quizParts(lesson).flatMap((p) => {
    const choice = quiz[p.id];
    return choice === undefined
      ? []
      : [{ pupilId, questionId: p.id, choice, correct: choice === p.correct }];
  });
}

/**
 * One response per point that can be earned, for skill shares: Part B's point only counts when
 * Part A is right too (the 2/1/0 rule), so skill shares equal points / max points.
 */
export function pointResponses(
  lesson: Pick<Lesson, "questions">,
  pupilId: number,
  quiz: Record<string, string | undefined>,
): QuizResponse[] {
  return lesson.questions.flatMap((q) => {
    const a = quiz[q.id];
    const out: QuizResponse[] = [];
    if (a !== undefined)
      out.push({ pupilId, questionId: q.id, choice: a, correct: a === q.correct });
    if (q.partB) {
      const b = quiz[partBId(q.id)];
      if (b !== undefined)
        out.push({
          pupilId,
          questionId: partBId(q.id),
          choice: b,
          correct: questionPoints(q, a, b) === 2,
        });
    }
    return out;
  });
}
