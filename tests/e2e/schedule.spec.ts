// Issue 18, parts 4 and 5: a teacher gives one pupil a later due date, which lets that pupil submit
// after the class's due date while a classmate is refused, and the results say so; an assignment
// with an opening time is nowhere for pupils until then. Time passes by moving stored times
// (docs/decisions/071). Pupils work at phone width.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { translate } from "../../app/i18n";
import { dateToZonedLocal } from "../../app/utils/zones";
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

test.describe.configure({ timeout: 180_000 });

const lesson = seedLesson();
const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
  translate("id", key, vars);
const en = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
  translate("en", key, vars);
const HOUR = 3600_000;

async function pupilPage(browser: Browser, pupilId: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  await signIn(context, { role: "pupil", id: pupilId });
  return context.newPage();
}

async function teacherPage(browser: Browser, teacherId: number): Promise<Page> {
  const context = await browser.newContext();
  await signIn(context, { role: "teacher", id: teacherId });
  return context.newPage();
}

test("an extension lets one pupil submit after the due date while a classmate is refused; the results show it", async ({
  browser,
}) => {
  const teacher = await createTeacher();
  const klass = createClass(teacher.id);
  const ani = await createPupil(klass.id, { name: unique("Ani") });
  const budi = await createPupil(klass.id, { name: unique("Budi") });
  const due = Date.now() + HOUR;
  const assignmentId = createAssignment(klass.id, {
    dueAt: due,
    acceptLate: false,
    maxAttempts: 1,
  });

  // the teacher opens Ani's page from the results and gives her two more days
  const tp = await teacherPage(browser, teacher.id);
  await tp.goto(`/teacher/assignments/${assignmentId}/results`);
  await tp.getByRole("link", { name: ani.name }).click();
  await expect(tp.getByRole("heading", { name: t("ext.heading") })).toBeVisible();
  await expect(tp.getByText(t("ext.none"))).toBeVisible();
  // a date before the class's is refused next to the field, and what was typed stays
  const tooEarly = dateToZonedLocal(new Date(due - 2 * HOUR), "WIB");
  await tp.getByLabel(t("ext.due")).fill(tooEarly);
  await tp.getByRole("button", { name: t("ext.save") }).click();
  await expect(tp.getByLabel(t("ext.due"))).toHaveAttribute("aria-invalid", "true");
  await expect(tp.getByText(t("ext.err.dueBefore"))).toBeVisible();
  await expect(tp.getByLabel(t("ext.due"))).toHaveValue(tooEarly);
  await expectAccessible(tp);
  const own = new Date(due + 48 * HOUR);
  await tp.getByLabel(t("ext.due")).fill(dateToZonedLocal(own, "WIB"));
  await tp.getByRole("button", { name: t("ext.save") }).click();
  await expect(tp.getByRole("status")).toHaveText(t("ext.saved"));
  await expect(tp.locator(".extension-note")).toContainText(
    t("ext.extendedTo", { due: "" }).trim(),
  );
  await expectAccessible(tp);
  await tp.getByRole("button", { name: "English" }).click();
  await expect(tp.locator("html")).toHaveAttribute("lang", "en");
  await expect(tp.getByRole("heading", { name: en("ext.heading") })).toBeVisible();
  await expectAccessible(tp);
  await tp.getByRole("button", { name: "Bahasa Indonesia" }).click();
  await expect(tp.locator("html")).toHaveAttribute("lang", "id");
  await expect(tp.getByRole("heading", { name: t("ext.heading") })).toBeVisible();

  // the class's due date passes (the stored time moves)
  testDb()
    .prepare("UPDATE assignments SET due_at = ? WHERE id = ?")
    .run(Date.now() - 60_000, assignmentId);

  // Budi is refused: no start, the work is closed
  const bp = await pupilPage(browser, budi.id);
  await bp.goto(`/pupil/assignments/${assignmentId}`);
  await expect(bp.getByText(t("flow.err.closed"))).toBeVisible();
  await expect(bp.getByRole("button", { name: t("flow.start") })).toHaveCount(0);
  expect(attemptsOf(budi.id, assignmentId)).toEqual([]);

  // Ani sees her own date, starts, answers and submits on time
  const ap = await pupilPage(browser, ani.id);
  await ap.goto("/pupil");
  await expect(ap.getByText(t("ext.forYou"), { exact: false })).toBeVisible();
  await ap.goto(`/pupil/assignments/${assignmentId}`);
  await ap.getByRole("button", { name: t("flow.start") }).click();
  await expect(ap).toHaveURL(/\/read$/);
  await ap.goto(`/pupil/assignments/${assignmentId}/quiz`);
  const q = lesson.questions[0];
  await ap
    .getByRole("group", { name: q.stem })
    .getByLabel(q.options.find((o) => o.id === q.correct)!.text, { exact: true })
    .check();
  await expect(ap.locator(`#${q.id} .save-state`)).toHaveText(t("save.saved"));
  await ap.getByRole("button", { name: "Kumpulkan jawaban" }).click();
  await expect
    .poll(() => attemptsOf(ani.id, assignmentId).filter((a) => a.submittedAt !== null).length)
    .toBe(1);
  expect(attemptsOf(ani.id, assignmentId)[0].late).toBe(0);
  await ap.goto(`/pupil/assignments/${assignmentId}`);
  await expect(ap.getByText(t("ext.forYou"), { exact: false })).toBeVisible();
  await expectAccessible(ap);

  // the results say who has an extension, on the page and in the CSV
  await tp.goto(`/teacher/assignments/${assignmentId}/results`);
  const pupilsTable = tp.locator("table").filter({ has: tp.locator("caption#pupils-caption") });
  const aniRow = pupilsTable
    .getByRole("row")
    .filter({ has: tp.getByRole("rowheader", { name: ani.name }) });
  await expect(aniRow).toContainText(t("status.submitted"));
  await expect(aniRow.locator(".extension-note")).toBeVisible();
  const budiRow = pupilsTable
    .getByRole("row")
    .filter({ has: tp.getByRole("rowheader", { name: budi.name }) });
  await expect(budiRow).toContainText(t("status.missed"));
  await expect(budiRow.locator(".extension-note")).toHaveCount(0);
  await expectAccessible(tp);
  await tp.getByRole("button", { name: "English" }).click();
  await expect(tp.locator("html")).toHaveAttribute("lang", "en");
  await expect(aniRow.locator(".extension-note")).toContainText("extended to");
  await expectAccessible(tp);
  const csv = await tp.request.get(`/teacher/assignments/${assignmentId}/results.csv`);
  const [header, ...rows] = (await csv.text())
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n")
    .map((l) => l.split(","));
  expect(header.slice(-2)).toEqual([en("ext.colDue"), en("ext.colExtra")]);
  const aniCsv = rows.find((r) => r[0] === ani.name)!;
  expect(aniCsv.at(-2)).toBe(`${dateToZonedLocal(own, "WIB").replace("T", " ")} WIB`);
  await tp.context().close();
  await ap.context().close();
  await bp.context().close();
});

