// The answer queue's unhappy paths: answers chosen offline survive a reload of the page, and a
// save answered by a sign-in redirect, a 429 or a 5xx stays queued (on the device, announced) and
// is sent once the server takes it again. Phone width: this is where pupils work.
import { expect, test, type Page } from "@playwright/test";
import { translate } from "../../app/i18n";
import { createClass, createPupil, createTeacher, signIn, testDb } from "../support/factories";
import { holdScripts } from "../support/held-scripts";
import { createAssignment, seedLesson, storedAnswers } from "../support/lesson";

// A shared, busy machine: give each story room (no assertion here is timed).
test.describe.configure({ timeout: 120_000 });

test.use({ viewport: { width: 360, height: 740 } });

const lesson = seedLesson();
const t = (key: Parameters<typeof translate>[1]) => translate("id", key);
const optionText = (qIndex: number, id: string) =>
  lesson.questions[qIndex].options.find((o) => o.id === id)!.text;
const question = (page: Page, index: number) =>
  page.getByRole("group", { name: lesson.questions[index].stem });
const saveState = (page: Page, index: number) =>
  page.locator(`#${lesson.questions[index].id} .save-state`);
const ANSWERS = "**/pupil/attempts/*/answers";

async function quizOpen(page: Page) {
  const teacher = await createTeacher();
  const klass = createClass(teacher.id);
  const pupil = await createPupil(klass.id);
  const assignmentId = createAssignment(klass.id);
  await signIn(page.context(), { role: "pupil", id: pupil.id });
  await page.goto(`/pupil/assignments/${assignmentId}`);
  await page.getByRole("button", { name: t("flow.start") }).click();
  await expect(page).toHaveURL(/\/read$/);
  await page.goto(`/pupil/assignments/${assignmentId}/quiz`);
  return { pupil, assignmentId };
}

const quizAnswers = (pupilId: number, assignmentId: number) =>
  storedAnswers(pupilId, assignmentId)
    .filter((a) => a.kind === "quiz")
    .map((a) => [a.itemId, a.choice]);

/** What the queue keeps on the device, per attempt. */
const pendingOnDevice = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("telaah:pending:"))
      .flatMap((k) =>
        Object.values(
          JSON.parse(localStorage.getItem(k)!) as Record<
            string,
            { itemId: string; choice: string }
          >,
        ),
      )
      .map((e) => [e.itemId, e.choice]),
  );

test("answers chosen offline survive a reload and are sent when saving works again", async ({
  page,
  context,
}) => {
  const { pupil, assignmentId } = await quizOpen(page);
  const [q0, q1] = lesson.questions;
  await context.setOffline(true);
  await question(page, 0).getByLabel(optionText(0, "b"), { exact: true }).check();
  await question(page, 1).getByLabel(optionText(1, "c"), { exact: true }).check();
  await expect(saveState(page, 1)).toContainText(t("save.failed").split(":")[0]);
  expect(await pendingOnDevice(page)).toEqual([
    [q0.id, "b"],
    [q1.id, "c"],
  ]);

  // Back online, but the saves still fail (a flaky network), and the pupil reloads the page.
  await page.route(ANSWERS, (route) => route.abort("connectionfailed"));
  await context.setOffline(false);
  await page.reload();
  // the choices come back from the device, not from the server (which has none)
  await expect(question(page, 0).getByLabel(optionText(0, "b"), { exact: true })).toBeChecked();
  await expect(question(page, 1).getByLabel(optionText(1, "c"), { exact: true })).toBeChecked();
  await expect(
    page.getByRole("alert").filter({ hasText: t("save.offlineBanner").split(".")[0] }),
  ).toBeVisible();
  expect(quizAnswers(pupil.id, assignmentId)).toEqual([]);

  await page.unroute(ANSWERS);
  await expect(saveState(page, 1)).toHaveText(t("save.saved"));
  await expect(saveState(page, 0)).toHaveText(t("save.saved"));
  expect(quizAnswers(pupil.id, assignmentId).sort()).toEqual([
    [q0.id, "b"],
    [q1.id, "c"],
  ]);
  expect(await pendingOnDevice(page)).toEqual([]);
});

