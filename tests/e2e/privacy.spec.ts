// Children's privacy: the notice, a teacher's export of one pupil, a pupil's own data page and
// download, removing a pupil, deleting a teacher account, all checked against the database.
import fs from "node:fs";
import { expect, test, type BrowserContext, type Download, type Page } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import {
  createClass,
  createPupil,
  createTeacher,
  signIn,
  testDb,
  unique,
} from "../support/factories";
import { createAssignment, seedLesson } from "../support/lesson";

const lesson = seedLesson();

/** One submitted attempt with a quiz and a sorting answer, and a discussion post (with feedback). */
function seedWork(
  assignmentId: number,
  pupilId: number,
  input: {
    quizChoice: string;
    sortChoice: string;
    post: string;
    feedback?: string;
    replyTo?: number;
  },
) {
  const db = testDb();
  const now = Date.now();
  const attempt = db
    .prepare(
      `INSERT INTO attempts (assignment_id, pupil_id, number, seed, started_at, submitted_at, quiz_score, quiz_max, sort_score, sort_max)
       VALUES (?, ?, 1, 11, ?, ?, 3, ?, 2, ?) RETURNING id`,
    )
    .get(
      assignmentId,
      pupilId,
      now - 600_000,
      now - 60_000,
      lesson.questions.length,
      lesson.sorting.length,
    ) as { id: number };
  db.prepare(
    "INSERT INTO answers (attempt_id, kind, item_id, choice) VALUES (?, 'quiz', ?, ?)",
  ).run(attempt.id, lesson.questions[0].id, input.quizChoice);
  db.prepare(
    "INSERT INTO answers (attempt_id, kind, item_id, choice) VALUES (?, 'sort', ?, ?)",
  ).run(attempt.id, lesson.sorting[0].id, input.sortChoice);
  const post = db
    .prepare(
      "INSERT INTO posts (assignment_id, prompt_id, author_id, parent_id, body) VALUES (?, ?, ?, ?, ?) RETURNING id",
    )
    .get(assignmentId, lesson.prompts[0].id, pupilId, input.replyTo ?? null, input.post) as {
    id: number;
  };
  if (input.feedback)
    db.prepare("INSERT INTO post_feedback (post_id, body) VALUES (?, ?)").run(
      post.id,
      input.feedback,
    );
  return { attemptId: attempt.id, postId: post.id };
}

/** A class with two pupils who have both done work; Budi's post has feedback, Sari replied to it. */
async function classWithWork(options: Parameters<typeof createAssignment>[1] = {}) {
  const teacher = await createTeacher();
  const klass = createClass(teacher.id);
  const budi = await createPupil(klass.id, { name: unique("Budi") });
  const sari = await createPupil(klass.id, { name: unique("Sari") });
  const assignmentId = createAssignment(klass.id, options);
  const budiWork = seedWork(assignmentId, budi.id, {
    quizChoice: lesson.questions[0].options[1].id,
    sortChoice: "allegation",
    post: `Tidak ada bukti yang ditunjukkan ${unique("budi-post")}`,
    feedback: `Bagus, sebutkan paragrafnya ${unique("feedback")}`,
  });
  const sariWork = seedWork(assignmentId, sari.id, {
    quizChoice: lesson.questions[0].options[2].id,
    sortChoice: "opinion",
    post: `Saya setuju dengan Budi ${unique("sari-reply")}`,
    replyTo: budiWork.postId,
  });
  return { teacher, klass, budi, sari, assignmentId, budiWork, sariWork };
}

const postBody = (postId: number) =>
  (testDb().prepare("SELECT body FROM posts WHERE id = ?").get(postId) as { body: string }).body;
const feedbackBody = (postId: number) =>
  (
    testDb().prepare("SELECT body FROM post_feedback WHERE post_id = ?").get(postId) as {
      body: string;
    }
  ).body;
const count = (sql: string, ...params: unknown[]) =>
  (
    testDb()
      .prepare(sql)
      .get(...params) as { n: number }
  ).n;

/** Every key at any depth of a parsed JSON value. */
function keysDeep(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) keysDeep(v, out);
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      keysDeep(v, out);
    }
  return out;
}

