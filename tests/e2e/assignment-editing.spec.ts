// A teacher edits an assignment through its page (due date read in the class's own zone, attempts
// lowered below what a pupil has used, the due date moved into the past with late work off) and
// deletes one with everything under it; assigns one lesson to several classes in one form; and two
// pupils joining with the same name at the same moment end with one pupil, one refusal.
import { expect, test, type Page } from "@playwright/test";
import { translate } from "../../app/i18n";
import { expectAccessible } from "../support/axe";
import {
  createClass,
  createPupil,
  createTeacher,
  signIn,
  testDb,
  unique,
} from "../support/factories";
import { attemptsOf, createAssignment, seedLesson, SEED_SLUG } from "../support/lesson";
import { encodeForm, insertAttempt, insertPost } from "../support/security-world";
import { refusalOf } from "../support/form-reply";

// A shared, busy machine: give each story room (no assertion here is timed).
test.describe.configure({ timeout: 120_000 });

const lesson = seedLesson();
const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
  translate("id", key, vars);
const HOUR = 3600_000;
const one = <T>(sql: string, ...args: unknown[]) =>
  testDb()
    .prepare(sql)
    .get(...args) as T;

async function saveSettings(
  page: Page,
  fill: { due?: string; attempts?: string; acceptLate?: boolean },
) {
  if (fill.due) await page.getByLabel(t("assign.due"), { exact: true }).fill(fill.due);
  if (fill.attempts)
    await page
      .getByLabel(t(`assign.attempts.${fill.attempts}` as "assign.attempts.1"), { exact: true })
      .check();
  if (fill.acceptLate !== undefined)
    await page.getByLabel(t("assign.acceptLate")).setChecked(fill.acceptLate);
  await page.getByRole("button", { name: t("assign.save") }).click();
  await expect(page.getByRole("status").filter({ hasText: t("assign.saved") })).toBeVisible();
}

test("editing: the due date is read in the class's zone, and lowering attempts stops a pupil who used them", async ({
  page,
  browser,
}) => {
  const teacher = await createTeacher();
  const klass = createClass(teacher.id, { timeZone: "WITA" });
  const pupil = await createPupil(klass.id);
  const assignmentId = createAssignment(klass.id, { maxAttempts: 3 });
  for (const n of [1, 2])
    testDb()
      .prepare(
        "UPDATE attempts SET submitted_at = ?, quiz_score = 0, quiz_max = 15, sort_score = 0, sort_max = 14 WHERE id = ?",
      )
      .run(Date.now() - HOUR, insertAttempt(assignmentId, pupil.id, n));
  await signIn(page.context(), { role: "teacher", id: teacher.id });
  await page.goto(`/teacher/assignments/${assignmentId}`);
  await expectAccessible(page);

  // 07:30 in WITA (UTC+8) is 23:30 UTC the day before
  await saveSettings(page, { due: "2031-02-03T07:30", attempts: "1" });
  expect(
    one<{ due: number; max: number }>(
      "SELECT due_at AS due, max_attempts AS max FROM assignments WHERE id = ?",
      assignmentId,
    ),
  ).toEqual({
    due: Date.UTC(2031, 1, 2, 23, 30),
    max: 1,
  });
  await expect(page.getByLabel(t("assign.due"), { exact: true })).toHaveValue("2031-02-03T07:30");
  await expect(page.getByText(/07[.:]30 WITA/).first()).toBeVisible();

  // the pupil has used two attempts of the (now) one allowed: no new one, by button or by post
  const pupilContext = await browser.newContext({ viewport: { width: 360, height: 740 } });
  await signIn(pupilContext, { role: "pupil", id: pupil.id });
  const pupilPage = await pupilContext.newPage();
  await pupilPage.goto(`/pupil/assignments/${assignmentId}`);
  await expect(pupilPage.getByText(t("flow.attemptsLeft", { n: 0 }))).toBeVisible();
  await expect(pupilPage.getByRole("button", { name: t("flow.startNew") })).toHaveCount(0);
  const start = await pupilPage.request.post(`/pupil/assignments/${assignmentId}?index`, {
    form: {},
    headers: { Origin: new URL(pupilPage.url()).origin },
    maxRedirects: 0,
  });
  expect(start.status()).toBe(409);
  expect(attemptsOf(pupil.id, assignmentId).map((a) => a.number)).toEqual([1, 2]);
  await pupilContext.close();
});

