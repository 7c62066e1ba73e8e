// Issue 14 in the browser: a two-part question with and without JavaScript, the CER rubric in
// moderation, results and the pupil's discussion, and the teacher-only box pupils never see.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { createClass, createPupil, createTeacher, signIn, testDb } from "../support/factories";
import {
  attemptsOf,
  createAssignment,
  SEED_SLUG,
  seedLesson,
  storedAnswers,
} from "../support/lesson";

const lesson = seedLesson();
const index = lesson.questions.findIndex((q) => q.partB);
const q = lesson.questions[index];
const b = q.partB!;
const n = index + 1;
const keyQuote = b.options.find((o) => o.id === b.correct)!.quote;
const wrongQuote = b.options.find((o) => o.id !== b.correct)!.quote;
const keyText = q.options.find((o) => o.id === q.correct)!.text;

async function setup() {
  const teacher = await createTeacher();
  const klass = createClass(teacher.id);
  const pupil = await createPupil(klass.id);
  const assignmentId = createAssignment(klass.id);
  return { teacher, klass, pupil, assignmentId };
}

const partA = (page: Page) => page.getByRole("group", { name: `Soal ${n}, Bagian A` });
const partB = (page: Page) => page.getByRole("group", { name: `Soal ${n}, Bagian B` });
// each part is its own small form; the save status sits after the fieldset
const savedA = (page: Page) => page.locator(`section[id="${q.id}"]`).getByRole("status");
const savedB = (page: Page) => page.locator(`section[id="${q.id}.b"]`).getByRole("status");
const saveA = (page: Page) =>
  page.locator(`section[id="${q.id}"]`).getByRole("button", { name: /Simpan jawaban/ });
const saveB = (page: Page) =>
  page.locator(`section[id="${q.id}.b"]`).getByRole("button", { name: /Simpan jawaban/ });

// The whole quiz page (18 questions) makes axe slow on a busy machine.
test.describe.configure({ timeout: 240_000 });

async function start(page: Page, assignmentId: number) {
  await page.goto(`/pupil/assignments/${assignmentId}`);
  await page.getByRole("button", { name: "Mulai mengerjakan" }).click();
  await expect(page.getByRole("button", { name: "Mulai mengerjakan" })).toHaveCount(0);
  await page.goto(`/pupil/assignments/${assignmentId}/quiz`);
}

