// The lesson as it happens: a pupil answers in one browser and the teacher's live view shows it
// within 5 s without a reload; the projector shows no names; closing hands in open work with its
// saved answers and the pupil's page says so; answers queued offline before the close still count;
// without JavaScript the refresh link does the same job.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { createClass, createPupil, createTeacher, signIn, testDb } from "../support/factories";
import { attemptsOf, createAssignment, seedLesson, storedAnswers } from "../support/lesson";

// Long pages checked by axe several times each, on a shared, busy machine: room for that. The
// "within 5 s" assertions keep their own 5 s limit.
test.describe.configure({ timeout: 240_000 });

const lesson = seedLesson();
const [q1, q2] = lesson.questions;
const TOTAL = lesson.questions.length + lesson.sorting.length;
const baseURL = () => `http://127.0.0.1:${process.env.E2E_PORT}`;
const letter = (q: typeof q1, optionId: string) =>
  String.fromCharCode(65 + q.options.findIndex((o) => o.id === optionId));
const wrong = (q: typeof q1) => q.options.find((o) => o.id !== q.correct)!;

const WORDS = {
  id: {
    caption: "Setiap siswa: langkah, jumlah jawaban, dan kapan jawaban terakhir tersimpan",
    notStarted: "Belum mulai",
    quiz: "Kuis",
    answered: (n: number) => `${n} dari ${TOTAL}`,
    question: (n: number) => `Soal ${n}`,
    projector: "Buka tampilan proyektor",
    questionOf: (n: number) => `Soal ${n} dari ${lesson.questions.length}`,
    right: "(Jawaban benar)",
    evidence: (n: number) => `Bukti di paragraf ${n}`,
  },
  en: {
    caption: "Each pupil: step, number of answers, and when the last answer was saved",
    notStarted: "Not started",
    quiz: "Quiz",
    answered: (n: number) => `${n} of ${TOTAL}`,
    question: (n: number) => `Question ${n}`,
    projector: "Open the projector view",
    questionOf: (n: number) => `Question ${n} of ${lesson.questions.length}`,
    right: "(Right answer)",
    evidence: (n: number) => `Evidence in paragraph ${n}`,
  },
} as const;

async function setup(options: Parameters<typeof createAssignment>[1] = {}) {
  const teacher = await createTeacher();
  const klass = createClass(teacher.id);
  const ani = await createPupil(klass.id, { name: "Ani Lestari" });
  const budi = await createPupil(klass.id, { name: "Budi Santoso" });
  const assignmentId = createAssignment(klass.id, options);
  return { teacher, klass, ani, budi, assignmentId };
}

async function contextFor(
  browser: Browser,
  owner: { role: "teacher" | "pupil"; id: number },
  options: { locale?: string; javaScriptEnabled?: boolean } = {},
) {
  const context = await browser.newContext({
    baseURL: baseURL(),
    locale: options.locale ?? "id-ID",
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    // pupils work on phones
    ...(owner.role === "pupil" ? { viewport: { width: 360, height: 740 } } : {}),
  });
  await signIn(context, owner);
  return context;
}

/** The pupil starts the assignment and opens the quiz. */
async function startQuiz(context: BrowserContext, assignmentId: number): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`/pupil/assignments/${assignmentId}`);
  await page.getByRole("button", { name: "Mulai mengerjakan" }).click();
  // the start is a form post: wait for it to land before going elsewhere
  await expect(page).toHaveURL(/\/read$/);
  await page.goto(`/pupil/assignments/${assignmentId}/quiz`);
  return page;
}

async function choose(page: Page, q: typeof q1, optionId: string) {
  await page
    .getByRole("group", { name: q.stem })
    .getByLabel(q.options.find((o) => o.id === optionId)!.text, { exact: true })
    .check();
}

const pupilRow = (page: Page, caption: string, name: string) =>
  page
    .getByRole("table", { name: caption })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name, exact: true }) });

