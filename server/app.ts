// Our HTTP server around the Remix build: client address and protocol from the socket, compression,
// static files with the pages' security headers, cross-site posts and oversized bodies refused
// before Remix runs, request logging, and connection tracking for a clean shutdown.
import fs from "node:fs";
import path from "node:path";
import { Transform } from "node:stream";
import {
  createReadableStreamFromReadable,
  createRequestHandler,
  type ServerBuild,
} from "@remix-run/node";
import compression from "compression";
import express, {
  type NextFunction,
  type Request as ExpressRequest,
  type Response as ExpressResponse,
} from "express";
import { isLang, langFromAcceptLanguage, translate, type Lang, type MessageKey } from "../app/i18n";
import { securityHeaderEntries } from "../app/utils/headers.server";
import { requestContextStorage, type RequestContext } from "../app/utils/request-context.server";
import { crossSite } from "../app/utils/same-site";
import { clientAddress, requestProtocol } from "../app/utils/transport";
import { encodeBody } from "./compress";
import { createLane, wantsDocument } from "./lane";
import type { Logger } from "./log";

export const MAX_BODY_BYTES = 64 * 1024;
/** Lesson file uploads may be up to 256 KB (the route checks the file itself); the form around it gets 16 KB. */
export const UPLOAD_PATHS = new Set(["/teacher/lessons/import"]);
export const MAX_UPLOAD_BODY_BYTES = 256 * 1024 + 16 * 1024;

function bodyLimit(path: string): number {
  return UPLOAD_PATHS.has(path) ? MAX_UPLOAD_BODY_BYTES : MAX_BODY_BYTES;
}

export type AppOptions = {
  build: ServerBuild;
  mode: string;
  trustProxy: boolean;
  log: Logger;
  /** Directory the build's `assetsBuildDirectory` and `public/` are relative to. */
  root?: string;
};

class BodyTooLarge extends Error {}

/** A pass-through that fails as soon as more than `limit` bytes went through it. */
export function limitBody(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > limit) done(new BodyTooLarge(`body over ${limit} bytes`));
      else done(null, chunk);
    },
  });
}

/** The language of our own pages: the switch's cookie ("lang", base64 JSON), else Accept-Language. */
function langOf(req: ExpressRequest): Lang {
  const raw = /(?:^|;\s*)lang=([^;]*)/.exec(req.headers.cookie ?? "")?.[1];
  if (raw) {
    try {
      const value: unknown = JSON.parse(
        Buffer.from(decodeURIComponent(raw), "base64").toString("utf8"),
      );
      if (isLang(value)) return value;
    } catch {
      // not ours: fall back to the browser's languages
    }
  }
  return langFromAcceptLanguage(req.headers["accept-language"] ?? null);
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

/** A small translated page of our own (403, 413): no script, no style, the strict fallback CSP. */
export function sendRefusal(
  req: ExpressRequest,
  res: ExpressResponse,
  status: number,
  title: MessageKey,
  body: MessageKey,
) {
  const lang = langOf(req);
  const html = `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(translate(lang, title))} – Telaah</title></head>
<body><main><h1>${escapeHtml(translate(lang, title))}</h1><p>${escapeHtml(translate(lang, body))}</p>
<p><a href="/">${escapeHtml(translate(lang, "server.home"))}</a></p></main></body></html>
`;
  for (const [name, value] of securityHeaderEntries()) res.setHeader(name, value);
  res.setHeader("Cache-Control", "no-store");
  res.status(status).type("html").send(html);
}

/** Node's header object as fetch Headers (what @remix-run/express does, which we cannot reuse:
 * its handler reads the request stream itself, so it cannot be put behind the size limit). */
function fetchHeaders(raw: ExpressRequest["headers"]): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else if (value !== undefined) headers.set(key, value);
  }
  return headers;
}

