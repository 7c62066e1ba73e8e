// The class discussion: two pupils and their teacher — post first, replies, moderation, private
// feedback, CER responses, paragraph citations, safety of pupil text, throttling, closing.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import {
  createClass,
  createPupil,
  createTeacher,
  signIn,
  testDb,
  unique,
} from "../support/factories";
import { holdScripts } from "../support/held-scripts";
import { createAssignment, seedLesson } from "../support/lesson";

const lesson = seedLesson();
const promptIndex = (id: string) => lesson.prompts.findIndex((p) => p.id === id) + 1;
// the seed lesson's first prompt asks for Claim / Evidence / Reasoning, the third is open
const CER = promptIndex("d1");
const OPEN = promptIndex("d3");
const OPEN_2 = promptIndex("d4");

async function setup(
  options: Parameters<typeof createAssignment>[1] = {},
  names: { a?: string; b?: string } = {},
) {
  const teacher = await createTeacher();
  const klass = createClass(teacher.id);
  const a = await createPupil(klass.id, { name: names.a ?? unique("Ani") });
  const b = await createPupil(klass.id, { name: names.b ?? unique("Budi") });
  const assignmentId = createAssignment(klass.id, options);
  return { teacher, klass, a, b, assignmentId, url: `/pupil/assignments/${assignmentId}/discuss` };
}

async function open(
  browser: Browser,
  owner: { role: "teacher" | "pupil"; id: number },
): Promise<Page> {
  const context = await browser.newContext({ locale: "id-ID" });
  await signIn(context, owner as { role: "pupil"; id: number });
  return context.newPage();
}

const prompt = (page: Page, n: number) => page.getByRole("region", { name: `Pertanyaan ${n}` });

async function respond(page: Page, n: number, text: string) {
  const q = prompt(page, n);
  await q.getByLabel("Tanggapanmu").fill(text);
  await q.getByRole("button", { name: "Kirim tanggapan" }).click();
  await expect(q.getByRole("article").filter({ hasText: text }).first()).toBeVisible();
}

async function reply(page: Page, post: ReturnType<Page["getByRole"]>, name: string, text: string) {
  await post.getByText(`Balas tanggapan ${name}`).click();
  await post.getByLabel(`Balasanmu untuk ${name}`).fill(text);
  await post.getByRole("button", { name: "Kirim balasan" }).click();
  // stored: the reply shows under the post only once the server has taken it
  await expect(post.getByRole("list", { name: "Balasan" }).getByText(text)).toBeVisible();
}

function postsOf(pupilId: number) {
  return testDb()
    .prepare(
      "SELECT id, parent_id AS parentId, prompt_id AS promptId, body, hidden FROM posts WHERE author_id = ? ORDER BY id",
    )
    .all(pupilId) as {
    id: number;
    parentId: number | null;
    promptId: string;
    body: string;
    hidden: number;
  }[];
}

function insertPost(input: {
  assignmentId: number;
  authorId: number;
  promptId: string;
  body: string;
  parentId?: number;
}) {
  return (
    testDb()
      .prepare(
        "INSERT INTO posts (assignment_id, prompt_id, author_id, parent_id, body) VALUES (?, ?, ?, ?, ?) RETURNING id",
      )
      .get(
        input.assignmentId,
        input.promptId,
        input.authorId,
        input.parentId ?? null,
        input.body,
      ) as { id: number }
  ).id;
}