for (const lang of ["id", "en"] as const) {
  test(`[${lang}] a pupil answers and the teacher's live view shows it within 5 s, without a reload`, async ({
    browser,
  }) => {
    const w = WORDS[lang];
    const s = await setup();
    const teacherContext = await contextFor(
      browser,
      { role: "teacher", id: s.teacher.id },
      { locale: lang === "id" ? "id-ID" : "en-US" },
    );
    const teacher = await teacherContext.newPage();
    await teacher.goto(`/teacher/assignments/${s.assignmentId}/live`);
    await expectAccessible(teacher);
    const ani = pupilRow(teacher, w.caption, "Ani Lestari");
    await expect(ani.getByRole("cell").nth(0)).toHaveText(w.notStarted);
    // a mark on the window: it is gone if the page reloads
    await teacher.evaluate(() => ((window as unknown as { liveMark: number }).liveMark = 17));

    const pupilContext = await contextFor(browser, { role: "pupil", id: s.ani.id });
    const pupil = await startQuiz(pupilContext, s.assignmentId);
    const chosen = wrong(q1);
    await choose(pupil, q1, chosen.id);
    await expect(pupil.locator(`#${q1.id} .save-state`)).toHaveText("Tersimpan");

    await expect(ani.getByRole("cell").nth(0)).toHaveText(w.quiz, { timeout: 5000 });
    await expect(ani.getByRole("cell").nth(1)).toHaveText(w.answered(1), { timeout: 5000 });
    const q1Table = teacher.getByRole("table", { name: `${w.question(1)}: ${q1.stem}` });
    const chosenRow = q1Table.getByRole("row").filter({
      has: teacher.getByRole("rowheader", { name: new RegExp(`^${letter(q1, chosen.id)}\\. `) }),
    });
    await expect(chosenRow.locator(".live-count")).toHaveText("1", { timeout: 5000 });
    // the key is named in words
    await expect(
      q1Table.getByRole("rowheader", {
        name: new RegExp(`^${letter(q1, q1.correct)}\\. .*\\((kunci|key)\\)$`),
      }),
    ).toBeVisible();
    expect(
      await teacher.evaluate(() => (window as unknown as { liveMark?: number }).liveMark),
    ).toBe(17);
    await expectAccessible(teacher);

    // the projector: large type, counts, no names
    await teacher.getByRole("link", { name: w.projector }).click();
    await expect(teacher.getByRole("heading", { level: 1 })).toHaveText(w.questionOf(1));
    await expect(
      teacher
        .locator(".projector-counts tr")
        .filter({ hasText: `${letter(q1, chosen.id)}. ` })
        .locator(".live-count"),
    ).toHaveText("1");
    await expectAccessible(teacher);
    await pupilContext.close();
    await teacherContext.close();
  });
}