test("editing: a due date moved into the past with late work off closes the work for a pupil mid-attempt", async ({
  page,
  browser,
}) => {
  const teacher = await createTeacher();
  const klass = createClass(teacher.id, { timeZone: "WIT" });
  const pupil = await createPupil(klass.id);
  const assignmentId = createAssignment(klass.id, { acceptLate: true });
  const attemptId = insertAttempt(assignmentId, pupil.id);
  await signIn(page.context(), { role: "teacher", id: teacher.id });
  await page.goto(`/teacher/assignments/${assignmentId}`);
  await saveSettings(page, { due: "2020-05-01T08:00", acceptLate: false });
  // 08:00 WIT (UTC+9) is 23:00 UTC the day before
  expect(
    one<{ due: number; late: number }>(
      "SELECT due_at AS due, accept_late AS late FROM assignments WHERE id = ?",
      assignmentId,
    ),
  ).toEqual({
    due: Date.UTC(2020, 3, 30, 23, 0),
    late: 0,
  });

  const pupilContext = await browser.newContext();
  await signIn(pupilContext, { role: "pupil", id: pupil.id });
  const q = lesson.questions[0];
  const save = await pupilContext.request.post(`/pupil/attempts/${attemptId}/answers`, {
    headers: { Accept: "application/json", Origin: `http://127.0.0.1:${process.env.E2E_PORT}` },
    form: { kind: "quiz", itemId: q.id, choice: q.correct },
  });
  expect({ status: save.status(), body: await save.json() }).toEqual({
    status: 409,
    body: { ok: false, reason: "closed" },
  });
  expect(
    one<{ n: number }>("SELECT count(*) AS n FROM answers WHERE attempt_id = ?", attemptId).n,
  ).toBe(0);
  await pupilContext.close();
});

test("deleting an assignment removes its attempts, answers, posts and feedback, and nothing of another", async ({
  page,
}) => {
  const teacher = await createTeacher();
  const klass = createClass(teacher.id);
  const pupil = await createPupil(klass.id);
  const doomed = createAssignment(klass.id);
  const kept = createAssignment(klass.id);
  const fill = (assignmentId: number) => {
    const attemptId = insertAttempt(assignmentId, pupil.id);
    testDb()
      .prepare("INSERT INTO answers (attempt_id, kind, item_id, choice) VALUES (?, 'quiz', ?, ?)")
      .run(attemptId, lesson.questions[0].id, "a");
    const postId = insertPost({
      assignmentId,
      authorId: pupil.id,
      promptId: lesson.prompts[0].id,
      body: "Tanggapan yang cukup panjang untuk diskusi.",
    });
    insertPost({
      assignmentId,
      authorId: pupil.id,
      promptId: lesson.prompts[0].id,
      body: "Balasan.",
      parentId: postId,
    });
    testDb()
      .prepare("INSERT INTO post_feedback (post_id, body) VALUES (?, ?)")
      .run(postId, "Bagus.");
  };
  fill(doomed);
  fill(kept);
  const countsOf = (assignmentId: number) => ({
    assignments: one<{ n: number }>(
      "SELECT count(*) AS n FROM assignments WHERE id = ?",
      assignmentId,
    ).n,
    attempts: one<{ n: number }>(
      "SELECT count(*) AS n FROM attempts WHERE assignment_id = ?",
      assignmentId,
    ).n,
    answers: one<{ n: number }>(
      "SELECT count(*) AS n FROM answers WHERE attempt_id IN (SELECT id FROM attempts WHERE assignment_id = ?)",
      assignmentId,
    ).n,
    posts: one<{ n: number }>(
      "SELECT count(*) AS n FROM posts WHERE assignment_id = ?",
      assignmentId,
    ).n,
    feedback: one<{ n: number }>(
      "SELECT count(*) AS n FROM post_feedback WHERE post_id IN (SELECT id FROM posts WHERE assignment_id = ?)",
      assignmentId,
    ).n,
  });
  const full = { assignments: 1, attempts: 1, answers: 1, posts: 2, feedback: 1 };
  expect(countsOf(doomed)).toEqual(full);

  await signIn(page.context(), { role: "teacher", id: teacher.id });
  await page.goto(`/teacher/assignments/${doomed}`);
  await page.getByRole("link", { name: t("assign.delete") }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: t("assign.deleteTitle") }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: t("assign.deleteConfirm") }).click();
  await expect(page).toHaveURL(new RegExp(`/teacher/classes/${klass.id}$`));
  expect(countsOf(doomed)).toEqual({
    assignments: 0,
    attempts: 0,
    answers: 0,
    posts: 0,
    feedback: 0,
  });
  expect(countsOf(kept)).toEqual(full);
  expect((await page.goto(`/teacher/assignments/${doomed}`))?.status()).toBe(404);
});

