// A teacher reads class results (counts, facility, flagged question), downloads the CSV, sorts without
// JavaScript; pupils and other teachers are kept out. Attempts are inserted with known choices.
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { createClass, createPupil, createTeacher, signIn, testDb } from "../support/factories";
import { createAssignment, seedLesson } from "../support/lesson";

const lesson = seedLesson();
const [q1, q2, q3] = lesson.questions;
const letter = (q: typeof q1, optionId: string) =>
  String.fromCharCode(65 + q.options.findIndex((o) => o.id === optionId));
const allegation = lesson.sorting.find((s) => s.category === "allegation")!;

type Choices = { quiz: Record<string, string>; sort: Record<string, string> };
const allRight = (): Choices => ({
  // a two-part question's Part B is stored under `<id>.b`
  quiz: Object.fromEntries(
    lesson.questions.flatMap((q) => [
      [q.id, q.correct],
      ...(q.partB ? [[`${q.id}.b`, q.partB.correct]] : []),
    ]),
  ),
  sort: Object.fromEntries(lesson.sorting.map((s) => [s.id, s.category])),
});

/**
 * Worked out by hand, not with the app's scorer: the seed lesson has 18 questions, two of them
 * two-part (2 points each), so the quiz is out of 20 points, and 17 sorting items (37 points in
 * all). q1–q3 are single questions. Ani misses q3: 19 + 17 = 36/37 = 97.29… → 97.3 %. Budi misses
 * q1, q3 and the allegation: 18 + 16 = 34/37 = 91.89… → 91.9 %. The formula-named pupil misses q1,
 * q2, q3 and the allegation: 17 + 16 = 33/37 = 89.18… → 89.2 %.
 */
const HAND_WORKED = {
  ani: { quizScore: 19, quizMax: 20, sortScore: 17, sortMax: 17, percent: 97.3 },
  budi: { quizScore: 18, quizMax: 20, sortScore: 16, sortMax: 17, percent: 91.9 },
  formula: { quizScore: 17, quizMax: 20, sortScore: 16, sortMax: 17, percent: 89.2 },
} as const;
type HandScore = (typeof HAND_WORKED)[keyof typeof HAND_WORKED];