test.describe("with JavaScript", () => {
  test("post first, reply, hide, mark exemplary, and feedback only its author sees", async ({
    browser,
  }) => {
    const s = await setup();
    const [pa, pb, pt] = [
      await open(browser, { role: "pupil", id: s.a.id }),
      await open(browser, { role: "pupil", id: s.b.id }),
      await open(browser, { role: "teacher", id: s.teacher.id }),
    ];
    const bText = "Penulisnya tidak disebut, jadi kita tidak tahu kepentingannya.";
    const aText = "Sumbernya hanya media Rusia, lihat paragraf 1 dan 2.";
    const replyText = "Setuju, dan kita bisa mencari versi aslinya.";
    const feedback = "Bagus: kamu menunjuk paragraf yang tepat. Coba sebut juga cara memeriksanya.";

    await pb.goto(s.url);
    await respond(pb, OPEN, bText);

    // A cannot read B's response before writing one
    await pa.goto(s.url);
    await expect(
      prompt(pa, OPEN).getByText(
        "Tulis tanggapanmu dulu. Setelah itu tanggapan teman sekelas akan muncul di sini.",
      ),
    ).toBeVisible();
    await expect(pa.getByText(bText)).toHaveCount(0);
    await respond(pa, OPEN, aText);
    const bPostForA = prompt(pa, OPEN).getByRole("article").filter({ hasText: bText });
    await expect(bPostForA).toBeVisible();
    await expect(bPostForA.getByRole("strong").getByText(s.b.name, { exact: true })).toBeVisible();
    // another prompt is still closed to A: post first is per prompt
    await expect(
      prompt(pa, OPEN_2).getByText("Tulis tanggapanmu dulu.", { exact: false }),
    ).toBeVisible();

    await reply(pa, bPostForA, s.b.name, replyText);
    await pb.reload();
    await expect(
      prompt(pb, OPEN).getByRole("list", { name: "Balasan" }).getByText(replyText),
    ).toBeVisible();

    // the teacher moderates from the assignment page
    await pt.goto(`/teacher/assignments/${s.assignmentId}`);
    await pt.getByRole("link", { name: "Moderasi diskusi" }).click();
    await expect(pt.getByRole("heading", { level: 1, name: "Moderasi diskusi" })).toBeVisible();
    const tq = prompt(pt, OPEN);
    await expect(tq.getByText(lesson.prompts[OPEN - 1].guidance)).toBeVisible();
    await tq
      .getByRole("group", { name: `Tindakan untuk tulisan ${s.b.name}` })
      .getByRole("button", { name: "Sembunyikan" })
      .click();
    const bPostForTeacher = tq.getByRole("article").filter({ hasText: bText }).first();
    await expect(bPostForTeacher.getByText("Disembunyikan dari siswa")).toBeVisible();
    await expect(bPostForTeacher.getByRole("button", { name: "Tampilkan lagi" })).toBeVisible();

    const aPostForTeacher = tq.getByRole("article").filter({ hasText: aText });
    await aPostForTeacher.getByRole("button", { name: "Tandai sebagai contoh baik" }).click();
    await expect(aPostForTeacher.getByText("Contoh baik pilihan guru")).toBeVisible();
    await aPostForTeacher.getByText(`Umpan balik pribadi untuk ${s.a.name}`).click();
    await aPostForTeacher.getByLabel("Umpan balikmu").fill(feedback);
    await aPostForTeacher.getByRole("button", { name: "Simpan umpan balik" }).click();
    await expect(aPostForTeacher.getByText("Belum dibaca siswa", { exact: false })).toBeVisible();

    // A: a badge on the dashboard leads to the feedback; B's hidden response (and the thread under it) is gone
    await pa.goto("/pupil");
    await pa.getByRole("link", { name: "Umpan balik baru dari guru" }).click();
    await expect(pa).toHaveURL(new RegExp(`${s.url}$`));
    const own = prompt(pa, OPEN).getByRole("article").filter({ hasText: aText });
    await expect(own.getByText(feedback)).toBeVisible();
    await expect(own.getByText("Baru", { exact: true })).toBeVisible();
    await expect(own.getByText("Contoh baik pilihan guru")).toBeVisible();
    await expect(pa.getByText(bText)).toHaveCount(0);
    await expect(pa.getByText(replyText)).toHaveCount(0);
    // feedback locks the response against edits
    await expect(own.getByRole("link", { name: "Ubah atau hapus" })).toHaveCount(0);
    await pa.goto("/pupil");
    await expect(pa.getByRole("link", { name: "Umpan balik baru dari guru" })).toHaveCount(0);

    // B: their own hidden response is shown to them, marked; A's is shown as an example; A's feedback never
    await pb.reload();
    const bq = prompt(pb, OPEN);
    await expect(
      bq.getByText("Gurumu menyembunyikan tulisan ini. Teman sekelas tidak bisa melihatnya."),
    ).toBeVisible();
    await expect(
      bq.getByRole("article").filter({ hasText: aText }).getByText("Contoh baik pilihan guru"),
    ).toBeVisible();
    await expect(pb.getByText(feedback)).toHaveCount(0);
    await expect(pb.getByText("Umpan balik dari gurumu", { exact: false })).toHaveCount(0);

    await pt.reload();
    await expect(
      prompt(pt, OPEN)
        .getByRole("article")
        .filter({ hasText: aText })
        .getByText("Sudah dibaca siswa", { exact: false }),
    ).toBeVisible();
    // unhiding gives B's response back to the class
    await prompt(pt, OPEN)
      .getByRole("group", { name: `Tindakan untuk tulisan ${s.b.name}` })
      .getByRole("button", { name: "Tampilkan lagi" })
      .click();
    await expect(
      prompt(pt, OPEN)
        .getByRole("article")
        .filter({ hasText: bText })
        .first()
        .getByText("Disembunyikan dari siswa"),
    ).toHaveCount(0);
    await pa.goto(s.url);
    await expect(prompt(pa, OPEN).getByText(bText)).toBeVisible();
    for (const p of [pa, pb, pt]) await p.context().close();
  });

  test("an author deletes their response: replies keep their place under a deleted marker", async ({
    browser,
  }) => {
    const s = await setup();
    const bText = "Tanggapan Budi yang nanti dihapus olehnya sendiri.";
    const pa = await open(browser, { role: "pupil", id: s.a.id });
    const pb = await open(browser, { role: "pupil", id: s.b.id });
    await pb.goto(s.url);
    await respond(pb, OPEN, bText);
    await pa.goto(s.url);
    await respond(pa, OPEN, "Tanggapan Ani sebelum membalas Budi.");
    await reply(
      pa,
      prompt(pa, OPEN).getByRole("article").filter({ hasText: bText }),
      s.b.name,
      "Balasan Ani yang tetap ada.",
    );

    await pb.reload();
    const own = prompt(pb, OPEN).getByRole("article").filter({ hasText: bText });
    await own.getByRole("link", { name: "Ubah atau hapus" }).click();
    await own.getByRole("button", { name: "Hapus tulisan ini" }).click();
    await expect(pb.getByText(bText)).toHaveCount(0);
    // deleting erases the words from the database too; only the empty row keeps the thread's place
    const left = testDb().prepare("SELECT count(*) AS n FROM posts WHERE body = ?").get(bText) as {
      n: number;
    };
    expect(left.n).toBe(0);
    // B may write a new response after deleting
    await expect(prompt(pb, OPEN).getByLabel("Tanggapanmu")).toBeVisible();

    await pa.reload();
    const placeholder = prompt(pa, OPEN).getByRole("article").filter({ hasText: "(dihapus)" });
    await expect(placeholder.getByText("Balasan Ani yang tetap ada.")).toBeVisible();
    await expect(pa.getByText(bText)).toHaveCount(0);
    await expect(placeholder.getByText(`Balas tanggapan`, { exact: false })).toHaveCount(0);
    for (const p of [pa, pb]) await p.context().close();
  });

  test("on a slow phone, text typed before the page's scripts ran is kept, counted and sent: a new response, then an edit of it", async ({
    page,
    context,
  }) => {
    const s = await setup();
    await signIn(context, { role: "pupil", id: s.a.id });
    const scripts = await holdScripts(page);
    await page.goto(s.url, { waitUntil: "commit" });
    const q = prompt(page, OPEN);
    const text = "Ini tulisan yang diketik sebelum halamannya siap.";
    const answer = q.getByLabel("Tanggapanmu");
    await answer.fill(text);
    await expect.poll(() => scripts.held()).toBeGreaterThan(0);
    await scripts.release();
    // the box's counter appears with the scripts, counting what is already in it
    await expect(answer).toHaveAccessibleDescription(
      new RegExp(` ${text.length} / \\d+ karakter$`),
    );
    await q.getByRole("button", { name: "Kirim tanggapan" }).click();
    const own = q.getByRole("article").filter({ hasText: text });
    await expect(own).toBeVisible();

    // editing: the box already holds the post, which React would put back over the typing
    const edit = await own.getByRole("link", { name: "Ubah atau hapus" }).getAttribute("href");
    scripts.hold();
    await page.goto(edit!, { waitUntil: "commit" });
    const changed = "Ini tulisan yang diubah sebelum halamannya siap, lebih panjang.";
    const box = q.getByLabel("Ubah tulisanmu");
    await box.fill(changed);
    await expect.poll(() => scripts.held()).toBeGreaterThan(0);
    await scripts.release();
    await expect(box).toHaveAccessibleDescription(
      new RegExp(` ${changed.length} / \\d+ karakter$`),
    );
    await expect(box).toHaveValue(changed);
    await own.getByRole("button", { name: "Simpan perubahan" }).click();
    await expect(q.getByRole("article").filter({ hasText: changed })).toBeVisible();
    await expect(q.getByText(text)).toHaveCount(0);
  });

  test("a CER response missing a part is refused beside it with the other parts kept; citations open the paragraph", async ({
    page,
    context,
  }) => {
    const s = await setup();
    await signIn(context, { role: "pupil", id: s.a.id });
    await page.goto(s.url);
    const q = prompt(page, CER);
    const claim = "Artikel ini tidak membuktikan pasokan senjata.";
    const reasoning = "Tuduhan bukan bukti, dan bantahan juga bukan bukti.";
    await q.getByLabel("Klaim", { exact: true }).fill(claim);
    await q.getByLabel("Alasan", { exact: true }).fill(reasoning);
    await expect(q.getByText(`${claim.length} / 1000 karakter`)).toBeVisible();
    await q.getByRole("button", { name: "Kirim tanggapan" }).click();
    await expect(q.getByText("Bagian ini wajib diisi.")).toBeVisible();
    await expect(q.getByLabel("Bukti", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(q.getByLabel("Klaim", { exact: true })).toHaveValue(claim);
    await expect(q.getByLabel("Alasan", { exact: true })).toHaveValue(reasoning);
    expect(postsOf(s.a.id)).toHaveLength(0);
    await expectAccessible(page);

    await q
      .getByLabel("Bukti", { exact: true })
      .fill("Paragraf 3 hanya memuat tuduhan dan bantahan; paragraf 9 tidak ada.");
    await q.getByRole("button", { name: "Kirim tanggapan" }).click();
    const own = q.getByRole("article").filter({ hasText: claim });
    await expect(own.getByRole("term").filter({ hasText: "Bukti" })).toBeVisible();
    // only paragraphs that exist become links
    await expect(own.getByRole("link", { name: "paragraf 9" })).toHaveCount(0);
    await own.getByRole("link", { name: "Paragraf 3" }).click();
    await expect(page).toHaveURL(
      new RegExp(`/pupil/assignments/${s.assignmentId}/read\\?highlight=3#p3$`),
    );
    await expect(page.locator("#p3 mark")).toHaveText(lesson.paragraphs[2]);
    await expect(page.locator("#p2 mark")).toHaveCount(0);
  });

  test("markup and script in posts and names are shown as text and never run", async ({
    browser,
  }) => {
    const s = await setup({}, { b: `<img src=x onerror=alert(1)>Budi${unique("")}` });
    const dialogs: string[] = [];
    const [pa, pb, pt] = [
      await open(browser, { role: "pupil", id: s.a.id }),
      await open(browser, { role: "pupil", id: s.b.id }),
      await open(browser, { role: "teacher", id: s.teacher.id }),
    ];
    for (const p of [pa, pb, pt])
      p.on("dialog", (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
    const nasty =
      "<script>alert(1)</script> <img src=x onerror=alert(1)> javascript:alert(1) lihat https://contoh.id/berita";
    await pb.goto(s.url);
    await respond(pb, OPEN, nasty);
    await pa.goto(s.url);
    await respond(pa, OPEN, "Tanggapanku sendiri tentang penulis artikel.");
    await pt.goto(`/teacher/assignments/${s.assignmentId}/discussion`);

    for (const p of [pa, pt]) {
      const post = prompt(p, OPEN).getByRole("article").filter({ hasText: "javascript:alert(1)" });
      await expect(post.getByText(nasty.split(" lihat")[0], { exact: false })).toBeVisible();
      await expect(post.getByRole("strong").getByText(s.b.name, { exact: true })).toBeVisible();
      await expect(p.locator("img[src='x']")).toHaveCount(0);
      await expect(p.locator("main script")).toHaveCount(0);
      await expect(p.getByRole("link", { name: /javascript/ })).toHaveCount(0);
      const link = post.getByRole("link", { name: "https://contoh.id/berita" });
      await expect(link).toHaveAttribute("href", "https://contoh.id/berita");
      await expect(link).toHaveAttribute("rel", "nofollow ugc noopener");
    }
    expect(dialogs).toEqual([]);
    for (const p of [pa, pb, pt]) await p.context().close();
  });

  test("the 11th post within a minute is refused with a message, the text kept", async ({
    page,
    context,
    baseURL,
  }) => {
    const s = await setup();
    await signIn(context, { role: "pupil", id: s.a.id });
    await page.goto(s.url);
    const send = (form: Record<string, string>) =>
      page.request.post(s.url, { form, headers: { Origin: baseURL! }, maxRedirects: 0 });
    expect(
      (
        await send({
          intent: "respond",
          promptId: "d3",
          body: "Tanggapan pertama untuk uji batas kiriman.",
        })
      ).status(),
    ).toBe(302);
    const own = postsOf(s.a.id)[0].id;
    for (let i = 2; i <= 10; i++)
      expect(
        (
          await send({ intent: "reply", parentId: String(own), body: `Balasan nomor ${i}` })
        ).status(),
      ).toBe(302);
    expect(postsOf(s.a.id)).toHaveLength(10);
    // So the refusal below does not depend on the ten posts and the click fitting into 60 s on a
    // busy machine, the counter is pinned at ten in a window starting an hour ahead: however long
    // the steps take, the server sees ten posts in a window that has not ended.
    const key = `discussion-post:${s.a.id}`;
    testDb()
      .prepare(
        "INSERT INTO throttles (key, window_start, count) VALUES (?, ?, 10) ON CONFLICT(key) DO UPDATE SET window_start = excluded.window_start, count = 10",
      )
      .run(key, Date.now() + 3600_000);

    await page.reload();
    const post = prompt(page, OPEN)
      .getByRole("article")
      .filter({ hasText: "Tanggapan pertama" })
      .first();
    await post.getByText("Balas di bawah tanggapanmu").click();
    await post.getByLabel("Balasanmu", { exact: true }).fill("Balasan kesebelas");
    await post.getByRole("button", { name: "Kirim balasan" }).click();
    await expect(post.getByRole("alert")).toHaveText(
      "Kamu mengirim terlalu banyak tulisan dalam satu menit. Tunggu sebentar, lalu kirim lagi.",
    );
    await expect(post.getByLabel("Balasanmu", { exact: true })).toHaveValue("Balasan kesebelas");
    expect(postsOf(s.a.id)).toHaveLength(10);
  });

  test("a closed discussion refuses posting with the text kept; reopening lets it through", async ({
    browser,
  }) => {
    const s = await setup();
    const pb = await open(browser, { role: "pupil", id: s.b.id });
    const pt = await open(browser, { role: "teacher", id: s.teacher.id });
    const text = "Judulnya lebih tegas daripada isi artikelnya.";
    await pb.goto(s.url);
    await prompt(pb, OPEN).getByLabel("Tanggapanmu").fill(text);

    await pt.goto(`/teacher/assignments/${s.assignmentId}/discussion`);
    await pt.getByRole("button", { name: "Tutup diskusi" }).click();
    await expect(pt.getByText("Diskusi ditutup: siswa hanya bisa membaca.")).toBeVisible();

    await prompt(pb, OPEN).getByRole("button", { name: "Kirim tanggapan" }).click();
    await expect(pb.getByRole("alert")).toContainText("Gurumu sudah menutup diskusi ini");
    // the refused form stays where it was, with the text and the message beside it
    await expect(prompt(pb, OPEN).getByLabel("Tanggapanmu")).toHaveValue(text);
    await expect(
      pb.getByText("Gurumu sudah menutup diskusi ini. Kamu masih bisa membaca", { exact: false }),
    ).toBeVisible();
    expect(postsOf(s.b.id)).toHaveLength(0);

    await pt.goto(`/teacher/assignments/${s.assignmentId}`);
    await expect(pt.getByText("Diskusi ditutup: siswa hanya bisa membaca.")).toBeVisible();
    await pt.getByRole("link", { name: "Moderasi diskusi" }).click();
    await pt.getByRole("button", { name: "Buka kembali diskusi" }).click();
    await expect(pt.getByText("Diskusi terbuka: siswa bisa menulis dan membalas.")).toBeVisible();
    await pb.goto(s.url);
    await respond(pb, OPEN, text);
    for (const p of [pb, pt]) await p.context().close();
  });

  test("bad input is refused: other class, someone else's post, hidden/deleted/foreign targets, lengths", async ({
    page,
    context,
    baseURL,
  }) => {
    const s = await setup({ postFirst: false });
    const other = await setup();
    const foreign = insertPost({
      assignmentId: other.assignmentId,
      authorId: other.a.id,
      promptId: "d3",
      body: "Tanggapan kelas lain yang cukup panjang.",
    });
    const bPost = insertPost({
      assignmentId: s.assignmentId,
      authorId: s.b.id,
      promptId: "d3",
      body: "Tanggapan Budi yang cukup panjang.",
    });
    await signIn(context, { role: "pupil", id: s.a.id });
    await page.goto(s.url);
    const send = (form: Record<string, string>, url = s.url) =>
      page.request.post(url, { form, headers: { Origin: baseURL! }, maxRedirects: 0 });

    // another class's assignment, someone else's post: 404 like a missing one
    expect(
      (
        await send(
          { intent: "respond", promptId: "d3", body: "Tanggapan untuk kelas yang bukan kelasku." },
          other.url,
        )
      ).status(),
    ).toBe(404);
    expect(
      (
        await send({ intent: "edit", postId: String(bPost), body: "Mengubah tulisan orang lain." })
      ).status(),
    ).toBe(404);
    expect((await send({ intent: "delete", postId: String(bPost) })).status()).toBe(404);
    expect(
      (
        await send({
          intent: "edit",
          postId: String(foreign),
          body: "Mengubah tulisan kelas lain.",
        })
      ).status(),
    ).toBe(404);

    // refusals with a message, never a 500
    const foreignReply = await send({
      intent: "reply",
      parentId: String(foreign),
      body: "Balasan ke kelas lain",
    });
    expect(foreignReply.status()).toBe(400);
    expect(await foreignReply.text()).toContain(
      "Tanggapan yang ingin kamu balas tidak ada di diskusi ini.",
    );
    const tooLong = await send({ intent: "respond", promptId: "d3", body: "x".repeat(2001) });
    expect(tooLong.status()).toBe(400);
    expect(await tooLong.text()).toContain("Tanggapan terlalu panjang: maksimal 2000 karakter.");
    expect(
      (
        await send({
          intent: "respond",
          promptId: "nope",
          body: "Pertanyaan yang tidak ada di pelajaran.",
        })
      ).status(),
    ).toBe(404);

    testDb().prepare("UPDATE posts SET hidden = 1 WHERE id = ?").run(bPost);
    const hiddenReply = await send({
      intent: "reply",
      parentId: String(bPost),
      body: "Balasan ke yang disembunyikan",
    });
    expect(hiddenReply.status()).toBe(400);
    expect(await hiddenReply.text()).toContain(
      "Tanggapan ini disembunyikan oleh guru, jadi tidak bisa dibalas.",
    );
    testDb()
      .prepare("UPDATE posts SET hidden = 0, deleted_at = ? WHERE id = ?")
      .run(Date.now(), bPost);
    const deletedReply = await send({
      intent: "reply",
      parentId: String(bPost),
      body: "Balasan ke yang dihapus",
    });
    expect(deletedReply.status()).toBe(400);
    expect(await deletedReply.text()).toContain(
      "Tanggapan ini sudah dihapus penulisnya, jadi tidak bisa dibalas.",
    );
    expect(postsOf(s.a.id)).toHaveLength(0);

    // the same through the page: empty text is refused beside the field
    await page.reload();
    await prompt(page, OPEN).getByRole("button", { name: "Kirim tanggapan" }).click();
    await expect(
      prompt(page, OPEN).getByText("Tulis tanggapanmu dulu.", { exact: true }),
    ).toBeVisible();
    await expect(prompt(page, OPEN).getByLabel("Tanggapanmu")).toHaveAttribute(
      "aria-invalid",
      "true",
    );
  });

  test("answering every prompt completes the step on both dashboards", async ({ browser }) => {
    const s = await setup();
    const pa = await open(browser, { role: "pupil", id: s.a.id });
    const pt = await open(browser, { role: "teacher", id: s.teacher.id });
    await pa.goto(s.url);
    for (const [i, p] of lesson.prompts.entries()) {
      const q = prompt(pa, i + 1);
      if (p.mode === "cer") {
        await q.getByLabel("Klaim", { exact: true }).fill(`Klaimku untuk pertanyaan ${i + 1}.`);
        await q
          .getByLabel("Bukti", { exact: true })
          .fill("Paragraf 3 menyebut tidak ada bukti konkret.");
        await q
          .getByLabel("Alasan", { exact: true })
          .fill("Tuduhan tanpa bukti belum membuktikan apa pun.");
        await q.getByRole("button", { name: "Kirim tanggapan" }).click();
        await expect(
          q.getByRole("article").filter({ hasText: `Klaimku untuk pertanyaan ${i + 1}.` }),
        ).toBeVisible();
      } else {
        await respond(pa, i + 1, `Tanggapanku untuk pertanyaan nomor ${i + 1}.`);
      }
    }
    await expect(
      pa.getByText("Langkah diskusi selesai: semua pertanyaan sudah kamu tanggapi."),
    ).toBeVisible();
    await pa.goto("/pupil");
    await expect(pa.getByText("Diskusi selesai", { exact: false })).toBeVisible();
    await pt.goto(`/teacher/assignments/${s.assignmentId}`);
    await expect(
      pt.getByText("1 dari 2 siswa sudah menanggapi semua pertanyaan diskusi."),
    ).toBeVisible();
    for (const p of [pa, pt]) await p.context().close();
  });

  test("the pupil and teacher discussion pages pass axe in both languages", async ({ browser }) => {
    const s = await setup();
    const aPost = insertPost({
      assignmentId: s.assignmentId,
      authorId: s.a.id,
      promptId: "d3",
      body: "Tanggapan Ani, lihat paragraf 3.\nBaris kedua.",
    });
    const bPost = insertPost({
      assignmentId: s.assignmentId,
      authorId: s.b.id,
      promptId: "d3",
      body: "Tanggapan Budi tentang penulis artikel.",
    });
    insertPost({
      assignmentId: s.assignmentId,
      authorId: s.b.id,
      promptId: "d3",
      parentId: aPost,
      body: "Balasan Budi untuk Ani.",
    });
    testDb().prepare("UPDATE posts SET exemplary = 1 WHERE id = ?").run(bPost);
    testDb()
      .prepare("INSERT INTO post_feedback (post_id, body) VALUES (?, ?)")
      .run(aPost, "Umpan balik untuk Ani.");
    const pa = await open(browser, { role: "pupil", id: s.a.id });
    const pt = await open(browser, { role: "teacher", id: s.teacher.id });

    await pa.goto(s.url);
    await expect(pa.getByText("Umpan balik untuk Ani.")).toBeVisible();
    await expectAccessible(pa);
    await prompt(pa, CER).getByRole("button", { name: "Kirim tanggapan" }).click();
    await expect(prompt(pa, CER).getByText("Bagian ini wajib diisi.").first()).toBeVisible();
    await expectAccessible(pa);
    await pa.getByRole("button", { name: "English" }).click();
    await expect(pa.getByRole("heading", { name: "Classmates' responses" }).first()).toBeVisible();
    await expectAccessible(pa);

    await pt.goto(`/teacher/assignments/${s.assignmentId}/discussion`);
    await expect(pt.getByText("Balasan Budi untuk Ani.")).toBeVisible();
    await expectAccessible(pt);
    await pt.getByRole("button", { name: "English" }).click();
    await expect(
      pt.getByRole("heading", { level: 1, name: "Discussion moderation" }),
    ).toBeVisible();
    await expectAccessible(pt);
    for (const p of [pa, pt]) await p.context().close();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a pupil posts, is refused with the text kept, replies and edits in place", async ({
    page,
    context,
  }) => {
    const s = await setup();
    const bText = "Tanggapan Budi yang sudah ada sebelumnya.";
    insertPost({ assignmentId: s.assignmentId, authorId: s.b.id, promptId: "d3", body: bText });
    await signIn(context, { role: "pupil", id: s.a.id });
    await page.goto(s.url);
    const q = prompt(page, OPEN);
    await expect(page.getByText(bText)).toHaveCount(0);

    await q.getByLabel("Tanggapanmu").fill("Terlalu pendek");
    await q.getByRole("button", { name: "Kirim tanggapan" }).click();
    await expect(q.getByText("Tanggapan terlalu pendek: tulis minimal 20 karakter.")).toBeVisible();
    await expect(q.getByLabel("Tanggapanmu")).toHaveValue("Terlalu pendek");

    const text =
      "Penulisnya tidak disebut.\nItu penting karena kita tidak bisa memeriksa kepentingannya.";
    await q.getByLabel("Tanggapanmu").fill(text);
    await q.getByRole("button", { name: "Kirim tanggapan" }).click();
    const own = q.getByRole("article").filter({ hasText: "Penulisnya tidak disebut." });
    await expect(own).toBeVisible();
    expect(postsOf(s.a.id).map((p) => p.body)).toEqual([text]);
    const bPost = q.getByRole("article").filter({ hasText: bText });
    await expect(bPost).toBeVisible();

    // a CER prompt without JavaScript: the missing part is named, the others kept
    const cer = prompt(page, CER);
    await cer.getByLabel("Klaim", { exact: true }).fill("Artikel tidak membuktikannya.");
    await cer.getByRole("button", { name: "Kirim tanggapan" }).click();
    await expect(cer.getByLabel("Bukti", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(cer.getByLabel("Klaim", { exact: true })).toHaveValue(
      "Artikel tidak membuktikannya.",
    );

    await reply(
      page,
      prompt(page, OPEN).getByRole("article").filter({ hasText: bText }),
      s.b.name,
      "Aku setuju denganmu.",
    );

    const mine = prompt(page, OPEN)
      .getByRole("article")
      .filter({ hasText: "Penulisnya tidak disebut." });
    await mine.getByRole("link", { name: "Ubah atau hapus" }).click();
    await expect(page).toHaveURL(/\?edit=\d+/);
    await mine
      .getByLabel("Ubah tulisanmu")
      .fill("Penulisnya tidak disebut, dan media aslinya pun tidak.");
    await mine.getByRole("button", { name: "Simpan perubahan" }).click();
    const edited = prompt(page, OPEN)
      .getByRole("article")
      .filter({ hasText: "dan media aslinya pun tidak." });
    await expect(edited.getByText("diedit", { exact: false })).toBeVisible();
    expect(postsOf(s.a.id)[0].body).toBe("Penulisnya tidak disebut, dan media aslinya pun tidak.");
  });
});
