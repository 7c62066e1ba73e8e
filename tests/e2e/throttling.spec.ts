// Brute force: guessing class codes (on the join page and on the pupil sign-in), trying PINs from
// many addresses and spraying one password over many teacher accounts are throttled, and the
// person throttled reads a translated message on the normal page, never a 500.
// (The 11th wrong PIN from one address and the 11th wrong teacher password are in accounts.spec.ts.)
// Each test acts from its own address: the server under test trusts X-Forwarded-For as behind a proxy.
import crypto from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { createClass, createPupil, createTeacher, randomJoinCode, testDb, unique } from "../support/factories";

const THROTTLED_ID = /^Terlalu banyak percobaan\. Coba lagi dalam 1?\d menit\.$/;
const THROTTLED_EN = /^Too many attempts\. Try again in 1?\d minutes\.$/;

/**
 * A client address of its own (IPv6 documentation prefix, 64 random bits): the server keys its
 * bucket on the right-most X-Forwarded-For entry, the one a proxy adds; the left one is what a
 * client could forge, and must not matter.
 */
const address = () => `198.51.100.7, 2001:db8::${crypto.randomBytes(8).toString("hex").match(/.{4}/g)!.join(":")}`;

function postForm(browser: Browser, url: string, ip: string, form: Record<string, string>) {
  return browser.newContext().then(async (context) => {
    const base = `http://127.0.0.1:${process.env.E2E_PORT}`;
    const response = await context.request.post(url, {
      headers: { Origin: base, "X-Forwarded-For": ip },
      form,
      maxRedirects: 0,
    });
    const status = response.status();
    const text = await response.text();
    await context.close();
    return { status, text };
  });
}

const pupilsIn = (classId: number) =>
  (testDb().prepare("SELECT count(*) AS n FROM pupils WHERE class_id = ?").get(classId) as { n: number }).n;

test("guessing class codes on the join page is refused after 20 wrong codes from one address", async ({ browser, page }) => {
  const teacher = await createTeacher();
  const klass = createClass(teacher.id);
  const ip = address();

  for (let i = 0; i < 20; i++) {
    const guess = await postForm(browser, "/join", ip, { code: randomJoinCode(), displayName: unique("Penebak"), pin: "1234", pinConfirm: "1234" });
    expect(guess.status, `guess ${i + 1}`).toBe(400);
  }

  // The 21st try, now with the right code, in a browser like a person's: a 429 page with the message.
  await page.context().setExtraHTTPHeaders({ "X-Forwarded-For": ip });
  await page.goto(`/join?code=${klass.joinCode}`);
  await page.getByLabel("Nama tampilan").fill("Rina");
  await page.getByLabel("Pilih PIN").fill("4321");
  await page.getByLabel("Ulangi PIN").fill("4321");
  const answer = page.waitForResponse((r) => r.request().method() === "POST");
  await page.getByRole("button", { name: "Gabung" }).click();
  expect((await answer).status()).toBe(429);
  await expect(page.getByRole("alert")).toHaveText(THROTTLED_ID);
  await expect(page.getByRole("heading", { level: 1, name: "Gabung ke kelas" })).toBeVisible();
  await expect(page.getByLabel("Nama tampilan")).toHaveValue("Rina");
  await expectAccessible(page);
  expect(pupilsIn(klass.id)).toBe(0);

  // The same in English, also without JavaScript (a plain document answer).
  const english = await browser.newContext({ locale: "en-US", javaScriptEnabled: false, extraHTTPHeaders: { "X-Forwarded-For": ip } });
  const en = await english.newPage();
  await en.goto(`/join?code=${klass.joinCode}`);
  await en.getByLabel("Display name").fill("Rina");
  await en.getByLabel("Choose a PIN").fill("4321");
  await en.getByLabel("Repeat the PIN").fill("4321");
  const enAnswer = en.waitForResponse((r) => r.request().method() === "POST");
  await en.getByRole("button", { name: "Join" }).click();
  expect((await enAnswer).status()).toBe(429);
  await expect(en.getByRole("alert")).toHaveText(THROTTLED_EN);
  await english.close();

  // Another address is not affected.
  const other = await postForm(browser, "/join", address(), { code: klass.joinCode, displayName: "Rina", pin: "4321", pinConfirm: "4321" });
  expect(other.status).toBe(302);
  expect(pupilsIn(klass.id)).toBe(1);
});

test("wrong class codes on the pupil sign-in count as guesses too", async ({ browser }) => {
  const teacher = await createTeacher();
  const klass = createClass(teacher.id);
  const pupil = await createPupil(klass.id, { pin: "97531" });
  const ip = address();
  for (let i = 0; i < 20; i++) {
    const guess = await postForm(browser, "/pupil/login", ip, { code: randomJoinCode(), displayName: pupil.name, pin: "97531" });
    expect(guess.status, `guess ${i + 1}`).toBe(400);
  }
  const right = { code: klass.joinCode, displayName: pupil.name, pin: "97531" };
  const refused = await postForm(browser, "/pupil/login", ip, right);
  expect(refused.status).toBe(429);
  expect(refused.text).toMatch(/Terlalu banyak percobaan\. Coba lagi dalam 1?\d menit\./);
  expect((await postForm(browser, "/pupil/login", address(), right)).status).toBe(302);
});

test("a pupil's PIN throttle holds across addresses, and a classmate can still sign in", async ({ browser, page }) => {
  const teacher = await createTeacher();
  const klass = createClass(teacher.id);
  const target = await createPupil(klass.id, { pin: "864209" });
  const classmate = await createPupil(klass.id, { pin: "135791" });
  for (let i = 0; i < 10; i++) {
    // every wrong PIN from a different address: the per-pupil counter still sees them all
    const wrong = await postForm(browser, "/pupil/login", address(), { code: klass.joinCode, displayName: target.name, pin: String(100000 + i) });
    expect(wrong.status, `wrong PIN ${i + 1}`).toBe(400);
  }
  const ip = address();
  await page.context().setExtraHTTPHeaders({ "X-Forwarded-For": ip });
  await page.goto("/pupil/login");
  await page.getByLabel("Kode kelas").fill(klass.joinCode);
  await page.getByLabel("Nama tampilan").fill(target.name);
  await page.getByLabel("PIN", { exact: true }).fill("864209");
  const answer = page.waitForResponse((r) => r.request().method() === "POST");
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  expect((await answer).status()).toBe(429);
  await expect(page.getByRole("alert")).toHaveText(THROTTLED_ID);

  const mate = await postForm(browser, "/pupil/login", ip, { code: klass.joinCode, displayName: classmate.name, pin: "135791" });
  expect(mate.status).toBe(302);
});

test("spraying passwords over many teacher accounts from one address is refused after 50 failures", async ({ browser }) => {
  test.setTimeout(90_000);
  const teacher = await createTeacher();
  const ip = address();
  for (let i = 0; i < 50; i++) {
    const spray = await postForm(browser, "/teacher/login", ip, { email: `${unique("korban")}@sekolah.test`, password: "Password123!" });
    expect(spray.status, `attempt ${i + 1}`).toBe(400);
  }
  const right = { email: teacher.email, password: teacher.password };
  const refused = await postForm(browser, "/teacher/login", ip, right);
  expect(refused.status).toBe(429);
  expect(refused.text).toMatch(/Terlalu banyak percobaan\. Coba lagi dalam 1?\d menit\./);
  expect((await postForm(browser, "/teacher/login", address(), right)).status).toBe(302);
});
