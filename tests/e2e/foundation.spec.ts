// The foundation as a reader meets it: home, library, the lesson page, languages, 404, headers.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { parseLesson } from "../../app/content/parse";
import { readingMinutes } from "../../app/utils/format";
import { expectAccessible } from "../support/axe";
import { SEED_SLUG, seedArticle, seedSource } from "../support/lesson-fixtures";

const LESSON = `/lessons/${SEED_SLUG}`;
const article = seedArticle();
const parsed = parseLesson(seedSource());
if (!parsed.ok) throw new Error("the seed lesson does not parse");
const seed = parsed.lesson;
const minutes = readingMinutes(article.paragraphs);

// Chromium asks for English by default; a browser set to Indonesian is the usual reader here.
test.use({ locale: "id-ID" });

/** The value beside a label in the lesson's source list. */
function sourceValue(page: Page, label: string): Locator {
  return page
    .getByRole("region", { name: /^(Sumber|Source)$/ })
    .locator("dt", { hasText: new RegExp(`^${label}$`) })
    .locator("xpath=following-sibling::dd[1]");
}

async function expectWholeArticle(page: Page) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(article.headline);
  const list = page.getByRole("region", { name: /^(Artikel|Article)$/ }).getByRole("list");
  await expect(list.getByRole("listitem")).toHaveCount(article.paragraphs.length);
  for (const [index, text] of article.paragraphs.entries()) {
    await expect(list.getByText(text, { exact: true })).toBeVisible();
    await expect(page.locator(`#p${index + 1}`)).toContainText(text);
  }
}

test.describe("a visitor reading in Indonesian", () => {
  test("the home page says what Telaah is and offers the teacher and pupil ways in", async ({
    page,
  }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Telaah: belajar membedakan tuduhan dan bukti",
    );
    const teacher = page.getByRole("region", { name: "Saya guru" });
    await expect(teacher.getByRole("link", { name: "Daftar sebagai guru" })).toHaveAttribute(
      "href",
      "/teacher/signup",
    );
    await expect(teacher.getByRole("link", { name: "Masuk sebagai guru" })).toHaveAttribute(
      "href",
      "/teacher/login",
    );
    const pupil = page.getByRole("region", { name: "Saya siswa" });
    await expect(pupil.getByRole("link", { name: "Gabung ke kelas" })).toHaveAttribute(
      "href",
      "/join",
    );
    await expect(pupil.getByRole("link", { name: "Masuk sebagai siswa" })).toHaveAttribute(
      "href",
      "/pupil/login",
    );
    await expect(page).toHaveTitle(/Telaah/);
  });

  test("the library lists the seed lesson and opens it", async ({ page }) => {
    await page.goto("/");
    await page
      .getByRole("navigation", { name: "Navigasi utama" })
      .getByRole("link", { name: "Pelajaran" })
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pustaka pelajaran");
    const card = page
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: article.headline }) });
    await expect(card).toContainText(
      `${seed.questions.length} soal kuis · ${seed.sorting.length} pernyataan untuk dipilah · ${seed.prompts.length} pertanyaan diskusi`,
    );
    await expect(card).toContainText(`± ${seed.estimatedMinutes} menit`);
    await card.getByRole("link", { name: article.headline }).click();
    await expect(page).toHaveURL(new RegExp(`${LESSON}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(article.headline);
  });

  test("the lesson page shows every paragraph verbatim, the source, glossary and reading time", async ({
    page,
  }) => {
    await page.goto(LESSON);
    await expectWholeArticle(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "id");
    await expect(page.getByText(`Waktu baca ± ${minutes} menit`)).toBeVisible();

    await expect(sourceValue(page, "Media")).toHaveText("tidak disebutkan");
    await expect(sourceValue(page, "Penulis")).toHaveText("tidak disebutkan");
    await expect(sourceValue(page, "Tanggal terbit")).toHaveText("tidak disebutkan");
    await expect(sourceValue(page, "Tanggal peristiwa")).toHaveText("19 Juni 2024");

    const glossary = page.getByRole("region", { name: "Daftar kata sulit" });
    for (const { term, definition } of seed.glossary) {
      await expect(glossary.getByText(term, { exact: true })).toBeVisible();
      await expect(glossary.getByText(definition, { exact: true })).toBeVisible();
    }
  });

  test("each paragraph has a #pN anchor that a link can open", async ({ page }) => {
    await page.goto(LESSON);
    for (let n = 1; n <= article.paragraphs.length; n++)
      await expect(page.getByRole("link", { name: `Tautan ke paragraf ${n}` })).toHaveAttribute(
        "href",
        `#p${n}`,
      );
    await page.getByRole("link", { name: "Tautan ke paragraf 3" }).click();
    await expect(page).toHaveURL(new RegExp(`${LESSON}#p3$`));

    await page.goto(`${LESSON}#p6`);
    await expect(page.locator("#p6")).toBeInViewport();
    await expect(page.locator("#p6")).toContainText(article.paragraphs[5]);
  });

  test("?highlight=3 marks paragraph 3 and only it", async ({ page }) => {
    await page.goto(`${LESSON}?highlight=3`);
    await expect(
      page.getByText("Paragraf yang disorot berisi bukti untuk soal ini."),
    ).toBeVisible();
    await expect(page.locator("mark")).toHaveCount(1);
    await expect(page.locator("#p3 mark")).toHaveText(article.paragraphs[2]);

    await page.goto(`${LESSON}?highlight=99,abc`);
    await expect(page.locator("mark")).toHaveCount(0);
    await expectWholeArticle(page);
  });

  test("an unknown page and an unknown lesson get a translated 404", async ({ page }) => {
    const response = await page.goto("/halaman-yang-tidak-ada");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Halaman tidak ditemukan");
    await expect(page.getByText("Kode 404")).toBeVisible();
    await page.getByRole("link", { name: "Kembali ke beranda" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Telaah: belajar membedakan tuduhan dan bukti",
    );

    const lesson = await page.goto("/lessons/tidak-ada");
    expect(lesson?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Halaman tidak ditemukan");
  });

  test("the print stylesheet leaves out navigation and keeps the article", async ({ page }) => {
    await page.goto(LESSON);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "Navigasi utama" })).toBeHidden();
    await expect(page.getByRole("button", { name: "English" })).toBeHidden();
    await expect(page.locator("#p7")).toContainText(article.paragraphs[6]);
  });
});

