// The no-JavaScript path of the sorting and quiz pages: one form carries every choice picked on
// the page (`a.<itemId>` fields), and any of its buttons saves them all, in one transaction.
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { withTransaction } from "~/db.server";
import { requirePupil } from "~/utils/auth.server";
import { parseForm, refuse } from "~/utils/form.server";
import { notFound } from "~/utils/http.server";
import { parseId } from "~/utils/ids";
import { partBId } from "~/utils/two-part";
import { choiceField, refusalMessage } from "~/utils/answer-refusal";
import { getPupilAssignment } from "./assignment.server";
import {
  lockAttempt,
  pupilAttempts,
  saveAnswer,
  sweepBeforeSaving,
  type SaveResult,
} from "./attempt.server";

const ITEM_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_ITEMS = 200;

/** An item's choices, by item id (Part B answers under `b.<question id>`, see choiceField). */
const choices = z
  .record(z.string().regex(ITEM_ID, "flow.err.item"), z.string().min(1).max(64, "flow.err.choice"))
  .refine((record) => Object.keys(record).length <= MAX_ITEMS, "flow.err.item")
  .optional();

/**
 * The page's one form (decision 040): the attempt, the choices picked (`a.<item id>`, Part B as
 * `b.<question id>`: a dot inside a field name would nest it in Conform's reading), which item's
 * save button was pressed, and the page's own buttons ("next", "submit").
 */
export const answerPageSchema = z.object({
  attemptId: z.string().regex(/^[1-9][0-9]{0,15}$/, "v.invalid"),
  // the stored item id of the pressed save button: `q16`, or Part B's `q16.b`
  save: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}(?:\.b)?$/, "flow.err.item")
    .optional(),
  intent: z.enum(["next", "submit"]).optional(),
  a: choices,
  b: choices,
});

export type Refusal = Extract<SaveResult, { ok: false }>["reason"] | "noChoice";
export type PageSave = { saved: string[]; refused: { itemId: string; reason: Refusal } | null };

/** The choices a parsed page carries, item id → choice (Part B under its stored id, `q16.b`). */
export function pageChoices(value: Pick<z.output<typeof answerPageSchema>, "a" | "b">) {
  const out = new Map<string, string>(Object.entries(value.a ?? {}));
  for (const [questionId, choice] of Object.entries(value.b ?? {}))
    out.set(partBId(questionId), choice);
  return out;
}

/**
 * Saves every choice the form carries for this kind of item. The first refusal is reported (the
 * page shows it beside that item); the other choices are still saved. `asked` is the item whose
 * own save button was pressed: with no choice picked for it, that is reported as "noChoice".
 */
export async function savePageChoices(input: {
  pupilId: number;
  attemptId: number;
  kind: "quiz" | "sort";
  choices: Map<string, string>;
  asked?: string | null;
  now?: number;
}): Promise<PageSave> {
  const { choices } = input;
  if (choices.size) await sweepBeforeSaving(input.pupilId, input.attemptId, input.now);
  // one lock on the attempt for the whole page (READ COMMITTED on PostgreSQL, decision 125)
  return withTransaction(
    async () => {
      await lockAttempt(input.attemptId);
      const saved: string[] = [];
      let refused: PageSave["refused"] = null;
      for (const [itemId, choice] of choices) {
        const result = await saveAnswer({
          pupilId: input.pupilId,
          attemptId: input.attemptId,
          kind: input.kind,
          itemId,
          choice,
          now: input.now,
        });
        if (result.ok) saved.push(itemId);
        else refused ??= { itemId, reason: result.reason };
      }
      if (!refused && input.asked && !choices.has(input.asked))
        refused = { itemId: input.asked, reason: "noChoice" };
      return { saved, refused };
    },
    { isolation: "read committed" },
  );
}

/**
 * The action behind a sorting or quiz page's form. An item's save button (`save=<itemId>`) comes
 * back to that item (a redirect with `?saved=`); "next" goes on to the quiz; "submit" saves and
 * hands in the attempt (the quiz route does that part). A refused save answers through the kit:
 * 400, every choice sent kept, the message filed under that item's radio group (`a.<id>` or
 * `b.<question id>`) and shown beside it. A form that is not the page's answers 400 too.
 */
export async function answerPageAction(input: {
  request: Request;
  assignmentId: number;
  kind: "quiz" | "sort";
  onSubmit?: (
    attemptId: number,
    refuseSubmit: (formError: string) => Response,
  ) => Promise<Response>;
}): Promise<Response> {
  const pupil = await requirePupil(input.request);
  const { form, submission } = await parseForm(input.request, answerPageSchema);
  const attemptId = parseId(form.get("attemptId"));
  // the assignment must be the pupil's class's, and the attempt theirs on that assignment
  await getPupilAssignment({
    classId: pupil.classId,
    pupilId: pupil.pupilId,
    assignmentId: input.assignmentId,
  });
  if (
    !(await pupilAttempts({ pupilId: pupil.pupilId, assignmentId: input.assignmentId })).some(
      (a) => a.id === attemptId,
    )
  )
    notFound();
  if (submission.status !== "success") return refuse(submission, { formError: "flow.err.item" });
  const { save, intent } = submission.value;
  const asked = save ?? null;
  const page = `/pupil/assignments/${input.assignmentId}/${input.kind}`;
  const result = await savePageChoices({
    pupilId: pupil.pupilId,
    attemptId,
    kind: input.kind,
    choices: pageChoices(submission.value),
    asked,
  });
  const back = (params: Record<string, string>, hash: string) => {
    const query = new URLSearchParams(params).toString();
    return redirect(`${page}${query ? `?${query}` : ""}${hash ? `#${hash}` : ""}`);
  };
  // On the quiz page anything but an item's own save button hands the attempt in (a page loaded
  // before this form existed posts only the attempt id). A refused save (past the due date,
  // already submitted) is then reported by the submit itself.
  if (input.onSubmit && !asked)
    return input.onSubmit(attemptId, (formError) =>
      refuse(submission, { intent: "submit", formError, status: 409 }),
    );
  if (result.refused)
    return refuse(submission, {
      fieldErrors: { [choiceField(result.refused.itemId)]: refusalMessage(result.refused.reason) },
    });
  if (intent === "next" && input.kind === "sort")
    return redirect(`/pupil/assignments/${input.assignmentId}/quiz`);
  if (asked) return back({ saved: asked }, asked);
  return back({}, "");
}
