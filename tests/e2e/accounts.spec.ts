// Accounts: teachers sign up and manage classes; pupils join with a code and sign in with a PIN.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import {
  createClass,
  createPupil,
  createTeacher,
  randomJoinCode,
  signIn,
  testDb,
  unique,
} from "../support/factories";
import { actFromOwnAddress } from "../support/address";

test.use({ locale: "id-ID" });

const nav = (page: Page) => page.getByRole("navigation", { name: "Navigasi utama" });

async function signUpTeacher(page: Page, name = "Bu Sari") {
  const email = `${unique("guru")}@Sekolah.test`;
  await actFromOwnAddress(page);
  await page.goto("/teacher/signup");
  await page.getByLabel("Nama", { exact: true }).fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill("kopi tubruk di pagi hari");
  await page.getByRole("button", { name: "Buat akun" }).click();
  // a new account is shown its recovery codes once, then goes on
  await expect(page.getByRole("heading", { name: "Kode pemulihan akunmu" })).toBeVisible();
  await page.getByRole("link", { name: "Saya sudah menyimpannya, lanjut ke beranda guru" }).click();
  await expect(page).toHaveURL(/\/teacher$/);
  await expect(page.getByRole("heading", { level: 1, name: "Dasbor guru" })).toBeVisible();
  return { email };
}

