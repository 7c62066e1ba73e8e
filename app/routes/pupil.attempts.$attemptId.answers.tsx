// Saves one answer: the JavaScript answer queue's API (answer-queue.tsx). Scripts get JSON
// (`{ ok, reason }`, no page data is reloaded); a plain form post that is saved is sent back to the
// question it came from (`?saved=`), a refused one gets the kit's refusal (400, no-store, the
// message under `choice`). Reasons and their messages: utils/answer-refusal.ts.
import type { ActionFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { z } from "zod";
import { saveAnswer } from "~/models/attempt.server";
import { requirePupil, safeRedirect } from "~/utils/auth.server";
import { refusalMessage } from "~/utils/answer-refusal";
import { parseForm, refuse } from "~/utils/form.server";
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
  kind: z.enum(["quiz", "sort"], { message: "flow.err.item" }),
  itemId: z.string({ message: "flow.err.item" }).regex(ITEM_ID, "flow.err.item"),
  choice: z
    .string({ message: "flow.err.noChoice" })
    .min(1, "flow.err.noChoice")
    .max(64, "flow.err.choice"),
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
  const saved = (itemId: string) => {
    const to = new URL(safeRedirect(form.get("redirectTo"), "/pupil"), "http://x");
    to.searchParams.set("saved", itemId);
    // Only an id of the right shape goes into the fragment: the Location header must stay ASCII
    // without line breaks (an emoji or CR/LF here was a 500); the query is encoded by URLSearchParams.
    return redirect(`${to.pathname}${to.search}${ITEM_ID.test(itemId) ? `#${itemId}` : ""}`);
  };
  if (submission.status !== "success") {
    // the queue reads the reason (its message is refusalMessage(reason)); a plain form the kit's reply
    if (!wantsJson) return refuse(submission);
    const reason = submission.error?.choice?.length ? "noChoice" : "item";
    return json({ ok: false, reason }, { status: 400, headers: { "Cache-Control": "no-store" } });
  }
  const answer = submission.value;
  const result = await saveAnswer({ pupilId: pupil.pupilId, attemptId, ...answer });
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
  if (result.ok) return saved(answer.itemId);
  return refuse(submission, { fieldErrors: { choice: refusalMessage(result.reason) } });
}
