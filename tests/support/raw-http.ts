// Requests for the tests that send thousands (fuzz.spec.ts, authorization.spec.ts,
// headers.spec.ts): the same method, address, Cookie,
// Origin and form body as `send` in ./security-world.ts, over Node's own http client.
// Playwright's request context costs ~7 ms of the test worker's CPU per request on this two-core
// machine, node:http ~0.7 ms (measured, decision 074); the server sees the same request either
// way. No cookie jar: each request carries exactly the Cookie header it is given. No
// Accept-Encoding: answers come uncompressed, so what is read is what the server rendered.
import http from "node:http";
import { encodeForm, type FormValues } from "./security-world";

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

/** The parts of Playwright's APIResponse the tests that use this read. */
export type RawResponse = {
  status(): number;
  /** Lower-case names; repeated headers joined as Playwright joins them (Set-Cookie with "\n"). */
  headers(): Record<string, string>;
  /** Every header line as received, repeated ones (Set-Cookie) one entry each. */
  headersArray(): { name: string; value: string }[];
  text(): Promise<string>;
  json(): Promise<unknown>;
};

export type RawRequest = {
  method: "GET" | "POST";
  url: string;
  cookie: string;
  form?: FormValues;
  headers?: Record<string, string>;
};

/** One request; redirects are not followed (like `maxRedirects: 0`). */
export function send(input: RawRequest): Promise<RawResponse> {
  const base = `http://127.0.0.1:${process.env.E2E_PORT}`;
  const headers: Record<string, string> = { Cookie: input.cookie, ...input.headers };
  let body: string | undefined;
  if (input.method === "POST") {
    body = encodeForm(input.form ?? {});
    Object.assign(headers, {
      Origin: base,
      "Content-Type": "application/x-www-form-urlencoded",
      ...input.headers,
      "Content-Length": String(Buffer.byteLength(body)),
    });
  }
  if (!headers.Cookie) delete headers.Cookie;
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(input.url, base),
      { method: input.method, headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          const flat: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) {
            if (value === undefined) continue;
            flat[name] = Array.isArray(value)
              ? value.join(name === "set-cookie" ? "\n" : ", ")
              : value;
          }
          const lines: { name: string; value: string }[] = [];
          for (let i = 0; i + 1 < res.rawHeaders.length; i += 2)
            lines.push({ name: res.rawHeaders[i], value: res.rawHeaders[i + 1] });
          resolve({
            status: () => res.statusCode ?? 0,
            headers: () => flat,
            headersArray: () => lines,
            text: async () => text,
            json: async () => JSON.parse(text) as unknown,
          });
        });
      },
    );
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}