async function createClassThroughForm(page: Page, name: string) {
  await page.getByLabel("Nama kelas").fill(name);
  await page.getByLabel("Jenjang kelas").selectOption("8");
  await page.getByLabel("Mata pelajaran").fill("PPKn");
  await page.getByLabel("Zona waktu").selectOption("WITA");
  await page.getByRole("button", { name: "Buat kelas" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("Kelas 8 · PPKn · WITA")).toBeVisible();
}

/** The join link shown on the class page, and the code it carries. */
async function readJoinLink(page: Page) {
  const href = await page.getByRole("link", { name: /\/join\?code=/ }).getAttribute("href");
  expect(href).toBeTruthy();
  const code = new URL(href!).searchParams.get("code")!;
  expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
  await expect(page.getByText(code, { exact: true })).toBeVisible();
  return { href: href!, code };
}

async function pupilSignIn(page: Page, input: { code: string; name: string; pin: string }) {
  await page.goto("/pupil/login");
  await page.getByLabel("Kode kelas").fill(input.code);
  await page.getByLabel("Nama tampilan").fill(input.name);
  await page.getByLabel("PIN", { exact: true }).fill(input.pin);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
}

async function joinThroughForm(
  page: Page,
  input: { code?: string; name: string; pin: string; confirm?: string },
) {
  if (input.code !== undefined) await page.getByLabel("Kode kelas").fill(input.code);
  await page.getByLabel("Nama tampilan").fill(input.name);
  await page.getByLabel("Pilih PIN").fill(input.pin);
  await page.getByLabel("Ulangi PIN").fill(input.confirm ?? input.pin);
  await page.getByRole("button", { name: "Gabung" }).click();
}

async function expectSignedOutPupil(page: Page) {
  await page.goto("/pupil");
  await expect(page).toHaveURL(/\/pupil\/login\?redirectTo=%2Fpupil$/);
}

async function fullJourney(
  browser: Browser,
  page: Page,
  baseURL: string,
  javaScriptEnabled: boolean,
) {
  // A teacher signs up, creates a class and reads its code.
  await signUpTeacher(page);
  const className = unique("Kelas 8A");
  await createClassThroughForm(page, className);
  const { href, code } = await readJoinLink(page);
  await expect(page.getByText("Belum ada siswa.")).toBeVisible();

  // A pupil, in another browser, follows the join link: the code is already filled in.
  const pupilContext = await browser.newContext({ baseURL, locale: "id-ID", javaScriptEnabled });
  const pupil = await pupilContext.newPage();
  const pupilName = unique("Budi");
  await pupil.goto(href);
  await expect(pupil.getByLabel("Kode kelas")).toHaveValue(code);
  await joinThroughForm(pupil, { name: pupilName, pin: "2468" });
  await expect(pupil).toHaveURL(/\/pupil$/);
  await expect(pupil.getByRole("heading", { level: 1, name: `Halo, ${pupilName}!` })).toBeVisible();
  await expect(pupil.getByText(`Kelas: ${className}`)).toBeVisible();

  // Signs out, then back in with code (typed loosely) + name + PIN.
  await nav(pupil).getByRole("button", { name: "Keluar", exact: true }).click();
  await expect(pupil).toHaveURL(/\/$/);
  await expect(nav(pupil).getByRole("link", { name: "Dasbor" })).toHaveCount(0);
  await expectSignedOutPupil(pupil);
  const loose = `${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`;
  await pupil.getByLabel("Kode kelas").fill(loose);
  await pupil.getByLabel("Nama tampilan").fill(` ${pupilName.toUpperCase()} `);
  await pupil.getByLabel("PIN", { exact: true }).fill("2468");
  await pupil.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(pupil).toHaveURL(/\/pupil$/);
  await expect(pupil.getByRole("heading", { level: 1, name: `Halo, ${pupilName}!` })).toBeVisible();

  // The teacher sees the pupil in the roster and resets the PIN.
  const classUrl = page.url();
  const response = await page.goto(classUrl);
  expect(response?.headers()["cache-control"]).toBe("no-store");
  const roster = page.getByRole("table", { name: `Daftar siswa ${className}` });
  await expect(roster.getByRole("rowheader", { name: pupilName })).toBeVisible();
  // it asks first, in place; the new PIN shows on its own page (no "?index" in the address)
  await roster.getByText(`Atur ulang PIN untuk ${pupilName}`).click();
  await page.getByRole("button", { name: `Ya, buat PIN baru untuk ${pupilName}` }).click();
  await expect(page).toHaveURL(/\/pupils\/\d+\/pin$/);
  const notice = page.getByRole("status");
  await expect(notice).toContainText(`PIN baru untuk ${pupilName}:`);
  const newPin = (await notice.getByText(/^\d{4}$/).textContent())!.trim();
  expect(newPin).toMatch(/^\d{4}$/);

  // The reset ended the pupil's session; the old PIN stops working, the new one works.
  await expectSignedOutPupil(pupil);
  await pupilSignIn(pupil, { code, name: pupilName, pin: "2468" });
  await expect(pupil.getByText("Nama tampilan atau PIN salah.")).toBeVisible();
  await pupilSignIn(pupil, { code, name: pupilName, pin: newPin });
  await expect(pupil).toHaveURL(/\/pupil$/);

  // The teacher removes the pupil after confirming; the pupil's sign-in stops working.
  await page.goto(classUrl);
  await page.getByRole("link", { name: `Keluarkan untuk ${pupilName}` }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: `Keluarkan ${pupilName}?` }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Keluarkan siswa" }).click();
  await expect(page.getByText("Centang kotak ini untuk memastikan.")).toBeVisible();
  await expect(page.getByRole("checkbox")).toHaveAttribute("aria-invalid", "true");
  await page
    .getByRole("checkbox", { name: `Ya, keluarkan ${pupilName} dan hapus datanya` })
    .check();
  await page.getByRole("button", { name: "Keluarkan siswa" }).click();
  await expect(page.getByRole("heading", { level: 1, name: className })).toBeVisible();
  await expect(page.getByText("Belum ada siswa.")).toBeVisible();

  await expectSignedOutPupil(pupil);
  await pupilSignIn(pupil, { code, name: pupilName, pin: newPin });
  await expect(pupil.getByText("Nama tampilan atau PIN salah.")).toBeVisible();
  await pupilContext.close();
}

test.describe("the account journey", () => {
  test("teacher signs up and manages a pupil who joins, signs out and back in", async ({
    browser,
    page,
    baseURL,
    javaScriptEnabled,
  }) => {
    await fullJourney(browser, page, baseURL!, javaScriptEnabled);
  });
});

test.describe("the account journey without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("teacher signs up and manages a pupil who joins, signs out and back in", async ({
    browser,
    page,
    baseURL,
    javaScriptEnabled,
  }) => {
    expect(javaScriptEnabled).toBe(false);
    await fullJourney(browser, page, baseURL!, javaScriptEnabled);
  });

  test("a refused form keeps the other entries but never the PIN", async ({ page }) => {
    const teacher = await createTeacher();
    const klass = createClass(teacher.id);
    const pupil = await createPupil(klass.id, { pin: "1357" });
    await pupilSignIn(page, { code: klass.joinCode, name: pupil.name, pin: "9999" });
    await expect(page.getByLabel("PIN", { exact: true })).toHaveAccessibleDescription(
      "Nama tampilan atau PIN salah.",
    );
    await expect(page.getByLabel("Kode kelas")).toHaveValue(klass.joinCode);
    await expect(page.getByLabel("Nama tampilan")).toHaveValue(pupil.name);
    await expect(page.getByLabel("PIN", { exact: true })).toHaveValue("");
  });
});

