// Attempts over their life: a second attempt after submitting, the "no attempts left" and "closed"
// refusals, feedback that appears once the due date has passed, and the statuses a pupil's to-do
// list shows (in progress, late, missed). Time passing is played by moving the due date in the
// database, as the clock would. Phone width: pupils work here.
import { expect, test, type Page } from "@playwright/test";
import { translate } from "../../app/i18n";
import { expectAccessible } from "../support/axe";
import { createClass, createPupil, createTeacher, signIn, testDb } from "../support/factories";
import { attemptsOf, createAssignment, seedLesson } from "../support/lesson";
import { insertAttempt } from "../support/security-world";

// A shared, busy machine: give each story room (no assertion here is timed).
test.describe.configure({ timeout: 120_000 });

test.use({ viewport: { width: 360, height: 740 } });

const lesson = seedLesson();
const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
  translate("id", key, vars);
const HOUR = 3600_000;

async function pupilWith(page: Page, options: Parameters<typeof createAssignment>[1] = {}) {
  const teacher = await createTeacher();
  const klass = createClass(teacher.id);
  const pupil = await createPupil(klass.id);
  const assignmentId = createAssignment(klass.id, options);
  await signIn(page.context(), { role: "pupil", id: pupil.id });
  return { teacher, klass, pupil, assignmentId };
}

/** Start (or continue) from the overview, then submit from the quiz page. */
async function startAndSubmit(
  page: Page,
  assignmentId: number,
  button: string,
  pupilId: number,
  submittedAfter: number,
) {
  await page.goto(`/pupil/assignments/${assignmentId}`);
  await page.getByRole("button", { name: button }).click();
  await expect(page).toHaveURL(/\/read$/);
  await page.goto(`/pupil/assignments/${assignmentId}/quiz`);
  const q = lesson.questions[0];
  await page
    .getByRole("group", { name: q.stem })
    .getByLabel(q.options.find((o) => o.id === q.correct)!.text, { exact: true })
    .check();
  await expect(page.locator(`#${q.id} .save-state`)).toHaveText(t("save.saved"));
  await page.getByRole("button", { name: "Kumpulkan jawaban" }).click();
  // the submit lands (the page it leads to depends on the feedback setting)
  await expect
    .poll(() => attemptsOf(pupilId, assignmentId).filter((a) => a.submittedAt !== null).length)
    .toBe(submittedAfter);
  await expect(page).not.toHaveURL(/\/quiz$/);
}

const setDue = (assignmentId: number, dueAt: number, acceptLate: boolean) =>
  testDb()
    .prepare("UPDATE assignments SET due_at = ?, accept_late = ? WHERE id = ?")
    .run(dueAt, acceptLate ? 1 : 0, assignmentId);

test("a second attempt after submitting; then 'no attempts left' is refused with a message", async ({
  page,
}) => {
  const { pupil, assignmentId } = await pupilWith(page, { maxAttempts: 2 });
  await startAndSubmit(page, assignmentId, t("flow.start"), pupil.id, 1);
  expect(attemptsOf(pupil.id, assignmentId).map((a) => [a.number, a.submittedAt !== null])).toEqual(
    [[1, true]],
  );

  await page.goto(`/pupil/assignments/${assignmentId}`);
  await expect(page.getByText(t("flow.attemptsLeft", { n: 1 }))).toBeVisible();
  await expectAccessible(page);
  await startAndSubmit(page, assignmentId, t("flow.startNew"), pupil.id, 2);
  expect(attemptsOf(pupil.id, assignmentId).map((a) => [a.number, a.submittedAt !== null])).toEqual(
    [
      [1, true],
      [2, true],
    ],
  );
  await page.goto(`/pupil/assignments/${assignmentId}`);
  await expect(page.getByText(t("flow.attemptsLeft", { n: 0 }))).toBeVisible();
  await expect(page.getByRole("button", { name: t("flow.startNew") })).toHaveCount(0);

  // A page still showing the start button (a second tab from before the last submit) is refused.
  testDb().prepare("UPDATE assignments SET max_attempts = 3 WHERE id = ?").run(assignmentId);
  await page.reload();
  await expect(page.getByRole("button", { name: t("flow.startNew") })).toBeVisible();
  testDb().prepare("UPDATE assignments SET max_attempts = 2 WHERE id = ?").run(assignmentId);
  await page.getByRole("button", { name: t("flow.startNew") }).click();
  await expect(page.getByRole("alert")).toHaveText(t("flow.err.limit"));
  expect(attemptsOf(pupil.id, assignmentId)).toHaveLength(2);
  await expectAccessible(page);
});

