// HTTP answers thrown from loaders, actions and models: the one way to say "not found".
// A missing row, someone else's row and a malformed id all answer the same 404, so nobody can
// tell which of them it was (see docs/security.md).

/** The 404 response the root error boundary renders as the translated "not found" page. */
export function notFoundResponse(): Response {
  return new Response("Not found", { status: 404 });
}

/** Throws the 404 response. */
export function notFound(): never {
  throw notFoundResponse();
}

/**
 * Throws a response unless `condition` holds (and narrows it when it does), in the spirit of
 * `invariantResponse` from @epic-web/invariant. Without a message and init it throws the 404.
 */
export function invariantResponse(
  condition: unknown,
  message?: string | (() => string),
  init?: ResponseInit,
): asserts condition {
  if (condition) return;
  if (message === undefined && init === undefined) notFound();
  const body = typeof message === "function" ? message() : (message ?? "Not found");
  throw new Response(body, { status: 404, ...init });
}
