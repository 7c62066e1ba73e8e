// Our own HTTP server (server/app.ts) against the built app: static files carry the pages' security
// headers and the right caching, a body over 64 KB is refused while it streams, and a cross-site
// post gets our translated 403 page before Remix runs.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createTeacher } from "../support/factories";
import { sessionFor } from "../support/security-world";

const port = Number(process.env.E2E_PORT);
const base = `http://127.0.0.1:${port}`;

function expectSecurityHeaders(headers: Record<string, string>) {
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
}

test("static files carry the security headers: build output cached for a year, other files for an hour", async ({
  request,
}) => {
  // assets are in public/build, or in <BUILD_DIR>/public/build when BUILD_DIR is set (remix.config.js)
  const assets = process.env.BUILD_DIR
    ? path.join(process.env.BUILD_DIR, "public", "build")
    : path.join("public", "build");
  const script = fs.readdirSync(assets).find((f) => f.endsWith(".js"));
  expect(script).toBeTruthy();
  const asset = await request.get(`/build/${script}`);
  expect(asset.status()).toBe(200);
  expectSecurityHeaders(asset.headers());
  expect(asset.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");

  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expectSecurityHeaders(favicon.headers());
  expect(favicon.headers()["cache-control"]).toBe("public, max-age=3600");
});

test("a 2 MB chunked body is refused with 413 while it streams, never buffered whole", async () => {
  // The body never ends: a server that waited for all of it before answering would never answer.
  const result = await new Promise<{ status: number; body: string; sent: number }>(
    (resolve, reject) => {
      let sent = 0;
      let answered = false;
      // A kept-alive connection, as a browser's: with `Connection: close` Node itself closes the
      // socket under the unread body as soon as the answer is sent, and the reset can overtake it.
      const agent = new http.Agent({ keepAlive: true });
      const req = http.request(`${base}/teacher/login`, {
        method: "POST",
        agent,
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          Origin: base,
          "X-Forwarded-For": "198.51.100.41",
        },
      });
      req.on("response", (res) => {
        answered = true;
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => {
          req.destroy();
          agent.destroy();
          resolve({ status: res.statusCode ?? 0, body, sent });
        });
      });
      req.on("error", (error) => (answered ? undefined : reject(error)));
      const chunk = Buffer.alloc(16 * 1024, "a");
      const more = () => {
        if (answered || sent >= 2 * 1024 * 1024) return;
        sent += chunk.length;
        req.write(chunk, () => setImmediate(more));
      };
      req.write("email=");
      more();
    },
  );
  expect(result.status).toBe(413);
  expect(result.body).toContain("64 KB");
});

test("a declared Content-Length over the limit is refused before any of the body is read", async ({
  request,
}) => {
  const response = await request.post("/lang", {
    headers: {
      Origin: base,
      "Content-Type": "application/x-www-form-urlencoded",
      "Accept-Language": "en",
    },
    data: `lang=en&x=${"a".repeat(70 * 1024)}`,
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toContain("Too much data");
});

test("a cross-site post gets our own 403 page, translated, with the security headers", async ({
  request,
}) => {
  for (const [language, words] of [
    ["id-ID,id;q=0.9", "Permintaan ditolak"],
    ["en-US,en;q=0.9", "Request refused"],
  ] as const) {
    const response = await request.post("/lang", {
      headers: { Origin: "https://evil.example", "Accept-Language": language },
      form: { lang: "en" },
    });
    expect(response.status()).toBe(403);
    expect(response.headers()["content-type"]).toContain("text/html");
    expectSecurityHeaders(response.headers());
    expect(response.headers()["set-cookie"]).toBeUndefined();
    expect(await response.text()).toContain(words);
  }
});

test("behind the trusted proxy, X-Forwarded-Host counts only with TRUST_PROXY: a same-origin post via the proxy's host is accepted", async ({
  request,
}) => {
  // The main test server runs with TRUST_PROXY=true: the proxy's public host is what the browser sees.
  const response = await request.post("/lang", {
    headers: {
      Origin: "https://telaah.sekolah.example",
      "X-Forwarded-Host": "telaah.sekolah.example",
      "X-Forwarded-Proto": "https",
    },
    form: { lang: "en" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  // Over (proxied) HTTPS the session cookie would be Secure; the language cookie is unaffected.
});

test("a session made over HTTPS is never accepted over plain HTTP, and the plain one not over HTTPS", async ({
  request,
}) => {
  const teacher = await createTeacher();
  const { value } = await sessionFor({ role: "teacher", id: teacher.id });
  // The main test server trusts its "proxy": X-Forwarded-Proto says how the browser reached it.
  const get = (cookie: string, proto: "https" | "http") =>
    request.get("/teacher", {
      headers: { Cookie: cookie, "X-Forwarded-Proto": proto },
      maxRedirects: 0,
    });
  expect((await get(`__Host-telaah_session=${value}`, "https")).status()).toBe(200);
  expect((await get(`__Host-telaah_session=${value}`, "http")).status()).toBe(302);
  expect((await get(`telaah_session=${value}`, "https")).status()).toBe(302);
  expect((await get(`telaah_session=${value}`, "http")).status()).toBe(200);
});

test("signing in over (proxied) HTTPS sets a Secure __Host- cookie; over plain HTTP a plain one", async ({
  request,
}) => {
  const password = "kopi tubruk di pagi hari";
  const teacher = await createTeacher({ password });
  for (const [proto, expected] of [
    ["https", /^__Host-telaah_session=[^;]+;.*Secure/],
    ["http", /^telaah_session=[^;]+;(?!.*Secure)/],
  ] as const) {
    const response = await request.post("/teacher/login", {
      headers: {
        Origin: base,
        "X-Forwarded-Proto": proto,
        "X-Forwarded-For": `198.51.100.${proto === "https" ? 61 : 62}`,
      },
      form: { email: teacher.email, password },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(302);
    const setCookie = response
      .headersArray()
      .filter((h) => h.name.toLowerCase() === "set-cookie")
      .map((h) => h.value);
    expect(
      setCookie.some((c) => expected.test(c)),
      setCookie.join(" | "),
    ).toBe(true);
  }
});
