// Reading posted forms (decision 017): refuses cross-site and oversized posts, then validates
// with a Zod schema through Conform; messages are dictionary keys, translated on the page.
import type { Submission } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, type TypedResponse } from "@remix-run/node";
import type { z, ZodIssue } from "zod";
import { isMessageKey } from "~/i18n";
import type { FormReply } from "./form-reply";
import { env } from "./env.server";
import { crossSite } from "./same-site";
import { badRequest } from "./http.server";

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

/**
 * Every action starts here: same-site check, size limit (64 KB unless the form says otherwise,
 * e.g. the lesson upload), then the form data.
 */
export async function readForm(
  request: Request,
  options: { maxBytes?: number } = {},
): Promise<FormData> {
  if (isCrossSite(request)) throw new Response("Cross-site request refused", { status: 403 });
  const length = Number(request.headers.get("Content-Length") ?? "0");
  if (length > (options.maxBytes ?? MAX_BODY_BYTES))
    throw new Response("Request too large", { status: 413 });
  try {
    return await request.formData();
  } catch {
    badRequest();
  }
}

/**
 * Parses a posted form with its Zod schema through Conform. Values stay the strings the browser
 * sent (no automatic coercion: the schemas say what they accept); each field keeps its first
 * message, a dictionary key ("v.invalid" for anything else), filed under the field's name as the
 * page wrote it (`pupilIds`, not `pupilIds[2]`). A GET form's query parses the same way.
 */
export function parseSubmission<S extends z.ZodTypeAny>(
  form: FormData | URLSearchParams,
  schema: S,
) {
  const submission = parseWithZod(form, {
    schema,
    disableAutoCoercion: true,
    formatError: (issues: ZodIssue[]): string[] => [
      isMessageKey(issues[0]?.message) ? issues[0].message : "v.invalid",
    ],
  });
  if (submission.status === "error" && submission.error) fileUnderTopName(submission.error);
  return submission;
}

/** readForm, then parseSubmission: the usual first two lines of an action. */
export async function parseForm<S extends z.ZodTypeAny>(
  request: Request,
  schema: S,
  options: { maxBytes?: number } = {},
) {
  const form = await readForm(request, options);
  return { form, submission: parseSubmission(form, schema) };
}

function fileUnderTopName(errors: Record<string, string[] | null>) {
  for (const name of Object.keys(errors)) {
    const top = name.split(/[.[]/, 1)[0];
    if (top === name) continue;
    if (!errors[top]?.length) errors[top] = errors[name];
    delete errors[name];
  }
}

type Refusal = {
  /** Which of the page's forms this answers. */
  intent?: string;
  /** A message about the whole form (see ~/utils/form-message). */
  formError?: string;
  /**
   * Messages the server decided after parsing (wrong password, taken name…), by field; a list
   * when the page shows more than the first (e.g. each refused line of a list).
   */
  fieldErrors?: Record<string, string | string[]>;
  /** Fields never sent back (passwords, PINs, codes). */
  hide?: string[];
  status?: number;
  headers?: Record<string, string>;
};

/**
 * Page data that rides along with a refusal, beside the reply (the lesson editor's item id and
 * draft revision, decision 019); the reply's own `ok`, `intent` and `result` win over it.
 */
type RefusalData = Record<string, unknown>;

/**
 * The answer to a refused form: 400 (or `status`), never cached, with the person's entries
 * (except `hide`) and the messages, for `useAppForm` to show next to the fields.
 */
export function refuse<D extends RefusalData = Record<never, never>>(
  submission: Pick<Submission<unknown, string[]>, "reply">,
  refusal: Refusal & { data?: D } = {},
): TypedResponse<FormReply & D> {
  const options: {
    formErrors?: string[];
    fieldErrors?: Record<string, string[]>;
    hideFields?: string[];
  } = {};
  if (refusal.formError) options.formErrors = [refusal.formError];
  if (refusal.fieldErrors)
    options.fieldErrors = Object.fromEntries(
      Object.entries(refusal.fieldErrors).map(([name, text]) => [
        name,
        Array.isArray(text) ? text : [text],
      ]),
    );
  if (refusal.hide) options.hideFields = refusal.hide;
  const result = submission.reply(options);
  const body = { ...refusal.data, ok: false, result } as FormReply & D;
  if (refusal.intent !== undefined) body.intent = refusal.intent;
  return json(body, {
    status: refusal.status ?? 400,
    headers: { "Cache-Control": "no-store", ...refusal.headers },
  });
}

/** A model's refusal ({ form?, field… } as dictionary keys) in `refuse()`'s terms. */
export function modelRefusal(errors: Partial<Record<string, string>>) {
  const { form: formError, ...rest } = errors;
  const fieldErrors: Record<string, string> = {};
  for (const [name, key] of Object.entries(rest)) if (key) fieldErrors[name] = key;
  return { formError, fieldErrors };
}
