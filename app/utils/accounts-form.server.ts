// Answers of the account forms: a refused submission is a 400 (or 429) that is never cached.
import { redirect, type HeadersFunction } from "@remix-run/node";
import { retryMinutes, retrySeconds } from "~/models/throttle.server";
import { createSession, destroySession } from "./session.server";
import { message } from "./form-message";

export const NO_STORE = { "Cache-Control": "no-store" } as const;

/** A filled honeypot, for `refuse()`: refused quietly with a generic message. */
export const BOT_REFUSAL = { formError: "accounts.form.refused" } as const;

/**
 * Too many attempts, for `refuse()`: 429 with Retry-After and "try again in N seconds" (`wait`:
 * only a per-address or per-class wait refused) or "in N minutes" (an account's window).
 */
export function throttled(retryAfterMs: number, wait = false) {
  const seconds = retrySeconds(retryAfterMs);
  return {
    status: 429,
    headers: { "Retry-After": String(seconds) },
    formError:
      wait && seconds <= 60
        ? message("hardening.throttledSeconds", { seconds })
        : message("accounts.throttled", { minutes: retryMinutes(retryAfterMs) }),
  };
}

/** Ends any session the browser had, starts a fresh one (a new id at every sign-in), goes on. */
export async function startSessionAndRedirect(
  request: Request,
  owner: Parameters<typeof createSession>[0],
  to: string,
) {
  await destroySession(request);
  const cookie = await createSession(owner);
  return redirect(to, { headers: { "Set-Cookie": cookie, ...NO_STORE } });
}

/**
 * The `headers` export of the account pages: a document answer keeps the parent's headers plus
 * the action's Retry-After and Cache-Control (Remix drops action headers from documents unless a
 * route passes them on).
 */
export const accountHeaders: HeadersFunction = ({ parentHeaders, actionHeaders }) => {
  const headers = new Headers(parentHeaders);
  for (const name of ["Retry-After", "Cache-Control"]) {
    const value = actionHeaders.get(name);
    if (value) headers.set(name, value);
  }
  return headers;
};
