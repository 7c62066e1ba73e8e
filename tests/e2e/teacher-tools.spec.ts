// Issue 12, the teacher's side: glossary terms open in the article, the lesson page's preview and
// answer key (teachers only), the results grid on a 1280 px screen, the .xlsx download, and the
// "new since you last looked" badges. Attempts and posts are inserted with known content.
import fs from "node:fs";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { glossarySegments } from "../../app/utils/glossary";
import { scoreAttempt } from "../../app/utils/quiz";
import { expectAccessible } from "../support/axe";
import { createClass, createPupil, createTeacher, signIn, testDb } from "../support/factories";
import { createAssignment, seedLesson, SEED_SLUG } from "../support/lesson";

const lesson = seedLesson();
const [q1, q2] = lesson.questions;
const letter = (q: typeof q1, optionId: string) =>
  String.fromCharCode(65 + q.options.findIndex((o) => o.id === optionId));
const wrongOf = (q: typeof q1) => q.options.find((o) => o.id !== q.correct)!.id;
// answerable items: each part of a two-part question counts, as the results page counts them
const QUIZ_PARTS = lesson.questions.length + lesson.questions.filter((q) => q.partB).length;
const ITEMS = QUIZ_PARTS + lesson.sorting.length;
const keyTexts = [
  ...lesson.questions.map((q) => q.explanation),
  ...lesson.sorting.map((s) => s.explanation),
  ...lesson.prompts.map((p) => p.guidance),
];
/** The first paragraph holding a glossary term, and that term as the article spells it. */
const firstTerm = (() => {
  for (const [i, text] of lesson.paragraphs.entries()) {
    const seg = glossarySegments(text, lesson.glossary).find((s) => "term" in s);
    if (seg && "term" in seg)
      return { paragraph: i + 1, text: seg.text, definition: seg.definition };
  }
  throw new Error("the seed lesson has no glossary term in its text");
})();

async function switchToEnglish(page: Page) {
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
}

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

/** An attempt with these answers; submitted and scored as the server would, unless `open`. */
function insertAttempt(assignmentId: number, pupilId: number, choices: Choices, open = false) {
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
  const score = scoreAttempt(lesson, answers);
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
      open ? null : now,
      open ? null : score.quizScore,
      open ? null : score.quizMax,
      open ? null : score.sortScore,
      open ? null : score.sortMax,
    ) as { id: number };
  const insert = db.prepare(
    "INSERT INTO answers (attempt_id, kind, item_id, choice) VALUES (?, ?, ?, ?)",
  );
  for (const a of answers) insert.run(id, a.kind, a.itemId, a.choice);
  return {
    ...score,
    percent:
      Math.round(((score.quizScore + score.sortScore) / (score.quizMax + score.sortMax)) * 1000) /
      10,
  };
}

test.describe("glossary in the article", () => {
  test("a term opens its definition in place, the list stays below, and both languages pass axe", async ({
    page,
  }) => {
    await page.goto(`/lessons/${SEED_SLUG}`);
    const paragraph = page.locator(`#p${firstTerm.paragraph}`);
    const term = paragraph.getByRole("button").filter({ hasText: firstTerm.text }).first();
    await expect(paragraph.getByText(firstTerm.definition)).toBeHidden();
    await term.click();
    await expect(paragraph.getByText(firstTerm.definition)).toBeVisible();
    // the glossary list is still there, after the article
    await expect(page.getByRole("heading", { name: "Daftar kata sulit" })).toBeVisible();
    const order = await page.evaluate(() => {
      const article = document.getElementById("article-heading")!;
      const glossary = document.getElementById("glossary-heading")!;
      return article.compareDocumentPosition(glossary) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
    await expectAccessible(page);
    await switchToEnglish(page);
    await page.locator(`#p${firstTerm.paragraph}`).getByRole("button").first().click();
    await expect(page.getByRole("heading", { name: "Glossary" })).toBeVisible();
    await expectAccessible(page);
  });

  test("a pupil's reading step on a phone marks the terms too, and passes axe with one open", async ({
    page,
    context,
  }) => {
    const teacher = await createTeacher();
    const klass = createClass(teacher.id);
    const pupil = await createPupil(klass.id);
    const assignmentId = createAssignment(klass.id);
    await signIn(context, { role: "pupil", id: pupil.id });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`/pupil/assignments/${assignmentId}/read`);
    const read = page.locator(`#p${firstTerm.paragraph}`);
    await read.getByRole("button").filter({ hasText: firstTerm.text }).first().click();
    await expect(read.getByText(firstTerm.definition)).toBeVisible();
    expect(errors, "errors in the browser (hydration)").toEqual([]);
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
      ),
    ).toBe(true);
    await expectAccessible(page);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });
    test("a tap on the term still shows its definition, also on a pupil's reading step", async ({
      page,
      context,
    }) => {
      await page.goto(`/lessons/${SEED_SLUG}`);
      const paragraph = page.locator(`#p${firstTerm.paragraph}`);
      await paragraph.getByRole("button").filter({ hasText: firstTerm.text }).first().click();
      await expect(paragraph.getByText(firstTerm.definition)).toBeVisible();

      const teacher = await createTeacher();
      const klass = createClass(teacher.id);
      const pupil = await createPupil(klass.id);
      const assignmentId = createAssignment(klass.id);
      await signIn(context, { role: "pupil", id: pupil.id });
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(`/pupil/assignments/${assignmentId}/read`);
      const read = page.locator(`#p${firstTerm.paragraph}`);
      await read.getByRole("button").filter({ hasText: firstTerm.text }).first().click();
      await expect(read.getByText(firstTerm.definition)).toBeVisible();
    });
  });
});

