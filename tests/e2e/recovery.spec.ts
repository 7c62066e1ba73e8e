// A way back in and a second teacher: sign-up shows recovery codes once; a code sets a new password
// and ends the old session; the reset link printed by `npm run teacher:reset-password` works once
// and not after its hour; a co-teacher assigns a lesson and sees results, but cannot delete the
// class. Every new page passes axe, in Indonesian and in English.
import { spawnSync } from "node:child_process";
import { expect, test, type Browser, type Page } from "@playwright/test";
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
import { createAssignment } from "../support/lesson";
import { actFromOwnAddress } from "../support/address";

test.describe.configure({ timeout: 120_000 });

type Lang = "id" | "en";
const tr =
  (lang: Lang) => (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
    translate(lang, key, vars);
const PASSWORD = "kopi tubruk di pagi hari";
const NEW_PASSWORD = "teh melati di sore hari";

const teacherSessions = (teacherId: number) =>
  (
    testDb().prepare("SELECT count(*) AS n FROM sessions WHERE teacher_id = ?").get(teacherId) as {
      n: number;
    }
  ).n;

/** Runs the reset-password command against the e2e database, as the person at the server would. */
function resetLink(email: string, baseURL: string): string {
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "scripts/teacher-reset-password.ts", email],
    {
      env: { ...process.env, DATABASE_PATH: process.env.E2E_DB!, PUBLIC_URL: baseURL },
      encoding: "utf8",
    },
  );
  expect(run.status, run.stderr).toBe(0);
  const link = /^(http\S+\/teacher\/reset\?token=\S+)$/m.exec(run.stdout)?.[1];
  expect(link, run.stdout).toBeTruthy();
  return link!;
}

async function signUp(page: Page, lang: Lang) {
  const t = tr(lang);
  const email = `${unique("pulih")}@sekolah.test`;
  await actFromOwnAddress(page);
  await page.goto("/teacher/signup");
  await page.getByLabel(t("accounts.field.teacherName"), { exact: true }).fill("Bu Pulih");
  await page.getByLabel(t("accounts.field.email")).fill(email);
  await page.getByLabel(t("accounts.field.newPassword")).fill(PASSWORD);
  await page.getByRole("button", { name: t("accounts.signup.submit") }).click();
  await expect(page.getByRole("heading", { name: t("rc.codes.title") })).toBeVisible();
  const codes = await page
    .getByRole("list", { name: t("rc.codes.listLabel") })
    .getByRole("listitem")
    .allInnerTexts();
  expect(codes).toHaveLength(8);
  for (const c of codes) expect(c).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
  await expectAccessible(page);
  return { email, codes };
}

async function newPage(browser: Browser, baseURL: string, locale: string) {
  const context = await browser.newContext({ baseURL, locale });
  return { page: await context.newPage(), close: () => context.close() };
}

