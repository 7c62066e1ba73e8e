// Reading posted forms: refuses cross-site posts, then validates with a Zod schema whose
// messages are dictionary keys, so the page can show a translated message beside each field.
import { json } from "@remix-run/node";
import type { z } from "zod";
import { isMessageKey, type MessageKey } from "~/i18n";
import { env } from "./env.server";
import { crossSite } from "./same-site";

/**
 * True when the browser says the request came from another site. Our server (server/app.ts) already
 * refuses such posts with its own 403 page before Remix sees them; this is the same check for the
 * app on its own (e.g. `remix dev`). X-Forwarded-Host counts only behind a proxy we trust.
 */
export function isCrossSite(request: Request): boolean {
  const url = new URL(request.url);
  return crossSite({
    fetchSite: request.headers.get("Sec-Fetch-Site"),
    origin: request.headers.get("Origin"),
    host: request.headers.get("Host") ?? url.host,
    forwardedHost: request.headers.get("X-Forwarded-Host"),
    trustProxy: env().TRUST_PROXY === "true",
  });
}

const MAX_BODY_BYTES = 64 * 1024;

/** Every action starts here: same-site check, size limit, then the form data. */
export async function readForm(request: Request): Promise<FormData> {
  if (isCrossSite(request)) throw new Response("Cross-site request refused", { status: 403 });
  const length = Number(request.headers.get("Content-Length") ?? "0");
  if (length > MAX_BODY_BYTES) throw new Response("Request too large", { status: 413 });
  try {
    return await request.formData();
  } catch {
    throw new Response("Bad request", { status: 400 });
  }
}

export type FieldErrors = Partial<Record<string, MessageKey>>;
export type FormFailure = { errors: FieldErrors; values: Record<string, string> };

/** Form values as plain strings, for re-filling a form after an error (never passwords/PINs). */
export function echoValues(form: FormData, omit: readonly string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && !omit.includes(key) && !(key in values)) values[key] = value;
  }
  return values;
}

export function parseWith<S extends z.ZodTypeAny>(
  schema: S,
  form: FormData,
  omit: readonly string[] = [],
): { ok: true; data: z.infer<S> } | ({ ok: false } & FormFailure) {
  const raw: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    raw[key] = all.length > 1 ? all : all[0];
  }
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (errors[field]) continue;
    errors[field] = isMessageKey(issue.message) ? issue.message : "v.invalid";
  }
  return { ok: false, errors, values: echoValues(form, omit) };
}

/** A 400 answer carrying field errors and the person's other entries. */
export function invalid(failure: FormFailure, status = 400) {
  return json({ ...failure, ok: false as const }, { status });
}
