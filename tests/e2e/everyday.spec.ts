// A class's first week (issue 12): nothing picked is lost without JavaScript, step counters tell
// the truth, the lesson fits a phone, paragraphs open in place, "/" knows who you are, removing
// a pupil keeps classmates' replies, and the feedback page puts the pupil's mistakes first.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { waitForHydration } from "../support/hydration";
import { createPupil, signIn, testDb } from "../support/factories";
import { attemptsOf, storedAnswers } from "../support/lesson";
import {
  CATEGORY_LABEL,
  answerPartB,
  lesson,
  optionText,
  question,
  quizParts,
  setup,
  statement,
  wrongOption,
} from "../support/lesson-page";

async function start(page: Page, assignmentId: number) {
  await page.goto(`/pupil/assignments/${assignmentId}`);
  await page.getByRole("button", { name: "Mulai mengerjakan" }).click();
  await expect(page).toHaveURL(/\/read$/);
}

test.describe("without JavaScript", () => {
  // axe needs a script in the page, so these pages are checked with JavaScript on below.
  test.use({ javaScriptEnabled: false });

  test("a pupil picks every statement and answer, moves on with the page's own buttons, and loses nothing", async ({
    page,
    context,
  }) => {
    const { pupil, assignmentId } = await setup();
    await signIn(context, { role: "pupil", id: pupil.id });
    await start(page, assignmentId);
    await page.goto(`/pupil/assignments/${assignmentId}/sort`);
    // the page does not promise what it cannot do without a script
    await expect(page.getByText("Jawaban tersimpan begitu kamu memilih")).toHaveCount(0);
    await expect(page.getByText(/semua pilihan di halaman ini ikut tersimpan/)).toBeVisible();
    for (const [i, item] of lesson.sorting.entries())
      await statement(page, i).getByLabel(CATEGORY_LABEL[item.category]).check();
    await page.getByRole("button", { name: "Lanjut: Kuis" }).click();
    await expect(page).toHaveURL(/\/quiz$/);
    await expect(
      page.getByRole("link", {
        name: `Pilah pernyataan (${lesson.sorting.length}/${lesson.sorting.length})`,
      }),
    ).toBeVisible();

    // one item's own save button keeps every choice made so far on the page
    await question(page, 0)
      .getByLabel(optionText(0, lesson.questions[0].correct), { exact: true })
      .check();
    await question(page, 1)
      .getByLabel(optionText(1, wrongOption(1)), { exact: true })
      .check();
    await page.getByRole("button", { name: "Simpan jawaban Soal 2", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`saved=${lesson.questions[1].id}`));
    await expect(page.locator(`#${lesson.questions[1].id} .save-state`)).toHaveText("Tersimpan");
    await expect(
      question(page, 0).getByLabel(optionText(0, lesson.questions[0].correct), { exact: true }),
    ).toBeChecked();

    for (const [i, q] of lesson.questions.entries()) {
      if (i >= 2)
        await question(page, i).getByLabel(optionText(i, q.correct), { exact: true }).check();
      // Part B of a two-part question: the supporting quotation
      await answerPartB(page, i);
    }
    await page.getByRole("button", { name: "Kumpulkan jawaban" }).click();
    await expect(page).toHaveURL(/\/feedback$/);
    // a two-part question has two answers and is worth two points
    const parts = quizParts;
    const total = parts + lesson.sorting.length;
    await expect(page.getByText(`Nilai: ${total - 1} dari ${total}`)).toBeVisible();
    expect(storedAnswers(pupil.id, assignmentId)).toHaveLength(total);
    const [attempt] = attemptsOf(pupil.id, assignmentId);
    expect(attempt.quizScore).toBe(parts - 1);
    expect(attempt.sortScore).toBe(lesson.sorting.length);
  });

  test("in English too, and a paragraph reference unfolds in place", async ({ page, context }) => {
    const { pupil, assignmentId } = await setup();
    await signIn(context, { role: "pupil", id: pupil.id });
    await start(page, assignmentId);
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.goto(`/pupil/assignments/${assignmentId}/sort`);
    await expect(page.getByText(/every choice on this page is saved/)).toBeVisible();
    const first = lesson.sorting[0];
    await page.getByText(`Read paragraph ${first.paragraph}`).first().click();
    await expect(page.getByText(lesson.paragraphs[first.paragraph - 1]).first()).toBeVisible();
    const group = page.getByRole("group", { name: `Statement 1 (paragraph ${first.paragraph})` });
    await group.getByRole("radio").first().check();
    await page
      .getByRole("group", { name: `Statement 2 (paragraph ${lesson.sorting[1].paragraph})` })
      .getByRole("radio")
      .nth(1)
      .check();
    await page.getByRole("button", { name: "Next: Quiz" }).click();
    await expect(page).toHaveURL(/\/quiz$/);
    expect(storedAnswers(pupil.id, assignmentId)).toHaveLength(2);
  });
});