test("sign-up shows the codes once; a code (typed loosely) sets a new password and ends the old session", async ({
  page,
  browser,
  baseURL,
}) => {
  const t = tr("id");
  const { email, codes } = await signUp(page, "id");
  await page.getByRole("link", { name: t("rc.codes.continue") }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: t("accounts.dashboard.title") }),
  ).toBeVisible();
  // the codes are not shown again, and are not in the database in clear
  await page.goto("/teacher/account");
  await expect(page.getByText(t("rc.account.unused", { count: 8, total: 8 }))).toBeVisible();
  await expect(page.getByText(codes[0])).toHaveCount(0);
  const teacherId = (
    testDb().prepare("SELECT id FROM teachers WHERE email = ?").get(email) as { id: number }
  ).id;
  const hashes = testDb()
    .prepare("SELECT code_hash AS h FROM recovery_codes WHERE teacher_id = ?")
    .all(teacherId) as { h: string }[];
  expect(hashes.some((r) => codes.some((c) => r.h.includes(c.replace(/-/g, ""))))).toBe(false);

  // Another device: forgot password, from the sign-in page.
  const other = await newPage(browser, baseURL!, "id-ID");
  const p = other.page;
  await p.goto("/teacher/login");
  await p.getByRole("link", { name: t("rc.forgot.link") }).click();
  await expect(p.getByRole("heading", { level: 1, name: t("rc.forgot.title") })).toBeVisible();
  await expectAccessible(p);
  await p.getByLabel(t("accounts.field.email")).fill(email);
  await p.getByLabel(t("rc.forgot.code")).fill("ABCD-EFGH-JKMN-PQRS");
  await p.getByLabel(t("accounts.field.newPassword")).fill(NEW_PASSWORD);
  await p.getByRole("button", { name: t("rc.forgot.submit") }).click();
  await expect(p.getByLabel(t("rc.forgot.code"))).toHaveAccessibleDescription(
    new RegExp(t("rc.forgot.failed").slice(0, 30)),
  );
  await expect(p.getByLabel(t("accounts.field.email"))).toHaveValue(email);
  await expectAccessible(p);
  await p.getByLabel(t("rc.forgot.code")).fill(codes[2].toLowerCase().replace(/-/g, " "));
  await p.getByLabel(t("accounts.field.newPassword")).fill(NEW_PASSWORD);
  await p.getByRole("button", { name: t("rc.forgot.submit") }).click();
  await expect(p).toHaveURL(/\/teacher\/account\?done=recovered$/);
  await expect(p.getByRole("status")).toHaveText(t("rc.account.recovered", { count: 7 }));
  expect(teacherSessions(teacherId)).toBe(1);
  await other.close();

  // The first device's session has ended.
  await page.goto("/teacher");
  await expect(page).toHaveURL(/\/teacher\/login\?redirectTo=%2Fteacher$/);
  // The same code does not work twice; the new password does.
  await page.goto("/teacher/forgot");
  await page.getByLabel(t("accounts.field.email")).fill(email);
  await page.getByLabel(t("rc.forgot.code")).fill(codes[2]);
  await page.getByLabel(t("accounts.field.newPassword")).fill(PASSWORD);
  await page.getByRole("button", { name: t("rc.forgot.submit") }).click();
  await expect(page.getByLabel(t("rc.forgot.code"))).toHaveAttribute("aria-invalid", "true");
  await page.goto("/teacher/login");
  await page.getByLabel(t("accounts.field.email")).fill(email);
  await page.getByLabel(t("accounts.field.password")).fill(NEW_PASSWORD);
  await page.getByRole("button", { name: t("accounts.login.submit"), exact: true }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: t("accounts.dashboard.title") }),
  ).toBeVisible();

  // New codes on the account page need the current password, and are shown once.
  await page.goto("/teacher/account");
  await page.getByLabel(t("rc.account.password")).fill("bukan kata sandiku");
  await page.getByRole("button", { name: t("rc.account.submit") }).click();
  await expect(page.getByLabel(t("rc.account.password"))).toHaveAccessibleDescription(
    t("rc.account.wrongPassword"),
  );
  await expectAccessible(page);
  await page.getByLabel(t("rc.account.password")).fill(NEW_PASSWORD);
  await page.getByRole("button", { name: t("rc.account.submit") }).click();
  const freshItems = page
    .getByRole("list", { name: t("rc.codes.listLabel") })
    .getByRole("listitem");
  await expect(freshItems).toHaveCount(8);
  const fresh = await freshItems.allInnerTexts();
  expect(fresh).toHaveLength(8);
  expect(fresh.filter((c) => codes.includes(c))).toEqual([]);
  await expectAccessible(page);
});

test("the command-line reset link sets a new password once, ends old sessions, and is refused when used or expired", async ({
  page,
  browser,
  baseURL,
}) => {
  const t = tr("id");
  const teacher = await createTeacher({ name: "Pak Lupa", password: PASSWORD });
  const old = await newPage(browser, baseURL!, "id-ID");
  await signIn(old.page.context(), { role: "teacher", id: teacher.id });
  await old.page.goto("/teacher");
  await expect(
    old.page.getByRole("heading", { level: 1, name: t("accounts.dashboard.title") }),
  ).toBeVisible();

  const link = resetLink(teacher.email, baseURL!);
  expect(link.startsWith(`${baseURL}/teacher/reset?token=`)).toBe(true);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: t("rc.reset.title") })).toBeVisible();
  await expect(page.getByText(t("rc.reset.lead", { name: "Pak Lupa" }))).toBeVisible();
  await page.getByLabel(t("accounts.field.newPassword")).fill("pendek");
  await page.getByRole("button", { name: t("rc.reset.submit") }).click();
  await expect(page.getByLabel(t("accounts.field.newPassword"))).toHaveAttribute(
    "aria-invalid",
    "true",
  );
  await expectAccessible(page);
  await page.getByLabel(t("accounts.field.newPassword")).fill(NEW_PASSWORD);
  await page.getByRole("button", { name: t("rc.reset.submit") }).click();
  await expect(page).toHaveURL(/\/teacher\/account\?done=reset$/);
  await expect(page.getByRole("status")).toHaveText(t("rc.account.resetDone"));
  expect(teacherSessions(teacher.id)).toBe(1);

  // the old device is signed out
  await old.page.goto("/teacher");
  await expect(old.page).toHaveURL(/\/teacher\/login/);
  await old.close();

  // used: a clear page, never an error
  const again = await page.goto(link);
  expect(again?.status()).toBe(410);
  await expect(
    page.getByRole("heading", { level: 1, name: t("rc.reset.usedTitle") }),
  ).toBeVisible();
  await expectAccessible(page);

  // expired: a new link, an hour and a bit later
  const late = resetLink(teacher.email, baseURL!);
  testDb()
    .prepare("UPDATE password_resets SET expires_at = ? WHERE teacher_id = ? AND used_at IS NULL")
    .run(Date.now() - 1000, teacher.id);
  const expired = await page.goto(late);
  expect(expired?.status()).toBe(410);
  await expect(
    page.getByRole("heading", { level: 1, name: t("rc.reset.expiredTitle") }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: t("rc.reset.submit") })).toHaveCount(0);
  expect(teacherSessions(teacher.id)).toBe(1);
});

