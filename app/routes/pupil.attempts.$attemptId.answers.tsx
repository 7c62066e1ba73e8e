// Saves one answer. Scripts get JSON (no page data is reloaded); a plain form post is sent back
// to the question it came from, with the outcome in the address.
import type { ActionFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { z } from "zod";
import { saveAnswer } from "~/models/attempt.server";
import { requirePupil, safeRedirect } from "~/utils/auth.server";
import { parseForm } from "~/utils/form.server";
import { parseId } from "~/utils/ids";
import { notFound } from "~/utils/http.server";

/** The shape of item ids in lesson files (content/schema.ts); anything else is no item of ours. */
// A lesson item id, or a two-part question's Part B (`<id>.b`).
const ITEM_ID = /^[a-z0-9][a-z0-9-]{0,63}(?:\.b)?$/;

/** A device clock reading in ms; an empty field is none. */
const clock = z.preprocess(
  (value) => (value === "" ? undefined : value),
  z.coerce.number().int().nonnegative().max(8.64e15).optional(),
);

const schema = z.object({
  kind: z.enum(["quiz", "sort"]),
  itemId: z.string().regex(ITEM_ID),
  choice: z.string().min(1).max(64),
  // The device's clock when the choice was made and when it was sent (the offline queue), so an
  // answer chosen before the assignment closed is still taken (closing.server.ts).
  chosenAt: clock,
  sentAt: clock,
});

export async function loader() {
  notFound();
}

export async function action({ request, params }: ActionFunctionArgs) {
  const pupil = await requirePupil(request);
  const attemptId = parseId(params.attemptId);
  const { form, submission } = await parseForm(request, schema);
  const wantsJson = (request.headers.get("Accept") ?? "").includes("application/json");
  const back = (params: Record<string, string>, hash: string) => {
    const to = new URL(safeRedirect(form.get("redirectTo"), "/pupil"), "http://x");
    for (const [k, v] of Object.entries(params)) to.searchParams.set(k, v);
    // Only an id of the right shape goes into the fragment: the Location header must stay ASCII
    // without line breaks (an emoji or CR/LF here was a 500); the query is encoded by URLSearchParams.
    return redirect(`${to.pathname}${to.search}${ITEM_ID.test(hash) ? `#${hash}` : ""}`);
  };
  const itemId = typeof form.get("itemId") === "string" ? String(form.get("itemId")) : "";
  // The queue (answer-queue.tsx) reads { ok, reason } and the plain form the address: both as before.
  if (submission.status !== "success") {
    const reason = submission.error?.choice?.length ? "noChoice" : "item";
    if (wantsJson) return json({ ok: false, reason }, { status: 400 });
    return back({ error: reason, item: itemId }, itemId);
  }
  const answer = submission.value;
  const result = saveAnswer({ pupilId: pupil.pupilId, attemptId, ...answer });
  const headers = { "Cache-Control": "no-store" };
  if (wantsJson) {
    // newerKept: a newer choice of this item was stored before this one arrived and stays (087)
    if (result.ok)
      return json(
        { ok: true, savedAt: result.savedAt, ...(result.newerKept ? { newerKept: true } : {}) },
        { headers },
      );
    const status = result.reason === "item" || result.reason === "choice" ? 400 : 409;
    return json({ ok: false, reason: result.reason }, { status, headers });
  }
  return result.ok
    ? back({ saved: answer.itemId }, answer.itemId)
    : back({ error: result.reason, item: answer.itemId }, answer.itemId);
}