/** A submitted attempt with these choices, stored with the hand-worked score a submit gives them. */
function submitAttempt(assignmentId: number, pupilId: number, choices: Choices, score: HandScore) {
  // the fixture's arithmetic assumes the lesson's size; a changed seed lesson must fail loudly here
  expect([
    lesson.questions.length,
    lesson.questions.filter((q) => q.partB).length,
    lesson.sorting.length,
  ]).toEqual([18, 2, 17]);
  expect([q1, q2, q3].some((q) => q.partB)).toBe(false);
  const answers = [
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
  const now = Date.now();
  const db = testDb();
  const { id } = db
    .prepare(
      `INSERT INTO attempts (assignment_id, pupil_id, number, seed, started_at, submitted_at, quiz_score, quiz_max, sort_score, sort_max)
       VALUES (?, ?, 1, 7, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(
      assignmentId,
      pupilId,
      now - 20 * 60_000,
      now,
      score.quizScore,
      score.quizMax,
      score.sortScore,
      score.sortMax,
    ) as { id: number };
  const insert = db.prepare(
    "INSERT INTO answers (attempt_id, kind, item_id, choice) VALUES (?, ?, ?, ?)",
  );
  for (const a of answers) insert.run(id, a.kind, a.itemId, a.choice);
  return score;
}

const FORMULA_NAME = '=HYPERLINK("x")';

/**
 * Ani gets everything right except q3. Budi also misses q1 (choosing the option Ani's formula-named
 * classmate chooses) and reads the allegation as a reported event; the formula-named pupil misses q1,
 * q2, q3 and makes the same sorting mistake. Dewi never starts. So facility(q1) = 1/3, facility(q3)
 * = 0 (flagged: below 0.3), and two of the three wrong q3 answers are the same option.
 */
async function setup() {
  const teacher = await createTeacher();
  const klass = createClass(teacher.id);
  const ani = await createPupil(klass.id, { name: "Ani Lestari" });
  const budi = await createPupil(klass.id, { name: "Budi Santoso" });
  const formula = await createPupil(klass.id, { name: FORMULA_NAME });
  const dewi = await createPupil(klass.id, { name: "Dewi Anggraini" });
  const assignmentId = createAssignment(klass.id);
  const q1Wrong = q1.options.find((o) => o.id !== q1.correct)!.id;
  const q3Wrong = q3.options.filter((o) => o.id !== q3.correct).map((o) => o.id);
  const a = allRight();
  a.quiz[q3.id] = q3Wrong[0];
  const b = allRight();
  b.quiz[q1.id] = q1Wrong;
  b.quiz[q3.id] = q3Wrong[0];
  b.sort[allegation.id] = "reported-event";
  const f = allRight();
  f.quiz[q1.id] = q1Wrong;
  f.quiz[q2.id] = q2.options.find((o) => o.id !== q2.correct)!.id;
  f.quiz[q3.id] = q3Wrong[1];
  f.sort[allegation.id] = "reported-event";
  const scores = {
    ani: submitAttempt(assignmentId, ani.id, a, HAND_WORKED.ani),
    budi: submitAttempt(assignmentId, budi.id, b, HAND_WORKED.budi),
    formula: submitAttempt(assignmentId, formula.id, f, HAND_WORKED.formula),
  };
  testDb()
    .prepare(
      "INSERT INTO posts (assignment_id, prompt_id, author_id, body, exemplary) VALUES (?, ?, ?, ?, TRUE)",
    )
    .run(
      assignmentId,
      lesson.prompts[0].id,
      ani.id,
      "Belum terbukti, karena paragraf 3 hanya memuat tuduhan.",
    );
  return {
    teacher,
    klass,
    ani,
    budi,
    formula,
    dewi,
    assignmentId,
    scores,
    q3Top: letter(q3, q3Wrong[0]),
  };
}

const row = (page: Page, table: string, header: string) =>
  page
    .getByRole("table", { name: table })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: header, exact: true }) });

/** RFC 4180: fields separated by commas, quoted with "…" where needed, "" for a quote inside. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = "";
  let current: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      current.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      current.push(field);
      rows.push(current);
      current = [];
      field = "";
    } else field += c;
  }
  if (field || current.length) rows.push([...current, field]);
  return rows;
}

test.describe("with JavaScript", () => {
  test("a teacher sees completion, scores, facility and the flagged question, and the CSV says the same", async ({
    page,
    context,
  }) => {
    const s = await setup();
    await signIn(context, { role: "teacher", id: s.teacher.id });
    await page.goto(`/teacher/assignments/${s.assignmentId}`);
    await page.getByRole("link", { name: "Lihat hasil kelas" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Hasil kelas");

    const completion = "Status setiap siswa untuk tugas ini";
    await expect(row(page, completion, "Sudah dikumpulkan").getByRole("cell").first()).toHaveText(
      "3",
    );
    await expect(row(page, completion, "Belum dimulai").getByRole("cell").first()).toHaveText("1");
    await expect(row(page, completion, "Belum dimulai")).toContainText("Dewi Anggraini");
    await expect(page.getByText("3 dari 4 siswa sudah mengumpulkan.")).toBeVisible();

    // median of 89.2, 91.9 and 97.3, written the Indonesian way
    await expect(row(page, "Ringkasan nilai", "Median").getByRole("cell")).toHaveText("91,9 %");

    // facility = right answers / submitters: q1 right only for Ani → 1/3; q3 right for nobody → 0
    const items = "Ringkasan setiap soal";
    await expect(row(page, items, "Soal 1").getByRole("cell").nth(1)).toHaveText("33%");
    await expect(row(page, items, "Soal 3").getByRole("cell").nth(1)).toHaveText("0%");
    await expect(row(page, items, "Soal 3").getByRole("cell").nth(3)).toHaveText("perlu dibahas");
    await expect(row(page, items, "Soal 4").getByRole("cell").nth(3)).toHaveText("—");
    await expect(page.getByText("Soal yang perlu dibahas: Soal 3.")).toBeVisible();
    const item3 = page.getByRole("article", { name: "Soal 3 — perlu dibahas" });
    await expect(
      item3.getByText(
        `Banyak yang memilih ${s.q3Top}: baca paragraf ${q3.evidence.join(", ")} bersama kelas.`,
      ),
    ).toBeVisible();
    // the right option is named in text, not only coloured
    await expect(item3.getByRole("rowheader", { name: /jawaban benar/ })).toContainText(
      `${letter(q3, q3.correct)}.`,
    );
    const q3TopRow = item3
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${s.q3Top}\\. `) }) });
    await expect(q3TopRow.getByRole("cell").first()).toHaveText("2");

    // the allegation read as a reported event, twice
    await expect(
      page.getByText(
        "Tuduhan (oleh pihak yang disebut) dibaca sebagai Peristiwa yang dilaporkan: 2 kali",
      ),
    ).toBeVisible();
    await expect(page.getByText("1 dari 4 siswa menanggapi").first()).toBeVisible();

    // the CSV holds the same numbers and defuses the formula-looking name
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Unduh hasil (CSV)" }).click(),
    ]);
    const text = fs.readFileSync((await download.path())!, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(rows).toHaveLength(4);
    const col = (name: string) => header.indexOf(name);
    const byName = new Map(rows.map((r) => [r[0], r]));
    expect(byName.has(`'${FORMULA_NAME}`)).toBe(true);
    expect(byName.has(FORMULA_NAME)).toBe(false);
    expect(Number(byName.get("Ani Lestari")![col("Nilai (%)")])).toBe(s.scores.ani.percent);
    expect(Number(byName.get("Budi Santoso")![col("Nilai (%)")])).toBe(s.scores.budi.percent);
    expect(Number(byName.get(`'${FORMULA_NAME}`)![col("Kuis (maks 20)")])).toBe(
      s.scores.formula.quizScore,
    );
    const q1Right = rows.map((r) => r[col("Soal 1 (q1) benar")]);
    expect(q1Right.filter((v) => v === "1")).toHaveLength(1);
    expect(byName.get("Dewi Anggraini")![col("Status")]).toBe("Belum dimulai");
    expect(byName.get("Budi Santoso")![col("Soal 3 (q3) pilihan")]).toBe(s.q3Top);

    // one pupil's work, from the name in the table
    await page.getByRole("link", { name: "Budi Santoso" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Budi Santoso");
    await expect(
      row(page, "Jawaban siswa untuk setiap soal", `Soal 1: ${q1.stem}`).getByRole("cell").last(),
    ).toHaveText("Salah");
    await expect(
      row(page, "Jawaban siswa untuk setiap soal", `Soal 2: ${q2.stem}`).getByRole("cell").last(),
    ).toHaveText("Benar");
  });

  test("results, a pupil's page and the class overview pass axe in both languages", async ({
    page,
    context,
  }) => {
    const s = await setup();
    await signIn(context, { role: "teacher", id: s.teacher.id });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const pages = [
      `/teacher/assignments/${s.assignmentId}/results`,
      `/teacher/assignments/${s.assignmentId}/pupils/${s.ani.id}`,
      `/teacher/classes/${s.klass.id}/results`,
    ];
    for (const url of pages) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Terjadi kesalahan");
      await expectAccessible(page);
    }
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    for (const url of pages) {
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectAccessible(page);
    }
    expect(errors, "errors in the browser (hydration)").toEqual([]);
    await page.goto(pages[0]);
    await expect(
      page.getByText("Discrimination = the upper–lower 27 % index", { exact: false }),
    ).toBeVisible();
    // the class page links to the overview, which links on to each assignment's results
    await page.goto(`/teacher/classes/${s.klass.id}`);
    await page.getByRole("link", { name: "See results of all assignments" }).click();
    await expect(
      row(
        page,
        "Each pupil's score per assignment (percent), or their status when nothing is submitted",
        "Dewi Anggraini",
      ),
    ).toContainText("Not started");
    await page.getByRole("link", { name: lesson.title }).first().click();
    await expect(page).toHaveURL(new RegExp(`/teacher/assignments/${s.assignmentId}/results$`));
  });

  test("a pupil sees only their own results; another teacher gets 404 everywhere", async ({
    page,
    context,
    browser,
  }) => {
    const s = await setup();
    await signIn(context, { role: "pupil", id: s.budi.id });
    await page.goto(`/pupil/assignments/${s.assignmentId}/feedback`);
    await expect(
      page.getByText(`Kuis: ${s.scores.budi.quizScore} dari ${s.scores.budi.quizMax}`),
    ).toBeVisible();
    await expect(page.getByRole("heading", { name: "Hasilmu per keterampilan" })).toBeVisible();
    await expect(page.getByText("Ani Lestari")).toHaveCount(0);
    for (const url of [
      `/teacher/assignments/${s.assignmentId}/results`,
      `/teacher/assignments/${s.assignmentId}/pupils/${s.ani.id}`,
      `/teacher/assignments/${s.assignmentId}/results.csv`,
      `/teacher/classes/${s.klass.id}/results`,
    ]) {
      const response = await page.request.get(url);
      expect(response.status(), url).toBe(404);
    }

    const other = await createTeacher({ name: "Pak Joko" });
    const otherContext = await browser.newContext();
    await signIn(otherContext, { role: "teacher", id: other.id });
    const otherPage = await otherContext.newPage();
    for (const url of [
      `/teacher/assignments/${s.assignmentId}/results`,
      `/teacher/assignments/${s.assignmentId}/pupils/${s.budi.id}`,
      `/teacher/assignments/${s.assignmentId}/results.csv`,
      `/teacher/classes/${s.klass.id}/results`,
    ]) {
      const response = await otherPage.goto(url);
      expect(response?.status(), url).toBe(404);
    }
    await expect(otherPage.getByText("Budi Santoso")).toHaveCount(0);
    await otherContext.close();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the pupil table sorts by a column through its header link", async ({ page, context }) => {
    const s = await setup();
    await signIn(context, { role: "teacher", id: s.teacher.id });
    await page.goto(`/teacher/assignments/${s.assignmentId}/results`);
    const table = page.getByRole("table", {
      name: "Nilai setiap siswa dari percobaan yang dihitung",
    });
    await expect(table.getByRole("rowheader")).toHaveCount(4);
    await table.getByRole("link", { name: /^Nilai/ }).click();
    await expect(page).toHaveURL(/sort=score&dir=desc/);
    await expect(table.getByRole("columnheader", { name: /^Nilai/ })).toHaveAttribute(
      "aria-sort",
      "descending",
    );
    // highest score first; Dewi, with no score, last
    const ranked = [
      ["Ani Lestari", s.scores.ani.percent],
      ["Budi Santoso", s.scores.budi.percent],
      [FORMULA_NAME, s.scores.formula.percent],
    ].sort((a, b) => (b[1] as number) - (a[1] as number));
    await expect(table.getByRole("rowheader")).toHaveText([
      ...ranked.map((r) => r[0] as string),
      "Dewi Anggraini",
    ]);
    await table.getByRole("link", { name: /^Nilai/ }).click();
    await expect(page).toHaveURL(/sort=score&dir=asc/);
    await expect(table.getByRole("rowheader")).toHaveText([
      ...ranked.reverse().map((r) => r[0] as string),
      "Dewi Anggraini",
    ]);
  });
});