test("a co-teacher assigns a lesson and sees results, but cannot delete the class; the owner can", async ({
  page,
  browser,
  baseURL,
}) => {
  const t = tr("id");
  const owner = await createTeacher({ name: "Bu Pemilik" });
  const co = await createTeacher({ name: "Pak Pendamping" });
  const klass = createClass(owner.id, { name: unique("Kelas 8C") });
  await createPupil(klass.id, { name: "Rina" });
  await signIn(page.context(), { role: "teacher", id: owner.id });

  // The owner adds a co-teacher by email.
  await page.goto(`/teacher/classes/${klass.id}`);
  await page.getByRole("link", { name: t("co.link") }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: t("co.title", { name: klass.name }) }),
  ).toBeVisible();
  await page.getByLabel(t("co.email")).fill(`${unique("tidak-ada")}@sekolah.test`);
  await page.getByRole("button", { name: t("co.inviteSubmit") }).click();
  await expect(page.getByLabel(t("co.email"))).toHaveAccessibleDescription(t("co.noSuchTeacher"));
  await expectAccessible(page);
  await page.getByLabel(t("co.email")).fill(co.email.toUpperCase());
  await page.getByRole("button", { name: t("co.inviteSubmit") }).click();
  await expect(page.getByRole("status")).toHaveText(t("co.invited", { name: "Pak Pendamping" }));
  await expect(
    page.getByRole("row", { name: new RegExp(`Pak Pendamping.*${t("co.role.coTeacher")}`) }),
  ).toBeVisible();
  await expectAccessible(page);

  // The co-teacher sees the class, assigns a lesson to it, and sees the results.
  const second = await newPage(browser, baseURL!, "id-ID");
  const c = second.page;
  await signIn(c.context(), { role: "teacher", id: co.id });
  await c.goto("/teacher");
  await expect(c.getByText(t("co.dashboardRole", { owner: "Bu Pemilik" }))).toBeVisible();
  await c.getByRole("link", { name: klass.name }).click();
  await expect(c.getByText(t("co.classRole", { owner: "Bu Pemilik" }))).toBeVisible();
  await expect(c.getByRole("link", { name: t("co.delete.link") })).toHaveCount(0);
  await c.goto(`/teacher/assign?class=${klass.id}`);
  await c.getByLabel(t("assign.due"), { exact: true }).fill("2031-07-01T09:00");
  await c.getByRole("button", { name: t("assign.submit") }).click();
  await expect(c).toHaveURL(/\/teacher\/assignments\/\d+$/);
  const assignmentId = Number(/assignments\/(\d+)$/.exec(c.url())![1]);
  expect(
    (
      testDb().prepare("SELECT class_id AS c FROM assignments WHERE id = ?").get(assignmentId) as {
        c: number;
      }
    ).c,
  ).toBe(klass.id);
  await c.goto(`/teacher/assignments/${assignmentId}/results`);
  await expect(
    c.getByRole("heading", { level: 1, name: new RegExp(t("results.title")) }),
  ).toBeVisible();
  await expect(c.getByText("Rina").first()).toBeVisible();

  // ... but deleting the class is the owner's: a page that says so, and a refused post.
  const refused = await c.goto(`/teacher/classes/${klass.id}/delete`);
  expect(refused?.status()).toBe(403);
  await expect(c.getByRole("alert")).toHaveText(t("co.delete.ownerOnly", { owner: "Bu Pemilik" }));
  await expect(c.getByRole("button", { name: t("co.delete.submit") })).toHaveCount(0);
  await expectAccessible(c);
  const post = await c.request.post(`/teacher/classes/${klass.id}/delete`, {
    form: { confirm: "yes" },
    headers: { Origin: baseURL! },
  });
  expect(post.status()).toBe(403);
  expect(
    (
      testDb().prepare("SELECT count(*) AS n FROM classes WHERE id = ?").get(klass.id) as {
        n: number;
      }
    ).n,
  ).toBe(1);
  await second.close();

  // The owner deletes it, with its assignment and co-teacher.
  await page.goto(`/teacher/classes/${klass.id}`);
  await page.getByRole("link", { name: t("co.delete.link") }).click();
  await page.getByRole("button", { name: t("co.delete.submit") }).click();
  await expect(page.getByText(t("co.delete.confirmRequired"))).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(t("co.delete.confirm")).check();
  await page.getByRole("button", { name: t("co.delete.submit") }).click();
  await expect(page).toHaveURL(/\/teacher$/);
  expect(
    testDb().prepare("SELECT count(*) AS n FROM assignments WHERE id = ?").get(assignmentId),
  ).toEqual({ n: 0 });
  expect(
    testDb().prepare("SELECT count(*) AS n FROM class_teachers WHERE class_id = ?").get(klass.id),
  ).toEqual({ n: 0 });
});

