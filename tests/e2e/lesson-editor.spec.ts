// A teacher turns a news article into a lesson in the browser: create, edit, check, preview,
// publish, share, assign, version; a pupil does it; others copy it or get 404; .md out and in.
import crypto from "node:crypto";
import fs from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { parseLesson } from "../../app/content/parse";
import type { Lesson } from "../../app/content/schema";
import { translate } from "../../app/i18n";
import { expectAccessible } from "../support/axe";
import { waitForHydration } from "../support/hydration";
import { createClass, createPupil, createTeacher, signIn, testDb } from "../support/factories";
import { SEED_SLUG } from "../support/lesson";
import { CATEGORY_LABEL } from "../support/lesson-page";

const ARTICLE = [
  "Kepala desa mengumumkan pasar baru akan dibuka bulan depan di lapangan desa.",
  "Warga menuduh panitia menaikkan harga sewa kios tanpa rapat desa.",
  "Panitia membantah tuduhan itu dan menyebut harga sewa belum ditetapkan.",
  "Banyak orang menganggap pasar baru akan meramaikan desa.",
];
const TITLE = "Pasar Baru di Desa";
const id = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
  translate("id", key, vars);

// The content hash as start-up and publishing compute it (app/content/lessons.server.ts).
const hashOf = (lesson: Lesson) =>
  crypto.createHash("sha256").update(JSON.stringify(lesson)).digest("hex");
const lessonIdOf = (page: Page) => Number(/\/teacher\/lessons\/(\d+)/.exec(page.url())![1]);
const draftOf = (lessonId: number) =>
  JSON.parse(
    (
      testDb().prepare("SELECT draft FROM authored_lessons WHERE id = ?").get(lessonId) as {
        draft: string;
      }
    ).draft,
  ) as Lesson;

async function startLesson(page: Page, title: string) {
  await page.goto("/teacher/lessons/new");
  await page.getByLabel(id("new.titleField")).fill(title);
  await page.getByLabel(id("new.article")).fill(ARTICLE.join("\n\n"));
  await page.getByLabel(id("new.gradeBand"), { exact: true }).fill("SMP (kelas 7–9)");
  await page.getByLabel(id("new.outlet"), { exact: true }).fill("Kabar Desa");
}
async function notStated(page: Page, fields: string[]) {
  for (const field of fields)
    await page
      .locator(".source-field", { has: page.getByLabel(field, { exact: true }) })
      .getByLabel(id("new.notStated"))
      .check();
}

type Q = {
  skill: string;
  stem: string;
  options: string[];
  correct: "a" | "b" | "c";
  explanation: string;
  evidence: number;
};
const QUESTIONS: Q[] = [
  {
    skill: "comprehension",
    stem: "Kapan pasar baru akan dibuka menurut kepala desa?",
    options: [
      "Bulan depan",
      "Minggu ini setelah rapat warga selesai",
      "Tahun depan sesudah kios dibangun ulang",
    ],
    correct: "a",
    explanation: "Paragraf 1: kepala desa mengumumkan pasar dibuka bulan depan.",
    evidence: 1,
  },
  {
    skill: "allegation-evidence",
    stem: "Apa yang dituduhkan warga kepada panitia?",
    options: [
      "Menaikkan harga sewa kios",
      "Menunda pembukaan pasar sampai tahun depan",
      "Memindahkan pasar ke lapangan sekolah lain",
    ],
    correct: "a",
    explanation: "Paragraf 2: warga menuduh panitia menaikkan harga sewa kios.",
    evidence: 2,
  },
  {
    skill: "sourcing",
    stem: "Siapa yang menyebut harga sewa belum ditetapkan?",
    options: [
      "Panitia",
      "Kepala desa yang mengumumkan pasar",
      "Warga yang menyewa kios di pasar lama",
    ],
    correct: "a",
    explanation: "Paragraf 3: panitia membantah dan menyebut harga belum ditetapkan.",
    evidence: 3,
  },
  // Option B repeats the key at first: the duplicate-options warning shows next to this question.
  {
    skill: "vocabulary",
    stem: "Apa arti kata membantah di paragraf 3?",
    options: ["Menyangkal", "Menyangkal", "Mengulang tuduhan dengan suara keras"],
    correct: "a",
    explanation: "Di paragraf 3 panitia membantah, artinya menyangkal tuduhan itu.",
    evidence: 3,
  },
];
const PART_B = {
  stem: "Kutipan mana yang mendukung jawabanmu?",
  quotes: [
    ["Warga menuduh panitia menaikkan harga sewa kios", "2"],
    ["Panitia membantah tuduhan itu", "3"],
    ["pasar baru akan meramaikan desa", "4"],
  ],
  explanation: "Paragraf 2 memuat tuduhan warga kepada panitia.",
};
const STATEMENTS = [
  {
    quote: "Kepala desa mengumumkan pasar baru akan dibuka bulan depan",
    paragraph: 1,
    category: "reported-event",
    explanation: "Pengumuman yang dilaporkan terjadi.",
  },
  {
    quote: "Warga menuduh panitia menaikkan harga sewa kios",
    paragraph: 2,
    category: "allegation",
    explanation: "Warga menuduh; belum ada bukti.",
  },
  {
    quote: "Panitia membantah tuduhan itu",
    paragraph: 3,
    category: "denial",
    explanation: "Pihak yang dituduh menyangkal.",
  },
];