test("a scheduled assignment is invisible to pupils (dashboard and direct address) until its opening time", async ({
  browser,
}) => {
  const teacher = await createTeacher();
  const klass = createClass(teacher.id);
  const pupil = await createPupil(klass.id);
  const tp = await teacherPage(browser, teacher.id);
  const opens = new Date(Date.now() + 24 * HOUR);
  const due = new Date(Date.now() + 72 * HOUR);

  await tp.goto(`/teacher/assign?lesson=${SEED_SLUG}&class=${klass.id}`);
  await tp.getByLabel(t("assign.due"), { exact: true }).fill(dateToZonedLocal(due, "WIB"));
  // an opening after the due date is refused next to the field
  await tp
    .getByLabel(t("sched.opens"))
    .fill(dateToZonedLocal(new Date(due.getTime() + HOUR), "WIB"));
  await tp.getByRole("button", { name: t("assign.submit") }).click();
  await expect(tp.getByLabel(t("sched.opens"))).toHaveAttribute("aria-invalid", "true");
  await expect(tp.getByText(t("sched.err.opensAfterDue"))).toBeVisible();
  await expectAccessible(tp);
  await tp.getByRole("button", { name: "English" }).click();
  await expect(tp.locator("html")).toHaveAttribute("lang", "en");
  await expect(tp.getByLabel(en("sched.opens"))).toBeVisible();
  await expectAccessible(tp);
  await tp.getByRole("button", { name: "Bahasa Indonesia" }).click();
  await expect(tp.locator("html")).toHaveAttribute("lang", "id");
  await tp.goto(`/teacher/assign?lesson=${SEED_SLUG}&class=${klass.id}`);
  await tp.getByLabel(t("assign.due"), { exact: true }).fill(dateToZonedLocal(due, "WIB"));
  await tp.getByLabel(t("sched.opens")).fill(dateToZonedLocal(opens, "WIB"));
  await tp.getByRole("button", { name: t("assign.submit") }).click();
  await expect(tp).toHaveURL(/\/teacher\/assignments\/\d+$/);
  const assignmentId = Number(new URL(tp.url()).pathname.split("/").pop());
  // the teacher sees when it opens, on the assignment and the class page
  await expect(tp.getByText(t("sched.notYetOpen", { opens: "" }).split(":")[0])).toBeVisible();
  await expect(tp.getByLabel(t("sched.opens"))).toHaveValue(dateToZonedLocal(opens, "WIB"));
  await expectAccessible(tp);
  await tp.getByRole("button", { name: "English" }).click();
  await expect(tp.locator("html")).toHaveAttribute("lang", "en");
  await expect(tp.getByText(en("sched.notYetOpen", { opens: "" }).split(":")[0])).toBeVisible();
  await expectAccessible(tp);
  await tp.goto(`/teacher/classes/${klass.id}`);
  await expect(tp.getByText(en("sched.notYetOpen", { opens: "" }).split(":")[0])).toBeVisible();

  // the pupil: not on the dashboard, 404 at its address, and nothing can be started there
  const pp = await pupilPage(browser, pupil.id);
  await pp.goto("/pupil");
  await expect(pp.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(pp.getByRole("link", { name: lesson.title })).toHaveCount(0);
  for (const step of ["", "/read", "/quiz", "/discuss"]) {
    const response = await pp.goto(`/pupil/assignments/${assignmentId}${step}`);
    expect(response?.status(), step).toBe(404);
  }
  const start = await pp.request.post(`/pupil/assignments/${assignmentId}?index`, {
    form: { next: "read" },
  });
  expect(start.status()).toBe(404);
  expect(attemptsOf(pupil.id, assignmentId)).toEqual([]);

  // the opening time comes (the stored time moves): now it is there, nothing had to run
  testDb()
    .prepare("UPDATE assignments SET opens_at = ? WHERE id = ?")
    .run(Date.now() - 60_000, assignmentId);
  await pp.goto("/pupil");
  await pp.getByRole("link", { name: lesson.title }).click();
  await expect(pp).toHaveURL(new RegExp(`/pupil/assignments/${assignmentId}$`));
  await expect(pp.getByRole("button", { name: t("flow.start") })).toBeVisible();
  await tp.goto(`/teacher/assignments/${assignmentId}`);
  await expect(tp.getByText(en("sched.notYetOpen", { opens: "" }).split(":")[0])).toHaveCount(0);
  await tp.context().close();
  await pp.context().close();
});
