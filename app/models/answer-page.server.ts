// The no-JavaScript path of the sorting and quiz pages: one form carries every choice picked on
// the page (`a.<itemId>` fields), and any of its buttons saves them all, in one transaction.
import { redirect } from "@remix-run/node";
import { db } from "~/db.server";
import { requirePupil } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";
import { parseId } from "~/utils/ids";
import { getPupilAssignment } from "./assignment.server";
import { pupilAttempts, saveAnswer, type SaveResult } from "./attempt.server";
import { notFound } from "~/utils/http.server";

const FIELD = /^a\.([A-Za-z0-9_-]{1,64}(?:\.b)?)$/;
const MAX_ITEMS = 200;

export type Refusal = Extract<SaveResult, { ok: false }>["reason"] | "noChoice";
export type PageSave = { saved: string[]; refused: { itemId: string; reason: Refusal } | null };

/** The choices a page's form carries, item id → choice; malformed fields are ignored. */
export function pageChoices(form: FormData): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of form) {
    const match = FIELD.exec(key);
    if (!match || typeof value !== "string" || value.length < 1 || value.length > 64) continue;
    if (out.size >= MAX_ITEMS) break;
    out.set(match[1], value);
  }
  return out;
}

/**
 * Saves every choice the form carries for this kind of item. The first refusal is reported (the
 * page shows it beside that item); the other choices are still saved. `asked` is the item whose
 * own save button was pressed: with no choice picked for it, that is reported as "noChoice".
 */
export function savePageChoices(input: {
  pupilId: number;
  attemptId: number;
  kind: "quiz" | "sort";
  form: FormData;
  asked?: string | null;
  now?: number;
}): PageSave {
  const choices = pageChoices(input.form);
  return db.transaction(
    () => {
      const saved: string[] = [];
      let refused: PageSave["refused"] = null;
      for (const [itemId, choice] of choices) {
        const result = saveAnswer({
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
    { behavior: "immediate" },
  );
}

/**
 * The action behind a sorting or quiz page's form. An item's save button (`save=<itemId>`) comes
 * back to that item; "next" goes on to the quiz; "submit" saves and hands in the attempt (the
 * quiz route does that part). Any refusal comes back to the item it concerns.
 */
export async function answerPageAction(input: {
  request: Request;
  assignmentId: number;
  kind: "quiz" | "sort";
  onSubmit?: (attemptId: number) => Response;
}): Promise<Response> {
  const pupil = await requirePupil(input.request);
  const form = await readForm(input.request);
  const attemptId = parseId(form.get("attemptId"));
  // the assignment must be the pupil's class's, and the attempt theirs on that assignment
  getPupilAssignment({
    classId: pupil.classId,
    pupilId: pupil.pupilId,
    assignmentId: input.assignmentId,
  });
  if (
    !pupilAttempts({ pupilId: pupil.pupilId, assignmentId: input.assignmentId }).some(
      (a) => a.id === attemptId,
    )
  )
    notFound();
  const asked = typeof form.get("save") === "string" ? String(form.get("save")) : null;
  const intent = form.get("intent");
  const page = `/pupil/assignments/${input.assignmentId}/${input.kind}`;
  const result = savePageChoices({
    pupilId: pupil.pupilId,
    attemptId,
    kind: input.kind,
    form,
    asked,
  });
  const back = (params: Record<string, string>, hash: string) => {
    const query = new URLSearchParams(params).toString();
    return redirect(`${page}${query ? `?${query}` : ""}${hash ? `#${hash}` : ""}`);
  };
  // On the quiz page anything but an item's own save button hands the attempt in (a page loaded
  // before this form existed posts only the attempt id). A refused save (past the due date,
  // already submitted) is then reported by the submit itself.
  if (input.onSubmit && !asked) return input.onSubmit(attemptId);
  if (result.refused)
    return back(
      { error: result.refused.reason, item: result.refused.itemId },
      result.refused.itemId,
    );
  if (intent === "next" && input.kind === "sort")
    return redirect(`/pupil/assignments/${input.assignmentId}/quiz`);
  if (asked) return back({ saved: asked }, asked);
  return back({}, "");
}
