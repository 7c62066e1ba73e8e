// Issue 18, the teacher's year: the roster set up by the teacher (a pasted list → pupils with
// generated PINs → sign-in cards whose QR code opens the sign-in page with the class code → a
// pupil signs in with a card at 360 px), renaming and merging a duplicate, and next year's
// classes (assignments copied into a new class, one assignment copied, several classes archived).
// The QR code is decoded from a screenshot of the card's <img> (PNG) with jsQR + pngjs.
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { createClass, createPupil, createTeacher, signIn, testDb } from "../support/factories";
import { createAssignment } from "../support/lesson";
import { insertAttempt } from "../support/security-world";

async function switchToEnglish(page: Page) {
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
}

/** The text the first card's QR code holds, read from the picture the browser drew. */
async function decodeFirstQr(page: Page): Promise<string> {
  const png = PNG.sync.read(
    await page.locator(".sign-in-cards li").first().locator(".card-qr img").screenshot(),
  );
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(found, "the card's QR code decodes").not.toBeNull();
  return found!.data;
}

const count = (sql: string, ...args: unknown[]) =>
  (
    testDb()
      .prepare(sql)
      .get(...args) as { n: number }
  ).n;

test("a pasted list becomes pupils and cards with PINs; the card's QR opens sign-in with the code; a pupil signs in at 360 px", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const teacher = await createTeacher({ name: "Bu Roster" });
  const klass = createClass(teacher.id, { name: "7A Roster" });
  await createPupil(klass.id, { name: "Sari" });
  await signIn(page.context(), { role: "teacher", id: teacher.id });

  await page.goto(`/teacher/classes/${klass.id}`);
  await page.getByRole("link", { name: "Tambah siswa dari daftar nama" }).click();
  await expectAccessible(page);
  const list = page.getByLabel("Nama siswa, satu per baris");
  // a look-alike of Sari (Cyrillic S) and a name twice: refused, named by line, nothing created
  await list.fill("Ani Lestari\n\nЅari\nBudi\n  budi \nCitra");
  await page.getByRole("button", { name: "Buat siswa dan kartu masuk" }).click();
  await expect(list).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Baris 3 (Ѕari): sudah ada siswa")).toBeVisible();
  await expect(page.getByText("Baris 5 (budi): nama ini")).toBeVisible();
  await expect(list).toHaveAccessibleDescription(/Baris 3 \(Ѕari\): sudah ada siswa/);
  await expect(list).toHaveValue("Ani Lestari\n\nЅari\nBudi\n  budi \nCitra");
  expect(count("SELECT count(*) AS n FROM pupils WHERE class_id = ?", klass.id)).toBe(1);
  await expectAccessible(page);

  await list.fill("Ani Lestari\n\n  Budi  Santoso\nCitra\n");
  await page.getByRole("button", { name: "Buat siswa dan kartu masuk" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Kartu masuk dengan PIN: 7A Roster",
  );
  await expect(page.getByRole("status")).toContainText("3 siswa dibuat.");
  const cards = page.getByRole("list", { name: "Kartu masuk" }).getByRole("listitem");
  await expect(cards).toHaveCount(3);
  const budi = cards.filter({ hasText: "Budi Santoso" });
  const pin = (await budi.locator(".card-pin").textContent())!.trim();
  expect(pin).toMatch(/^[0-9]{4}$/);
  await expect(budi).toContainText(klass.joinCode);
  await expect(page.getByRole("button", { name: "Cetak kartu" })).toBeVisible();
  const signInUrl = `${baseURL}/pupil/login?code=${klass.joinCode}`;
  expect(await decodeFirstQr(page)).toBe(signInUrl);
  await expectAccessible(page);
  // printed: no page chrome, two cards a row, ten to an A4 page
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("header").first()).toBeHidden();
  await expect(page.getByRole("button", { name: "Cetak kartu" })).toBeHidden();
  const columns = await page
    .locator(".sign-in-cards")
    .evaluate((el) => getComputedStyle(el).gridTemplateColumns.split(" ").length);
  expect(columns).toBe(2);
  await page.emulateMedia({ media: "screen" });

  // the pupil scans the card: the code is filled in; name and PIN from the card sign them in
  const phone = await browser.newContext({
    viewport: { width: 360, height: 740 },
    locale: "id-ID",
  });
  const pupil = await phone.newPage();
  await pupil.goto(signInUrl);
  await expect(pupil.getByLabel("Kode kelas")).toHaveValue(klass.joinCode);
  await expectAccessible(pupil);
  await pupil.getByLabel("Nama tampilan").fill("Budi Santoso");
  await pupil.getByLabel("PIN").fill(pin);
  await pupil.getByRole("button", { name: "Masuk" }).click();
  await expect(pupil).toHaveURL(/\/pupil$/);
  const overflow = await pupil.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await phone.close();

  // later cards carry a blank for the PIN; new PINs for all give a fresh sheet with them (English)
  await switchToEnglish(page);
  await page.goto(`/teacher/classes/${klass.id}/cards`);
  await expect(page.locator(".card-pin")).toHaveCount(0);
  await expect(page.getByText("The PIN you chose, or ask your teacher")).toHaveCount(4);
  expect(await decodeFirstQr(page)).toBe(signInUrl);
  await expectAccessible(page);
  await page.getByText("New PINs for every pupil", { exact: true }).click();
  await page.getByRole("button", { name: "Yes, make new PINs for every pupil" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Sign-in cards with PINs: 7A Roster",
  );
  await expect(page.locator(".card-pin")).toHaveCount(4);
  await expectAccessible(page);
  await page.goto(`/teacher/classes/${klass.id}/roster`);
  await expectAccessible(page);

  // without JavaScript the list still becomes cards with PINs (no print button: the browser's print works)
  const noJs = await browser.newContext({ javaScriptEnabled: false, locale: "id-ID" });
  await signIn(noJs, { role: "teacher", id: teacher.id });
  const plain = await noJs.newPage();
  await plain.goto(`/teacher/classes/${klass.id}/roster`);
  await plain.getByLabel("Nama siswa, satu per baris").fill("Dimas\nDimas");
  await plain.getByRole("button", { name: "Buat siswa dan kartu masuk" }).click();
  await expect(plain.getByLabel("Nama siswa, satu per baris")).toHaveValue("Dimas\nDimas");
  // the refused line is named in the field's description, as with JavaScript
  await expect(plain.getByLabel("Nama siswa, satu per baris")).toHaveAccessibleDescription(
    /Baris 2 \(Dimas\): nama ini/,
  );
  await plain.getByLabel("Nama siswa, satu per baris").fill("Dimas");
  await plain.getByRole("button", { name: "Buat siswa dan kartu masuk" }).click();
  await expect(plain.locator(".card-pin")).toHaveCount(1);
  await expect(plain.getByRole("button", { name: "Cetak kartu" })).toHaveCount(0);
  await noJs.close();
});