/** Remix's answer, whole: every one is already in memory, and is compressed in one piece. */
async function sendResponse(
  req: ExpressRequest,
  res: ExpressResponse,
  response: globalThis.Response,
) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (!response.body) return void res.end();
  const sent = await encodeBody(
    Buffer.from(await response.arrayBuffer()),
    {
      contentType: response.headers.get("Content-Type"),
      contentEncoding: response.headers.get("Content-Encoding"),
      cacheControl: response.headers.get("Cache-Control"),
    },
    { method: req.method, acceptEncoding: req.headers["accept-encoding"] },
  );
  if (sent.vary) res.vary("Accept-Encoding");
  if (sent.encoding) res.setHeader("Content-Encoding", sent.encoding);
  res.setHeader("Content-Length", sent.body.length);
  res.end(sent.body);
}

/** How long the rest of a refused body is read and dropped before the connection is closed. */
export const LINGER_MS = 5_000;

/**
 * 413, while the client may still be sending its body. Closing the socket with unread data in it
 * resets the connection, and the reset can reach the client before it has read the refusal: it
 * then sees a network error instead of our page (the e2e test with a 2 MB body failed 2 times in
 * 20 so). So the rest of the body is read and dropped, and the socket is closed once the answer
 * is sent only if the body has still not ended `LINGER_MS` later.
 */