async function fillQuestion(page: Page, form: ReturnType<Page["getByRole"]>, q: Q) {
  await form.getByLabel(id("ed.skill")).selectOption(q.skill);
  await form.getByLabel(id("ed.stem"), { exact: true }).fill(q.stem);
  for (const [i, text] of q.options.entries())
    await form.getByLabel(id("ed.option", { id: "ABC"[i] })).fill(text);
  await form.getByLabel(id("ed.correct")).selectOption(q.correct);
  await form.getByLabel(id("ed.explanation")).fill(q.explanation);
  await form.getByLabel(id("lesson.paragraph", { n: q.evidence })).check();
}

/** axe on each page, in Indonesian (this context) and in English (a second one, same teacher). */
async function axeBothLanguages(page: Page, browser: Browser, teacherId: number, urls: string[]) {
  const english = await browser.newContext({ locale: "en-US" });
  await signIn(english, { role: "teacher", id: teacherId });
  const en = await english.newPage();
  for (const [p, lang] of [
    [page, "id"],
    [en, "en"],
  ] as const)
    for (const url of urls) {
      await p.goto(url);
      await expect(p.locator("html")).toHaveAttribute("lang", lang);
      await expectAccessible(p);
    }
  await english.close();
}

/**
 * Everything a preview could write to, counted for this lesson and its author only (other tests
 * write attempts and posts at the same time): attempts, answers and posts in the author's
 * classes, versions of the lesson, and the draft itself.
 */
const writtenBy = (lessonId: number) =>
  testDb()
    .prepare(
      `SELECT
         (SELECT count(*) FROM attempts t JOIN assignments s ON s.id = t.assignment_id JOIN classes c ON c.id = s.class_id WHERE c.teacher_id = l.owner_id) AS attempts,
         (SELECT count(*) FROM answers a JOIN attempts t ON t.id = a.attempt_id JOIN assignments s ON s.id = t.assignment_id JOIN classes c ON c.id = s.class_id WHERE c.teacher_id = l.owner_id) AS answers,
         (SELECT count(*) FROM posts p JOIN assignments s ON s.id = p.assignment_id JOIN classes c ON c.id = s.class_id WHERE c.teacher_id = l.owner_id) AS posts,
         (SELECT count(*) FROM lesson_versions v WHERE v.slug = l.slug) AS versions,
         l.draft AS draft
       FROM authored_lessons l WHERE l.id = ?`,
    )
    .get(lessonId);

/**
 * The preview walked as a pupil walks a lesson — read, sort, quiz, feedback, discuss — with axe
 * on every step in this page's language; `phone` runs it at 360 px (the quiz is what pupils do there).
 */