async function readDownload(download: Download) {
  const file = await download.path();
  const text = fs.readFileSync(file, "utf8");
  return { text, data: JSON.parse(text) as ExportShape };
}

type ExportShape = {
  pupil: { displayName: string; joinedAt: string; lastSeenAt: string | null };
  class: { name: string };
  attempts: {
    number: number;
    scores: { quiz: { score: number; max: number } } | null;
    answers: { kind: string; itemId: string; choice: string; item: string | null }[];
  }[];
  posts: { body: string; replyTo: number | null; feedback: { body: string } | null }[];
};

test.describe("the privacy notice", () => {
  test("is linked from the join page and the footer, in Indonesian, and passes axe", async ({
    page,
  }) => {
    await page.goto("/join");
    await page.getByRole("link", { name: "Data apa yang disimpan tentang saya?" }).click();
    await expect(page).toHaveURL(/\/privacy$/);
    await expect(page.getByRole("heading", { level: 1, name: "Privasi dan data" })).toBeVisible();
    // The deployment's own settings, not numbers copied into the text.
    await expect(
      page.getByText("Sesi siswa berakhir setelah 1 jam tanpa aktivitas, dan paling lama 8 jam"),
    ).toBeVisible();
    await expect(page.getByText("dihapus seluruhnya 365 hari setelah diarsipkan")).toBeVisible();
    await expect(page.getByText(/Undang-Undang Nomor 27 Tahun 2022/)).toBeVisible();
    await expectAccessible(page);

    await page.goto("/lessons");
    await page.getByRole("contentinfo").getByRole("link", { name: "Privasi" }).click();
    await expect(page).toHaveURL(/\/privacy$/);
    await expect(page.getByRole("heading", { level: 1, name: "Privasi dan data" })).toBeVisible();
  });

  test.describe("in English", () => {
    test.use({ locale: "en-US" });
    test("says who is responsible, what is kept and for how long, and passes axe", async ({
      page,
    }) => {
      await page.goto("/");
      await page.getByRole("contentinfo").getByRole("link", { name: "Privacy" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Privacy and data" })).toBeVisible();
      await expect(
        page.getByText("The school that runs this Telaah installation is responsible for it."),
      ).toBeVisible();
      await expect(
        page.getByText(
          "A teacher's session ends after 2 days without activity, and at most 14 days after signing in.",
        ),
      ).toBeVisible();
      await expect(
        page.getByText("Not kept: pupils' email, birth date, phone number"),
      ).toBeVisible();
      await expectAccessible(page);
      await page.goto("/join");
      await page.getByRole("link", { name: "What data is kept about me?" }).click();
      await expect(page).toHaveURL(/\/privacy$/);
    });
  });

  test("works without JavaScript", async ({ browser, baseURL }) => {
    const context = await browser.newContext({
      baseURL,
      locale: "id-ID",
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.goto("/join");
    await page.getByRole("link", { name: "Data apa yang disimpan tentang saya?" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Hakmu" })).toBeVisible();
    await context.close();
  });
});

test.describe("a teacher's export of one pupil", () => {
  test.use({ locale: "en-US" });

  test("downloads their answers and posts as JSON, with no secrets and nobody else's data", async ({
    page,
    context,
  }) => {
    const { teacher, klass, budi, sari, budiWork, sariWork } = await classWithWork({
      feedback: "never",
    });
    await signIn(context, { role: "teacher", id: teacher.id });
    await page.goto(`/teacher/classes/${klass.id}`);
    const link = page.getByRole("link", { name: `Download data (JSON) for ${budi.name}` });
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^telaah-pupil-\d+-\d{4}-\d{2}-\d{2}\.json$/);
    const { text, data } = await readDownload(download);

    expect(data.pupil.displayName).toBe(budi.name);
    expect(data.class.name).toBe(klass.name);
    expect(data.attempts).toHaveLength(1);
    // The teacher sees scores even when pupils get no feedback.
    expect(data.attempts[0].scores?.quiz).toEqual({ score: 3, max: lesson.questions.length });
    expect(data.attempts[0].answers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: "quiz",
          itemId: lesson.questions[0].id,
          choice: lesson.questions[0].options[1].id,
          item: lesson.questions[0].stem,
        }),
        expect.objectContaining({
          kind: "sort",
          itemId: lesson.sorting[0].id,
          choice: "allegation",
        }),
      ]),
    );
    expect(data.posts).toEqual([
      expect.objectContaining({
        body: postBody(budiWork.postId),
        feedback: expect.objectContaining({ body: feedbackBody(budiWork.postId) }),
      }),
    ]);

    // No PIN, no hash of any kind; nothing of the classmate (not her name, her reply, her answers).
    expect(keysDeep(data).filter((k) => /pin|hash|seed/i.test(k))).toEqual([]);
    expect(text).not.toContain("$argon2");
    expect(text).not.toContain(sari.name);
    expect(text).not.toContain(postBody(sariWork.postId));
    expect(text).not.toContain('"opinion"');

    const response = await context.request.get(
      `/teacher/classes/${klass.id}/pupils/${budi.id}/export`,
    );
    expect(response.status()).toBe(200);
    expect(response.headers()["content-disposition"]).toMatch(
      /^attachment; filename="telaah-pupil-/,
    );
    expect(response.headers()["cache-control"]).toBe("no-store");
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  });

  test("is not found for another teacher, a pupil, or a pupil of a different class", async ({
    browser,
    baseURL,
    page,
    context,
  }) => {
    const { klass, budi } = await classWithWork();
    const url = `/teacher/classes/${klass.id}/pupils/${budi.id}/export`;

    const other = await createTeacher();
    const otherClass = createClass(other.id);
    await signIn(context, { role: "teacher", id: other.id });
    expect((await context.request.get(url)).status()).toBe(404);
    // The other teacher's own class id with Budi's pupil id: still not theirs.
    expect(
      (
        await context.request.get(`/teacher/classes/${otherClass.id}/pupils/${budi.id}/export`)
      ).status(),
    ).toBe(404);
    expect((await page.goto(url))?.status()).toBe(404);

    const pupilContext = await browser.newContext({ baseURL, locale: "en-US" });
    await signIn(pupilContext, { role: "pupil", id: budi.id });
    expect((await pupilContext.request.get(url)).status()).toBe(404);
    await pupilContext.close();

    const anonymous = await browser.newContext({ baseURL });
    const response = await anonymous.request.get(url, { maxRedirects: 0 });
    expect(response.status()).toBe(302);
    expect(response.headers()["location"]).toMatch(/^\/teacher\/login\?redirectTo=/);
    await anonymous.close();
  });
});

test.describe("a pupil's own data", () => {
  test.use({ locale: "en-US" });

  test("lists what is stored, downloads it, and withholds scores the teacher has not released", async ({
    page,
    context,
  }) => {
    const { klass, budi, sari, budiWork, sariWork, assignmentId } = await classWithWork({
      feedback: "never",
    });
    // a claim–evidence–reasoning post: its body is the three parts joined, shown once, as parts
    const cer = {
      claim: unique("Klaim Budi"),
      evidence: unique("Bukti Budi"),
      reasoning: unique("Alasan Budi"),
    };
    testDb()
      .prepare(
        "INSERT INTO posts (assignment_id, prompt_id, author_id, body, claim, evidence, reasoning) VALUES (?, ?, ?, ?, ?, ?, ?)",
      )
      .run(
        assignmentId,
        lesson.prompts[0].id,
        budi.id,
        `${cer.claim}\n${cer.evidence}\n${cer.reasoning}`,
        cer.claim,
        cer.evidence,
        cer.reasoning,
      );
    await signIn(context, { role: "pupil", id: budi.id });
    await page.goto("/pupil");
    await page.getByRole("link", { name: "What is stored about me" }).click();
    await expect(page).toHaveURL(/\/pupil\/data$/);
    await expect(
      page.getByRole("heading", { level: 1, name: "What is stored about me" }),
    ).toBeVisible();

    const facts = (term: string) =>
      page.locator("dt", { hasText: term }).locator("xpath=following-sibling::dd[1]");
    await expect(facts("Display name")).toHaveText(budi.name);
    await expect(facts("Class")).toHaveText(klass.name);
    await expect(facts("Attempts at assignments")).toHaveText("1");
    await expect(facts("Saved answers")).toHaveText("2");
    await expect(facts("PIN")).toHaveText("Kept only as a hash; nobody can read it.");
    await expect(page.getByText(postBody(budiWork.postId))).toBeVisible();
    await expect(page.getByText(feedbackBody(budiWork.postId))).toBeVisible();
    await expect(page.getByText(postBody(sariWork.postId))).toHaveCount(0);
    for (const part of Object.values(cer)) await expect(page.getByText(part)).toHaveCount(1);
    await expect(page.getByText("Ask your teacher to remove you from the class.")).toBeVisible();
    await expectAccessible(page);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download my data (JSON)" }).click(),
    ]);
    const { text, data } = await readDownload(download);
    expect(data.pupil.displayName).toBe(budi.name);
    expect(data.attempts[0].answers.map((a) => a.choice).sort()).toEqual(
      ["allegation", lesson.questions[0].options[1].id].sort(),
    );
    // Feedback is "never" for this assignment: the pupil's copy carries no score.
    expect(data.attempts[0].scores).toBeNull();
    expect(data.posts.map((p) => p.body)).toEqual([
      postBody(budiWork.postId),
      `${cer.claim}\n${cer.evidence}\n${cer.reasoning}`,
    ]);
    expect(keysDeep(data).filter((k) => /pin|hash|seed/i.test(k))).toEqual([]);
    expect(text).not.toContain(sari.name);
    expect(text).not.toContain(postBody(sariWork.postId));
  });

  test("reads in Indonesian, passes axe, and is only for pupils", async ({ browser, baseURL }) => {
    const { teacher, budi } = await classWithWork();
    const context = await browser.newContext({ baseURL, locale: "id-ID" });
    await signIn(context, { role: "pupil", id: budi.id });
    const page = await context.newPage();
    await page.goto("/pupil/data");
    await expect(
      page.getByRole("heading", { level: 1, name: "Data yang tersimpan tentang saya" }),
    ).toBeVisible();
    await expect(page.getByRole("link", { name: "Unduh dataku (JSON)" })).toBeVisible();
    await expectAccessible(page);
    await context.close();

    const teacherContext = await browser.newContext({ baseURL });
    await signIn(teacherContext, { role: "teacher", id: teacher.id });
    expect((await teacherContext.request.get("/pupil/data")).status()).toBe(404);
    expect((await teacherContext.request.get("/pupil/data/export")).status()).toBe(404);
    await teacherContext.close();
  });
});