test.describe("the lesson page for teachers", () => {
  test("a teacher previews the pupil's view and reads the key, evidence and guidance, in both languages", async ({
    page,
    context,
  }) => {
    test.slow(); // axe over a long page, twice
    const teacher = await createTeacher();
    await signIn(context, { role: "teacher", id: teacher.id });
    await page.goto(`/lessons/${SEED_SLUG}`);
    await page.getByText("Lihat sebagai siswa").click();
    const preview = page.locator("details.preview");
    await expect(preview.getByText(q1.stem)).toBeVisible();
    await expect(preview.getByText(q1.explanation)).toHaveCount(0);
    await expect(preview.getByText(`“${lesson.sorting[0].quote}”`)).toBeVisible();

    await page.getByText("Kunci jawaban dan panduan diskusi").click();
    const item = page.getByRole("article", { name: "Soal 1", exact: true });
    await expect(item.getByText(q1.explanation)).toBeVisible();
    await expect(item).toContainText(
      `${letter(q1, q1.correct)}. ${q1.options.find((o) => o.id === q1.correct)!.text}`,
    );
    await item.getByRole("link", { name: `paragraf ${q1.evidence[0]}` }).click();
    await expect(page).toHaveURL(new RegExp(`#p${q1.evidence[0]}$`));
    await expect(page.getByText(lesson.prompts[0].guidance)).toBeVisible();
    await expectAccessible(page);

    await switchToEnglish(page);
    // the sections opened in Indonesian stay open across the language switch: open them if not
    for (const name of ["View as pupil", "Answer key and discussion guidance"]) {
      const details = page
        .locator("details.teacher-tools")
        .filter({ has: page.getByRole("heading", { name }) });
      await expect(details.getByRole("heading", { name })).toBeVisible();
      if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open)))
        await details.locator("summary").click();
    }
    await expect(
      page.getByRole("article", { name: "Question 2", exact: true }).getByText(q2.explanation),
    ).toBeVisible();
    await expectAccessible(page);
  });

  test("pupils and visitors never receive the key: not in the page, not in its data", async ({
    page,
    context,
    request,
  }) => {
    const teacher = await createTeacher();
    const klass = createClass(teacher.id);
    const pupil = await createPupil(klass.id);
    const urls = [
      `/lessons/${SEED_SLUG}`,
      `/lessons/${SEED_SLUG}?_data=${encodeURIComponent("routes/lessons.$slug")}`,
    ];
    const leaks = (body: string) => keyTexts.filter((text) => body.includes(text));
    for (const url of urls) {
      const anonymous = await request.get(url);
      expect(anonymous.status(), url).toBe(200);
      expect(leaks(await anonymous.text()), `anonymous ${url}`).toEqual([]);
    }
    await signIn(context, { role: "pupil", id: pupil.id });
    for (const url of urls) {
      const response = await page.request.get(url);
      expect(response.status(), url).toBe(200);
      const body = await response.text();
      expect(leaks(body), `pupil ${url}`).toEqual([]);
      expect(body).not.toMatch(/"(correct|explanation|guidance|key)"\s*:\s*[^n]/);
    }
    await page.goto(`/lessons/${SEED_SLUG}`);
    await expect(page.getByText("Kunci jawaban dan panduan diskusi")).toHaveCount(0);
    await expect(page.getByText("Lihat sebagai siswa")).toHaveCount(0);
  });
});

