// HTTP answers thrown from loaders, actions and models: the one way to say "not found" (and
// "bad request").
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

/** Throws the 400 for a request no form of ours sends (an unreadable body, an unknown intent). */
export function badRequest(): never {
  throw new Response("Bad request", { status: 400 });
}