test.describe("choosing the language", () => {
  test("the switch turns the page English, is remembered, and switches back", async ({ page }) => {
    await page.goto(`${LESSON}?highlight=2`);
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
    await page.getByRole("button", { name: "English" }).click();

    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page).toHaveURL(new RegExp(`${LESSON}\\?highlight=2$`));
    await expect(page.getByRole("heading", { name: "Source", exact: true })).toBeVisible();
    await expect(sourceValue(page, "Outlet")).toHaveText("not stated");
    await expect(sourceValue(page, "Date of the events")).toHaveText("19 June 2024");
    await expect(page.getByText(`Reading time about ${minutes} minutes`)).toBeVisible();
    // Lesson content stays in its own language.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(article.headline);

    await page.goto("/lessons");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lesson library");
    await page.goto("/no-such-page");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");

    await page.goto("/");
    await page.getByRole("button", { name: "Bahasa Indonesia" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Telaah: belajar membedakan tuduhan dan bukti",
    );
    await page.goto("/lessons");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pustaka pelajaran");
  });

  test.describe("with a browser that asks for English", () => {
    test.use({ locale: "en-GB" });

    test("Accept-Language chooses English when there is no cookie, and the cookie wins after a switch", async ({
      page,
    }) => {
      await page.goto("/");
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(
        "Telaah: learning to tell allegation from evidence",
      );
      await page.getByRole("button", { name: "Bahasa Indonesia" }).click();
      await expect(page.locator("html")).toHaveAttribute("lang", "id");
      await page.goto("/lessons");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pustaka pelajaran");
    });
  });

  test.describe("with a browser that asks for neither language", () => {
    test.use({ locale: "de-DE" });

    test("Indonesian is the default", async ({ page }) => {
      await page.goto("/");
      await expect(page.locator("html")).toHaveAttribute("lang", "id");
    });
  });
});