test.describe("in English", () => {
  test.use({ locale: "en-US" });

  test("the codes, forgot, reset, teachers and delete pages pass axe in English", async ({
    page,
    browser,
    baseURL,
  }) => {
    const t = tr("en");
    await signUp(page, "en");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.goto("/teacher/account");
    await expect(page.getByRole("heading", { name: t("rc.account.title") })).toBeVisible();
    await expectAccessible(page);

    const anon = await newPage(browser, baseURL!, "en-US");
    await anon.page.goto("/teacher/forgot");
    await anon.page.getByRole("button", { name: t("rc.forgot.submit") }).click();
    await expect(anon.page.getByLabel(t("rc.forgot.code"))).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(anon.page);
    const teacher = await createTeacher({ name: "Mr Reset" });
    await anon.page.goto(resetLink(teacher.email, baseURL!));
    await expect(
      anon.page.getByRole("heading", { level: 1, name: t("rc.reset.title") }),
    ).toBeVisible();
    await expectAccessible(anon.page);
    await anon.page.goto("/teacher/reset?token=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    await expect(
      anon.page.getByRole("heading", { level: 1, name: t("rc.reset.usedTitle") }),
    ).toBeVisible();
    await expectAccessible(anon.page);
    await anon.close();

    const owner = await createTeacher({ name: "Ms Owner" });
    const co = await createTeacher({ name: "Mr Helper" });
    const klass = createClass(owner.id, { name: unique("Class 9") });
    createAssignment(klass.id);
    testDb()
      .prepare("INSERT INTO class_teachers (class_id, teacher_id) VALUES (?, ?)")
      .run(klass.id, co.id);
    const helper = await newPage(browser, baseURL!, "en-US");
    await signIn(helper.page.context(), { role: "teacher", id: co.id });
    await helper.page.goto(`/teacher/classes/${klass.id}/teachers`);
    await expect(
      helper.page.getByRole("heading", { level: 2, name: t("co.leaveTitle") }),
    ).toBeVisible();
    await expectAccessible(helper.page);
    await helper.page.goto(`/teacher/classes/${klass.id}/delete`);
    await expect(helper.page.getByRole("alert")).toHaveText(
      t("co.delete.ownerOnly", { owner: "Ms Owner" }),
    );
    await expectAccessible(helper.page);
    // leaving: the class is gone from the helper's home page
    await helper.page.goto(`/teacher/classes/${klass.id}/teachers`);
    await helper.page.getByRole("button", { name: t("co.leaveSubmit") }).click();
    await expect(helper.page).toHaveURL(/\/teacher$/);
    await expect(helper.page.getByRole("link", { name: klass.name })).toHaveCount(0);
    await helper.close();

    await signIn(page.context(), { role: "teacher", id: owner.id });
    await page.goto(`/teacher/classes/${klass.id}/delete`);
    await expect(
      page.getByRole("heading", { level: 1, name: t("co.delete.title", { name: klass.name }) }),
    ).toBeVisible();
    await expectAccessible(page);
  });
});