test.describe("removing a pupil", () => {
  test.use({ locale: "en-US" });

  test("deletes their words and the feedback on them, and keeps the classmate's own post and reply", async ({
    page,
    context,
  }) => {
    const { teacher, klass, budi, sari, assignmentId, budiWork } = await classWithWork();
    // Sari also has a post of her own, not a reply to Budi.
    const sariOwn = testDb()
      .prepare(
        "INSERT INTO posts (assignment_id, prompt_id, author_id, body) VALUES (?, ?, ?, 'Pendapat Sari sendiri') RETURNING id",
      )
      .get(assignmentId, lesson.prompts[0].id, sari.id) as { id: number };
    await signIn(context, { role: "teacher", id: teacher.id });
    await page.goto(`/teacher/classes/${klass.id}`);
    await page.getByRole("link", { name: `Remove for ${budi.name}` }).click();
    await page.getByLabel(`Yes, remove ${budi.name} and delete their data`).check();
    await page.getByRole("button", { name: "Remove pupil" }).click();
    await expect(page).toHaveURL(new RegExp(`/teacher/classes/${klass.id}$`));
    await expect(page.getByRole("rowheader", { name: budi.name })).toHaveCount(0);

    expect(count("SELECT count(*) AS n FROM pupils WHERE id = ?", budi.id)).toBe(0);
    expect(count("SELECT count(*) AS n FROM attempts WHERE pupil_id = ?", budi.id)).toBe(0);
    expect(
      count("SELECT count(*) AS n FROM answers WHERE attempt_id = ?", budiWork.attemptId),
    ).toBe(0);
    expect(count("SELECT count(*) AS n FROM posts WHERE author_id = ?", budi.id)).toBe(0);
    // Budi's post, replied to by Sari, stays as a blank "(deleted)" placeholder with no author
    expect(
      count(
        "SELECT count(*) AS n FROM posts WHERE id = ? AND author_id IS NULL AND body = '' AND deleted_at IS NOT NULL",
        budiWork.postId,
      ),
    ).toBe(1);
    expect(
      count(
        "SELECT count(*) AS n FROM posts WHERE parent_id = ? AND author_id = ?",
        budiWork.postId,
        sari.id,
      ),
    ).toBe(1);
    expect(
      count("SELECT count(*) AS n FROM post_feedback WHERE post_id = ?", budiWork.postId),
    ).toBe(0);
    expect(count("SELECT count(*) AS n FROM posts WHERE id = ?", sariOwn.id)).toBe(1);
    expect(count("SELECT count(*) AS n FROM attempts WHERE pupil_id = ?", sari.id)).toBe(1);
  });
});