test("after the due date without late work: starting is refused as closed and nothing is made", async ({
  page,
}) => {
  const { pupil, assignmentId } = await pupilWith(page, { maxAttempts: 1 });
  await page.goto(`/pupil/assignments/${assignmentId}`);
  const start = page.getByRole("button", { name: t("flow.start") });
  await expect(start).toBeVisible();
  // the due date passes while the page is open
  setDue(assignmentId, Date.now() - HOUR, false);
  await start.click();
  await expect(page.getByRole("alert")).toHaveText(t("flow.err.closed"));
  expect(attemptsOf(pupil.id, assignmentId)).toEqual([]);
  // and a fresh look says so without a button
  await page.reload();
  await expect(page.getByRole("button", { name: t("flow.start") })).toHaveCount(0);
  await expect(page.getByText(t("flow.err.closed"))).toBeVisible();
});

test("feedback 'after the due date' is hidden before it and appears once it has passed", async ({
  page,
}) => {
  const { assignmentId, pupil } = await pupilWith(page, {
    feedback: "after_due",
    acceptLate: true,
  });
  await startAndSubmit(page, assignmentId, t("flow.start"), pupil.id, 1);
  const explanation = lesson.questions[0].explanation;
  await page.goto(`/pupil/assignments/${assignmentId}/feedback`);
  await expect(page.getByText(/Pembahasan belum bisa dilihat/)).toBeVisible();
  await expect(page.getByText(explanation)).toHaveCount(0);
  const overview = page.getByRole("region", { name: t("flow.overview") });
  await page.goto(`/pupil/assignments/${assignmentId}`);
  await expect(overview.getByRole("link", { name: t("flow.feedback") })).toHaveCount(0);

  setDue(assignmentId, Date.now() - HOUR, true);
  await page.goto(`/pupil/assignments/${assignmentId}`);
  await expect(overview.getByRole("link", { name: t("flow.feedback") })).toBeVisible();
  await overview.getByRole("link", { name: t("flow.feedback") }).click();
  // the one right answer is folded under "what you got right"; its explanation is there
  await page
    .getByRole("region", { name: t("quiz.title") })
    .getByText(t("pf.fb.rightItems", { n: 1 }))
    .click();
  await expect(page.getByText(explanation)).toBeVisible();
  // a two-part question is worth 2 points
  const quizMax = lesson.questions.reduce((sum, q) => sum + (q.partB ? 2 : 1), 0);
  await expect(page.getByText(t("feedback.quizScore", { score: 1, max: quizMax }))).toBeVisible();
  await expectAccessible(page);
});

test("the to-do list shows in progress, late (still open and submitted) and missed", async ({
  page,
}) => {
  const teacher = await createTeacher();
  const klass = createClass(teacher.id);
  const pupil = await createPupil(klass.id);
  const now = Date.now();
  const inProgress = createAssignment(klass.id, { dueAt: now + 48 * HOUR });
  insertAttempt(inProgress, pupil.id);
  const lateOpen = createAssignment(klass.id, { dueAt: now - 2 * HOUR, acceptLate: true });
  insertAttempt(lateOpen, pupil.id);
  const lateDone = createAssignment(klass.id, { dueAt: now - 3 * HOUR, acceptLate: true });
  testDb()
    .prepare(
      "UPDATE attempts SET submitted_at = ?, late = 1, quiz_score = 0, quiz_max = 15, sort_score = 0, sort_max = 14 WHERE id = ?",
    )
    .run(now - HOUR, insertAttempt(lateDone, pupil.id));
  const missed = createAssignment(klass.id, { dueAt: now - 4 * HOUR, acceptLate: false });
  const notStarted = createAssignment(klass.id, { dueAt: now + 72 * HOUR });
  await signIn(page.context(), { role: "pupil", id: pupil.id });
  await page.goto("/pupil");

  const section = page.getByRole("region", { name: t("todo.title") });
  // the first list under "to do", the second under "done"
  const todo = section.getByRole("list").first();
  const item = (id: number) =>
    page.getByRole("listitem").filter({ has: page.locator(`a[href="/pupil/assignments/${id}"]`) });
  await expect(item(inProgress)).toContainText(t("status.in_progress"));
  await expect(item(lateOpen)).toContainText(t("status.late"));
  await expect(item(lateDone)).toContainText(t("status.late"));
  await expect(item(missed)).toContainText(t("status.missed"));
  await expect(item(notStarted)).toContainText(t("status.not_started"));
  // still to do: in progress, late-but-open, not started; finished: late-submitted and missed
  const todoIds = await todo
    .getByRole("link")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  expect(todoIds.sort()).toEqual(
    [inProgress, lateOpen, notStarted].map((id) => `/pupil/assignments/${id}`).sort(),
  );
  await expectAccessible(page);
});