test.describe("teacher accounts", () => {
  test("signs in through the form with any letter case in the email, and out again", async ({
    page,
  }) => {
    const teacher = await createTeacher({ name: "Pak Dedi" });
    await page.goto("/teacher/login");
    await page.getByLabel("Email").fill(teacher.email.toUpperCase());
    await page.getByLabel("Kata sandi").fill(teacher.password);
    await page.getByRole("button", { name: "Masuk", exact: true }).click();
    await expect(page).toHaveURL(/\/teacher$/);
    await expect(page.getByText("Selamat datang, Pak Dedi.")).toBeVisible();
    await nav(page).getByRole("button", { name: "Keluar", exact: true }).click();
    await expect(page).toHaveURL(/\/$/);
    await page.goto("/teacher");
    await expect(page).toHaveURL(/\/teacher\/login\?redirectTo=%2Fteacher$/);
  });

  test("a wrong password and an unknown email get the same answer", async ({ page }) => {
    const teacher = await createTeacher();
    const statuses: number[] = [];
    page.on("response", (r) => {
      if (r.request().method() === "POST") statuses.push(r.status());
    });
    for (const email of [teacher.email, `${unique("tidak-ada")}@sekolah.test`]) {
      await page.goto("/teacher/login");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Kata sandi").fill("bukan kata sandinya");
      await page.getByRole("button", { name: "Masuk", exact: true }).click();
      await expect(page.getByLabel("Kata sandi")).toHaveAccessibleDescription(
        "Email atau kata sandi salah.",
      );
      await expect(page.getByLabel("Email")).toHaveValue(email);
    }
    expect(statuses).toEqual([400, 400]);
  });

  test("the 11th failed sign-in within the window is refused, even with the right password", async ({
    page,
  }) => {
    const teacher = await createTeacher();
    await page.goto("/teacher/login");
    for (let i = 0; i < 10; i++) {
      await page.getByLabel("Email").fill(teacher.email);
      await page.getByLabel("Kata sandi").fill(`salah ${i} kali`);
      const answer = page.waitForResponse((r) => r.request().method() === "POST");
      await page.getByRole("button", { name: "Masuk", exact: true }).click();
      expect((await answer).status()).toBe(400);
    }
    await page.getByLabel("Kata sandi").fill(teacher.password);
    const answer = page.waitForResponse((r) => r.request().method() === "POST");
    await page.getByRole("button", { name: "Masuk", exact: true }).click();
    expect((await answer).status()).toBe(429);
    await expect(page.getByRole("alert")).toHaveText(
      /^Terlalu banyak percobaan\. Coba lagi dalam 1?\d menit\.$/,
    );
    await expect(page.getByRole("heading", { level: 1, name: "Masuk sebagai guru" })).toBeVisible();
    await page.goto("/teacher");
    await expect(page).toHaveURL(/\/teacher\/login/);
  });

  test("sign-up refuses bad input with a message beside the field and keeps the rest", async ({
    page,
  }) => {
    const taken = await createTeacher();
    await actFromOwnAddress(page);
    await page.goto("/teacher/signup");
    const name = page.getByLabel("Nama", { exact: true });
    const email = page.getByLabel("Email");
    const password = page.getByLabel("Kata sandi");
    const submit = page.getByRole("button", { name: "Buat akun" });

    await email.fill("guru@sekolah.test");
    await password.fill("kopi tubruk di pagi hari");
    await submit.click();
    await expect(name).toHaveAttribute("aria-invalid", "true");
    await expect(name).toHaveAccessibleDescription(/Wajib diisi\./);
    await expect(email).toHaveValue("guru@sekolah.test");

    await name.fill("N".repeat(81));
    await submit.click();
    await expect(name).toHaveAccessibleDescription(/Nama terlalu panjang/);

    await name.fill("Bu Rina");
    await email.fill("bukan-email");
    await password.fill("kopi tubruk di pagi hari");
    await submit.click();
    await expect(email).toHaveAccessibleDescription(
      "Tulis alamat email yang benar, misalnya nama@sekolah.sch.id.",
    );
    await expect(name).toHaveValue("Bu Rina");
    await expect(name).not.toHaveAttribute("aria-invalid", "true");

    // A taken email is not announced (decision record 032): a neutral form-wide message.
    await email.fill(taken.email.toUpperCase());
    await password.fill("kopi tubruk di pagi hari");
    await submit.click();
    await expect(page.getByRole("alert")).toHaveText(
      /^Akun tidak dapat dibuat dengan email dan kata sandi ini\./,
    );
    await expect(email).not.toHaveAttribute("aria-invalid", "true");
    await expect(name).toHaveValue("Bu Rina");
    await expectAccessible(page);

    await email.fill(`${unique("rina")}@sekolah.test`);
    await password.fill("pendek");
    await submit.click();
    await expect(password).toHaveAccessibleDescription(/Kata sandi terlalu pendek/);

    await password.fill("bismillah");
    await submit.click();
    await expect(password).toHaveAccessibleDescription(/Kata sandi ini terlalu umum/);
    await expect(page.locator(".field-error")).toHaveCount(1);
    await expect(page).toHaveURL(/\/teacher\/signup$/);
  });

  test("creating a class refuses an empty or over-long name and keeps the other fields", async ({
    page,
    context,
  }) => {
    const teacher = await createTeacher();
    await signIn(context, { role: "teacher", id: teacher.id });
    await page.goto("/teacher");
    await page.getByLabel("Mata pelajaran").fill("Bahasa Indonesia");
    await page.getByLabel("Zona waktu").selectOption("WIT");
    await page.getByRole("button", { name: "Buat kelas" }).click();
    await expect(page.getByLabel("Nama kelas")).toHaveAccessibleDescription(/Wajib diisi\./);
    await expect(page.getByLabel("Mata pelajaran")).toHaveValue("Bahasa Indonesia");
    await expect(page.getByLabel("Zona waktu")).toHaveValue("WIT");

    await page.getByLabel("Nama kelas").fill("K".repeat(61));
    await page.getByRole("button", { name: "Buat kelas" }).click();
    await expect(page.getByLabel("Nama kelas")).toHaveAccessibleDescription(
      /Nama kelas terlalu panjang/,
    );
    await expect(page.getByRole("heading", { level: 2, name: "Kelas saya" })).toBeVisible();
    await expect(page.getByText("Belum ada kelas.")).toBeVisible();
  });

  test("renaming, archiving and unarchiving a class; archived pupils cannot sign in or join", async ({
    page,
    context,
    browser,
    baseURL,
  }) => {
    const teacher = await createTeacher();
    const klass = createClass(teacher.id);
    const member = await createPupil(klass.id, { pin: "5555" });
    await signIn(context, { role: "teacher", id: teacher.id });
    await page.goto(`/teacher/classes/${klass.id}`);

    const newName = unique("Kelas IX IPS");
    await page.getByLabel("Nama kelas").fill(newName);
    await page.getByRole("button", { name: "Simpan nama" }).click();
    await expect(page.getByRole("heading", { level: 1, name: newName })).toBeVisible();

    // a pupil signed in before the class is archived
    const before = await browser.newContext({ baseURL, locale: "id-ID" });
    await signIn(before, { role: "pupil", id: member.id });
    const signedIn = await before.newPage();
    await signedIn.goto("/pupil");
    await expect(signedIn).toHaveURL(/\/pupil$/);

    // archiving asks first, in place, and leaves no "?index" in the address
    await page.getByText("Arsipkan kelas", { exact: true }).click();
    await page.getByRole("button", { name: "Ya, arsipkan kelas ini" }).click();
    await expect(
      page.getByText("Kelas ini diarsipkan: siswa tidak dapat bergabung atau masuk."),
    ).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/teacher/classes/${klass.id}$`));

    // the signed-in pupil is sent to the sign-in page with the reason
    await signedIn.goto("/pupil");
    await expect(signedIn).toHaveURL(/\/pupil\/login\?reason=archived$/);
    await expect(signedIn.getByText("Kelasmu sudah diarsipkan oleh guru")).toBeVisible();
    await expectAccessible(signedIn);
    await before.close();
    await page.goto("/teacher");
    const archived = page.getByRole("list", { name: "Kelas yang diarsipkan" });
    await expect(archived.getByRole("link", { name: newName })).toBeVisible();
    await expect(page.getByRole("list", { name: "Kelas saya" })).toHaveCount(0);

    const other = await browser.newContext({ baseURL, locale: "id-ID" });
    const pupil = await other.newPage();
    await pupilSignIn(pupil, { code: klass.joinCode, name: member.name, pin: "5555" });
    await expect(pupil.getByLabel("Kode kelas")).toHaveAccessibleDescription(
      /Kelas ini sudah diarsipkan, jadi tidak bisa masuk\./,
    );
    await pupil.goto(`/join?code=${klass.joinCode}`);
    await joinThroughForm(pupil, { name: unique("Sinta"), pin: "1234" });
    await expect(pupil.getByLabel("Kode kelas")).toHaveAccessibleDescription(
      /Kelas ini sudah diarsipkan, jadi tidak bisa bergabung\./,
    );

    await page.getByRole("link", { name: newName }).click();
    await page.getByRole("button", { name: "Buka arsip" }).click();
    await expect(page.getByText("Arsipkan kelas", { exact: true })).toBeVisible();
    await pupilSignIn(pupil, { code: klass.joinCode, name: member.name, pin: "5555" });
    await expect(pupil).toHaveURL(/\/pupil$/);
    await other.close();
  });

  test("closing joining refuses the code; a new code replaces the old one", async ({
    page,
    context,
    browser,
    baseURL,
  }) => {
    const teacher = await createTeacher();
    const klass = createClass(teacher.id);
    const member = await createPupil(klass.id, { pin: "8080" });
    await signIn(context, { role: "teacher", id: teacher.id });
    await page.goto(`/teacher/classes/${klass.id}`);
    await page.getByRole("button", { name: "Tutup pendaftaran" }).click();
    await expect(
      page.getByText("Ditutup: kode ini tidak bisa dipakai untuk bergabung"),
    ).toBeVisible();

    const other = await browser.newContext({ baseURL, locale: "id-ID" });
    const pupil = await other.newPage();
    await pupil.goto("/join");
    const newcomer = unique("Sinta");
    await joinThroughForm(pupil, { code: klass.joinCode, name: newcomer, pin: "1234" });
    await expect(pupil.getByLabel("Kode kelas")).toHaveAccessibleDescription(
      /Kelas ini sedang tidak menerima siswa baru\./,
    );
    await expect(pupil.getByLabel("Nama tampilan")).toHaveValue(newcomer);
    // Closed joining does not lock out pupils who already joined.
    await pupilSignIn(pupil, { code: klass.joinCode, name: member.name, pin: "8080" });
    await expect(pupil).toHaveURL(/\/pupil$/);
    await nav(pupil).getByRole("button", { name: "Keluar", exact: true }).click();
    await expect(pupil).toHaveURL(/\/$/);

    await page.getByRole("button", { name: "Buka pendaftaran" }).click();
    await expect(page.getByRole("button", { name: "Tutup pendaftaran" })).toBeVisible();
    await page.getByRole("button", { name: "Buat kode baru" }).click();
    await expect(page.getByText(klass.joinCode, { exact: true })).toHaveCount(0);
    const { code: fresh } = await readJoinLink(page);
    expect(fresh).not.toBe(klass.joinCode);

    await pupilSignIn(pupil, { code: klass.joinCode, name: member.name, pin: "8080" });
    await expect(pupil.getByLabel("Kode kelas")).toHaveAccessibleDescription(
      /Kode kelas tidak ditemukan\./,
    );
    await pupil.goto("/join");
    await joinThroughForm(pupil, { code: fresh, name: newcomer, pin: "1234" });
    await expect(pupil).toHaveURL(/\/pupil$/);
    await expect(
      pupil.getByRole("heading", { level: 1, name: `Halo, ${newcomer}!` }),
    ).toBeVisible();
    await other.close();
  });
});

test.describe("pupils joining and signing in", () => {
  test("join refuses bad input with a message beside the field and keeps the rest", async ({
    page,
  }) => {
    const teacher = await createTeacher();
    const klass = createClass(teacher.id);
    const budi = await createPupil(klass.id, { name: "Budi Santoso" });
    const roster = () =>
      testDb()
        .prepare("SELECT id FROM pupils WHERE class_id = ? ORDER BY id")
        .pluck()
        .all(klass.id);
    await page.goto("/join");
    const code = page.getByLabel("Kode kelas");
    const name = page.getByLabel("Nama tampilan");

    let wrong = randomJoinCode();
    while (wrong === klass.joinCode) wrong = randomJoinCode();
    await joinThroughForm(page, { code: wrong, name: "Sinta", pin: "1234" });
    await expect(code).toHaveAccessibleDescription(
      /Kode kelas tidak ditemukan\. Periksa lagi kodenya\./,
    );
    await expect(code).toHaveAttribute("aria-invalid", "true");
    await expect(name).toHaveValue("Sinta");

    await joinThroughForm(page, { code: klass.joinCode, name: "  budi   SANTOSO ", pin: "1234" });
    await expect(name).toHaveAccessibleDescription(/Nama ini sudah dipakai di kelas ini\./);
    await expect(code).toHaveValue(klass.joinCode);
    // refused means nothing stored: Budi is still the class's only pupil
    expect(roster()).toEqual([budi.id]);

    await joinThroughForm(page, { name: "   ", pin: "1234" });
    await expect(name).toHaveAccessibleDescription(/Wajib diisi\./);

    await joinThroughForm(page, { name: "S".repeat(41), pin: "1234" });
    await expect(name).toHaveAccessibleDescription(/Nama tampilan terlalu panjang/);

    for (const pin of ["123", "123456789", "12a4", "١٢٣٤"]) {
      await joinThroughForm(page, { name: "Sinta", pin });
      await expect(page.getByLabel("Pilih PIN")).toHaveAccessibleDescription(
        /PIN harus 4 sampai 8 angka\./,
      );
      await expect(name).toHaveValue("Sinta");
    }

    await joinThroughForm(page, { name: "Sinta", pin: "1234", confirm: "1243" });
    await expect(page.getByLabel("Ulangi PIN")).toHaveAccessibleDescription(
      "Kedua PIN tidak sama. Ketik ulang PIN yang sama.",
    );
    await expect(page).toHaveURL(/\/join$/);
    const count = testDb()
      .prepare("SELECT count(*) AS n FROM pupils WHERE class_id = ?")
      .get(klass.id) as { n: number };
    expect(count.n).toBe(1);
  });

  test("a wrong PIN is refused; the 11th failure in the window is throttled", async ({ page }) => {
    const teacher = await createTeacher();
    const klass = createClass(teacher.id);
    const pupil = await createPupil(klass.id, { pin: "246810" });
    await page.goto("/pupil/login");
    for (let i = 0; i < 10; i++) {
      await page.getByLabel("Kode kelas").fill(klass.joinCode);
      await page.getByLabel("Nama tampilan").fill(pupil.name);
      await page.getByLabel("PIN", { exact: true }).fill(String(1000 + i));
      const answer = page.waitForResponse((r) => r.request().method() === "POST");
      await page.getByRole("button", { name: "Masuk", exact: true }).click();
      expect((await answer).status()).toBe(400);
      await expect(page.getByLabel("PIN", { exact: true })).toHaveAccessibleDescription(
        "Nama tampilan atau PIN salah.",
      );
    }
    await page.getByLabel("PIN", { exact: true }).fill("246810");
    const answer = page.waitForResponse((r) => r.request().method() === "POST");
    await page.getByRole("button", { name: "Masuk", exact: true }).click();
    expect((await answer).status()).toBe(429);
    await expect(page.getByRole("alert")).toHaveText(
      /^Terlalu banyak percobaan\. Coba lagi dalam 1?\d menit\.$/,
    );
    await expect(page.getByLabel("Nama tampilan")).toHaveValue(pupil.name);
    await expectAccessible(page);
  });

  test("a PIN that is not 4–8 digits is refused at sign-in", async ({ page }) => {
    const teacher = await createTeacher();
    const klass = createClass(teacher.id);
    const pupil = await createPupil(klass.id);
    await pupilSignIn(page, { code: klass.joinCode, name: pupil.name, pin: "12" });
    await expect(page.getByLabel("PIN", { exact: true })).toHaveAccessibleDescription(
      "PIN harus 4 sampai 8 angka.",
    );
    await expect(page.getByLabel("Kode kelas")).toHaveValue(klass.joinCode);
  });

  test("the join form ignores a filled honeypot quietly", async ({ page, baseURL }) => {
    const teacher = await createTeacher();
    const klass = createClass(teacher.id);
    await page.goto("/join");
    await expect(page.locator(".honeypot")).toHaveAttribute("aria-hidden", "true");
    const response = await page.request.post("/join", {
      headers: { Origin: baseURL! },
      form: {
        code: klass.joinCode,
        displayName: "Bot",
        pin: "1234",
        pinConfirm: "1234",
        contact_url: "http://spam.test",
      },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(400);
    const count = testDb()
      .prepare("SELECT count(*) AS n FROM pupils WHERE class_id = ?")
      .get(klass.id) as { n: number };
    expect(count.n).toBe(0);
  });
});

test.describe("sessions and access", () => {
  test("signing out deletes the session: a replayed cookie is refused", async ({
    page,
    context,
    baseURL,
  }) => {
    const teacher = await createTeacher();
    await signIn(context, { role: "teacher", id: teacher.id });
    await page.goto("/teacher");
    const saved = await context.cookies();
    const response = await page.request.post("/logout", {
      headers: { Origin: baseURL! },
      form: {},
      maxRedirects: 0,
    });
    expect(response.status()).toBe(302);
    expect(response.headers()["clear-site-data"]).toBe('"cookies"');
    await context.clearCookies();
    await context.addCookies(saved);
    await page.goto("/teacher");
    await expect(page).toHaveURL(/\/teacher\/login\?redirectTo=%2Fteacher$/);
  });

  test("a tampered or unknown session cookie counts as signed out", async ({ page, context }) => {
    const teacher = await createTeacher();
    const klass = createClass(teacher.id);
    const pupil = await createPupil(klass.id);
    await signIn(context, { role: "pupil", id: pupil.id });
    await page.goto("/pupil");
    await expect(
      page.getByRole("heading", { level: 1, name: `Halo, ${pupil.name}!` }),
    ).toBeVisible();

    const [cookie] = (await context.cookies()).filter((c) => c.name === "telaah_session");
    const flipped =
      cookie.value.slice(0, 10) + (cookie.value[10] === "A" ? "B" : "A") + cookie.value.slice(11);
    await context.addCookies([{ ...cookie, value: flipped }]);
    await expectSignedOutPupil(page);

    await context.addCookies([cookie]);
    await page.goto("/pupil");
    await expect(
      page.getByRole("heading", { level: 1, name: `Halo, ${pupil.name}!` }),
    ).toBeVisible();
    testDb().prepare("DELETE FROM sessions WHERE pupil_id = ?").run(pupil.id);
    await expectSignedOutPupil(page);
  });

  test("signed-out visitors are sent to sign in and come back to where they were going", async ({
    page,
  }) => {
    const teacher = await createTeacher();
    const klass = createClass(teacher.id);
    await page.goto(`/teacher/classes/${klass.id}/cards`);
    await expect(page).toHaveURL(
      new RegExp(`/teacher/login\\?redirectTo=%2Fteacher%2Fclasses%2F${klass.id}%2Fcards$`),
    );
    await page.getByLabel("Email").fill(teacher.email);
    await page.getByLabel("Kata sandi").fill(teacher.password);
    await page.getByRole("button", { name: "Masuk", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/teacher/classes/${klass.id}/cards$`));
    await expect(
      page.getByRole("heading", { level: 1, name: `Kartu masuk: ${klass.name}` }),
    ).toBeVisible();

    // A teacher is not a pupil: the pupil home is "not found" for them.
    expect((await page.goto("/pupil"))?.status()).toBe(404);
  });

  test("signed-out visitors of pupil pages go to the pupil sign-in", async ({ page }) => {
    await expectSignedOutPupil(page);
    await page.goto("/teacher");
    await expect(page).toHaveURL(/\/teacher\/login\?redirectTo=%2Fteacher$/);
  });

  test("teacher B gets 404 for teacher A's class pages and actions", async ({
    page,
    context,
    baseURL,
  }) => {
    const a = await createTeacher({ name: "Bu Ani" });
    const b = await createTeacher({ name: "Pak Budi" });
    const classA = createClass(a.id);
    const pupilA = await createPupil(classA.id);
    const classB = createClass(b.id);
    await signIn(context, { role: "teacher", id: b.id });

    for (const path of [
      `/teacher/classes/${classA.id}`,
      `/teacher/classes/${classA.id}/cards`,
      `/teacher/classes/${classA.id}/pupils/${pupilA.id}/remove`,
      `/teacher/classes/${classB.id}/pupils/${pupilA.id}/remove`,
      `/teacher/classes/999999999`,
      `/teacher/classes/abc`,
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(
        page.getByRole("heading", { level: 1, name: "Halaman tidak ditemukan" }),
      ).toBeVisible();
    }

    const post = (path: string, form: Record<string, string>) =>
      page.request.post(path, { headers: { Origin: baseURL! }, form, maxRedirects: 0 });
    for (const intent of ["rename", "archive", "joinOff", "regenerate"]) {
      const response = await post(`/teacher/classes/${classA.id}?index`, {
        intent,
        name: "Diambil alih",
      });
      expect(response.status(), intent).toBe(404);
    }
    expect(
      (
        await post(`/teacher/classes/${classA.id}?index`, {
          intent: "resetPin",
          pupilId: String(pupilA.id),
        })
      ).status(),
    ).toBe(404);
    expect(
      (
        await post(`/teacher/classes/${classB.id}?index`, {
          intent: "resetPin",
          pupilId: String(pupilA.id),
        })
      ).status(),
    ).toBe(404);
    expect(
      (
        await post(`/teacher/classes/${classA.id}/pupils/${pupilA.id}/remove`, { confirm: "yes" })
      ).status(),
    ).toBe(404);
    expect(
      (
        await post(`/teacher/classes/${classB.id}/pupils/${pupilA.id}/remove`, { confirm: "yes" })
      ).status(),
    ).toBe(404);

    const row = testDb()
      .prepare(
        "SELECT name, join_code AS code, join_enabled AS open, archived_at AS archived FROM classes WHERE id = ?",
      )
      .get(classA.id) as { name: string; code: string; open: number; archived: number | null };
    expect(row).toEqual({ name: classA.name, code: classA.joinCode, open: 1, archived: null });
    const still = testDb()
      .prepare("SELECT count(*) AS n FROM pupils WHERE id = ?")
      .get(pupilA.id) as { n: number };
    expect(still.n).toBe(1);

    await page.goto("/teacher");
    await expect(page.getByRole("link", { name: classA.name })).toHaveCount(0);
    await expect(page.getByRole("link", { name: classB.name })).toBeVisible();
  });

  test("a pupil gets 404 for teacher pages", async ({ page, context }) => {
    const teacher = await createTeacher();
    const klass = createClass(teacher.id);
    const pupil = await createPupil(klass.id);
    await signIn(context, { role: "pupil", id: pupil.id });
    for (const path of [
      "/teacher",
      `/teacher/classes/${klass.id}`,
      `/teacher/classes/${klass.id}/cards`,
    ]) {
      expect((await page.goto(path))?.status(), path).toBe(404);
    }
  });

  test("cross-site posts are refused and sign no one in", async ({ page, context }) => {
    const teacher = await createTeacher();
    const form = { email: teacher.email, password: teacher.password };
    // A form on another site posting here: the browser says so in Sec-Fetch-Site.
    const fetchSite = await page.request.post("/teacher/login", {
      headers: { "Sec-Fetch-Site": "cross-site" },
      form,
      maxRedirects: 0,
    });
    expect(fetchSite.status()).toBe(403);
    // A script on another site: only the Origin tells.
    const script = await page.request.post("/teacher/login?_data=routes%2Fteacher.login", {
      headers: { Origin: "https://evil.example" },
      form,
      maxRedirects: 0,
    });
    expect(script.status()).toBe(403);
    // A cross-origin document POST: our server answers its own 403 page before Remix runs.
    const document = await page.request.post("/teacher/login", {
      headers: { Origin: "https://evil.example" },
      form,
      maxRedirects: 0,
    });
    expect(document.status()).toBe(403);
    expect(await document.text()).toContain("Permintaan ditolak");
    for (const response of [fetchSite, script, document])
      expect(response.headers()["set-cookie"]).toBeUndefined();
    expect((await context.cookies()).filter((c) => c.name === "telaah_session")).toEqual([]);
  });
});

