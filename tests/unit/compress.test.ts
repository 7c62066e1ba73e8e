// Remix's answers are compressed whole in sendResponse (server/compress.ts, decision 130): which
// encoding a browser gets, what is left alone, and, through the whole HTTP stack with a stand-in
// build, that what arrives decodes to exactly what the app answered, with honest headers.
import { test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { createApp } from "../../server/app";
import { COMPRESS_ON_LOOP_MAX_BYTES, compressibleType, pickEncoding } from "../../server/compress";
import { createLogger } from "../../server/log";
import { standInBuild } from "../support/stand-in-build";

test("the encoding follows Accept-Encoding: Brotli first, then gzip, q=0 refuses, * counts", () => {
  assert.equal(pickEncoding("gzip, deflate, br, zstd"), "br"); // Chromium
  assert.equal(pickEncoding("gzip, deflate"), "gzip"); // an old Android browser
  assert.equal(pickEncoding("gzip;q=1.0, br;q=0.5"), "gzip");
  assert.equal(pickEncoding("br;q=0, gzip"), "gzip");
  assert.equal(pickEncoding("BR"), "br");
  assert.equal(pickEncoding("*"), "br");
  assert.equal(pickEncoding("*;q=0.5, br;q=0"), "gzip");
  assert.equal(pickEncoding("identity"), null);
  assert.equal(pickEncoding("deflate"), null);
  assert.equal(pickEncoding("gzip;q=0, br;q=0"), null);
  assert.equal(pickEncoding(""), null);
  assert.equal(pickEncoding(undefined), null);
});

test("text, JSON, CSV and SVG are worth compressing; spreadsheets and images are not", () => {
  for (const type of [
    "text/html; charset=utf-8",
    "application/json; charset=utf-8",
    "text/csv; charset=utf-8",
    "application/problem+json",
    "image/svg+xml",
  ])
    assert.equal(compressibleType(type), true, type);
  for (const type of [
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "image/png",
    "application/octet-stream",
    "",
    null,
  ])
    assert.equal(compressibleType(type), false, String(type));
});

const page = `<!DOCTYPE html><html lang="id"><body>${Array.from(
  { length: 400 },
  (_, i) => `<p id="p${i}">Paragraf ${i}: tuduhan bukan bukti, dan bantahan bukan bukti juga.</p>`,
).join("\n")}</body></html>`;
const big = "x".repeat(COMPRESS_ON_LOOP_MAX_BYTES + 10_000);

const html = (body: string, headers: Record<string, string> = {}) =>
  new Response(body, { headers: { "Content-Type": "text/html; charset=utf-8", ...headers } });
const routes = {
  page: { path: "page", loader: () => html(page) },
  small: { path: "small", loader: () => Response.json({ ok: true }) },
  big: {
    path: "big",
    loader: () => new Response(big, { headers: { "Content-Type": "text/csv" } }),
  },
  sheet: {
    path: "sheet",
    loader: () =>
      new Response(page, {
        headers: {
          "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        },
      }),
  },
  "no-transform": {
    path: "no-transform",
    loader: () => html(page, { "Cache-Control": "private, no-transform" }),
  },
  empty: { path: "empty", loader: () => new Response(null, { status: 204 }) },
};

type Got = { status: number; headers: http.IncomingHttpHeaders; raw: Buffer };

async function withServer(
  run: (
    get: (path: string, init?: { method?: string; acceptEncoding?: string }) => Promise<Got>,
  ) => Promise<void>,
) {
  const app = createApp({
    build: standInBuild(routes),
    mode: "production",
    trustProxy: false,
    log: createLogger("silent"),
  });
  const server = http.createServer((req, res) => void app(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const get = (path: string, init: { method?: string; acceptEncoding?: string } = {}) =>
    new Promise<Got>((resolve, reject) => {
      const req = http.request(
        {
          port,
          host: "127.0.0.1",
          path,
          method: init.method ?? "GET",
          headers:
            init.acceptEncoding === undefined ? {} : { "Accept-Encoding": init.acceptEncoding },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              raw: Buffer.concat(chunks),
            }),
          );
        },
      );
      req.on("error", reject);
      req.end();
    });
  try {
    await run(get);
  } finally {
    server.close();
  }
}

const decode = (got: Got) => {
  const encoding = got.headers["content-encoding"];
  const body =
    encoding === "br"
      ? zlib.brotliDecompressSync(got.raw)
      : encoding === "gzip"
        ? zlib.gunzipSync(got.raw)
        : got.raw;
  return body.toString("utf8");
};

test("through the app: a page arrives compressed as the browser asked, whole, with its length and Vary", async () => {
  await withServer(async (get) => {
    for (const [accept, expected] of [
      ["gzip, deflate, br", "br"],
      ["gzip", "gzip"],
      [undefined, undefined],
      ["identity", undefined],
    ] as const) {
      const got = await get("/page", { acceptEncoding: accept });
      assert.equal(got.status, 200);
      assert.equal(got.headers["content-encoding"], expected, String(accept));
      assert.equal(got.headers["vary"], "Accept-Encoding", String(accept));
      assert.equal(Number(got.headers["content-length"]), got.raw.length, String(accept));
      assert.equal(got.headers["transfer-encoding"], undefined, String(accept));
      assert.equal(decode(got), page, String(accept));
      if (expected) assert.ok(got.raw.length < page.length / 4, `${accept}: ${got.raw.length}`);
    }
  });
});

test("through the app: small answers, spreadsheets, no-transform, HEAD and empty answers go as they are", async () => {
  await withServer(async (get) => {
    const accept = "gzip, deflate, br";
    const small = await get("/small", { acceptEncoding: accept });
    assert.equal(small.headers["content-encoding"], undefined);
    assert.equal(small.headers["vary"], "Accept-Encoding");
    assert.deepEqual(JSON.parse(small.raw.toString("utf8")), { ok: true });

    const sheet = await get("/sheet", { acceptEncoding: accept });
    assert.equal(sheet.headers["content-encoding"], undefined);
    assert.equal(sheet.headers["vary"], undefined);
    assert.equal(sheet.raw.toString("utf8"), page);

    const kept = await get("/no-transform", { acceptEncoding: accept });
    assert.equal(kept.headers["content-encoding"], undefined);
    assert.equal(kept.raw.toString("utf8"), page);

    const head = await get("/page", { method: "HEAD", acceptEncoding: accept });
    assert.equal(head.status, 200);
    assert.equal(head.headers["content-encoding"], undefined);
    assert.equal(head.raw.length, 0);

    const empty = await get("/empty", { acceptEncoding: accept });
    assert.equal(empty.status, 204);
    assert.equal(empty.raw.length, 0);
  });
});

test("through the app: a body too big to compress on the event loop is compressed off it, the same", async () => {
  await withServer(async (get) => {
    for (const accept of ["br", "gzip"]) {
      const got = await get("/big", { acceptEncoding: accept });
      assert.equal(got.headers["content-encoding"], accept);
      assert.equal(Number(got.headers["content-length"]), got.raw.length);
      assert.equal(decode(got), big);
    }
  });
});