function refuseTooLarge(req: ExpressRequest, res: ExpressResponse) {
  req.resume();
  res.once("finish", () => {
    if (!req.complete) setTimeout(() => req.socket.destroy(), LINGER_MS).unref();
  });
  sendRefusal(req, res, 413, "server.tooLarge.title", "server.tooLarge.body");
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a path can name a file in `public/`: its first segment is one of the directory's
 * entries when the server started (the build's assets under `publicPath` have their own handler).
 * Public files change with a deploy, which restarts the server.
 */
export function publicPaths(dir: string, publicPath: string): (urlPath: string) => boolean {
  const assets = publicPath.split("/").filter(Boolean)[0];
  const names = new Set(
    (fs.existsSync(dir) ? fs.readdirSync(dir) : []).filter((name) => name !== assets),
  );
  return (urlPath) => {
    const first = urlPath.split("/")[1] ?? "";
    try {
      return names.has(decodeURIComponent(first));
    } catch {
      return false; // malformed escapes: not a file of ours
    }
  };
}

export function createApp(opts: AppOptions) {
  const { build, log, trustProxy } = opts;
  const root = opts.root ?? process.cwd();
  const handleRequest = createRequestHandler(build, opts.mode);
  const storage = requestContextStorage();
  const documents = createLane();
  const app = express();
  app.disable("x-powered-by");
  // We read the client address and protocol ourselves (transport.ts), Express must not guess.
  app.set("trust proxy", false);
  app.set("etag", false);

  // 1. Who is asking, and how: computed once, handed to the app through AsyncLocalStorage.
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    const context: RequestContext = {
      clientAddress: clientAddress({
        socketAddress: req.socket.remoteAddress,
        forwardedFor: req.headers["x-forwarded-for"] as string | undefined,
        trustProxy,
      }),
      protocol: requestProtocol({
        encrypted: Boolean((req.socket as { encrypted?: boolean }).encrypted),
        forwardedProto: req.headers["x-forwarded-proto"] as string | undefined,
        trustProxy,
      }),
    };
    res.locals.context = context;
    res.once("finish", () => {
      if (!log.enabled("info")) return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // The path only: query strings can hold codes and names that do not belong in a log.
      log.info("request", {
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
        bytes: Number(res.getHeader("Content-Length") ?? 0) || undefined,
        ip: context.clientAddress,
      });
    });
    storage.run(context, next);
  });

  // Static files stream through the `compression` middleware; Remix's answers are compressed
  // whole in sendResponse (decision 130).
  const compressStatic = compression();

  // 2. Static files, with the same security headers as pages. Fingerprinted build output is
  // cached for a year; other public files (favicon) for an hour.
  const withHeaders = (res: ExpressResponse) => {
    for (const [name, value] of securityHeaderEntries()) res.setHeader(name, value);
  };
  app.use(
    build.publicPath,
    compressStatic,
    express.static(path.resolve(root, build.assetsBuildDirectory), {
      immutable: true,
      maxAge: "1y",
      index: false,
      setHeaders: withHeaders,
    }),
  );
  // express.static looks each path up on disk (a stat on libuv's thread pool, one more turn of the
  // event loop for every request), so only paths under public/'s own top-level names go to it.
  const publicDir = path.resolve(root, "public");
  const servePublic = express.static(publicDir, {
    maxAge: "1h",
    index: false,
    setHeaders: withHeaders,
  });
  const isPublic = publicPaths(publicDir, build.publicPath);
  app.use((req, res, next) =>
    isPublic(req.path) ? compressStatic(req, res, () => servePublic(req, res, next)) : next(),
  );

  // 3. State-changing requests from another site never reach Remix (it would answer a cross-origin
  // document post with an empty 500).
  app.use((req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const refused = crossSite({
      fetchSite: req.headers["sec-fetch-site"] as string | undefined,
      origin: req.headers.origin,
      host: req.headers.host,
      forwardedHost: req.headers["x-forwarded-host"] as string | undefined,
      trustProxy,
    });
    if (refused)
      return sendRefusal(req, res, 403, "server.crossSite.title", "server.crossSite.body");
    next();
  });

  // 4. Remix, with the body streamed through the size limit. HTML documents (page loads, form
  // posts without JavaScript) take turns, one per turn of the event loop, so answer saves and
  // live polls are not queued behind a burst of them (decision 127).
  app.all("*", (req, res, next) => {
    void handle(req, res).catch(next);
  });

  async function handle(req: ExpressRequest, res: ExpressResponse) {
    const context = res.locals.context as RequestContext;
    const declared = Number(req.headers["content-length"] ?? 0);
    const maxBytes = bodyLimit(req.path);
    if (declared > maxBytes) {
      return refuseTooLarge(req, res);
    }
    const forwardedHost = trustProxy
      ? (req.headers["x-forwarded-host"] as string | undefined)?.split(",").pop()?.trim()
      : undefined;
    const host = forwardedHost || req.headers.host || "localhost";
    let url: URL;
    try {
      url = new URL(`${context.protocol}://${host}${req.originalUrl}`);
    } catch {
      res.status(400).type("text").send("Bad request");
      return;
    }
    let controller: AbortController | null = new AbortController();
    res.on("finish", () => (controller = null));
    res.on("close", () => controller?.abort());
    const init: RequestInit & { duplex?: "half" } = {
      method: req.method,
      headers: fetchHeaders(req.headers),
      signal: controller.signal,
    };
    let tooLarge = false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      // Counted as it streams: a chunked body has no Content-Length to check up front, and is
      // refused as soon as it passes the limit, never buffered whole.
      const limited = limitBody(maxBytes);
      limited.on("error", (error) => {
        if (!(error instanceof BodyTooLarge)) return;
        tooLarge = true;
        req.unpipe(limited);
        if (!res.headersSent) {
          refuseTooLarge(req, res);
        }
        controller?.abort();
      });
      req.on("error", (error) => limited.destroy(error));
      req.pipe(limited);
      init.body = createReadableStreamFromReadable(limited) as unknown as BodyInit;
      init.duplex = "half";
    }
    if (wantsDocument(req.headers.accept)) {
      // After the close listener (and a post's body pipe) are in place, so a browser that goes
      // away while it waits is seen: nothing is run or rendered for it then.
      await documents.turn();
      if (res.headersSent || res.destroyed) return; // gone, or refused with 413 meanwhile
    }
    const response = await handleRequest(new Request(url.href, init), undefined).catch(
      (error: unknown) => {
        if (tooLarge) return null;
        throw error;
      },
    );
    if (!response || tooLarge || res.headersSent) return;
    await sendResponse(req, res, response);
  }

  // An error that escaped Remix (it renders its own errors): logged, a plain 500.
  app.use((error: unknown, _req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    log.error("unhandled", {
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    if (res.headersSent) return next(error);
    res.status(500).type("text").send("Internal Server Error");
  });

  return app;
}
