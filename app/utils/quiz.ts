// Pure quiz rules: scoring, deterministic per-attempt shuffling, attempt policy and lateness.
import type { Category, Lesson } from "~/content/schema";
import { lessonMaxPoints, partBId, questionPoints } from "./two-part";

export type AnswerRow = { kind: "quiz" | "sort"; itemId: string; choice: string };

export type Score = { quizScore: number; quizMax: number; sortScore: number; sortMax: number };

/**
 * One point per right quiz choice (a two-part question: 2 both right, 1 Part A only) and per
 * rightly sorted statement; unanswered scores 0.
 */
export function scoreAttempt(lesson: Lesson, answers: readonly AnswerRow[]): Score {
  const quiz = new Map<string, string>();
  const sort = new Map<string, string>();
  for (const a of answers) (a.kind === "quiz" ? quiz : sort).set(a.itemId, a.choice);
  return {
    quizScore: lesson.questions.reduce(
      (sum, q) => sum + questionPoints(q, quiz.get(q.id), quiz.get(partBId(q.id))),
      0,
    ),
    quizMax: lessonMaxPoints(lesson),
    sortScore: lesson.sorting.filter((s) => sort.get(s.id) === s.category).length,
    sortMax: lesson.sorting.length,
  };
}

export function percent(
  score: Pick<Score, "quizScore" | "quizMax" | "sortScore" | "sortMax">,
): number {
  const max = score.quizMax + score.sortMax;
  return max === 0 ? 0 : Math.round(((score.quizScore + score.sortScore) / max) * 1000) / 10;
}

/** Is `choice` a valid answer for item `itemId` in this lesson version? */
export function isValidChoice(
  lesson: Lesson,
  kind: "quiz" | "sort",
  itemId: string,
  choice: string,
): "ok" | "item" | "choice" {
  if (kind === "quiz") {
    const b = lesson.questions.find((x) => x.partB && partBId(x.id) === itemId)?.partB;
    if (b) return b.options.some((o) => o.id === choice) ? "ok" : "choice";
    const q = lesson.questions.find((x) => x.id === itemId);
    if (!q) return "item";
    return q.options.some((o) => o.id === choice) ? "ok" : "choice";
  }
  const s = lesson.sorting.find((x) => x.id === itemId);
  if (!s) return "item";
  return (CATEGORY_IDS as readonly string[]).includes(choice) ? "ok" : "choice";
}

export const CATEGORY_IDS: readonly Category[] = [
  "reported-event",
  "allegation",
  "denial",
  "unsourced-claim",
  "opinion",
];

/** mulberry32: a small seeded generator; the same seed always gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with a seeded generator; returns a new array. */
export function shuffleWithSeed<T>(items: readonly T[], seed: number): T[] {
  const out = items.slice();
  const random = seededRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function hashString(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export type ItemOrder = {
  questions: { id: string; options: string[] }[];
  sorting: string[];
};

/** The order an attempt shows: lesson order, or shuffled from the attempt's seed (stable on reload). */
export function attemptOrder(lesson: Lesson, seed: number, shuffle: boolean): ItemOrder {
  if (!shuffle)
    return {
      questions: lesson.questions.map((q) => ({ id: q.id, options: q.options.map((o) => o.id) })),
      sorting: lesson.sorting.map((s) => s.id),
    };
  return {
    questions: shuffleWithSeed(lesson.questions, seed).map((q) => ({
      id: q.id,
      options: shuffleWithSeed(
        q.options.map((o) => o.id),
        (seed ^ hashString(q.id)) >>> 0,
      ),
    })),
    sorting: shuffleWithSeed(
      lesson.sorting.map((s) => s.id),
      (seed ^ 0x9e3779b9) >>> 0,
    ),
  };
}

export type Policy = {
  dueAt: Date;
  acceptLate: boolean;
  maxAttempts: number; // 0 = unlimited
  feedback: "immediate" | "after_due" | "never";
  /** Feedback "after the due date" waits for this (the last extended due date in the class); else dueAt. */
  feedbackAt?: Date;
};

export const isPastDue = (policy: Pick<Policy, "dueAt">, now: number) =>
  now > policy.dueAt.getTime();

/**
 * Work (saving or submitting) is open before the due date, and after it only when late work is
 * accepted; never once the assignment has been closed (`closedAt`, see closing.server.ts).
 */
export function workOpen(
  policy: Pick<Policy, "dueAt" | "acceptLate"> & { closedAt?: Date | null },
  now: number,
): boolean {
  if (policy.closedAt && now >= policy.closedAt.getTime()) return false;
  return !isPastDue(policy, now) || policy.acceptLate;
}

/** May a new attempt start, given the numbers of attempts already made (all submitted)? */
export function canStartNew(policy: Pick<Policy, "maxAttempts">, attemptsMade: number): boolean {
  return policy.maxAttempts === 0 || attemptsMade < policy.maxAttempts;
}

/** Feedback (answer keys, explanations) shows for a submitted attempt as the teacher chose. */
export function feedbackVisible(
  policy: Pick<Policy, "feedback" | "dueAt" | "feedbackAt">,
  submitted: boolean,
  now: number,
): boolean {
  if (!submitted) return false;
  if (policy.feedback === "immediate") return true;
  if (policy.feedback === "after_due")
    return isPastDue({ dueAt: policy.feedbackAt ?? policy.dueAt }, now);
  return false;
}

/**
 * Answer keys and explanations: only with feedback visible, and only once the pupil can neither
 * submit an open attempt nor start a new one — otherwise they could read the keys and score
 * from them in the next attempt (feedback "after the due date" with late work and several attempts).
 */
export function keysVisible(
  policy: Pick<Policy, "feedback" | "dueAt" | "acceptLate" | "maxAttempts" | "feedbackAt"> & {
    closedAt?: Date | null;
  },
  pupil: { submitted: boolean; openAttempt: boolean; attemptsMade: number },
  now: number,
): boolean {
  if (!feedbackVisible(policy, pupil.submitted, now)) return false;
  const canStillWork =
    workOpen(policy, now) && (pupil.openAttempt || canStartNew(policy, pupil.attemptsMade));
  return !canStillWork;
}

export type PupilStatus = "not_started" | "in_progress" | "submitted" | "late" | "missed";

export function pupilStatus(
  policy: Pick<Policy, "dueAt" | "acceptLate">,
  attempt: { submittedAt: Date | null; late: boolean } | null,
  now: number,
): PupilStatus {
  if (attempt?.submittedAt) return attempt.late ? "late" : "submitted";
  if (isPastDue(policy, now)) return policy.acceptLate ? "late" : "missed";
  return attempt ? "in_progress" : "not_started";
}