/**
 * Ani submits all right but q2; Budi submits with q1 and q2 wrong; Citra is in progress with two
 * answers saved (q1 right, q2 wrong); Dewi has not started.
 */
async function resultsWorld() {
  const teacher = await createTeacher();
  const klass = createClass(teacher.id, { name: "Kelas 8B Ceria" });
  const ani = await createPupil(klass.id, { name: "Ani Lestari" });
  const budi = await createPupil(klass.id, { name: "Budi Santoso" });
  const citra = await createPupil(klass.id, { name: "Citra Dewi" });
  const dewi = await createPupil(klass.id, { name: "Dewi Anggraini" });
  const assignmentId = createAssignment(klass.id);
  const a = allRight();
  a.quiz[q2.id] = wrongOf(q2);
  const b = allRight();
  b.quiz[q1.id] = wrongOf(q1);
  b.quiz[q2.id] = wrongOf(q2);
  const scores = {
    ani: insertAttempt(assignmentId, ani.id, a),
    budi: insertAttempt(assignmentId, budi.id, b),
  };
  insertAttempt(
    assignmentId,
    citra.id,
    { quiz: { [q1.id]: q1.correct, [q2.id]: wrongOf(q2) }, sort: {} },
    true,
  );
  return { teacher, klass, ani, budi, citra, dewi, assignmentId, scores };
}

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => {
    const doc = document.documentElement;
    const wide = [...document.querySelectorAll<HTMLElement>(".table-wrap")].filter(
      (el) => el.scrollWidth > el.clientWidth,
    );
    return {
      page: doc.scrollWidth <= doc.clientWidth,
      tables: wide.map((el) => el.getAttribute("aria-labelledby")),
    };
  });