test("rename a pupil and merge a duplicate into them: the work moves, the rule is said first", async ({
  page,
}) => {
  const teacher = await createTeacher({ name: "Bu Gabung" });
  const klass = createClass(teacher.id, { name: "8B Gabung" });
  const keep = await createPupil(klass.id, { name: "Dewi" });
  const dup = await createPupil(klass.id, { name: "dewi 2" });
  const a1 = createAssignment(klass.id);
  const a2 = createAssignment(klass.id);
  insertAttempt(a1, dup.id);
  insertAttempt(a2, dup.id);
  testDb()
    .prepare("UPDATE attempts SET submitted_at = ? WHERE pupil_id = ? AND assignment_id = ?")
    .run(Date.now(), dup.id, a2);
  insertAttempt(a2, keep.id);
  await signIn(page.context(), { role: "teacher", id: teacher.id });

  await page.goto(`/teacher/classes/${klass.id}`);
  await page.getByRole("link", { name: "Ganti nama untuk dewi 2" }).click();
  const name = page.getByLabel("Nama baru");
  await name.fill("DEWI");
  await page.getByRole("button", { name: "Simpan nama" }).click();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Sudah ada siswa dengan nama ini")).toBeVisible();
  await expect(name).toHaveValue("DEWI");
  await expectAccessible(page);
  await name.fill("  Dewi   Ayu ");
  await page.getByRole("button", { name: "Simpan nama" }).click();
  await expect(page.getByRole("rowheader", { name: "Dewi Ayu" })).toBeVisible();

  await page.getByRole("link", { name: "Gabungkan untuk Dewi Ayu" }).click();
  await expect(
    page.getByText("hanya satu yang disimpan: yang kemajuannya lebih banyak"),
  ).toBeVisible();
  await page.getByRole("button", { name: "Gabungkan dan hapus Dewi Ayu" }).click();
  await expect(page.getByLabel("Gabungkan ke")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Centang kotak ini untuk menggabungkan.")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Gabungkan ke").selectOption({ label: "Dewi" });
  await page.getByLabel("Saya mengerti: Dewi Ayu dihapus").check();
  await page.getByRole("button", { name: "Gabungkan dan hapus Dewi Ayu" }).click();
  await expect(page.getByRole("rowheader")).toHaveText(["Dewi"]);
  // a1: only the duplicate worked on it → moved; a2: the duplicate's submitted attempt beats the open one
  const attempts = testDb()
    .prepare(
      "SELECT assignment_id AS a, submitted_at IS NOT NULL AS s FROM attempts WHERE pupil_id = ? ORDER BY assignment_id",
    )
    .all(keep.id);
  expect(attempts).toEqual([
    { a: a1, s: 0 },
    { a: a2, s: 1 },
  ]);
  expect(count("SELECT count(*) AS n FROM pupils WHERE id = ?", dup.id)).toBe(0);

  await switchToEnglish(page);
  const other = await createPupil(klass.id, { name: "Eko" });
  await page.goto(`/teacher/classes/${klass.id}/pupils/${other.id}/rename`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rename Eko");
  await expectAccessible(page);
  await page.goto(`/teacher/classes/${klass.id}/pupils/${other.id}/merge`);
  await expect(page.getByText("the one with more progress")).toBeVisible();
  await expectAccessible(page);
});

test("next year: a class's assignments copied into a new class, one assignment copied, several classes archived at once", async ({
  page,
}) => {
  const teacher = await createTeacher({ name: "Bu Tahun" });
  const old = createClass(teacher.id, { name: "7C 2025", grade: "7", subject: "IPS" });
  const other = createClass(teacher.id, { name: "7D 2025", grade: "7", subject: "IPS" });
  await createPupil(old.id, { name: "Fajar" });
  const past = Date.now() - 200 * 24 * 3600_000;
  const first = createAssignment(old.id, { dueAt: past, maxAttempts: 3, feedback: "after_due" });
  createAssignment(old.id, { dueAt: past + 7 * 24 * 3600_000 });
  await signIn(page.context(), { role: "teacher", id: teacher.id });

  await page.goto(`/teacher/classes/${old.id}`);
  await page.getByRole("link", { name: "Salin tugas ke kelas baru" }).click();
  await expect(page.getByText("salinan semua tugas kelas ini (2)")).toBeVisible();
  await page.getByRole("button", { name: "Buat kelas dan salin tugas" }).click();
  await expect(page.getByLabel("Nama kelas")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await page.getByLabel("Nama kelas").fill("8C 2026");
  await page.getByLabel("Jenjang kelas").selectOption("8");
  await page.getByRole("button", { name: "Buat kelas dan salin tugas" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("8C 2026");
  const copied = Number(/\/teacher\/classes\/(\d+)$/.exec(page.url())?.[1]);
  const rows = testDb()
    .prepare(
      "SELECT due_at AS due, max_attempts AS max, feedback FROM assignments WHERE class_id = ? ORDER BY id",
    )
    .all(copied) as { due: number; max: number; feedback: string }[];
  expect(rows).toHaveLength(2);
  expect(rows[0].due).toBeGreaterThan(Date.now());
  expect((rows[0].due - past) % (7 * 24 * 3600_000)).toBe(0);
  expect(rows[0]).toMatchObject({ max: 3, feedback: "after_due" });
  expect(count("SELECT count(*) AS n FROM pupils WHERE class_id = ?", copied)).toBe(0);

  await page.goto(`/teacher/assignments/${first}`);
  await page.getByRole("link", { name: "Salin ke kelas lain" }).click();
  await expectAccessible(page);
  await page.getByLabel("Kelas tujuan").selectOption({ label: "7D 2025" });
  await page.getByRole("button", { name: "Salin tugas" }).click();
  await expect(page).toHaveURL(/\/teacher\/assignments\/\d+$/);
  expect(count("SELECT count(*) AS n FROM assignments WHERE class_id = ?", other.id)).toBe(1);

  await page.goto("/teacher");
  await page.getByRole("link", { name: "Arsipkan beberapa kelas sekaligus" }).click();
  await page.getByRole("button", { name: "Arsipkan kelas yang dipilih" }).click();
  await expect(page.getByText("Pilih minimal satu kelas.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("checkbox", { name: /7C 2025/ }).check();
  await page.getByRole("checkbox", { name: /7D 2025/ }).check();
  await page.getByRole("button", { name: "Arsipkan kelas yang dipilih" }).click();
  await expect(page).toHaveURL(/\/teacher$/);
  const archived = page.getByRole("list", { name: "Kelas yang diarsipkan" });
  await expect(archived.getByRole("link")).toHaveText(["7C 2025", "7D 2025"]);
  expect(
    count(
      "SELECT count(*) AS n FROM classes WHERE teacher_id = ? AND archived_at IS NOT NULL",
      teacher.id,
    ),
  ).toBe(2);

  await switchToEnglish(page);
  await page.goto(`/teacher/classes/${copied}/copy`);
  await expectAccessible(page);
  await page.goto("/teacher/classes/archive");
  await expectAccessible(page);
  const copiedAssignment = (
    testDb()
      .prepare("SELECT id FROM assignments WHERE class_id = ? ORDER BY id LIMIT 1")
      .get(copied) as { id: number }
  ).id;
  await page.goto(`/teacher/assignments/${copiedAssignment}/copy`);
  await expectAccessible(page);
});