test("the projector shows no names, reveals the key with its evidence, moves with the keyboard, and shows exemplary posts anonymously", async ({
  browser,
}) => {
  const s = await setup();
  // both pupils answered q1: Ani wrongly, Budi rightly; Ani's post is exemplary
  const db = testDb();
  for (const [pupilId, choice] of [
    [s.ani.id, wrong(q1).id],
    [s.budi.id, q1.correct],
  ] as const) {
    const { id } = db
      .prepare(
        "INSERT INTO attempts (assignment_id, pupil_id, number, seed, started_at) VALUES (?, ?, 1, 7, ?) RETURNING id",
      )
      .get(s.assignmentId, pupilId, Date.now()) as { id: number };
    db.prepare(
      "INSERT INTO answers (attempt_id, kind, item_id, choice, change_seq) VALUES (?, 'quiz', ?, ?, 1)",
    ).run(id, q1.id, choice);
  }
  db.prepare("INSERT INTO assignment_live (assignment_id, version) VALUES (?, 1)").run(
    s.assignmentId,
  );
  const body = "Belum terbukti, karena paragraf 3 hanya memuat tuduhan.";
  db.prepare(
    "INSERT INTO posts (assignment_id, prompt_id, author_id, body, exemplary) VALUES (?, ?, ?, ?, 1)",
  ).run(s.assignmentId, lesson.prompts[0].id, s.ani.id, body);

  const context = await contextFor(browser, { role: "teacher", id: s.teacher.id });
  const page = await context.newPage();
  await page.goto(`/teacher/assignments/${s.assignmentId}/projector`);
  const noNames = async () => {
    const text = await page.locator("main").innerText();
    expect(text).not.toContain("Ani Lestari");
    expect(text).not.toContain("Budi Santoso");
  };
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    `Soal 1 dari ${lesson.questions.length}`,
  );
  await expect(page.getByText("2 siswa menjawab")).toBeVisible();
  await expect(page.getByText("(Jawaban benar)")).toHaveCount(0);
  await noNames();
  await expectAccessible(page);

  // K reveals the key and the evidence paragraph, highlighted
  await page.keyboard.press("k");
  await expect(page).toHaveURL(/reveal=1/);
  const keyRow = page.locator(".projector-counts tr.key");
  await expect(keyRow.getByRole("rowheader")).toContainText(`${letter(q1, q1.correct)}. `);
  await expect(keyRow.getByRole("rowheader")).toContainText("(Jawaban benar)");
  await expect(keyRow.locator(".live-count")).toHaveText("1");
  const evidence = page
    .getByRole("figure")
    .filter({ hasText: `Bukti di paragraf ${q1.evidence[0]}` });
  await expect(evidence.locator("mark")).toHaveText(lesson.paragraphs[q1.evidence[0] - 1]);
  await noNames();
  await expectAccessible(page);

  // → next question, ← back
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    `Soal 2 dari ${lesson.questions.length}`,
  );
  await expect(page.getByText("(Jawaban benar)")).toHaveCount(0);
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    `Soal 1 dari ${lesson.questions.length}`,
  );

  // a sorting statement: its words are marked inside their paragraph on reveal
  await page.goto(
    `/teacher/assignments/${s.assignmentId}/projector?item=${lesson.questions.length + 1}&reveal=1`,
  );
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    `Pernyataan 1 dari ${lesson.sorting.length}`,
  );
  await expect(page.locator(".projector-evidence mark")).toHaveText(lesson.sorting[0].quote);

  // the last part: exemplary posts, without the author until the teacher chooses
  const last = lesson.questions.length + lesson.sorting.length + 1;
  await page.goto(`/teacher/assignments/${s.assignmentId}/projector?item=${last}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tanggapan pilihan");
  await expect(page.getByText(body)).toBeVisible();
  await noNames();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Tampilkan nama penulis" }).click();
  await expect(page.getByText("— Ani Lestari")).toBeVisible();
  await context.close();
});

test("closing the assignment hands in open work with its saved answers; the pupil is told and loses nothing", async ({
  browser,
}) => {
  const s = await setup();
  const pupilContext = await contextFor(browser, { role: "pupil", id: s.ani.id });
  const pupil = await startQuiz(pupilContext, s.assignmentId);
  await choose(pupil, q1, q1.correct);
  await expect(pupil.locator(`#${q1.id} .save-state`)).toHaveText("Tersimpan");

  const teacherContext = await contextFor(browser, { role: "teacher", id: s.teacher.id });
  const teacher = await teacherContext.newPage();
  await teacher.goto(`/teacher/assignments/${s.assignmentId}/live`);
  // without the confirmation box: refused, with the reason beside the box
  await teacher.getByRole("button", { name: "Waktu habis: tutup untuk semua" }).click();
  await expect(teacher.getByText("Centang kotak ini dulu untuk menutup tugas.")).toBeVisible();
  await expect(
    teacher.getByLabel("Ya, tutup tugas ini untuk semua siswa sekarang"),
  ).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(teacher);
  expect(attemptsOf(s.ani.id, s.assignmentId)[0].submittedAt).toBeNull();
  await teacher.getByLabel("Ya, tutup tugas ini untuk semua siswa sekarang").check();
  await teacher.getByRole("button", { name: "Waktu habis: tutup untuk semua" }).click();
  await expect(
    teacher
      .getByRole("status")
      .filter({ hasText: "Tugas ditutup. 1 pekerjaan yang masih terbuka sudah dikumpulkan." }),
  ).toBeVisible();
  await expect(
    pupilRow(teacher, WORDS.id.caption, "Ani Lestari").getByRole("cell").nth(3),
  ).toHaveText("dikumpulkan saat tugas ditutup");
  await expectAccessible(teacher);

  const [attempt] = attemptsOf(s.ani.id, s.assignmentId);
  expect(attempt.submittedAt).not.toBeNull();
  expect(attempt.quizScore).toBe(1);
  expect(
    testDb().prepare("SELECT submitted_by_close AS b FROM attempts WHERE id = ?").get(attempt.id),
  ).toEqual({ b: 1 });
  expect(storedAnswers(s.ani.id, s.assignmentId)).toEqual([
    { kind: "quiz", itemId: q1.id, choice: q1.correct },
  ]);

  // the pupil, still on the quiz page, picks another answer: a clear message, nothing lost
  await choose(pupil, q2, q2.correct);
  await expect(pupil.locator(`#${q2.id} .save-state`)).toHaveText(/Gurumu sudah menutup tugas ini/);
  await pupil.reload();
  await expect(
    pupil.getByRole("status").filter({ hasText: "Gurumu sudah menutup tugas ini (waktu habis)." }),
  ).toBeVisible();
  await expectAccessible(pupil);
  expect(storedAnswers(s.ani.id, s.assignmentId)).toEqual([
    { kind: "quiz", itemId: q1.id, choice: q1.correct },
  ]);
  await pupilContext.close();
  await teacherContext.close();
});