test.describe("with JavaScript", () => {
  test("step counters count answers as they are saved, without a reload", async ({
    page,
    context,
  }) => {
    // many steps and six axe runs on a shared two-core machine
    test.setTimeout(120_000);
    const { pupil, assignmentId } = await setup();
    await signIn(context, { role: "pupil", id: pupil.id });
    await start(page, assignmentId);
    const steps = page.getByRole("navigation", { name: "Langkah pelajaran" });
    await steps.getByRole("link", { name: /^Kuis/ }).click();
    await expect(page).toHaveURL(/\/quiz$/);
    for (const i of [0, 1, 2]) {
      await question(page, i)
        .getByLabel(optionText(i, lesson.questions[i].correct), { exact: true })
        .check();
      await expect(page.locator(`#${lesson.questions[i].id} .save-state`)).toHaveText("Tersimpan");
    }
    // answerable parts: a two-part question counts its Part A and Part B
    const quizTotal = quizParts;
    await expect(steps.getByRole("link", { name: `Kuis (3/${quizTotal})` })).toBeVisible();
    await expect(page.getByText(`3 dari ${quizTotal} terjawab`)).toBeVisible();
    // moving between steps keeps the truth
    await steps.getByRole("link", { name: /^Pilah pernyataan/ }).click();
    await statement(page, 0).getByLabel(CATEGORY_LABEL[lesson.sorting[0].category]).check();
    await expect(page.locator(`#${lesson.sorting[0].id} .save-state`)).toHaveText("Tersimpan");
    await expect(
      steps.getByRole("link", { name: `Pilah pernyataan (1/${lesson.sorting.length})` }),
    ).toBeVisible();
    await expect(steps.getByRole("link", { name: `Kuis (3/${quizTotal})` })).toBeVisible();
    // with a script the page says saving happens on choosing, and "next" still moves on
    await expect(page.getByText("Jawaban tersimpan begitu kamu memilih.")).toBeVisible();
    await page.getByRole("button", { name: "Lanjut: Kuis" }).click();
    await expect(page).toHaveURL(/\/quiz$/);
    await expect(steps.getByRole("link", { name: `Kuis (3/${quizTotal})` })).toBeVisible();
    await expectAccessible(page);
    // both pages in English, axe-clean, counters the same
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    const enSteps = page.getByRole("navigation", { name: "Lesson steps" });
    await expect(enSteps.getByRole("link", { name: `Quiz (3/${quizTotal})` })).toBeVisible();
    await expect(
      page.getByText("Answers are saved as soon as you choose; submit when you are done."),
    ).toBeVisible();
    await expectAccessible(page);
    await enSteps.getByRole("link", { name: /^Sort statements/ }).click();
    await expect(
      enSteps.getByRole("link", { name: `Sort statements (1/${lesson.sorting.length})` }),
    ).toBeVisible();
    await expectAccessible(page);
  });

  test("on a 360 × 740 phone the first question starts on the first screen, and paragraphs open in a sheet", async ({
    browser,
  }) => {
    const { pupil, assignmentId } = await setup();
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: "id-ID",
    });
    await signIn(context, { role: "pupil", id: pupil.id });
    const page = await context.newPage();
    await start(page, assignmentId);
    for (const [step, first] of [
      ["sort", statement(page, 0)],
      ["quiz", question(page, 0)],
    ] as const) {
      await page.goto(`/pupil/assignments/${assignmentId}/${step}`);
      const box = await first.boundingBox();
      expect(box, `${step}: first item visible`).not.toBeNull();
      expect(box!.y, `${step}: first item's top at ${box!.y}`).toBeLessThan(740);
      expect(box!.y).toBeGreaterThanOrEqual(0);
      // the header is one line, and the page does not scroll sideways
      const header = await page.locator(".site-header").boundingBox();
      expect(header!.height).toBeLessThan(56);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        360,
      );
      await page.screenshot({ path: test.info().outputPath(`phone-${step}.png`) });
    }
    // a paragraph reference opens the paragraph over the page and closes back to it
    await page.goto(`/pupil/assignments/${assignmentId}/sort`);
    // the sheet is opened by React: click only once the page is hydrated (as fuzz.spec.ts waits),
    // or a loaded CI machine clicks the server-rendered link before its handler exists
    await waitForHydration(page);
    const p = lesson.sorting[0].paragraph;
    await statement(page, 0).getByText(`Baca paragraf ${p}`).click();
    const sheet = page.getByRole("dialog", { name: `Paragraf ${p}` });
    await expect(sheet).toBeVisible();
    await expect(sheet).toContainText(lesson.paragraphs[p - 1]);
    await expectAccessible(page);
    await sheet.getByRole("button", { name: "Tutup" }).click();
    await expect(sheet).toBeHidden();
    await context.close();
  });
});

