// The seed lesson as the tests know it (parsed from its file), and assignments made directly.
import fs from "node:fs";
import { parseLesson } from "../../app/content/parse";
import type { Lesson } from "../../app/content/schema";
import { lessonVersionId, testDb } from "./factories";

export const SEED_SLUG = "ktt-putin-kim-2024";

export function seedLesson(): Lesson {
  const parsed = parseLesson(fs.readFileSync(`content/lessons/${SEED_SLUG}.md`, "utf8"));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.lesson;
}

export function createAssignment(
  classId: number,
  input: Partial<{
    dueAt: number;
    acceptLate: boolean;
    maxAttempts: number;
    counting: "highest" | "last";
    feedback: "immediate" | "after_due" | "never";
    shuffle: boolean;
    postFirst: boolean;
  }> = {},
) {
  const row = testDb()
    .prepare(
      `INSERT INTO assignments (class_id, lesson_version_id, due_at, accept_late, max_attempts, counting, feedback, shuffle, post_first)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(
      classId,
      lessonVersionId(SEED_SLUG),
      input.dueAt ?? Date.now() + 7 * 24 * 3600_000,
      input.acceptLate === false ? 0 : 1,
      input.maxAttempts ?? 1,
      input.counting ?? "highest",
      input.feedback ?? "immediate",
      input.shuffle ? 1 : 0,
      input.postFirst === false ? 0 : 1,
    ) as { id: number };
  return row.id;
}

export function storedAnswers(pupilId: number, assignmentId: number) {
  return testDb()
    .prepare(
      `SELECT an.kind, an.item_id AS "itemId", an.choice FROM answers an JOIN attempts at ON at.id = an.attempt_id
       WHERE at.pupil_id = ? AND at.assignment_id = ? ORDER BY an.kind, an.item_id`,
    )
    .all(pupilId, assignmentId) as { kind: string; itemId: string; choice: string }[];
}

export function attemptsOf(pupilId: number, assignmentId: number) {
  return testDb()
    .prepare(
      `SELECT id, number, submitted_at AS "submittedAt", late, quiz_score AS "quizScore", sort_score AS "sortScore"
       FROM attempts WHERE pupil_id = ? AND assignment_id = ? ORDER BY number`,
    )
    .all(pupilId, assignmentId) as {
    id: number;
    number: number;
    submittedAt: number | null;
    late: number;
    quizScore: number | null;
    sortScore: number | null;
  }[];
}