for (const { name, status } of [
  { name: "a 429 (too many requests)", status: 429 },
  { name: "a 503 (server unwell)", status: 503 },
  { name: "a 500", status: 500 },
]) {
  test(`a save answered by ${name} stays queued and announced, then goes through`, async ({
    page,
  }) => {
    const { pupil, assignmentId } = await quizOpen(page);
    const q0 = lesson.questions[0];
    let refused = 0;
    await page.route(ANSWERS, (route) => {
      refused++;
      return route.fulfill({
        status,
        contentType: "application/json",
        body: JSON.stringify({ ok: false }),
      });
    });
    await question(page, 0).getByLabel(optionText(0, "c"), { exact: true }).check();
    await expect(saveState(page, 0)).toContainText(t("save.failed").split(":")[0]);
    await expect(
      page.getByRole("alert").filter({ hasText: t("save.offlineBanner").split(".")[0] }),
    ).toBeVisible();
    expect(refused).toBeGreaterThan(0);
    expect(await pendingOnDevice(page)).toEqual([[q0.id, "c"]]);
    expect(quizAnswers(pupil.id, assignmentId)).toEqual([]);

    await page.unroute(ANSWERS);
    // the queue retries by itself (no reload, no click)
    await expect(saveState(page, 0)).toHaveText(t("save.saved"), { timeout: 20_000 });
    expect(quizAnswers(pupil.id, assignmentId)).toEqual([[q0.id, "c"]]);
    expect(await pendingOnDevice(page)).toEqual([]);
  });
}

test("a save after the session has ended is kept on the device, not lost, and sent after signing in again", async ({
  page,
  context,
}) => {
  const { pupil, assignmentId } = await quizOpen(page);
  const q0 = lesson.questions[0];
  // the session ends on the server (expired, or signed out elsewhere)
  testDb().prepare("DELETE FROM sessions WHERE pupil_id = ?").run(pupil.id);
  await question(page, 0).getByLabel(optionText(0, "d"), { exact: true }).check();
  await expect(saveState(page, 0)).toContainText(t("save.failed").split(":")[0]);
  expect(await pendingOnDevice(page)).toEqual([[q0.id, "d"]]);
  expect(quizAnswers(pupil.id, assignmentId)).toEqual([]);

  // signed in again on the same device: the queued answer is sent from storage
  await signIn(context, { role: "pupil", id: pupil.id });
  await page.reload();
  await expect(saveState(page, 0)).toHaveText(t("save.saved"));
  expect(quizAnswers(pupil.id, assignmentId)).toEqual([[q0.id, "d"]]);
});

test("a choice ticked on a slow phone before the page's scripts have run is kept and saved once they run, with the answers already waiting on the device", async ({
  page,
}) => {
  const { pupil, assignmentId } = await quizOpen(page);
  const [q0, q1] = lesson.questions;
  // an answer that could not be sent waits on the device
  await page.route(ANSWERS, (route) => route.abort("connectionfailed"));
  await question(page, 1).getByLabel(optionText(1, "b"), { exact: true }).check();
  await expect(saveState(page, 1)).toContainText(t("save.failed").split(":")[0]);
  expect(await pendingOnDevice(page)).toEqual([[q1.id, "b"]]);

  // the page again, its scripts slow to come: a tick on the page as the server sent it
  const scripts = await holdScripts(page);
  await page.goto(`/pupil/assignments/${assignmentId}/quiz`, { waitUntil: "commit" });
  const ticked = question(page, 0).getByLabel(optionText(0, "c"), { exact: true });
  await ticked.check();
  // still the page without JavaScript: its save buttons are there
  const saveButtons = page.getByRole("button", { name: new RegExp(`^${t("quiz.save")} `) });
  await expect(saveButtons.first()).toBeVisible();
  await expect.poll(() => scripts.held()).toBeGreaterThan(0);
  await scripts.release();
  // hydrated: the save buttons are gone, the tick is still there, and both answers wait together
  await expect(saveButtons).toHaveCount(0);
  await expect(ticked).toBeChecked();
  await expect(question(page, 1).getByLabel(optionText(1, "b"), { exact: true })).toBeChecked();
  await expect
    .poll(async () => (await pendingOnDevice(page)).sort())
    .toEqual([
      [q0.id, "c"],
      [q1.id, "b"],
    ]);

  // saving works again: both are sent by the queue's retry
  await page.unroute(ANSWERS);
  await expect(saveState(page, 0)).toHaveText(t("save.saved"), { timeout: 20_000 });
  await expect(saveState(page, 1)).toHaveText(t("save.saved"), { timeout: 20_000 });
  expect(quizAnswers(pupil.id, assignmentId).sort()).toEqual([
    [q0.id, "c"],
    [q1.id, "b"],
  ]);
  expect(await pendingOnDevice(page)).toEqual([]);
});
