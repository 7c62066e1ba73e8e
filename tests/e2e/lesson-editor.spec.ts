// A teacher turns a news article into a lesson in the browser: create, edit, check, preview,
// publish, share, assign, version; other teachers copy it or get 404; .md out and in.
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { createClass, createPupil, createTeacher, signIn, testDb } from "../support/factories";

const ARTICLE = [
  "Kepala desa mengumumkan pasar baru akan dibuka bulan depan di lapangan desa.",
  "Warga menuduh panitia menaikkan harga sewa kios tanpa rapat desa.",
  "Panitia membantah tuduhan itu dan menyebut harga sewa belum ditetapkan.",
  "Banyak orang menganggap pasar baru akan meramaikan desa.",
];

async function createFromArticle(page: Page, title: string, paragraphs: string[]) {
  await page.goto("/teacher/lessons/new");
  await page.getByLabel("Judul artikel (persis seperti aslinya)").fill(title);
  await page.getByLabel("Teks artikel").fill(paragraphs.join("\n\n"));
  await page.getByLabel("Jenjang", { exact: true }).fill("SMP (kelas 7–9)");
  await page.getByLabel("Media", { exact: true }).fill("Kabar Desa");
}

// Long stories on a shared 2-core machine: axe runs on many big pages.
test.describe.configure({ timeout: 300_000 });

const lessonIdOf = (page: Page) => Number(/\/teacher\/lessons\/(\d+)/.exec(page.url())![1]);

