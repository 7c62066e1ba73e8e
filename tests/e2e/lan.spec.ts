// A default school install reached over the LAN: production settings, no COOKIE_SECURE, no
// TRUST_PROXY, opened as http://sekolah.test:<port> — a plain-HTTP origin that is not localhost,
// like http://192.168.1.23:3000 (Chromium maps the name to 127.0.0.1: nothing leaves loopback).
// Runs in the "lan" project against the second test server (playwright.config.ts).
import http from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { randomJoinCode, testDb, unique } from "../support/factories";

test.use({ locale: "id-ID" });

const lanPort = Number(process.env.E2E_PORT) + 1;

async function expectSignedInTeacher(page: Page) {
  await expect(page.getByRole("heading", { level: 1, name: "Dasbor guru" })).toBeVisible();
  await expect(page).toHaveURL(/\/teacher$/);
}

test("over plain HTTP on a LAN name, a teacher signs up, signs in and stays signed in", async ({
  page,
  context,
  baseURL,
}) => {
  expect(baseURL).toMatch(/^http:\/\/sekolah\.test:\d+$/);
  const email = `${unique("lan")}@sekolah.test`;
  const password = "kopi tubruk di pagi hari";

  await page.goto("/teacher/signup");
  await page.getByLabel("Nama", { exact: true }).fill("Bu Lan");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Buat akun" }).click();
  // a new account is shown its recovery codes once, then goes on
  await expect(page.getByRole("heading", { name: "Kode pemulihan akunmu" })).toBeVisible();
  await page.getByRole("link", { name: "Saya sudah menyimpannya, lanjut ke beranda guru" }).click();
  await expectSignedInTeacher(page);

  // The cookie the browser kept: not Secure (plain HTTP), so it comes back on every request.
  const [cookie] = (await context.cookies()).filter((c) => c.name.endsWith("telaah_session"));
  expect(cookie).toMatchObject({
    name: "telaah_session",
    secure: false,
    httpOnly: true,
    sameSite: "Lax",
    domain: "sekolah.test",
  });
  await page.reload();
  await expectSignedInTeacher(page);

  // Sign out, then in again through the form, and still be signed in on the next pages.
  await page.getByRole("button", { name: "Keluar" }).click();
  // signed out once the post has landed on the home page (with JavaScript the click does not wait)
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/teacher");
  await expect(page).toHaveURL(/\/teacher\/login\?redirectTo=%2Fteacher$/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expectSignedInTeacher(page);
  await page.goto("/teacher/assign");
  await expect(page).toHaveURL(/\/teacher\/assign$/);
  await page.goto("/teacher");
  await expectSignedInTeacher(page);

  // The class page gives pupils the address the teacher is using, with a QR code of it.
  await page.getByLabel("Nama kelas").fill("8B LAN");
  await page.getByLabel("Jenjang kelas").selectOption("8");
  await page.getByLabel("Mata pelajaran").fill("PPKn");
  await page.getByLabel("Zona waktu").selectOption("WIB");
  await page.getByRole("button", { name: "Buat kelas" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "8B LAN" })).toBeVisible();
  const link = page.getByRole("link", { name: /\/join\?code=/ });
  const href = await link.getAttribute("href");
  expect(href).toMatch(new RegExp(`^http://sekolah\\.test:${lanPort}/join\\?code=[A-Z0-9]{8}$`));
  const qr = page.getByRole("img", { name: `Kode QR untuk ${href}` });
  await expect(qr).toBeVisible();
  const src = (await qr.getAttribute("src"))!;
  expect(src).toMatch(/^data:image\/svg\+xml;base64,/);
  const svg = Buffer.from(src.split(",")[1], "base64").toString("utf8");
  expect(svg).toContain("<svg");
  expect(svg).not.toMatch(/style=|<script/i);
  await expect(page.getByText("lewat localhost")).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("img", { name: `QR code for ${href}` })).toBeVisible();
  await expectAccessible(page);
});

/** A raw request to the LAN server, as any program on the network could send it. */
function send(path: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; location: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: lanPort,
        path,
        method: body ? "POST" : "GET",
        agent: false,
        headers,
      },
      (res) => {
        res.resume();
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, location: String(res.headers.location ?? "") }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

test("without a trusted proxy, a forged X-Forwarded-For does not choose the throttling bucket", async () => {
  const forged = "203.0.113.77";
  const origin = `http://sekolah.test:${lanPort}`;
  const response = await send(
    "/join",
    {
      Host: `sekolah.test:${lanPort}`,
      Origin: origin,
      "Content-Type": "application/x-www-form-urlencoded",
      "X-Forwarded-For": forged,
    },
    new URLSearchParams({
      code: randomJoinCode(),
      displayName: "Tamu",
      pin: "4821",
      pinConfirm: "4821",
    }).toString(),
  );
  expect(response.status).toBe(400);
  const keys = testDb().prepare("SELECT key FROM throttles").pluck().all() as string[];
  expect(keys.filter((k) => k.includes(forged))).toEqual([]);
  // the failure was counted against the real socket address
  expect(keys.some((k) => k.endsWith("ip:127.0.0.1"))).toBe(true);
});

test("when the sign-in cookie does not come back, the sign-in page says why in plain words", async ({
  page,
}) => {
  // What a browser that blocks cookies sends after a successful sign-in: it comes from the sign-in
  // page (Referer), but without the session cookie.
  const origin = `http://sekolah.test:${lanPort}`;
  const bounced = await send("/teacher", {
    Host: `sekolah.test:${lanPort}`,
    Referer: `${origin}/teacher/login`,
  });
  expect(bounced.status).toBe(302);
  expect(bounced.location).toBe("/teacher/login?redirectTo=%2Fteacher&cookie=missing");
  // Without that Referer (a plain visit) the sign-in page is just the sign-in page.
  const plain = await send("/teacher", { Host: `sekolah.test:${lanPort}` });
  expect(plain.location).toBe("/teacher/login?redirectTo=%2Fteacher");

  await page.goto(bounced.location);
  await expect(page.getByRole("alert")).toContainText(
    "browser ini tidak mengirim kembali cookie sesi",
  );
  await expectAccessible(page);
});