test.describe("with JavaScript", () => {
  test("a pupil answers both parts, scores 2 of 2 and sees the quotation marked in its paragraph", async ({
    page,
    context,
  }) => {
    const s = await setup();
    await signIn(context, { role: "pupil", id: s.pupil.id });
    await page.setViewportSize({ width: 360, height: 740 });
    await start(page, s.assignmentId);
    await expect(partA(page)).toContainText(q.stem);
    await expect(partA(page)).toContainText("2 poin bila kedua bagian benar");
    await expectAccessible(page);
    await partA(page).getByLabel(keyText).check();
    await expect(savedA(page)).toHaveText("Tersimpan");
    await partB(page).getByLabel(keyQuote).check();
    await expect(savedB(page)).toHaveText("Tersimpan");
    expect(storedAnswers(s.pupil.id, s.assignmentId).filter((a) => a.kind === "quiz")).toEqual([
      { kind: "quiz", itemId: q.id, choice: q.correct },
      { kind: "quiz", itemId: `${q.id}.b`, choice: b.correct },
    ]);
    await page.getByRole("button", { name: "Kumpulkan jawaban" }).click();
    await expect(page).toHaveURL(/\/feedback$/);
    expect(attemptsOf(s.pupil.id, s.assignmentId)[0].quizScore).toBe(2);
    const item = page.locator(`#fb-${q.id}`);
    // right answers are folded under "what you got right" on the feedback page
    await page.getByRole("region", { name: "Kuis" }).locator("details.fb-right > summary").click();
    await expect(item).toContainText("2 dari 2 poin");
    await expect(item.locator("mark")).toHaveText(keyQuote);
    await expect(
      item.getByText(
        `Kutipan pendukung di dalam paragraf ${b.options.find((o) => o.id === b.correct)!.paragraph}`,
      ),
    ).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(item).toContainText("2 of 2 points");
    await expectAccessible(page);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  // No axe here: axe-core hangs on these pages with JavaScript off (the quiz spec has no axe in its
  // no-JS tests either); the same pages are axe-checked with JavaScript above.

  test("each part saves with its own button; Part A right and Part B wrong scores 1", async ({
    page,
    context,
  }) => {
    const s = await setup();
    await signIn(context, { role: "pupil", id: s.pupil.id });
    await start(page, s.assignmentId);
    await partA(page).getByLabel(keyText).check();
    await saveA(page).click();
    await expect(savedA(page)).toHaveText("Tersimpan");
    await partB(page).getByLabel(wrongQuote).check();
    await saveB(page).click();
    await expect(savedB(page)).toHaveText("Tersimpan");
    // nothing typed is lost: both choices are still checked after the round trips
    await expect(partA(page).getByLabel(keyText)).toBeChecked();
    await expect(partB(page).getByLabel(wrongQuote)).toBeChecked();
    await page.getByRole("button", { name: "Kumpulkan jawaban" }).click();
    await expect(page).toHaveURL(/\/feedback$/);
    expect(attemptsOf(s.pupil.id, s.assignmentId)[0].quizScore).toBe(1);
    await expect(page.locator(`#fb-${q.id}`)).toContainText("1 dari 2 poin");
    await expect(page.locator(`#fb-${q.id} mark`)).toHaveText(keyQuote);

    await page.goto(`/pupil/assignments/${s.assignmentId}/quiz`);
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.goto(`/pupil/assignments/${s.assignmentId}/feedback`);
    await expect(page.locator(`#fb-${q.id}`)).toContainText("1 of 2 points");
  });
});

test("the teacher-only box is on the lesson page for teachers, and nowhere for pupils or visitors", async ({
  browser,
}) => {
  const s = await setup();
  const teacherContext = await browser.newContext();
  await signIn(teacherContext, { role: "teacher", id: s.teacher.id });
  const teacher = await teacherContext.newPage();
  await teacher.goto(`/lessons/${SEED_SLUG}`);
  const box = teacher.getByRole("complementary", { name: "Catatan untuk guru" });
  await expect(box.getByRole("heading", { name: "Informasi di luar artikel" })).toBeVisible();
  await expect(box).toContainText("Hwasong-11");
  await expect(box).toContainText("diberitakan Reuters pada akhir April 2024");
  await expect(box).toContainText("'Tidak terbukti dalam artikel ini' tidak berarti 'salah'");
  await expectAccessible(teacher);
  await teacher.getByRole("button", { name: "English" }).click();
  await expect(teacher.getByRole("complementary", { name: "Notes for teachers" })).toBeVisible();
  await expectAccessible(teacher);

  const pupilContext = await browser.newContext();
  await signIn(pupilContext, { role: "pupil", id: s.pupil.id });
  const pupil = await pupilContext.newPage();
  const visitor = await (await browser.newContext()).newPage();
  for (const [page, url] of [
    [pupil, `/lessons/${SEED_SLUG}`],
    [pupil, `/pupil/assignments/${s.assignmentId}/read`],
    [visitor, `/lessons/${SEED_SLUG}`],
  ] as const) {
    const response = await page.goto(url);
    const html = await response!.text();
    expect(html, url).not.toContain("Hwasong");
    expect(html, url).not.toContain("Informasi di luar artikel");
    await expect(page.getByText("Catatan untuk guru")).toHaveCount(0);
  }
  await start(pupil, s.assignmentId);
  expect(await pupil.content()).not.toContain("Hwasong");
});

test("the CER rubric: the pupil sees it before writing, the teacher rates each part, results and CSV count the levels", async ({
  browser,
}) => {
  const s = await setup();
  const pupilContext = await browser.newContext();
  await signIn(pupilContext, { role: "pupil", id: s.pupil.id });
  const pupil = await pupilContext.newPage();
  await pupil.goto(`/pupil/assignments/${s.assignmentId}/discuss`);
  const rubric = pupil.getByRole("table", { name: "Rubrik untuk pertanyaan ini" }).first();
  await expect(rubric).toBeVisible();
  await expect(rubric.getByRole("row", { name: /Bukti/ })).toContainText(
    lesson.prompts[0].rubric!.evidence.proficient,
  );
  await expectAccessible(pupil);

  testDb()
    .prepare(
      "INSERT INTO posts (assignment_id, prompt_id, author_id, body, claim, evidence, reasoning) VALUES (?, 'd1', ?, ?, ?, ?, ?)",
    )
    .run(
      s.assignmentId,
      s.pupil.id,
      "Klaim\n\nBukti\n\nAlasan",
      "Artikel tidak membuktikannya.",
      "Paragraf 3 memuat tuduhan dan bantahan.",
      "Tuduhan bukan bukti.",
    );

  const teacherContext = await browser.newContext();
  await signIn(teacherContext, { role: "teacher", id: s.teacher.id });
  const teacher = await teacherContext.newPage();
  await teacher.goto(`/teacher/assignments/${s.assignmentId}/discussion`);
  const post = teacher.locator("article.post").first();
  await post.locator("summary", { hasText: "Rubrik" }).click();
  await expect(post.getByRole("table", { name: "Rubrik untuk pertanyaan ini" })).toBeVisible();
  await post.getByText(`Umpan balik pribadi untuk ${s.pupil.name}`).click();
  await post
    .getByLabel("Umpan balikmu")
    .fill("Bukti sudah menyebut paragraf; jelaskan juga apakah itu bukti.");
  await post.getByLabel("Tingkat untuk Klaim").selectOption({ label: "Mahir" });
  await post.getByLabel("Tingkat untuk Bukti").selectOption({ label: "Berkembang" });
  await post.getByLabel("Tingkat untuk Alasan").selectOption({ label: "Berkembang" });
  await expectAccessible(teacher);
  await post.getByRole("button", { name: "Simpan umpan balik" }).click();
  await expect(teacher.locator("article.post").first().locator(".feedback-box")).toContainText(
    "Mahir",
  );
  await expectAccessible(teacher);

  await teacher.goto(`/teacher/assignments/${s.assignmentId}/results`);
  const section = teacher.getByRole("region", { name: "Rubrik CER: sebaran tingkat" });
  const table = section.getByRole("table").first();
  await expect(table.getByRole("row", { name: /Klaim/ }).getByRole("cell")).toHaveText([
    "0",
    "0",
    "1",
  ]);
  await expect(table.getByRole("row", { name: /Bukti/ }).getByRole("cell")).toHaveText([
    "0",
    "1",
    "0",
  ]);
  await expectAccessible(teacher);
  const csv = await (
    await teacher.request.get(`/teacher/assignments/${s.assignmentId}/results.csv`)
  ).text();
  const [header, row] = csv
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .map((line) => line.split(","));
  expect(row[header.indexOf("d1 Klaim")]).toBe("Mahir");
  expect(row[header.indexOf("d1 Bukti")]).toBe("Berkembang");
  await teacher.getByRole("button", { name: "English" }).click();
  await expect(
    teacher.getByRole("region", { name: "CER rubric: distribution of levels" }),
  ).toBeVisible();
  await expectAccessible(teacher);
  await teacher.goto(`/teacher/assignments/${s.assignmentId}/discussion`);
  await expectAccessible(teacher);

  await pupil.reload();
  const given = pupil.locator(".feedback-box").first();
  await expect(given).toContainText("Tingkat yang diberikan gurumu");
  await expect(given).toContainText("Mahir");
  await expectAccessible(pupil);
  await pupil.getByRole("button", { name: "English" }).click();
  await expect(pupil.locator(".feedback-box").first()).toContainText("Proficient");
  await expectAccessible(pupil);
});