test.describe("without JavaScript", () => {
  // axe needs JavaScript in the page, so these pages are checked by the JavaScript tests.
  test.use({ javaScriptEnabled: false });

  test("a teacher creates a one-question lesson, sees errors next to fields, and publishes", async ({ page, context }) => {
    const teacher = await createTeacher();
    await signIn(context, { role: "teacher", id: teacher.id });
    await createFromArticle(page, "Pasar Baru di Desa", ARTICLE);
    // Nothing is guessed: an empty source field must be filled in or marked "not stated".
    await page.getByRole("button", { name: "Pratinjau paragraf bernomor" }).click();
    await expect(page.getByRole("heading", { name: "Paragraf bernomor (4)" })).toBeVisible();
    await expect(page.getByLabel("Penulis", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Teks artikel")).toHaveValue(ARTICLE.join("\n\n"));
    for (const field of ["Penulis", "Tanggal terbit", "Tanggal peristiwa", "Tautan (http/https)"])
      await page.locator(".source-field", { has: page.getByLabel(field, { exact: true }) }).getByLabel("Tidak disebutkan di artikel").check();
    await page.getByRole("button", { name: "Buat draf" }).click();
    await expect(page).toHaveURL(/\/teacher\/lessons\/\d+$/);
    const lessonId = lessonIdOf(page);
    await expect(page.getByText("Draf belum pernah diterbitkan.")).toBeVisible();

    // Objectives, then one question; a missing key is refused and the typed text stays.
    await page.getByLabel("Tujuan pembelajaran (satu per baris)").fill("Membedakan tuduhan dari bukti.");
    await page.getByRole("form", { name: "Tujuan, daftar kata, pembicara, catatan guru" }).or(page.locator("form:has(input[value=lists])")).getByRole("button", { name: "Simpan" }).click();
    await expect(page.getByLabel("Tujuan pembelajaran (satu per baris)")).toHaveValue("Membedakan tuduhan dari bukti.");
    const form = page.getByRole("form", { name: "Soal baru" });
    await form.getByLabel("Keterampilan").selectOption("allegation-evidence");
    await form.getByLabel("Pertanyaan", { exact: true }).fill("Siapa yang menuduh panitia menaikkan harga sewa kios?");
    await form.getByLabel("Pilihan A").fill("Warga desa");
    await form.getByLabel("Pilihan B").fill("Kepala desa");
    await form.getByLabel("Pilihan C").fill("Panitia pasar");
    await form.getByLabel("Penjelasan (ditunjukkan ke siswa sesudahnya)").fill("Paragraf 2 menyebut warga yang menuduh panitia.");
    await form.getByLabel("Paragraf 2").check();
    await form.getByRole("button", { name: "Tambah" }).click();
    const again = page.getByRole("form", { name: "Soal baru" });
    await expect(again.getByLabel("Kunci jawaban")).toHaveAttribute("aria-invalid", "true");
    await expect(again.getByText("Pilih kunci dari pilihan yang terisi.")).toBeVisible();
    await expect(again.getByLabel("Pilihan C")).toHaveValue("Panitia pasar");
    await again.getByLabel("Kunci jawaban").selectOption("a");
    await again.getByRole("button", { name: "Tambah" }).click();
    await expect(page.getByRole("heading", { name: "Soal 1" })).toBeVisible();

    // A warning (no question for some skills) is shown; publishing needs the confirmation.
    await expect(page.getByText(/peringatan \(boleh terbit/)).toBeVisible();
    await page.getByRole("button", { name: "Terbitkan" }).click();
    await expect(page.getByText("Baca peringatannya dan centang kotak konfirmasi.")).toBeVisible();
    await page.getByLabel("Saya sudah membaca peringatannya dan tetap ingin menerbitkan").check();
    await page.getByRole("button", { name: "Terbitkan" }).click();
    await expect(page.getByText("Terbit sebagai versi 1.")).toBeVisible();
    const version = testDb()
      .prepare("SELECT v.slug, v.snapshot FROM lesson_versions v JOIN authored_lessons l ON l.published_version_id = v.id WHERE l.id = ?")
      .get(lessonId) as { slug: string; snapshot: string };
    const snapshot = JSON.parse(version.snapshot);
    expect(snapshot.questions[0].correct).toBe("a");
    expect(snapshot.source).toEqual({ outlet: "Kabar Desa", author: null, publishedAt: null, eventDate: null, url: null });
  });

  test("a sorting quote that is not verbatim is refused next to the field", async ({ page, context }) => {
    const teacher = await createTeacher();
    await signIn(context, { role: "teacher", id: teacher.id });
    await createFromArticle(page, "Pasar Baru", ARTICLE);
    for (const field of ["Penulis", "Tanggal terbit", "Tanggal peristiwa", "Tautan (http/https)"])
      await page.locator(".source-field", { has: page.getByLabel(field, { exact: true }) }).getByLabel("Tidak disebutkan di artikel").check();
    await page.getByRole("button", { name: "Buat draf" }).click();
    const form = page.getByRole("form", { name: "Pernyataan baru" });
    await form.getByLabel("Kutipan (persis seperti di paragraf)").fill("menaikkan harga kios");
    await form.getByLabel("Paragraf", { exact: true }).selectOption("2");
    await form.getByLabel("Kategori").selectOption("allegation");
    await form.getByLabel("Penjelasan (ditunjukkan ke siswa sesudahnya)").fill("Warga menuduh; belum ada bukti.");
    await form.getByRole("button", { name: "Tambah" }).click();
    const again = page.getByRole("form", { name: "Pernyataan baru" });
    await expect(again.getByText("Kutipan ini tidak ada persis di paragraf yang dipilih.")).toBeVisible();
    await again.getByLabel("Kutipan (persis seperti di paragraf)").fill("menaikkan harga sewa kios");
    await again.getByRole("button", { name: "Tambah" }).click();
    await expect(page.getByRole("heading", { name: "Pernyataan 1" })).toBeVisible();
  });
});

test.describe("with JavaScript, in English", () => {
  test.use({ locale: "en-US" });

  test("publish, assign, republish: the old assignment stays on version 1; others copy or get 404; .md round trip", async ({ page, context, browser }) => {
    const author = await createTeacher({ name: "Bu Sari" });
    const klass = createClass(author.id);
    await createPupil(klass.id);
    await signIn(context, { role: "teacher", id: author.id });
    // Upload the seed lesson file: a private draft with the same content.
    const seed = fs.readFileSync("content/lessons/ktt-putin-kim-2024.md", "utf8");
    await page.goto("/teacher/lessons/import");
    await expectAccessible(page);
    await page.getByLabel("Lesson file (.md, at most 256 KB)").setInputFiles({ name: "bad.md", mimeType: "text/markdown", buffer: Buffer.from(seed.replace("gradeBand:", "colour: red\ngradeBand:")) });
    await page.getByRole("button", { name: "Upload" }).click();
    await expect(page.getByText("(root): unknown field(s): colour")).toBeVisible();
    await page.getByLabel("Lesson file (.md, at most 256 KB)").setInputFiles({ name: "seed.md", mimeType: "text/markdown", buffer: Buffer.from(seed) });
    await page.getByRole("button", { name: "Upload" }).click();
    await expect(page).toHaveURL(/\/teacher\/lessons\/\d+$/);
    const lessonId = lessonIdOf(page);
    await expect(page.getByText("No errors; the lesson is ready to publish.")).toBeVisible();
    await expectAccessible(page);

    // Its draft exported again is the same lesson (the slug aside: the seed file keeps its own).
    const exported = await page.request.get(`/teacher/lessons/${lessonId}/export`);
    expect(exported.status()).toBe(200);
    const text = await exported.text();
    const slug = /^slug: "([^"]+)"/m.exec(text)![1];
    expect(text.replace(`slug: "${slug}"`, 'slug: "ktt-putin-kim-2024"')).toBe(
      await (await page.request.get("/teacher/lessons/file/ktt-putin-kim-2024")).text(),
    );

    // Publish (warnings read), share, assign.
    const seen = page.getByLabel("I have read the warnings and want to publish anyway");
    if (await seen.count()) await seen.check();
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByText("Published as version 1.")).toBeVisible();
    await page.getByRole("button", { name: "Share with all teachers" }).click();
    await expect(page.getByText("Shared with all teachers.")).toBeVisible();
    await page.getByRole("link", { name: "Assign the newest version" }).click();
    await page.getByLabel(new RegExp(klass.name)).check();
    await page.getByRole("button", { name: /assign/i }).last().click();
    await expect(page).toHaveURL(/\/teacher\/assignments\/\d+$/);
    const firstAssignment = page.url();
    await expect(page.getByText("Lesson version: 1 (newest: 1)")).toBeVisible();

    // Edit and republish: the earlier assignment stays pinned to version 1.
    await page.goto(`/teacher/lessons/${lessonId}`);
    const q1 = page.getByRole("form", { name: "Question 1", exact: true });
    await q1.getByLabel("Question", { exact: true }).fill("Edited: who reported the visit first?");
    await q1.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText(/Changed since version 1/)).toBeVisible();
    const seen2 = page.getByLabel("I have read the warnings and want to publish anyway");
    if (await seen2.count()) await seen2.check();
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByText("Published as version 2.")).toBeVisible();
    await page.goto(firstAssignment);
    await expect(page.getByText("Lesson version: 1 (newest: 2)")).toBeVisible();
    await expectAccessible(page);

    // A second teacher finds it in the library and copies it; a third gets 404 on the draft.
    const other = await createTeacher({ name: "Pak Joko" });
    const otherContext = await browser.newContext({ locale: "en-US" });
    await signIn(otherContext, { role: "teacher", id: other.id });
    const otherPage = await otherContext.newPage();
    await otherPage.goto("/teacher/lessons?owner=shared&q=Putin");
    await expect(otherPage.getByText("shared by Bu Sari")).toBeVisible();
    await expectAccessible(otherPage);
    await otherPage.getByRole("button", { name: /^Copy: / }).first().click();
    await expect(otherPage).toHaveURL(/\/teacher\/lessons\/\d+$/);
    expect(lessonIdOf(otherPage)).not.toBe(lessonId);
    const denied = await otherPage.goto(`/teacher/lessons/${lessonId}`);
    expect(denied?.status()).toBe(404);
    expect((await otherPage.request.get(`/teacher/lessons/${lessonId}/export`)).status()).toBe(404);
    expect((await otherPage.request.get(`/teacher/lessons/${lessonId}/preview`)).status()).toBe(404);
    await otherContext.close();

    // Preview as a pupil: feedback with evidence links, and nothing written.
    // attempts and answers at any assignment of this lesson (other tests run at the same time)
    const written = () =>
      testDb()
        .prepare(
          `SELECT (SELECT count(*) FROM attempts t JOIN assignments a ON a.id = t.assignment_id JOIN lesson_versions v ON v.id = a.lesson_version_id
                   WHERE v.slug = (SELECT slug FROM authored_lessons WHERE id = ?))
                + (SELECT count(*) FROM answers x JOIN attempts t ON t.id = x.attempt_id JOIN assignments a ON a.id = t.assignment_id
                   JOIN lesson_versions v ON v.id = a.lesson_version_id WHERE v.slug = (SELECT slug FROM authored_lessons WHERE id = ?)) AS n`,
        )
        .get(lessonId, lessonId) as { n: number };
    const before = written();
    await page.goto(`/teacher/lessons/${lessonId}/preview`);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Check answers" }).click();
    await expect(page.getByRole("heading", { name: "Feedback" })).toBeVisible();
    await expect(page.getByRole("link", { name: /See the evidence in paragraph/ }).first()).toBeVisible();
    const after = written();
    expect(after.n).toBe(before.n);
  });
});