/** Visits every page this feature adds (with a pupil in the roster and a reset PIN showing). */
async function visitEveryPage(page: Page, browser: Browser, baseURL: string, locale: string) {
  const teacher = await createTeacher();
  const klass = createClass(teacher.id);
  const pupil = await createPupil(klass.id);

  for (const path of [
    "/teacher/signup",
    "/teacher/login",
    `/join?code=${klass.joinCode}`,
    "/pupil/login",
  ]) {
    await page.goto(path);
    await expectAccessible(page);
  }
  // A form showing its errors.
  await actFromOwnAddress(page);
  await page.goto("/teacher/signup");
  await page.locator("form button[type=submit]").last().click();
  await expect(page.locator(".field-error").first()).toBeVisible();
  await expectAccessible(page);

  const teacherContext = await browser.newContext({ baseURL, locale });
  await signIn(teacherContext, { role: "teacher", id: teacher.id });
  const t = await teacherContext.newPage();
  await t.goto("/teacher");
  await expectAccessible(t);
  await t.goto(`/teacher/classes/${klass.id}`);
  await t.locator("details.confirm summary").first().click();
  await t.locator("details.confirm[open] button").click();
  await expect(t.getByRole("status")).toBeVisible();
  await expectAccessible(t);
  await t.goto(`/teacher/classes/${klass.id}/cards`);
  await expect(t.getByText(pupil.name).first()).toBeVisible();
  await expectAccessible(t);
  await t.goto(`/teacher/classes/${klass.id}/pupils/${pupil.id}/remove`);
  await expectAccessible(t);
  await teacherContext.close();

  const pupilContext = await browser.newContext({ baseURL, locale });
  const other = await createPupil(klass.id);
  await signIn(pupilContext, { role: "pupil", id: other.id });
  const p = await pupilContext.newPage();
  await p.goto("/pupil");
  await expect(p.getByRole("heading", { level: 1 })).toContainText(other.name);
  await expectAccessible(p);
  await pupilContext.close();
}

