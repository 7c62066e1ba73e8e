// Brute force: guessing class codes (on the join page and on the pupil sign-in), trying PINs from
// many addresses or all at once, and spraying one password over many teacher accounts are
// throttled, and the person throttled reads a translated message on the normal page, never a 500.
// Per account: 10 failures per 15 minutes. Per address: a number of free failures, then growing
// waits of at most a minute (a whole school may share the address). See decision record 030.
// (The 11th wrong PIN from one address and the 11th wrong teacher password are in accounts.spec.ts.)
// Each test acts from its own address: the server under test trusts X-Forwarded-For as behind a proxy.
import crypto from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import {
  createClass,
  createPupil,
  createTeacher,
  nameKey,
  randomJoinCode,
  testDb,
  unique,
} from "../support/factories";

const THROTTLED_ID = /^Terlalu banyak percobaan\. Coba lagi dalam 1?\d menit\.$/;
const WAIT_ID = /^Terlalu banyak percobaan dari jaringan ini\. Coba lagi dalam [1-5]?\d detik\.$/;
const WAIT_EN = /^Too many attempts from this network\. Try again in [1-5]?\d seconds\.$/;

/**
 * A client address of its own (IPv6 documentation prefix, 64 random bits): the server keys its
 * bucket on the right-most X-Forwarded-For entry, the one a proxy adds; the left one is what a
 * client could forge, and must not matter.
 */
const address = () =>
  `198.51.100.7, 2001:db8::${crypto.randomBytes(8).toString("hex").match(/.{4}/g)!.join(":")}`;

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
    const retryAfter = Number(response.headers()["retry-after"] ?? "NaN");
    await context.close();
    return { status, text, retryAfter };
  });
}

const pupilsIn = (classId: number) =>
  (
    testDb().prepare("SELECT count(*) AS n FROM pupils WHERE class_id = ?").get(classId) as {
      n: number;
    }
  ).n;

test("guessing class codes on the join page: after 20 wrong codes from one address it must wait, briefly", async ({
  browser,
  page,
}) => {
  const teacher = await createTeacher();
  const klass = createClass(teacher.id);
  const ip = address();

  for (let i = 0; i < 20; i++) {
    const guess = await postForm(browser, "/join", ip, {
      code: randomJoinCode(),
      displayName: unique("Penebak"),
      pin: "1234",
      pinConfirm: "1234",
    });
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
  const refused = await answer;
  expect(refused.status()).toBe(429);
  // A wait of seconds, not the old 15-minute lockout of everyone behind the address.
  expect(Number(refused.headers()["retry-after"])).toBeLessThanOrEqual(60);
  await expect(page.getByRole("alert")).toHaveText(WAIT_ID);
  await expect(page.getByRole("heading", { level: 1, name: "Gabung ke kelas" })).toBeVisible();
  await expect(page.getByLabel("Nama tampilan")).toHaveValue("Rina");
  await expectAccessible(page);
  expect(pupilsIn(klass.id)).toBe(0);

  // The same in English, also without JavaScript (a plain document answer).
  const english = await browser.newContext({
    locale: "en-US",
    javaScriptEnabled: false,
    extraHTTPHeaders: { "X-Forwarded-For": ip },
  });
  const en = await english.newPage();
  await en.goto(`/join?code=${klass.joinCode}`);
  await en.getByLabel("Display name").fill("Rina");
  await en.getByLabel("Choose a PIN").fill("4321");
  await en.getByLabel("Repeat the PIN").fill("4321");
  const enAnswer = en.waitForResponse((r) => r.request().method() === "POST");
  await en.getByRole("button", { name: "Join" }).click();
  expect((await enAnswer).status()).toBe(429);
  await expect(en.getByRole("alert")).toHaveText(WAIT_EN);
  await english.close();

  // Another address is not affected.
  const other = await postForm(browser, "/join", address(), {
    code: klass.joinCode,
    displayName: "Rina",
    pin: "4321",
    pinConfirm: "4321",
  });
  expect(other.status).toBe(302);
  expect(pupilsIn(klass.id)).toBe(1);
});

test("101 wrong class codes from one address do not stop a pupil of another class from joining", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const teacher = await createTeacher();
  const target = createClass(teacher.id);
  const otherClass = createClass(teacher.id);
  const guesser = address();
  const statuses: number[] = [];
  const started = Date.now();
  for (let i = 0; i < 101; i++) {
    const guess = await postForm(browser, "/join", guesser, {
      code: randomJoinCode(),
      displayName: unique("Penebak"),
      pin: "1234",
      pinConfirm: "1234",
    });
    statuses.push(guess.status);
    // never more than a minute's wait, however many guesses
    if (guess.status === 429) expect(guess.retryAfter).toBeLessThanOrEqual(60);
  }
  // 20 free, then one more per 30 s that passed (on a slow machine the loop itself takes that long)
  const answered = statuses.filter((s) => s === 400).length;
  expect(answered).toBeGreaterThanOrEqual(20);
  expect(answered).toBeLessThanOrEqual(20 + Math.ceil((Date.now() - started) / 30_000));
  expect(statuses.filter((s) => s !== 400 && s !== 429)).toEqual([]);
  // A pupil of another class, and one of the class whose code was near the guesses: in at once.
  const pupil = await postForm(browser, "/join", address(), {
    code: otherClass.joinCode,
    displayName: "Wulan",
    pin: "2580",
    pinConfirm: "2580",
  });
  expect(pupil.status).toBe(302);
  expect(pupilsIn(otherClass.id)).toBe(1);
  const classmate = await postForm(browser, "/join", address(), {
    code: target.joinCode,
    displayName: "Yusuf",
    pin: "2580",
    pinConfirm: "2580",
  });
  expect(classmate.status).toBe(302);
  // And signing in is not blocked by the guesses either.
  const back = await postForm(browser, "/pupil/login", address(), {
    code: otherClass.joinCode,
    displayName: "Wulan",
    pin: "2580",
  });
  expect(back.status).toBe(302);
});