test("one form assigns the lesson to several classes, each with its own due time in its own zone", async ({
  page,
}) => {
  const teacher = await createTeacher();
  const wib = createClass(teacher.id, { timeZone: "WIB" });
  const wit = createClass(teacher.id, { timeZone: "WIT" });
  const untouched = createClass(teacher.id, { timeZone: "WITA" });
  await signIn(page.context(), { role: "teacher", id: teacher.id });
  await page.goto(`/teacher/assign?class=${wib.id}`);
  await page.getByLabel(`${wit.name} (WIT)`).check();
  await expect(page.getByLabel(`${wib.name} (WIB)`)).toBeChecked();
  await expect(page.getByLabel(`${untouched.name} (WITA)`)).not.toBeChecked();
  await page.getByLabel(t("assign.due"), { exact: true }).fill("2031-07-01T09:00");
  await page.getByRole("button", { name: t("assign.submit") }).click();
  // several classes: back to the dashboard
  await expect(page).toHaveURL(/\/teacher$/);
  const made = testDb()
    .prepare(
      `SELECT a.class_id AS classId, a.due_at AS due, v.slug FROM assignments a JOIN lesson_versions v ON v.id = a.lesson_version_id
       WHERE a.class_id IN (?, ?, ?) ORDER BY a.class_id`,
    )
    .all(wib.id, wit.id, untouched.id);
  // 09:00 WIB = 02:00 UTC; 09:00 WIT = 00:00 UTC
  expect(made).toEqual([
    { classId: wib.id, due: Date.UTC(2031, 6, 1, 2, 0), slug: SEED_SLUG },
    { classId: wit.id, due: Date.UTC(2031, 6, 1, 0, 0), slug: SEED_SLUG },
  ]);
});

test("two pupils joining with the same name at the same moment: one joins, the other is told the name is taken", async ({
  request,
}) => {
  const teacher = await createTeacher();
  const klass = createClass(teacher.id);
  const name = unique("Kembar");
  const base = `http://127.0.0.1:${process.env.E2E_PORT}`;
  const join = (variant: string, pin: string) =>
    request.post("/join?_data=routes%2Fjoin", {
      headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded", Cookie: "" },
      data: encodeForm({ code: klass.joinCode, displayName: variant, pin, pinConfirm: pin }),
      maxRedirects: 0,
    });
  // the same name as two people type it: case and spacing differ, the name key is the same
  const answers = await Promise.all([join(name, "1357"), join(`  ${name.toUpperCase()} `, "2468")]);
  const statuses = answers.map((a) => a.status()).sort();
  // one sign-in redirect (204 with a redirect header for a data request), one 400 naming the field
  expect(statuses).toEqual([204, 400]);
  const refused = answers.find((a) => a.status() === 400)!;
  expect(refusalOf(await refused.json()).fields).toMatchObject({
    displayName: "accounts.join.nameTaken",
  });
  expect(
    one<{ n: number }>("SELECT count(*) AS n FROM pupils WHERE class_id = ?", klass.id).n,
  ).toBe(1);
  // and the session the winner got is real
  const winner = answers.find((a) => a.status() === 204)!;
  expect(winner.headers()["set-cookie"] ?? "").toContain("telaah_session=");
});