test.describe("accessibility in Indonesian", () => {
  test("every account page passes axe", async ({ page, browser, baseURL }) => {
    await visitEveryPage(page, browser, baseURL!, "id-ID");
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
  });
});

test.describe("in English", () => {
  test.use({ locale: "en-US" });

  test("every account page passes axe", async ({ page, browser, baseURL }) => {
    await visitEveryPage(page, browser, baseURL!, "en-US");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });

  test("join and sign-in speak English, with the privacy link", async ({ page }) => {
    const teacher = await createTeacher();
    const klass = createClass(teacher.id);
    await page.goto(`/join?code=${klass.joinCode.toLowerCase()}`);
    await expect(page.getByRole("heading", { level: 1, name: "Join a class" })).toBeVisible();
    await expect(page.getByLabel("Class code")).toHaveValue(klass.joinCode);
    await expect(page.getByRole("link", { name: "What data is kept about me?" })).toHaveAttribute(
      "href",
      "/privacy",
    );
    await page.getByLabel("Display name").fill("Rina");
    await page.getByLabel("Choose a PIN").fill("12");
    await page.getByLabel("Repeat the PIN").fill("12");
    await page.getByRole("button", { name: "Join" }).click();
    await expect(page.getByLabel("Choose a PIN")).toHaveAccessibleDescription(
      /The PIN must be 4 to 8 digits\./,
    );
    await page.getByLabel("Choose a PIN").fill("4321");
    await page.getByLabel("Repeat the PIN").fill("4321");
    await page.getByRole("button", { name: "Join" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Hello, Rina!" })).toBeVisible();
    await expect(page.getByText("No assignments for your class yet.")).toBeVisible();
  });
});
