// Sessions made by the app's own sign-in code (a teacher signs up and signs in, a pupil joins and
// signs in, all through the real forms), then aged in the database as time would age them: idle
// and maximum age end them on the next real request, and activity refreshes "last seen".
import { expect, test, type Page } from "@playwright/test";
import { createClass, createTeacher, testDb, unique } from "../support/factories";
import { actFromOwnAddress } from "../support/address";

// A shared, busy machine: give each story room (no assertion here is timed).
test.describe.configure({ timeout: 120_000 });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Row = { idHash: string; createdAt: number; lastSeenAt: number; expiresAt: number };
const sessionsOf = (column: "teacher_id" | "pupil_id", id: number) =>
  testDb()
    .prepare(
      `SELECT id_hash AS idHash, created_at AS createdAt, last_seen_at AS lastSeenAt, expires_at AS expiresAt FROM sessions WHERE ${column} = ? ORDER BY created_at`,
    )
    .all(id) as Row[];
const age = (idHash: string, set: { createdAt?: number; lastSeenAt?: number }) => {
  if (set.createdAt !== undefined)
    testDb()
      .prepare("UPDATE sessions SET created_at = ? WHERE id_hash = ?")
      .run(set.createdAt, idHash);
  if (set.lastSeenAt !== undefined)
    testDb()
      .prepare("UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?")
      .run(set.lastSeenAt, idHash);
};

async function pupilSignIn(page: Page, input: { code: string; name: string; pin: string }) {
  await page.goto("/pupil/login");
  await page.getByLabel("Kode kelas").fill(input.code);
  await page.getByLabel("Nama tampilan").fill(input.name);
  await page.getByLabel("PIN", { exact: true }).fill(input.pin);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page).toHaveURL(/\/pupil$/);
}

async function teacherSignIn(page: Page, input: { email: string; password: string }) {
  await page.goto("/teacher/login");
  await page.getByLabel("Email").fill(input.email);
  await page.getByLabel("Kata sandi").fill(input.password);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page).toHaveURL(/\/teacher$/);
}

test("pupil: joined through the form; last seen refreshes; idle for an hour or signed in for 8 hours ends it", async ({
  page,
}) => {
  const teacher = await createTeacher();
  const klass = createClass(teacher.id);
  const name = unique("Siswa Sesi");
  await page.goto("/join");
  await page.getByLabel("Kode kelas").fill(klass.joinCode);
  await page.getByLabel("Nama tampilan").fill(name);
  await page.getByLabel("Pilih PIN").fill("2580");
  await page.getByLabel("Ulangi PIN").fill("2580");
  await page.getByRole("button", { name: "Gabung" }).click();
  await expect(page).toHaveURL(/\/pupil$/);
  const pupilId = (
    testDb()
      .prepare("SELECT id FROM pupils WHERE class_id = ? AND display_name = ?")
      .get(klass.id, name) as { id: number }
  ).id;

  // the session the app made: 8 hours at most, for pupils on shared school computers
  let [row] = sessionsOf("pupil_id", pupilId);
  expect(row.expiresAt - row.createdAt).toBe(8 * HOUR);

  // 30 minutes idle: still signed in, and the visit refreshes "last seen"
  const before = Date.now();
  age(row.idHash, { lastSeenAt: before - 30 * MINUTE });
  await page.goto("/pupil");
  await expect(page).toHaveURL(/\/pupil$/);
  [row] = sessionsOf("pupil_id", pupilId);
  expect(row.lastSeenAt).toBeGreaterThanOrEqual(before);

  // an hour idle: the next request finds it ended and removes it
  age(row.idHash, { lastSeenAt: Date.now() - HOUR - MINUTE });
  await page.goto("/pupil");
  await expect(page).toHaveURL(/\/pupil\/login\?redirectTo=%2Fpupil$/);
  expect(sessionsOf("pupil_id", pupilId)).toEqual([]);

  // signed in again through the form; active all along, but past 8 hours since signing in
  await pupilSignIn(page, { code: klass.joinCode, name, pin: "2580" });
  [row] = sessionsOf("pupil_id", pupilId);
  age(row.idHash, {
    createdAt: Date.now() - 8 * HOUR - MINUTE,
    lastSeenAt: Date.now() - MINUTE / 2,
  });
  await page.goto("/pupil");
  await expect(page).toHaveURL(/\/pupil\/login\?redirectTo=%2Fpupil$/);
  expect(sessionsOf("pupil_id", pupilId)).toEqual([]);
});

test("teacher: signed up and in through the forms; two idle days or 14 days since signing in end it", async ({
  page,
}) => {
  const email = `${unique("sesi")}@sekolah.test`;
  const password = "kopi tubruk di pagi hari";
  await actFromOwnAddress(page);
  await page.goto("/teacher/signup");
  await page.getByLabel("Nama", { exact: true }).fill("Bu Sesi");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Buat akun" }).click();
  // a new account is shown its recovery codes once, then goes on
  await expect(page.getByRole("heading", { name: "Kode pemulihan akunmu" })).toBeVisible();
  await page.getByRole("link", { name: "Saya sudah menyimpannya, lanjut ke beranda guru" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dasbor guru" })).toBeVisible();
  const teacherId = (
    testDb().prepare("SELECT id FROM teachers WHERE email = ?").get(email) as { id: number }
  ).id;
  // the stored password hash is the app's own argon2id, made by the server (whose e2e instance
  // hashes cheaply, decision 018; the production cost is pinned in tests/unit/accounts.test.ts)
  expect(
    (
      testDb().prepare("SELECT password_hash AS h FROM teachers WHERE id = ?").get(teacherId) as {
        h: string;
      }
    ).h,
  ).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
  let [row] = sessionsOf("teacher_id", teacherId);
  expect(row.expiresAt - row.createdAt).toBe(14 * DAY);

  // a day idle: still signed in, last seen refreshed
  const before = Date.now();
  age(row.idHash, { lastSeenAt: before - DAY });
  await page.goto("/teacher");
  await expect(page).toHaveURL(/\/teacher$/);
  [row] = sessionsOf("teacher_id", teacherId);
  expect(row.lastSeenAt).toBeGreaterThanOrEqual(before);

  // two days idle: ended
  age(row.idHash, { lastSeenAt: Date.now() - 2 * DAY - MINUTE });
  await page.goto("/teacher");
  await expect(page).toHaveURL(/\/teacher\/login\?redirectTo=%2Fteacher$/);
  expect(sessionsOf("teacher_id", teacherId)).toEqual([]);

  // in again through the form; active, but 14 days since signing in
  await teacherSignIn(page, { email, password });
  [row] = sessionsOf("teacher_id", teacherId);
  age(row.idHash, {
    createdAt: Date.now() - 14 * DAY - MINUTE,
    lastSeenAt: Date.now() - MINUTE / 2,
  });
  await page.goto("/teacher");
  await expect(page).toHaveURL(/\/teacher\/login\?redirectTo=%2Fteacher$/);
  expect(sessionsOf("teacher_id", teacherId)).toEqual([]);
});