async function expectSignedOut(page: Page, path: string, login: string) {
  await page.goto(path);
  await expect(page).toHaveURL(new RegExp(`${login}\\?redirectTo=`));
}

test.describe("a teacher deletes their account", () => {
  test.use({ locale: "en-US" });

  async function teacherWithTwoClasses() {
    const first = await classWithWork();
    const second = createClass(first.teacher.id);
    const third = await createPupil(second.id);
    return { ...first, second, third };
  }

  test("without JavaScript: a wrong password is refused, the right one deletes everything and ends every session", async ({
    browser,
    baseURL,
  }) => {
    const { teacher, klass, budi, second, third } = await teacherWithTwoClasses();
    const bystander = await classWithWork();
    const context: BrowserContext = await browser.newContext({
      baseURL,
      locale: "en-US",
      javaScriptEnabled: false,
    });
    await signIn(context, { role: "teacher", id: teacher.id });
    const pupilContext = await browser.newContext({
      baseURL,
      locale: "en-US",
      javaScriptEnabled: false,
    });
    await signIn(pupilContext, { role: "pupil", id: budi.id });
    const pupilPage = await pupilContext.newPage();
    await pupilPage.goto("/pupil");
    await expect(pupilPage.getByRole("heading", { level: 1 })).toContainText(budi.name);

    const page = await context.newPage();
    await page.goto("/teacher");
    await page.getByRole("link", { name: "Account and data deletion" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "My account" })).toBeVisible();
    const facts = (term: string) =>
      page.locator("dt", { hasText: term }).locator("xpath=following-sibling::dd[1]");
    await expect(facts("Classes that will be deleted")).toHaveText("2");
    await expect(facts("Pupils that will be deleted")).toHaveText("3");

    // Wrong password, box ticked: refused beside the field, the box stays ticked, nothing deleted.
    await page.getByLabel("Current password").fill("not my password");
    await page.getByLabel("Yes, delete my account and all its data").check();
    await page.getByRole("button", { name: "Delete account for good" }).click();
    const password = page.getByLabel("Current password");
    await expect(password).toHaveAttribute("aria-invalid", "true");
    await expect(password).toHaveAccessibleDescription(
      "Wrong password. The account was not deleted.",
    );
    await expect(password).toHaveValue("");
    await expect(page.getByLabel("Yes, delete my account and all its data")).toBeChecked();
    expect(count("SELECT count(*) AS n FROM teachers WHERE id = ?", teacher.id)).toBe(1);

    // Right password, box not ticked: asked to confirm, nothing deleted.
    await page.getByLabel("Current password").fill(teacher.password);
    await page.getByLabel("Yes, delete my account and all its data").uncheck();
    await page.getByRole("button", { name: "Delete account for good" }).click();
    await expect(
      page.getByLabel("Yes, delete my account and all its data"),
    ).toHaveAccessibleDescription("Tick this box to confirm.");
    expect(count("SELECT count(*) AS n FROM classes WHERE teacher_id = ?", teacher.id)).toBe(2);

    await page.getByLabel("Current password").fill(teacher.password);
    await page.getByLabel("Yes, delete my account and all its data").check();
    const deletion = page.waitForResponse(
      (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/teacher/account",
    );
    await page.getByRole("button", { name: "Delete account for good" }).click();
    const answer = await deletion;
    expect(answer.status()).toBe(302);
    expect((await answer.allHeaders())["clear-site-data"]).toBe('"cookies"');
    await expect(page).toHaveURL(/\/\?notice=account-deleted$/);
    await expect(page.getByRole("status")).toHaveText(
      "Your account and all its data have been deleted.",
    );

    const classIds = [klass.id, second.id];
    const inClasses = `(${classIds.join(",")})`;
    expect(count("SELECT count(*) AS n FROM teachers WHERE id = ?", teacher.id)).toBe(0);
    expect(count(`SELECT count(*) AS n FROM classes WHERE id IN ${inClasses}`)).toBe(0);
    expect(
      count(`SELECT count(*) AS n FROM pupils WHERE class_id IN ${inClasses} OR id = ?`, third.id),
    ).toBe(0);
    expect(count("SELECT count(*) AS n FROM attempts WHERE pupil_id = ?", budi.id)).toBe(0);
    expect(
      count("SELECT count(*) AS n FROM answers WHERE attempt_id = ?", bystander.budiWork.attemptId),
    ).toBe(2);
    expect(count(`SELECT count(*) AS n FROM assignments WHERE class_id IN ${inClasses}`)).toBe(0);
    expect(count("SELECT count(*) AS n FROM posts WHERE author_id = ?", budi.id)).toBe(0);
    expect(
      count(
        "SELECT count(*) AS n FROM sessions WHERE teacher_id = ? OR pupil_id = ?",
        teacher.id,
        budi.id,
      ),
    ).toBe(0);
    // Another teacher's class is untouched.
    expect(count("SELECT count(*) AS n FROM pupils WHERE class_id = ?", bystander.klass.id)).toBe(
      2,
    );

    await expectSignedOut(page, "/teacher", "/teacher/login");
    await expectSignedOut(pupilPage, "/pupil", "/pupil/login");
    await context.close();
    await pupilContext.close();
  });

  test("with JavaScript: the account page passes axe in both languages, with errors showing, and deletes", async ({
    page,
    context,
  }) => {
    const teacher = await createTeacher();
    await signIn(context, { role: "teacher", id: teacher.id });
    await page.goto("/teacher/account");
    await expect(page.getByRole("heading", { level: 1, name: "My account" })).toBeVisible();
    await page.getByRole("button", { name: "Delete account for good" }).click();
    await expect(page.getByLabel("Current password")).toHaveAccessibleDescription(
      "Enter your password.",
    );
    await expect(
      page.getByLabel("Yes, delete my account and all its data"),
    ).toHaveAccessibleDescription("Tick this box to confirm.");
    await expectAccessible(page);

    await page.getByRole("button", { name: "Bahasa Indonesia" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Akun saya" })).toBeVisible();
    await expect(page.getByLabel("Kata sandi saat ini")).toBeVisible();
    await expectAccessible(page);
    expect(count("SELECT count(*) AS n FROM teachers WHERE id = ?", teacher.id)).toBe(1);

    // With JavaScript the same form deletes the account too. Clear-Site-Data also drops the
    // language cookie, so the notice may come in the browser's language.
    await page.getByLabel("Kata sandi saat ini").fill(teacher.password);
    await page.getByLabel("Ya, hapus akun saya dan semua datanya").check();
    await page.getByRole("button", { name: "Hapus akun selamanya" }).click();
    await expect(page).toHaveURL(/\/\?notice=account-deleted$/);
    await expect(page.getByRole("status")).toHaveText(
      /^(Your account and all its data have been deleted\.|Akunmu dan semua datanya sudah dihapus\.)$/,
    );
    expect(count("SELECT count(*) AS n FROM teachers WHERE id = ?", teacher.id)).toBe(0);
    await expectSignedOut(page, "/teacher/account", "/teacher/login");
  });
});