test.describe("with JavaScript, in Indonesian", () => {
  test("the library, new lesson, editor and preview pages pass axe; the numbered preview follows typing", async ({ page, context }) => {
    const teacher = await createTeacher();
    await signIn(context, { role: "teacher", id: teacher.id });
    await page.goto("/teacher/lessons");
    await expect(page.getByRole("heading", { name: "Pustaka pelajaran guru" })).toBeVisible();
    await expectAccessible(page);
    await createFromArticle(page, "Pasar Baru di Desa", ARTICLE);
    await expect(page.getByRole("heading", { name: "Paragraf bernomor (4)" })).toBeVisible();
    await expectAccessible(page);
    for (const field of ["Penulis", "Tanggal terbit", "Tanggal peristiwa", "Tautan (http/https)"])
      await page.locator(".source-field", { has: page.getByLabel(field, { exact: true }) }).getByLabel("Tidak disebutkan di artikel").check();
    await page.getByRole("button", { name: "Buat draf" }).click();
    await expect(page).toHaveURL(/\/teacher\/lessons\/\d+$/);
    const lessonId = lessonIdOf(page);
    await expectAccessible(page);
    // Autosave: the objectives typed are stored without pressing "Simpan".
    await page.getByLabel("Tujuan pembelajaran (satu per baris)").fill("Membedakan tuduhan dari bukti.");
    await expect(page.getByText("Draf tersimpan otomatis.").first()).toBeVisible();
    const draft = JSON.parse((testDb().prepare("SELECT draft FROM authored_lessons WHERE id = ?").get(lessonId) as { draft: string }).draft);
    expect(draft.objectives).toEqual(["Membedakan tuduhan dari bukti."]);
    await page.goto(`/teacher/lessons/${lessonId}/preview`);
    await expectAccessible(page);
  });
});