test.describe("results on a teacher's screen", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("the grid shows each answer in colour and text, in-progress pupils their count, and nothing scrolls sideways", async ({
    page,
    context,
  }) => {
    test.slow(); // axe over a long page, twice
    const s = await resultsWorld();
    await signIn(context, { role: "teacher", id: s.teacher.id });
    await page.goto(`/teacher/assignments/${s.assignmentId}/results`);
    const grid = page.getByRole("table", {
      name: "Setiap sel: benar, salah, atau belum dijawab, dengan huruf pilihan siswa",
    });
    const gridRow = (name: string) =>
      grid
        .getByRole("row")
        .filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${name}`) }) });
    const budiQ1 = gridRow("Budi Santoso").getByRole("cell").nth(0);
    await expect(budiQ1).toHaveText(`✗ ${letter(q1, wrongOf(q1))} (salah)`);
    await expect(budiQ1).toHaveClass(/wrong/);
    const aniQ1 = gridRow("Ani Lestari").getByRole("cell").nth(0);
    await expect(aniQ1).toHaveText(`✓ ${letter(q1, q1.correct)} (benar)`);
    await expect(aniQ1).toHaveClass(/right/);
    // an in-progress pupil shows what is saved, and how far they are
    await expect(gridRow("Citra Dewi").getByRole("cell").nth(1)).toHaveText(
      `✗ ${letter(q2, wrongOf(q2))} (salah)`,
    );
    await expect(gridRow("Citra Dewi").getByRole("cell").nth(2)).toHaveText("– (belum dijawab)");
    await expect(gridRow("Citra Dewi")).toContainText(
      `sedang dikerjakan: 2 dari ${ITEMS} terjawab`,
    );
    await expect(gridRow("Dewi Anggraini").getByRole("cell").nth(0)).toHaveClass(/none/);
    const pupils = page.getByRole("table", {
      name: "Nilai setiap siswa dari percobaan yang dihitung",
    });
    await expect(pupils.getByRole("row").filter({ hasText: "Citra Dewi" })).toContainText(
      `sedang dikerjakan: 2 dari ${ITEMS} terjawab`,
    );
    // the sorting grid names the chosen category too
    const sortGrid = page.getByRole("table", { name: /dengan kategori pilihan siswa/ });
    await expect(
      sortGrid.getByRole("row").filter({ hasText: "Ani Lestari" }).getByRole("cell").first(),
    ).toContainText("(benar: ");

    expect(await noSidewaysScroll(page)).toEqual({ page: true, tables: [] });
    // the screen's width is used: the page is wider than the reading measure
    const mainWidth = await page.locator("main").evaluate((el) => el.getBoundingClientRect().width);
    expect(mainWidth).toBeGreaterThan(1100);
    await expectAccessible(page);
    await switchToEnglish(page);
    await expect(
      page.getByRole("table", {
        name: "Each cell: right, wrong or not answered, with the letter the pupil chose",
      }),
    ).toBeVisible();
    await expect(page.getByText(`in progress: 2 of ${ITEMS} answered`).first()).toBeVisible();
    expect(await noSidewaysScroll(page)).toEqual({ page: true, tables: [] });
    await expectAccessible(page);
  });

  test("the .xlsx parses back to the page's numbers, and both downloads are named after class, lesson and date", async ({
    page,
    context,
  }) => {
    const s = await resultsWorld();
    await signIn(context, { role: "teacher", id: s.teacher.id });
    await page.goto(`/teacher/assignments/${s.assignmentId}/results`);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Unduh hasil (Excel .xlsx)" }).click(),
    ]);
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    expect(download.suggestedFilename()).toBe(
      `Kelas 8B Ceria - ${lesson.title.slice(0, 59).trimEnd()}… - ${today}.xlsx`,
    );
    const workbook = new ExcelJS.Workbook();
    const bytes = fs.readFileSync((await download.path())!);
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Nilai", "Analisis soal"]);

    // scores: the percent the page shows for each pupil, as a number
    const scores = workbook.getWorksheet("Nilai")!;
    const header = (scores.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const byName = new Map<string, ExcelJS.Row>();
    scores.eachRow((row, n) => n > 1 && byName.set(String(row.getCell(1).value), row));
    expect([...byName.keys()].sort()).toEqual([
      "Ani Lestari",
      "Budi Santoso",
      "Citra Dewi",
      "Dewi Anggraini",
    ]);
    const pupils = page.getByRole("table", {
      name: "Nilai setiap siswa dari percobaan yang dihitung",
    });
    const fmt = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 1 });
    for (const [name, score] of [
      ["Ani Lestari", s.scores.ani],
      ["Budi Santoso", s.scores.budi],
    ] as const) {
      const cell = byName.get(name)!.getCell(col("Nilai (%)"));
      expect(typeof cell.value).toBe("number");
      expect(cell.value).toBe(score.percent);
      await expect(
        pupils.getByRole("row").filter({ hasText: name }).getByRole("cell").nth(1),
      ).toHaveText(`${fmt.format(cell.value as number)} %`);
      expect(byName.get(name)!.getCell(col(`Kuis (maks ${QUIZ_PARTS})`)).value).toBe(
        score.quizScore,
      );
    }
    expect(byName.get("Budi Santoso")!.getCell(col("Soal 1 (q1) benar")).value).toBe(0);
    expect(byName.get("Ani Lestari")!.getCell(col("Soal 1 (q1) benar")).value).toBe(1);

    // item analysis: facility as a share, matching the page's percent
    const items = workbook.getWorksheet("Analisis soal")!;
    const itemTable = page.getByRole("table", { name: "Ringkasan setiap soal" });
    for (const n of [1, 2, 3]) {
      const facility = items.getRow(n + 1).getCell(4).value;
      expect(typeof facility).toBe("number");
      const shown = await itemTable
        .getByRole("row")
        .filter({ has: page.getByRole("rowheader", { name: `Soal ${n}`, exact: true }) })
        .getByRole("cell")
        .nth(1)
        .textContent();
      expect(`${Math.round((facility as number) * 100)}%`).toBe(shown);
    }
    expect(items.getRow(2).getCell(4).value).toBe(0.5); // q1: Ani right, Budi wrong
    expect(items.getRow(3).getCell(4).value).toBe(0); // q2: both wrong

    const csv = await page.request.get(`/teacher/assignments/${s.assignmentId}/results.csv`);
    const disposition = csv.headers()["content-disposition"];
    expect(disposition).toContain(`filename="kelas-8b-ceria-${SEED_SLUG}-${today}.csv"`);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent("Kelas 8B Ceria - ")}`);
  });
});