test("60 wrong PINs sent at once, then the right one: at most 10 are checked", async ({
  browser,
}) => {
  const teacher = await createTeacher();
  const klass = createClass(teacher.id);
  const pupil = await createPupil(klass.id, { pin: "6116" });
  const ip = address();
  const guesses = await Promise.all(
    Array.from({ length: 60 }, (_, i) =>
      postForm(browser, "/pupil/login", ip, {
        code: klass.joinCode,
        displayName: pupil.name,
        pin: String(6000 + i + (i >= 16 ? 1 : 0)),
      }),
    ),
  );
  const statuses = guesses.map((g) => g.status);
  // 400 = the PIN was checked and was wrong; 429 = refused before any checking.
  expect(statuses.filter((s) => s !== 400 && s !== 429)).toEqual([]);
  expect(statuses.filter((s) => s === 400).length).toBeLessThanOrEqual(10);
  const right = await postForm(browser, "/pupil/login", ip, {
    code: klass.joinCode,
    displayName: pupil.name,
    pin: "6116",
  });
  expect(right.status).toBe(429);
  const counted = testDb()
    .prepare("SELECT count FROM throttles WHERE key = ?")
    .get(`pupil:${klass.id}:${nameKey(pupil.name)}`) as { count: number };
  expect(counted.count).toBeLessThanOrEqual(10);
});

test("wrong class codes on the pupil sign-in count as guesses too", async ({ browser }) => {
  const teacher = await createTeacher();
  const klass = createClass(teacher.id);
  const pupil = await createPupil(klass.id, { pin: "97531" });
  const ip = address();
  for (let i = 0; i < 20; i++) {
    const guess = await postForm(browser, "/pupil/login", ip, {
      code: randomJoinCode(),
      displayName: pupil.name,
      pin: "97531",
    });
    expect(guess.status, `guess ${i + 1}`).toBe(400);
  }
  const right = { code: klass.joinCode, displayName: pupil.name, pin: "97531" };
  const refused = await postForm(browser, "/pupil/login", ip, right);
  expect(refused.status).toBe(429);
  expect(refused.text).toMatch(
    /Terlalu banyak percobaan dari jaringan ini\. Coba lagi dalam [1-5]?\d detik\./,
  );
  expect((await postForm(browser, "/pupil/login", address(), right)).status).toBe(302);
});

test("a pupil's PIN throttle holds across addresses, and a classmate can still sign in", async ({
  browser,
  page,
}) => {
  const teacher = await createTeacher();
  const klass = createClass(teacher.id);
  const target = await createPupil(klass.id, { pin: "864209" });
  const classmate = await createPupil(klass.id, { pin: "135791" });
  for (let i = 0; i < 10; i++) {
    // every wrong PIN from a different address: the per-pupil counter still sees them all
    const wrong = await postForm(browser, "/pupil/login", address(), {
      code: klass.joinCode,
      displayName: target.name,
      pin: String(100000 + i),
    });
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

  const mate = await postForm(browser, "/pupil/login", ip, {
    code: klass.joinCode,
    displayName: classmate.name,
    pin: "135791",
  });
  expect(mate.status).toBe(302);
});

test("spraying passwords over many teacher accounts from one address: after 30 failures it must wait", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const teacher = await createTeacher();
  const ip = address();
  for (let i = 0; i < 30; i++) {
    const spray = await postForm(browser, "/teacher/login", ip, {
      email: `${unique("korban")}@sekolah.test`,
      password: "Password123!",
    });
    expect(spray.status, `attempt ${i + 1}`).toBe(400);
  }
  const right = { email: teacher.email, password: teacher.password };
  const refused = await postForm(browser, "/teacher/login", ip, right);
  expect(refused.status).toBe(429);
  expect(refused.retryAfter).toBeLessThanOrEqual(60);
  expect(refused.text).toMatch(
    /Terlalu banyak percobaan dari jaringan ini\. Coba lagi dalam [1-5]?\d detik\./,
  );
  expect((await postForm(browser, "/teacher/login", address(), right)).status).toBe(302);
});

test("30 wrong teacher passwords sent at once: at most 10 are checked", async ({ browser }) => {
  const teacher = await createTeacher();
  const guesses = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      postForm(browser, "/teacher/login", address(), {
        email: teacher.email,
        password: `salah sekali ${i}`,
      }),
    ),
  );
  const statuses = guesses.map((g) => g.status);
  expect(statuses.filter((s) => s !== 400 && s !== 429)).toEqual([]);
  expect(statuses.filter((s) => s === 400).length).toBeLessThanOrEqual(10);
  expect(
    (
      await postForm(browser, "/teacher/login", address(), {
        email: teacher.email,
        password: teacher.password,
      })
    ).status,
  ).toBe(429);
});