test.describe("with JavaScript turned off", () => {
  test.use({ javaScriptEnabled: false });

  test("the lesson page renders the same content as with JavaScript", async ({ page, browser }) => {
    await page.goto(LESSON);
    await expectWholeArticle(page);
    const withoutJs = await page.getByRole("main").innerText();

    const context = await browser.newContext({ locale: "id-ID", javaScriptEnabled: true });
    const jsPage = await context.newPage();
    await jsPage.goto(LESSON);
    await expect(jsPage.getByRole("heading", { level: 1 })).toHaveText(article.headline);
    expect(await jsPage.getByRole("main").innerText()).toBe(withoutJs);
    await context.close();
  });

  test("the language switch and links work without JavaScript", async ({ page }) => {
    await page.goto(LESSON);
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page).toHaveURL(new RegExp(`${LESSON}$`));
    await expect(page.getByRole("heading", { name: "Glossary" })).toBeVisible();
    await page.getByRole("link", { name: "Lessons", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lesson library");
    await page.getByRole("button", { name: "Bahasa Indonesia" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pustaka pelajaran");
  });
});

test.describe("accessibility", () => {
  const pages = ["/", "/lessons", LESSON, `${LESSON}?highlight=3`, "/halaman-yang-tidak-ada"];

  test("axe finds no violations on any foundation page in Indonesian", async ({ page }) => {
    for (const url of pages) {
      await page.goto(url);
      await expect(page.locator("html")).toHaveAttribute("lang", "id");
      await expectAccessible(page);
    }
  });

  test.describe("in English", () => {
    test.use({ locale: "en-GB" });
    test("axe finds no violations on any foundation page in English", async ({ page }) => {
      for (const url of pages) {
        await page.goto(url);
        await expect(page.locator("html")).toHaveAttribute("lang", "en");
        await expectAccessible(page);
      }
    });
  });
});

test.describe("on a 360 px wide phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("no page scrolls sideways", async ({ page }) => {
    for (const url of [LESSON, "/", "/lessons"]) {
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, url).toBeLessThanOrEqual(360);
    }
  });
});

test.describe("baseline hardening", () => {
  test("/healthz answers 200 with JSON after a database query", async ({ request }) => {
    const response = await request.get("/healthz");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/json");
    expect(response.headers()["cache-control"]).toBe("no-store");
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", db: "ok" });
    expect(body.lessonVersions).toBeGreaterThanOrEqual(1);
  });

  test("a document carries the security headers and a nonce on every script", async ({
    request,
  }) => {
    const response = await request.get(LESSON);
    expect(response.status()).toBe(200);
    const headers = response.headers();
    const csp = headers["content-security-policy"];
    const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce, csp).toBeTruthy();
    for (const directive of [
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "default-src 'self'",
    ])
      expect(csp).toContain(directive);
    expect(csp).not.toContain("unsafe-inline");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("same-origin");

    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(html).not.toMatch(/\sstyle="/);

    const again = await request.get(LESSON);
    expect(again.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);
  });

  test("data requests and /healthz get the headers too", async ({ request }) => {
    for (const url of ["/lessons?_data=routes/lessons._index", "/healthz"]) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(200);
      expect(response.headers()["x-content-type-options"], url).toBe("nosniff");
      expect(response.headers()["content-security-policy"], url).toContain(
        "frame-ancestors 'none'",
      );
    }
  });

  test("pages make no request to any other host", async ({ page, baseURL }) => {
    const hosts = new Set<string>();
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.protocol === "http:" || url.protocol === "https:") hosts.add(url.host);
    });
    await page.goto("/");
    await page.getByRole("link", { name: "Lihat pustaka pelajaran" }).click();
    await page.getByRole("link", { name: article.headline }).click();
    await expectWholeArticle(page);
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.goto("/missing-page");
    expect([...hosts]).toEqual([new URL(baseURL!).host]);
  });
});