async function walkPreview(p: Page, editorUrl: string, lang: "id" | "en", phone: boolean) {
  const tr = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
    translate(lang, key, vars);
  const wide = p.viewportSize();
  if (phone) await p.setViewportSize({ width: 360, height: 740 });
  await p.goto(`${editorUrl}/preview`);
  await expect(p.locator("html")).toHaveAttribute("lang", lang);
  await expect(p.getByText(tr("pvs.banner"))).toBeVisible();
  const steps = p.getByRole("navigation", { name: tr("flow.steps") });
  await expect(steps.getByRole("link", { name: tr("flow.read") })).toHaveAttribute(
    "aria-current",
    "page",
  );
  for (const text of ARTICLE) await expect(p.getByText(text)).toBeVisible();
  await expectAccessible(p);
  await p.getByRole("link", { name: tr("flow.next", { step: tr("flow.sort") }) }).click();
  // statement 1 right, statement 2 wrong; the step links count what is chosen
  await p
    .getByRole("group", { name: tr("sort.item", { n: 1, p: 1 }) })
    .getByLabel(tr("cat.reported-event"))
    .check();
  await p
    .getByRole("group", { name: tr("sort.item", { n: 2, p: 2 }) })
    .getByLabel(tr("cat.opinion"))
    .check();
  await expectAccessible(p);
  await p.getByRole("button", { name: tr("flow.next", { step: tr("flow.quiz") }) }).click();
  await expect(steps.getByRole("link", { name: new RegExp(tr("flow.quiz")) })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(steps.getByRole("link", { name: new RegExp(tr("flow.sort")) })).toContainText("2/3");
  // no key or explanation on the page before the feedback step
  expect(await p.content()).not.toContain(QUESTIONS[0].explanation);
  await p
    .getByRole("group", { name: QUESTIONS[0].stem })
    .getByLabel(QUESTIONS[0].options[1], { exact: true })
    .check();
  await p
    .getByRole("group", { name: QUESTIONS[1].stem })
    .getByLabel(QUESTIONS[1].options[0], { exact: true })
    .check();
  await expectAccessible(p);
  await p.getByRole("button", { name: tr("quiz.submit") }).click();
  // feedback: the score from the carried choices (Q2 Part A right: 1 point; statement 1: 1 point), evidence linked
  await expect(p.getByRole("heading", { name: tr("feedback.title"), level: 2 })).toBeVisible();
  await expect(
    p.getByText(tr("feedback.sortScore", { score: 1, max: 3 }), { exact: false }),
  ).toBeVisible();
  await expect(p.getByText(QUESTIONS[0].explanation)).toBeVisible();
  await expectAccessible(p);
  await p
    .getByText(tr("feedback.evidence", { p: 1 }))
    .first()
    .click();
  const sheet = p.getByRole("dialog", { name: tr("pf.paragraphTitle", { p: 1 }) });
  await expect(sheet).toContainText(ARTICLE[0]);
  await sheet.getByRole("link", { name: tr("pf.fb.openArticle", { p: 1 }) }).click();
  await expect(p.locator("#p1 mark")).toHaveText(ARTICLE[0]);
  // the choices still ride along: the discussion step, with the CER fields and rubric as pupils see them
  await steps.getByRole("link", { name: tr("flow.discuss") }).click();
  await expect(p.getByLabel(tr("discuss.field.claim"), { exact: true })).toBeVisible();
  await expect(p.getByRole("table", { name: tr("rubric.caption") })).toBeVisible();
  await expect(p.getByRole("button", { name: tr("discuss.submit") })).toBeDisabled();
  await expect(p.getByText(tr("pvs.notSavedDiscuss"))).toBeVisible();
  await expectAccessible(p);
  if (phone && wide) await p.setViewportSize(wide);
}

// Long stories on a shared 2-core machine: axe runs on many big pages.
test.describe.configure({ timeout: 300_000 });

test("with JavaScript: write, check, preview, publish, share, assign; a pupil does it; republish keeps version 1; copy and 404", async ({
  page,
  context,
  browser,
}) => {
  const author = await createTeacher({ name: "Bu Sari" });
  const klass = createClass(author.id);
  const pupil = await createPupil(klass.id);
  await signIn(context, { role: "teacher", id: author.id });

  // The article: pasted, numbered at once, the source with what is not stated marked as such.
  await startLesson(page, TITLE);
  await expect(
    page.getByRole("heading", { name: id("new.previewHeading", { n: 4 }) }),
  ).toBeVisible();
  await page.getByLabel(id("new.publishedAt"), { exact: true }).fill("2026-11-01");
  await page.getByLabel(id("new.url"), { exact: true }).fill("https://contoh.test/pasar-baru");
  await notStated(page, [id("new.author"), id("new.eventDate")]);
  await page.getByRole("button", { name: id("new.create") }).click();
  await expect(page).toHaveURL(/\/teacher\/lessons\/\d+$/);
  const lessonId = lessonIdOf(page);
  const editorUrl = `/teacher/lessons/${lessonId}`;

  // Objectives and glossary save by themselves.
  const lists = page.getByRole("form", { name: id("ed.lists") });
  await lists.getByLabel(id("ed.objectives")).fill("Membedakan tuduhan dari bukti.");
  await lists.getByLabel(id("ed.glossary")).fill("kios: tempat berjualan kecil di pasar");
  await expect(lists.getByText(id("ed.autosaved"))).toBeVisible();

  // A second tab still showing the older draft cannot overwrite it: its save is refused beside the
  // form, with its typing kept; this tab's own autosaves keep working (it learns each new revision).
  const stale = await context.newPage();
  await stale.goto(editorUrl);
  // hydrated (its kept-typing check done) before the first tab types: else that typing, kept in this
  // browser, is put back into the second tab and saved from there, which then knows the new revision
  await expect(stale.getByRole("button", { name: id("ed.useSelection") })).toBeVisible();
  await lists.getByLabel(id("ed.objectives")).fill("Tujuan dari tab pertama.");
  await lists.getByRole("button", { name: id("ed.save") }).click();
  await expect(lists.getByText(id("ed.saved"))).toBeVisible();
  const staleLists = stale.getByRole("form", { name: id("ed.lists") });
  await staleLists.getByLabel(id("ed.objectives")).fill("Tujuan dari tab kedua.");
  await staleLists.getByRole("button", { name: id("ed.save") }).click();
  await expect(staleLists.getByRole("alert")).toHaveText(id("ed.err.stale"));
  await expect(staleLists.getByLabel(id("ed.objectives"))).toHaveValue("Tujuan dari tab kedua.");
  await stale.close();
  expect(draftOf(lessonId).objectives).toEqual(["Tujuan dari tab pertama."]);
  await lists.getByLabel(id("ed.objectives")).fill("Membedakan tuduhan dari bukti.");
  await expect.poll(() => draftOf(lessonId).objectives).toEqual(["Membedakan tuduhan dari bukti."]);

  // Four questions; the second has a Part B of quotations.
  for (const [n, q] of QUESTIONS.entries()) {
    const form = page.getByRole("form", { name: id("ed.newQuestion") });
    await fillQuestion(page, form, q);
    if (n === 1) {
      await form.getByText(id("ed.partB"), { exact: true }).click();
      await form.getByLabel(id("ed.twoPart")).check();
      await form.getByLabel(id("ed.partBStem")).fill(PART_B.stem);
      for (const [i, [quote, paragraph]] of PART_B.quotes.entries()) {
        await form.getByLabel(id("ed.partBQuote", { id: "ABC"[i] }), { exact: true }).fill(quote);
        await form.getByLabel(id("ed.partBParagraph", { id: "ABC"[i] })).selectOption(paragraph);
      }
      await form.getByLabel(id("ed.partBCorrect")).selectOption("a");
      await form.getByLabel(id("ed.partBExplanation")).fill(PART_B.explanation);
    }
    if (n === 3) {
      // The tab closes before the question is added: coming back, the typing is still there.
      await page.close();
      page = await context.newPage();
      await page.goto(editorUrl);
      const back = page.getByRole("form", { name: id("ed.newQuestion") });
      await expect(back.getByText(id("le.restored"))).toBeVisible();
      await expect(back.getByLabel(id("ed.stem"), { exact: true })).toHaveValue(q.stem);
      await expect(back.getByLabel(id("lesson.paragraph", { n: 3 }))).toBeChecked();
    }
    await page
      .getByRole("form", { name: id("ed.newQuestion") })
      .getByRole("button", { name: id("ed.add") })
      .click();
    await expect(
      page.getByRole("heading", { name: id("ed.question", { n: n + 1 }) }),
    ).toBeVisible();
  }
  expect(draftOf(lessonId).questions[1].partB?.options.map((o) => o.paragraph)).toEqual([2, 3, 4]);

  // Items are summary rows, one form at a time: the duplicate option is flagged on question 4's
  // row; opening it and changing the option clears the warning.
  const q4 = page.getByRole("article", { name: id("ed.question", { n: 4 }) });
  await expect(q4.getByText(id("check.duplicate-options"))).toBeVisible();
  await expect(page.getByRole("form", { name: /^Soal \d+$/ })).toHaveCount(0);
  await q4
    .getByRole("link", { name: id("edi.edit", { item: id("ed.question", { n: 4 }) }) })
    .click();
  await expect(page).toHaveURL(/\?edit=q4#q4$/);
  await expect(page.getByRole("form", { name: /^Soal \d+$/ })).toHaveCount(1);
  await q4.getByLabel(id("ed.option", { id: "B" })).fill("Menyetujui tuduhan dengan senang hati");
  await q4.getByRole("button", { name: id("ed.save") }).click();
  await expect(q4.getByText(id("check.duplicate-options"))).toHaveCount(0);

  // Three statements; the first quotation is taken from a selection in the numbered article.
  for (const [n, s] of STATEMENTS.entries()) {
    const form = page.getByRole("form", { name: id("ed.newStatement") });
    if (n === 0) {
      await page.evaluate((quote) => {
        const li = document.querySelector('.editor-paragraphs [data-paragraph="1"]')!;
        const text = li.firstChild!;
        const range = document.createRange();
        range.setStart(text, 0);
        range.setEnd(text, quote.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
      }, s.quote);
      await form.getByRole("button", { name: id("ed.useSelection") }).click();
      await expect(form.getByLabel(id("ed.quote"))).toHaveValue(s.quote);
      await expect(form.getByLabel(id("ed.paragraph"), { exact: true })).toHaveValue("1");
    } else {
      await form.getByLabel(id("ed.quote")).fill(s.quote);
      await form.getByLabel(id("ed.paragraph"), { exact: true }).selectOption(String(s.paragraph));
    }
    await form.getByLabel(id("ed.category")).selectOption(s.category);
    await form.getByLabel(id("ed.explanation")).fill(s.explanation);
    await form.getByRole("button", { name: id("ed.add") }).click();
    await expect(
      page.getByRole("heading", { name: id("ed.statement", { n: n + 1 }) }),
    ).toBeVisible();
  }

  // A CER prompt with its rubric.
  const prompt = page.getByRole("form", { name: id("ed.newPrompt") });
  await prompt.getByLabel(id("ed.mode")).selectOption("cer");
  await prompt
    .getByLabel(id("ed.promptText"), { exact: true })
    .fill("Apakah artikel ini membuktikan bahwa panitia menaikkan harga sewa?");
  await prompt
    .getByLabel(id("ed.guidance"))
    .fill("Arahkan siswa ke paragraf 2 dan 3: tuduhan dan bantahan, bukan bukti.");
  await prompt.getByText(id("le.rubric"), { exact: true }).first().click();
  for (const c of ["claim", "evidence", "reasoning"] as const)
    for (const l of ["beginning", "developing", "proficient"] as const)
      await prompt
        .getByLabel(
          id("le.rubricCell", {
            component: id(`rubric.component.${c}`),
            level: id(`rubric.level.${l}`),
          }),
        )
        .fill(`${id(`rubric.component.${c}`)}: tingkat ${id(`rubric.level.${l}`)}.`);
  await prompt.getByRole("button", { name: id("ed.add") }).click();
  await expect(page.getByRole("heading", { name: id("ed.prompt", { n: 1 }) })).toBeVisible();
  expect(draftOf(lessonId).prompts[0].rubric?.reasoning.proficient).toBe(
    `${id("rubric.component.reasoning")}: tingkat ${id("rubric.level.proficient")}.`,
  );

  // A lesson-wide warning accepted with a reason; the rest are read before publishing.
  const unsourced = page.locator("li.warning", { hasText: "unsourced-claim" });
  await unsourced.locator("summary").click();
  await unsourced
    .getByLabel(id("le.ackReason"))
    .fill("Artikel ini tidak memuat klaim tanpa sumber.");
  await unsourced.getByRole("button", { name: id("le.ack") }).click();
  await expect(page.getByRole("heading", { name: id("le.acknowledged") })).toBeVisible();
  expect(draftOf(lessonId).acknowledged).toEqual([
    {
      check: "small-category",
      item: "unsourced-claim",
      reason: "Artikel ini tidak memuat klaim tanpa sumber.",
    },
  ]);
  await expect(page.getByText(id("ed.noProblems"))).toBeVisible();

  // Editor pages pass axe in both languages.
  await axeBothLanguages(page, browser, author.id, [
    "/teacher/lessons",
    "/teacher/lessons/new",
    "/teacher/lessons/import",
    `${editorUrl}?edit=q2`,
    `${editorUrl}/preview?step=feedback`,
  ]);

  // Preview as a pupil, step by step, in both languages (Indonesian at 360 px): nothing stored.
  const before = writtenBy(lessonId);
  await walkPreview(page, editorUrl, "id", true);
  const english = await browser.newContext({ locale: "en-US" });
  await signIn(english, { role: "teacher", id: author.id });
  await walkPreview(await english.newPage(), editorUrl, "en", false);
  await english.close();
  expect(writtenBy(lessonId)).toEqual(before);

  // Publish, share, assign the newest: the assign form opens with this lesson chosen.
  await page.goto(editorUrl);
  await page.getByLabel(id("ed.warningsSeen")).check();
  await page.getByRole("button", { name: id("ed.publish") }).click();
  await expect(page.getByText(id("ed.published", { n: 1 }))).toBeVisible();
  await page.getByRole("button", { name: id("ed.share") }).click();
  await expect(page.getByText(id("ed.status.shared"))).toBeVisible();
  const slug = draftOf(lessonId).slug;
  await page.getByRole("link", { name: id("ed.assign") }).click();
  await expect(page).toHaveURL(/\/teacher\/assign\?lesson=/);
  // the select itself: while the link's navigation renders, another element of the old page can
  // still carry this label (a flaky "Not an input element" on a loaded CI machine)
  await expect(page.getByRole("combobox", { name: id("assign.lesson") })).toHaveValue(slug);
  await page.getByLabel(new RegExp(klass.name)).check();
  await page.getByRole("button", { name: id("assign.submit") }).click();
  await expect(page).toHaveURL(/\/teacher\/assignments\/\d+$/);
  const firstAssignment = page.url();
  await expect(page.getByText(id("asg.version", { n: 1, latest: 1 }))).toBeVisible();

  // A pupil, on a phone, reads, sorts, answers (question 1 wrong) and submits; the feedback points at the evidence.
  const pupilContext = await browser.newContext({ viewport: { width: 360, height: 740 } });
  await signIn(pupilContext, { role: "pupil", id: pupil.id });
  const phone = await pupilContext.newPage();
  const assignmentId = Number(firstAssignment.split("/").pop());
  await phone.goto(`/pupil/assignments/${assignmentId}`);
  await phone.getByRole("button", { name: "Mulai mengerjakan" }).click();
  await expect(phone).toHaveURL(/\/read$/);
  for (const text of ARTICLE) await expect(phone.getByText(text)).toBeVisible();
  await phone.getByRole("link", { name: "Lanjut: Pilah pernyataan" }).click();
  for (const [i, s] of STATEMENTS.entries()) {
    await phone
      .getByRole("group", { name: `Pernyataan ${i + 1} (paragraf ${s.paragraph})` })
      .getByLabel(CATEGORY_LABEL[s.category])
      .check();
    await expect(phone.locator(`#s${i + 1} .save-state`)).toHaveText("Tersimpan");
  }
  await phone.getByRole("button", { name: "Lanjut: Kuis" }).click();
  for (const [i, q] of QUESTIONS.entries()) {
    const answer = i === 0 ? q.options[1] : q.options[0];
    await phone.getByRole("group", { name: q.stem }).getByLabel(answer, { exact: true }).check();
    await expect(phone.locator(`#q${i + 1} .save-state`)).toHaveText("Tersimpan");
  }
  await phone
    .getByRole("group", { name: "Soal 2, Bagian B" })
    .getByRole("radio", { name: PART_B.quotes[0][0], exact: false })
    .check();
  await phone.getByRole("button", { name: "Kumpulkan jawaban" }).click();
  await expect(phone).toHaveURL(/\/feedback$/);
  await expect(phone.getByText(QUESTIONS[0].explanation)).toBeVisible();
  await phone.getByText("Lihat bukti di paragraf 1").first().click();
  const sheet = phone.getByRole("dialog", { name: "Paragraf 1" });
  await expect(sheet).toContainText(ARTICLE[0]);
  await sheet.getByRole("link", { name: "Buka paragraf 1 di artikel" }).click();
  await expect(phone.locator("#p1 mark")).toHaveText(ARTICLE[0]);
  await pupilContext.close();

  // The teacher edits question 1 and closes the tab before it saves; back again, the typing is
  // restored and saved, and republishing makes version 2 while the assignment stays on version 1.
  const edited = "Menurut kepala desa, kapan pasar baru akan dibuka?";
  await page.goto(`${editorUrl}?edit=q1`);
  // kept typing is the script's (it stores each keystroke): type once it has taken the page over
  await waitForHydration(page);
  await page
    .getByRole("form", { name: id("ed.question", { n: 1 }) })
    .getByLabel(id("ed.stem"), { exact: true })
    .fill(edited);
  await page.close();
  page = await context.newPage();
  await page.goto(editorUrl);
  const q1Row = page.getByRole("article", { name: id("ed.question", { n: 1 }) });
  await expect(q1Row.getByText(id("edi.keptTyping"))).toBeVisible();
  await q1Row
    .getByRole("link", { name: id("edi.edit", { item: id("ed.question", { n: 1 }) }) })
    .click();
  const q1 = page.getByRole("form", { name: id("ed.question", { n: 1 }) });
  await expect(q1.getByLabel(id("ed.stem"), { exact: true })).toHaveValue(edited);
  await expect(q1.getByText(id("ed.autosaved"))).toBeVisible();
  expect(draftOf(lessonId).questions[0].stem).toBe(edited);
  await expect(page.getByText(id("ed.status.dirty", { n: 1, next: 2 }))).toBeVisible();
  await page.getByLabel(id("ed.warningsSeen")).check();
  await page.getByRole("button", { name: id("ed.publish") }).click();
  await expect(page.getByText(id("ed.published", { n: 2 }))).toBeVisible();
  await page.goto(firstAssignment);
  await expect(page.getByText(id("asg.version", { n: 1, latest: 2 }))).toBeVisible();
  await page.getByRole("link", { name: id("ed.assign") }).click();
  // the select itself: while the link's navigation renders, another element of the old page can
  // still carry this label (a flaky "Not an input element" on a loaded CI machine)
  await expect(page.getByRole("combobox", { name: id("assign.lesson") })).toHaveValue(slug);
  await expect(page.getByLabel(new RegExp(klass.name))).toBeChecked();

  // The published .md imports back to the same content (the new draft gets its own slug).
  const exported = await page.request.get(`/teacher/lessons/file/${slug}`);
  const published = testDb()
    .prepare(
      "SELECT v.content_hash AS h FROM lesson_versions v JOIN authored_lessons l ON l.published_version_id = v.id WHERE l.id = ?",
    )
    .get(lessonId) as { h: string };
  await page.goto("/teacher/lessons/import");
  await page.getByLabel(id("imp.file")).setInputFiles({
    name: "pasar.md",
    mimeType: "text/markdown",
    buffer: Buffer.from(await exported.text()),
  });
  await page.getByRole("button", { name: id("imp.submit") }).click();
  await expect(page).toHaveURL(/\/teacher\/lessons\/\d+$/);
  expect(hashOf({ ...draftOf(lessonIdOf(page)), slug })).toBe(published.h);

  // Another teacher finds it in the library and copies it, but gets 404 on the author's draft.
  const other = await createTeacher({ name: "Pak Joko" });
  const otherContext = await browser.newContext();
  await signIn(otherContext, { role: "teacher", id: other.id });
  const otherPage = await otherContext.newPage();
  // the library's filter form (a GET form on the kit) keeps what was chosen in the query and fields
  await otherPage.goto("/teacher/lessons");
  await otherPage.getByLabel(id("lib.search")).fill("pasar baru");
  await otherPage.getByLabel(id("lib.owner")).selectOption("shared");
  await otherPage.getByRole("button", { name: id("lib.filter") }).click();
  await expect(otherPage).toHaveURL(/owner=shared/);
  await expect(otherPage.getByLabel(id("lib.search"))).toHaveValue("pasar baru");
  await expect(otherPage.getByLabel(id("lib.owner"))).toHaveValue("shared");
  await expect(otherPage.getByText(id("lib.sharedBy", { name: "Bu Sari" })).first()).toBeVisible();
  await otherPage
    .getByRole("button", { name: id("lib.copyOf", { title: TITLE }) })
    .first()
    .click();
  await expect(otherPage).toHaveURL(/\/teacher\/lessons\/\d+$/);
  expect(draftOf(lessonIdOf(otherPage)).questions.map((q) => q.stem)).toEqual(
    draftOf(lessonId).questions.map((q) => q.stem),
  );
  for (const path of ["", "/preview", "/export"])
    expect((await otherPage.goto(`${editorUrl}${path}`))?.status()).toBe(404);
  await otherContext.close();
});

test.describe("without JavaScript", () => {
  // axe needs JavaScript in the page, so these pages are checked by the story above.
  test.use({ javaScriptEnabled: false });

  test("a one-question lesson: errors next to the fields, nothing typed lost, published", async ({
    page,
    context,
  }) => {
    const teacher = await createTeacher();
    await signIn(context, { role: "teacher", id: teacher.id });
    await startLesson(page, TITLE);
    // Nothing is guessed: an empty source field must be filled in or marked "not stated".
    await page.getByRole("button", { name: id("new.preview") }).click();
    await expect(
      page.getByRole("heading", { name: id("new.previewHeading", { n: 4 }) }),
    ).toBeVisible();
    await expect(page.getByLabel(id("new.author"), { exact: true })).toHaveAttribute(
      "aria-invalid",
      "true",
    );
    await expect(page.getByLabel(id("new.article"))).toHaveValue(ARTICLE.join("\n\n"));
    await notStated(page, [
      id("new.author"),
      id("new.publishedAt"),
      id("new.eventDate"),
      id("new.url"),
    ]);
    await page.getByRole("button", { name: id("new.create") }).click();
    await expect(page).toHaveURL(/\/teacher\/lessons\/\d+$/);
    const lessonId = lessonIdOf(page);
    await expect(page.getByText(id("ed.status.draft"))).toBeVisible();

    await page
      .getByRole("form", { name: id("ed.lists") })
      .getByLabel(id("ed.objectives"))
      .fill("Membedakan tuduhan dari bukti.");
    await page
      .getByRole("form", { name: id("ed.lists") })
      .getByRole("button", { name: id("ed.save") })
      .click();
    // the saved page's answer is back (only it says so) before the next form is filled in
    await expect(
      page.getByRole("form", { name: id("ed.lists") }).getByText(id("ed.saved")),
    ).toBeVisible();
    await expect(page.getByLabel(id("ed.objectives"))).toHaveValue(
      "Membedakan tuduhan dari bukti.",
    );
    // A missing key is refused next to the field, and the typed text stays.
    const q = { ...QUESTIONS[1], correct: "" as "a" };
    const form = page.getByRole("form", { name: id("ed.newQuestion") });
    await form.getByLabel(id("ed.skill")).selectOption(q.skill);
    await form.getByLabel(id("ed.stem"), { exact: true }).fill(q.stem);
    for (const [i, text] of q.options.entries())
      await form.getByLabel(id("ed.option", { id: "ABC"[i] })).fill(text);
    await form.getByLabel(id("ed.explanation")).fill(q.explanation);
    await form.getByLabel(id("lesson.paragraph", { n: 2 })).check();
    await form.getByRole("button", { name: id("ed.add") }).click();
    const again = page.getByRole("form", { name: id("ed.newQuestion") });
    await expect(again.getByLabel(id("ed.correct"))).toHaveAttribute("aria-invalid", "true");
    await expect(again.getByText(id("ed.err.correct"))).toBeVisible();
    await expect(again.getByLabel(id("ed.option", { id: "C" }))).toHaveValue(q.options[2]);
    await again.getByLabel(id("ed.correct")).selectOption("a");
    await again.getByRole("button", { name: id("ed.add") }).click();
    await expect(page.getByRole("heading", { name: id("ed.question", { n: 1 }) })).toBeVisible();
    // The question's row opens its form by a plain link; a refused save keeps it open, as typed.
    await page
      .getByRole("link", { name: id("edi.edit", { item: id("ed.question", { n: 1 }) }) })
      .click();
    const q1 = page.getByRole("form", { name: id("ed.question", { n: 1 }) });
    await q1.getByLabel(id("ed.stem"), { exact: true }).fill("");
    await q1.getByLabel(id("ed.explanation")).fill("Penjelasan yang baru diketik.");
    await q1.getByRole("button", { name: id("ed.save") }).click();
    const q1Again = page.getByRole("form", { name: id("ed.question", { n: 1 }) });
    await expect(q1Again.getByLabel(id("ed.stem"), { exact: true })).toHaveAttribute(
      "aria-invalid",
      "true",
    );
    await expect(q1Again.getByLabel(id("ed.explanation"))).toHaveValue(
      "Penjelasan yang baru diketik.",
    );
    await q1Again.getByLabel(id("ed.stem"), { exact: true }).fill(q.stem);
    await q1Again.getByLabel(id("ed.explanation")).fill(q.explanation);
    await q1Again.getByRole("button", { name: id("ed.save") }).click();
    await expect(page.getByText(id("ed.saved"))).toBeVisible();

    // A sorting quotation that is not verbatim, and a half-written rubric, are refused beside the field.
    const statement = page.getByRole("form", { name: id("ed.newStatement") });
    await statement.getByLabel(id("ed.quote")).fill("menaikkan harga kios");
    await statement.getByLabel(id("ed.paragraph"), { exact: true }).selectOption("2");
    await statement.getByLabel(id("ed.category")).selectOption("allegation");
    await statement.getByLabel(id("ed.explanation")).fill("Warga menuduh; belum ada bukti.");
    await statement.getByRole("button", { name: id("ed.add") }).click();
    await expect(
      page.getByRole("form", { name: id("ed.newStatement") }).getByText(id("ed.err.verbatim")),
    ).toBeVisible();
    const prompt = page.getByRole("form", { name: id("ed.newPrompt") });
    await prompt.getByLabel(id("ed.mode")).selectOption("cer");
    await prompt
      .getByLabel(id("ed.promptText"), { exact: true })
      .fill("Apakah tuduhan warga terbukti?");
    await prompt.getByLabel(id("ed.guidance")).fill("Tuduhan bukan bukti.");
    await prompt.getByText(id("le.rubric"), { exact: true }).first().click();
    await prompt
      .getByLabel(
        id("le.rubricCell", {
          component: id("rubric.component.claim"),
          level: id("rubric.level.beginning"),
        }),
      )
      .fill("Tidak ada klaim.");
    await prompt.getByRole("button", { name: id("ed.add") }).click();
    const promptAgain = page.getByRole("form", { name: id("ed.newPrompt") });
    await expect(promptAgain.getByText(id("le.err.rubricAll"))).toBeVisible();
    await expect(promptAgain.getByLabel(id("ed.guidance"))).toHaveValue("Tuduhan bukan bukti.");

    // Warnings (skills without a question) are shown; publishing needs the confirmation.
    await page.getByRole("button", { name: id("ed.publish") }).click();
    await expect(page.getByText(id("ed.err.seeWarnings"))).toBeVisible();
    await page.getByLabel(id("ed.warningsSeen")).check();
    await page.getByRole("button", { name: id("ed.publish") }).click();
    await expect(page.getByText(id("ed.published", { n: 1 }))).toBeVisible();
    const snapshot = JSON.parse(
      (
        testDb()
          .prepare(
            "SELECT v.snapshot FROM lesson_versions v JOIN authored_lessons l ON l.published_version_id = v.id WHERE l.id = ?",
          )
          .get(lessonId) as { snapshot: string }
      ).snapshot,
    ) as Lesson;
    expect(snapshot.questions.map((x) => x.correct)).toEqual(["a"]);
    expect(snapshot.source).toEqual({
      outlet: "Kabar Desa",
      author: null,
      publishedAt: null,
      eventDate: null,
      url: null,
    });

    // The preview's steps without JavaScript: a "save" keeps the choice on the step, submitting shows the feedback.
    const before = writtenBy(lessonId);
    await page.goto(`/teacher/lessons/${lessonId}/preview?step=quiz`);
    const item = page.getByRole("group", { name: q.stem });
    await item.getByLabel(q.options[1], { exact: true }).check();
    await page
      .getByRole("button", { name: `${id("quiz.save")} ${id("quiz.question", { n: 1 })}` })
      .click();
    await expect(
      page.getByRole("group", { name: q.stem }).getByLabel(q.options[1], { exact: true }),
    ).toBeChecked();
    await page.getByRole("button", { name: id("quiz.submit") }).click();
    await expect(page.getByText(q.explanation)).toBeVisible();
    await expect(page.getByText(id("feedback.evidence", { p: 2 }))).toBeVisible();
    await page.getByRole("link", { name: id("pf.fb.next", { step: id("flow.discuss") }) }).click();
    // (the half-written CER prompt above was refused, so this lesson has no prompt)
    await expect(page.getByText(id("discuss.noPrompts"))).toBeVisible();
    expect(writtenBy(lessonId)).toEqual(before);
  });
});

test.describe("in English", () => {
  test.use({ locale: "en-US" });
  test("the seed lesson file: a bad file is refused field by field; export → import → the same content hash", async ({
    page,
    context,
  }) => {
    const teacher = await createTeacher();
    await signIn(context, { role: "teacher", id: teacher.id });
    const seed = fs.readFileSync(`content/lessons/${SEED_SLUG}.md`, "utf8");
    await page.goto("/teacher/lessons/import");
    await expectAccessible(page);
    const file = page.getByLabel(translate("en", "imp.file"));
    await file.setInputFiles({
      name: "bad.md",
      mimeType: "text/markdown",
      buffer: Buffer.from(seed.replace("gradeBand:", "colour: red\ngradeBand:")),
    });
    await page.getByRole("button", { name: translate("en", "imp.submit") }).click();
    await expect(page.getByText("(root): unknown field(s): colour")).toBeVisible();
    await expectAccessible(page);
    await file.setInputFiles({
      name: "seed.md",
      mimeType: "text/markdown",
      buffer: Buffer.from(seed),
    });
    await page.getByRole("button", { name: translate("en", "imp.submit") }).click();
    await expect(page).toHaveURL(/\/teacher\/lessons\/\d+$/);
    const lessonId = lessonIdOf(page);
    await expect(page.getByText(translate("en", "ed.noProblems"))).toBeVisible();

    // The draft exported again is the seed lesson: same text and same hash once its slug is restored.
    const text = await (await page.request.get(`/teacher/lessons/${lessonId}/export`)).text();
    const slug = /^slug: "([^"]+)"/m.exec(text)![1];
    const restored = text.replace(`slug: "${slug}"`, `slug: "${SEED_SLUG}"`);
    expect(restored).toBe(
      await (await page.request.get(`/teacher/lessons/file/${SEED_SLUG}`)).text(),
    );
    const parsed = parseLesson(restored);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const fileVersion = testDb()
      .prepare(
        "SELECT content_hash AS h FROM lesson_versions WHERE slug = ? ORDER BY id DESC LIMIT 1",
      )
      .get(SEED_SLUG) as { h: string };
    expect(hashOf(parsed.lesson)).toBe(fileVersion.h);
  });
});
