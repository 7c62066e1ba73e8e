// The pupil's lesson pages as a test drives them: the seed lesson's items found by their labels.
import type { Page } from "@playwright/test";
import { createClass, createPupil, createTeacher } from "./factories";
import { createAssignment, seedLesson } from "./lesson";

export const lesson = seedLesson();

/** The sorting categories as the Indonesian page labels them. */
export const CATEGORY_LABEL: Record<string, string> = {
  "reported-event": "Peristiwa yang dilaporkan",
  allegation: "Tuduhan (oleh pihak yang disebut)",
  denial: "Bantahan",
  "unsourced-claim": "Klaim tanpa sumber",
  opinion: "Penilaian atau pendapat penulis",
};

export const optionText = (qIndex: number, id: string) =>
  lesson.questions[qIndex].options.find((o) => o.id === id)!.text;
export const wrongOption = (qIndex: number) =>
  lesson.questions[qIndex].options.find((o) => o.id !== lesson.questions[qIndex].correct)!.id;

/** A teacher, a class with one pupil, and an assignment of the seed lesson. */
export async function setup(options: Parameters<typeof createAssignment>[1] = {}) {
  const teacher = await createTeacher();
  const klass = createClass(teacher.id);
  const pupil = await createPupil(klass.id);
  const assignmentId = createAssignment(klass.id, options);
  return { teacher, klass, pupil, assignmentId };
}

export const question = (page: Page, index: number) =>
  page.getByRole("group", { name: lesson.questions[index].stem });
export const statement = (page: Page, index: number) =>
  page.getByRole("group", {
    name: `Pernyataan ${index + 1} (paragraf ${lesson.sorting[index].paragraph})`,
  });

/** Checks the keyed quotation of question `index`'s Part B, when it is a two-part question. */
export async function answerPartB(page: Page, index: number) {
  const b = lesson.questions[index].partB;
  if (!b) return;
  const key = b.options.find((o) => o.id === b.correct)!;
  await page
    .getByRole("group", { name: `Soal ${index + 1}, Bagian B` })
    .getByRole("radio", { name: key.quote, exact: false })
    .check();
}

/** Answerable parts of the quiz: a two-part question has two. */
export const quizParts = lesson.questions.length + lesson.questions.filter((q) => q.partB).length;