test.describe("new since you last looked", () => {
  test("a pupil sees a badge for a classmate's reply until they open the discussion", async ({
    page,
    context,
  }) => {
    const teacher = await createTeacher();
    const klass = createClass(teacher.id);
    const ani = await createPupil(klass.id, { name: "Ani Lestari" });
    const budi = await createPupil(klass.id, { name: "Budi Santoso" });
    const assignmentId = createAssignment(klass.id);
    const db = testDb();
    const post = db
      .prepare(
        "INSERT INTO posts (assignment_id, prompt_id, author_id, body) VALUES (?, ?, ?, ?) RETURNING id",
      )
      .get(assignmentId, "d4", ani.id, "Menurut saya judulnya tidak sesuai isi artikel.") as {
      id: number;
    };
    db.prepare(
      "INSERT INTO posts (assignment_id, prompt_id, author_id, parent_id, body) VALUES (?, ?, ?, ?, ?)",
    ).run(assignmentId, "d4", budi.id, post.id, "Setuju, paragraf 2 tidak menyebut sumbernya.");
    // Ani's own reply under her post is not news to her
    db.prepare(
      "INSERT INTO posts (assignment_id, prompt_id, author_id, parent_id, body) VALUES (?, ?, ?, ?, ?)",
    ).run(assignmentId, "d4", ani.id, post.id, "Tambahan: penulisnya juga tidak disebut.");
    await signIn(context, { role: "pupil", id: ani.id });
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto("/pupil");
    const badge = page.getByRole("link", { name: "Balasan baru untuk tulisanmu: 1" });
    await expect(badge).toBeVisible();
    await expectAccessible(page);
    await switchToEnglish(page);
    await expect(page.getByRole("link", { name: "New replies to your post: 1" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "New replies to your post: 1" }).click();
    await expect(page).toHaveURL(new RegExp(`/pupil/assignments/${assignmentId}/discuss$`));
    await expect(page.getByText("Setuju, paragraf 2 tidak menyebut sumbernya.")).toBeVisible();
    await page.goto("/pupil");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: /New replies/ })).toHaveCount(0);
  });

  test("a teacher's dashboard lists new submissions and posts since the last visit", async ({
    page,
    context,
  }) => {
    const teacher = await createTeacher();
    const klass = createClass(teacher.id, { name: "Kelas 9C" });
    const ani = await createPupil(klass.id, { name: "Ani Lestari" });
    const assignmentId = createAssignment(klass.id);
    await signIn(context, { role: "teacher", id: teacher.id });
    await page.goto("/teacher");
    await expect(page.getByText("Ini kunjungan pertama Anda")).toBeVisible();
    // the last visit was two hours ago; since then Ani submitted and posted
    const db = testDb();
    db.prepare("UPDATE teachers SET dashboard_visit_at = ? WHERE id = ?").run(
      Date.now() - 2 * 3600_000,
      teacher.id,
    );
    insertAttempt(assignmentId, ani.id, allRight());
    db.prepare(
      "INSERT INTO posts (assignment_id, prompt_id, author_id, body) VALUES (?, ?, ?, ?)",
    ).run(assignmentId, "d4", ani.id, "Belum terbukti, karena tidak ada bukti konkret.");
    await page.goto("/teacher");
    const news = page.getByRole("region", { name: "Baru sejak kunjungan terakhir" });
    await expect(news).toContainText("Kelas 9C");
    await expect(news.getByRole("link", { name: "Pengumpulan baru: 1" })).toHaveAttribute(
      "href",
      `/teacher/assignments/${assignmentId}/results`,
    );
    await expect(news.getByRole("link", { name: "Tulisan diskusi baru: 1" })).toBeVisible();
    await expectAccessible(page);
    // a reload in the same sitting keeps the list; English says the same
    await switchToEnglish(page);
    await expect(
      page
        .getByRole("region", { name: "New since your last visit" })
        .getByRole("link", { name: "New submissions: 1" }),
    ).toBeVisible();
    await expectAccessible(page);
  });
});