test.describe("pages that know who you are", () => {
  test("signed-in visits to / land on the teacher's dashboard or the pupil's to-do list", async ({
    browser,
  }) => {
    const { teacher, pupil } = await setup();
    const t = await browser.newContext();
    await signIn(t, { role: "teacher", id: teacher.id });
    const tp = await t.newPage();
    await tp.goto("/");
    await expect(tp).toHaveURL(/\/teacher$/);
    await expectAccessible(tp);
    const p = await browser.newContext();
    await signIn(p, { role: "pupil", id: pupil.id });
    const pp = await p.newPage();
    await pp.goto("/");
    await expect(pp).toHaveURL(/\/pupil$/);
    await expectAccessible(pp);
    // signed out, "/" is still the home page
    const anon = await (await browser.newContext()).newPage();
    await anon.goto("/");
    await expect(anon).toHaveURL(/\/$/);
    await Promise.all([t.close(), p.close(), anon.context().close()]);
  });

  test("removing a pupil blanks their words and keeps a classmate's reply", async ({ browser }) => {
    const { teacher, klass, assignmentId } = await setup();
    const andi = await createPupil(klass.id, { name: "Andi Pergi" });
    const bela = await createPupil(klass.id, { name: "Bela Tetap" });
    const db = testDb();
    const prompt = lesson.prompts.find((x) => x.mode === "open") ?? lesson.prompts[0];
    const post = db
      .prepare(
        "INSERT INTO posts (assignment_id, prompt_id, author_id, body) VALUES (?, ?, ?, ?) RETURNING id",
      )
      .get(assignmentId, prompt.id, andi.id, "Tulisan Andi yang akan hilang") as { id: number };
    db.prepare(
      "INSERT INTO posts (assignment_id, prompt_id, author_id, body) VALUES (?, ?, ?, ?)",
    ).run(assignmentId, prompt.id, bela.id, "Pendapat Bela sendiri");
    db.prepare(
      "INSERT INTO posts (assignment_id, prompt_id, author_id, parent_id, body) VALUES (?, ?, ?, ?, ?)",
    ).run(assignmentId, prompt.id, bela.id, post.id, "Balasan Bela untuk Andi");
    const t = await browser.newContext();
    await signIn(t, { role: "teacher", id: teacher.id });
    const page = await t.newPage();
    await page.goto(`/teacher/classes/${klass.id}`);
    await page.getByRole("link", { name: `Keluarkan untuk ${andi.name}` }).click();
    await page.getByLabel(`Ya, keluarkan ${andi.name} dan hapus datanya`).check();
    await page.getByRole("button", { name: "Keluarkan siswa" }).click();
    // the remove page's own address starts with the class's, so wait for the class page itself
    await expect(page).toHaveURL(new RegExp(`/teacher/classes/${klass.id}$`));
    await expect(page.getByRole("link", { name: `Keluarkan untuk ${andi.name}` })).toHaveCount(0);
    await expect(page.getByRole("link", { name: `Keluarkan untuk ${bela.name}` })).toBeVisible();

    await page.goto(`/teacher/assignments/${assignmentId}/discussion`);
    await expect(page.getByText("Balasan Bela untuk Andi")).toBeVisible();
    await expect(page.getByText("Tulisan Andi yang akan hilang")).toHaveCount(0);
    await expectAccessible(page);
    // the classmate sees her reply under the "(deleted)" marker
    const b = await browser.newContext();
    await signIn(b, { role: "pupil", id: bela.id });
    const bp = await b.newPage();
    await bp.goto(`/pupil/assignments/${assignmentId}/discuss`);
    await expect(bp.getByText("Balasan Bela untuk Andi")).toBeVisible();
    await expect(bp.getByText("Tulisan Andi yang akan hilang")).toHaveCount(0);
    await expectAccessible(bp);
    await Promise.all([t.close(), b.close()]);
  });
});
