// What Remix answers is compressed in one piece, on the event loop (decision 130). Every answer is
// already whole in memory (documents are collected before they are sent, JSON and exports are
// strings), and most are a few kilobytes. A zlib stream per answer (the `compression` package)
// handed each one to libuv's thread pool and back, waking a pool thread each time: under
// bench:load that was 8–9 % of the server's busy time (`--profile`: processChunk and
// processCallback). Compressing at once costs about 1 ms for a 70 KB page (the article) and less
// than 0.1 ms for a live-view answer. Static files keep the `compression` middleware: they are
// few, cached for a year, and read as streams.
import zlib from "node:zlib";

/** Below this many bytes an answer goes as it is: the headers cost more than is saved. */
export const COMPRESS_MIN_BYTES = 1024;

const COMPRESSIBLE =
  /^(?:text\/|application\/(?:json|javascript|xml|x-www-form-urlencoded)|application\/[^;]+\+(?:json|xml)|image\/svg\+xml)/i;

/** Whether answers of this type are worth compressing (and so may differ by Accept-Encoding). */
export function compressibleType(contentType: string | null | undefined): boolean {
  return Boolean(contentType && COMPRESSIBLE.test(contentType.trim()));
}

/**
 * The encoding to send, from the request's Accept-Encoding: Brotli when accepted at least as
 * much as gzip (at the levels used it is smaller, 5 % for a page and a quarter for the live
 * view's JSON, and a little faster), gzip when only it is, nothing otherwise. q=0 refuses; `*`
 * stands for anything not named.
 */
export function pickEncoding(acceptEncoding: string | undefined): "br" | "gzip" | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name, ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    if (!name) continue;
    let q = 1;
    for (const param of params) {
      const m = /^q\s*=\s*([0-9.]+)$/.exec(param);
      if (m) q = Number(m[1]);
    }
    weights.set(name, Number.isFinite(q) ? q : 0);
  }
  const weight = (name: string) => weights.get(name) ?? weights.get("*") ?? 0;
  const br = weight("br");
  const gzip = weight("gzip");
  if (br <= 0 && gzip <= 0) return null;
  return br >= gzip ? "br" : "gzip";
}

/** Bodies larger than this are compressed on the thread pool instead (an export, not a page). */
export const COMPRESS_ON_LOOP_MAX_BYTES = 256 * 1024;

const brotliOptions = (size: number): zlib.BrotliOptions => ({
  params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 4,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size,
  },
});

/** The body compressed with the chosen encoding (gzip at zlib's default level, Brotli at 4). */
export async function compress(body: Buffer, encoding: "br" | "gzip"): Promise<Buffer> {
  if (body.length <= COMPRESS_ON_LOOP_MAX_BYTES)
    return encoding === "gzip"
      ? zlib.gzipSync(body)
      : zlib.brotliCompressSync(body, brotliOptions(body.length));
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, out: Buffer) => (error ? reject(error) : resolve(out));
    if (encoding === "gzip") zlib.gzip(body, done);
    else zlib.brotliCompress(body, brotliOptions(body.length), done);
  });
}

/** What to send for a body: compressed when worth it and accepted, with the headers it needs. */
export async function encodeBody(
  body: Buffer,
  answer: {
    contentType: string | null;
    contentEncoding: string | null;
    cacheControl: string | null;
  },
  request: { method: string; acceptEncoding: string | undefined },
): Promise<{ body: Buffer; encoding: "br" | "gzip" | null; vary: boolean }> {
  if (answer.contentEncoding || !compressibleType(answer.contentType))
    return { body, encoding: null, vary: false };
  const encoding =
    body.length >= COMPRESS_MIN_BYTES &&
    request.method !== "HEAD" &&
    !/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(answer.cacheControl ?? "")
      ? pickEncoding(request.acceptEncoding)
      : null;
  return encoding
    ? { body: await compress(body, encoding), encoding, vary: true }
    : { body, encoding: null, vary: true };
}