test("an answer chosen offline before the close is taken when the pupil comes back online", async ({
  browser,
}) => {
  const s = await setup();
  const pupilContext = await contextFor(browser, { role: "pupil", id: s.budi.id });
  const pupil = await startQuiz(pupilContext, s.assignmentId);
  await pupilContext.setOffline(true);
  await choose(pupil, q1, q1.correct);
  await expect(pupil.locator(`#${q1.id} .save-state`)).toHaveText(/^Belum tersimpan/);

  const teacherContext = await contextFor(browser, { role: "teacher", id: s.teacher.id });
  const teacher = await teacherContext.newPage();
  await teacher.goto(`/teacher/assignments/${s.assignmentId}/live`);
  await teacher.getByLabel("Ya, tutup tugas ini untuk semua siswa sekarang").check();
  await teacher.getByRole("button", { name: "Waktu habis: tutup untuk semua" }).click();
  await expect(teacher.getByRole("status").filter({ hasText: "Tugas ditutup." })).toBeVisible();
  expect(attemptsOf(s.budi.id, s.assignmentId)[0].quizScore).toBe(0);

  await pupilContext.setOffline(false);
  await expect(pupil.locator(`#${q1.id} .save-state`)).toHaveText("Tersimpan");
  expect(storedAnswers(s.budi.id, s.assignmentId)).toEqual([
    { kind: "quiz", itemId: q1.id, choice: q1.correct },
  ]);
  expect(attemptsOf(s.budi.id, s.assignmentId)[0].quizScore).toBe(1);
  await pupilContext.close();
  await teacherContext.close();
});

test.describe("without JavaScript", () => {
  test("the refresh link brings the live view up to date, and 'may need help' follows the chosen minutes", async ({
    browser,
  }) => {
    const s = await setup();
    const context = await contextFor(
      browser,
      { role: "teacher", id: s.teacher.id },
      { javaScriptEnabled: false },
    );
    const page = await context.newPage();
    await page.goto(`/teacher/assignments/${s.assignmentId}/live`);
    await expect(page.getByText("Halaman ini memperbarui diri")).toHaveCount(0);
    const budi = pupilRow(page, WORDS.id.caption, "Budi Santoso");
    await expect(budi.getByRole("cell").nth(0)).toHaveText("Belum mulai");

    // Budi started 7 minutes ago and saved one answer 6 minutes ago (as the app writes it)
    const db = testDb();
    const { id } = db
      .prepare(
        "INSERT INTO attempts (assignment_id, pupil_id, number, seed, started_at) VALUES (?, ?, 1, 7, ?) RETURNING id",
      )
      .get(s.assignmentId, s.budi.id, Date.now() - 7 * 60_000) as { id: number };
    const { version } = db
      .prepare(
        "INSERT INTO assignment_live (assignment_id, version) VALUES (?, 1) ON CONFLICT DO UPDATE SET version = version + 1 RETURNING version",
      )
      .get(s.assignmentId) as { version: number };
    db.prepare(
      "INSERT INTO answers (attempt_id, kind, item_id, choice, saved_at, change_seq) VALUES (?, 'quiz', ?, ?, ?, ?)",
    ).run(id, q1.id, q1.correct, Date.now() - 6 * 60_000, version);

    await page.getByRole("link", { name: "Muat ulang data" }).click();
    await expect(budi.getByRole("cell").nth(0)).toHaveText("Kuis");
    await expect(budi.getByRole("cell").nth(1)).toHaveText(`1 dari ${TOTAL}`);
    await expect(budi.getByRole("cell").nth(2)).toHaveText("6 menit lalu");
    await expect(budi.getByRole("cell").nth(3)).toHaveText("mungkin butuh bantuan");

    // a value out of range keeps the default and says why next to the field
    const minutes = page.getByLabel("Setelah berapa menit tanpa jawaban tersimpan");
    await minutes.fill("200");
    await page.getByRole("button", { name: "Terapkan" }).click();
    await expect(page).toHaveURL(/help=200/);
    await expect(minutes).toHaveAttribute("aria-invalid", "true");
    await expect(minutes).toHaveAccessibleDescription(/Isi bilangan bulat 1 sampai 90/);
    await expect(budi.getByRole("cell").nth(3)).toHaveText("mungkin butuh bantuan");

    await minutes.fill("10");
    await page.getByRole("button", { name: "Terapkan" }).click();
    await expect(page).toHaveURL(/help=10/);
    await expect(budi.getByRole("cell").nth(3)).toHaveText("");
    // the link reloads this same address: wait for the new document before ticking in it (the
    // current one loaded first, so its own load event is not the one awaited)
    await page.waitForLoadState("load");
    const reloaded = page.waitForEvent("load");
    await page.getByRole("link", { name: "Muat ulang data" }).click();
    await reloaded;
    await expect(page).toHaveURL(/help=10/);

    // closing works as a plain form too
    await page.getByLabel("Ya, tutup tugas ini untuk semua siswa sekarang").check();
    await page.getByRole("button", { name: "Waktu habis: tutup untuk semua" }).click();
    await expect(
      page.getByText("Tugas ditutup. 1 pekerjaan yang masih terbuka sudah dikumpulkan."),
    ).toBeVisible();
    await expect(budi.getByRole("cell").nth(0)).toHaveText("Sudah mengumpulkan");
    await context.close();
  });
});
