// The editor page of one lesson: what it shows (problems and warnings placed next to their items)
// and what each of its forms does (one `intent` per form), for the lesson's author only.
import type { SubmissionResult } from "@conform-to/react";
import { json, type TypedResponse } from "@remix-run/node";
import { z } from "zod";
import type { MessageKey, Vars } from "~/i18n";
import { parseSubmission, refuse } from "~/utils/form.server";
import type { FormReply } from "~/utils/form-reply";
import {
  getOwnLesson,
  moveItem,
  nextItemId,
  publishLesson,
  putItem,
  removeItem,
  saveDraft,
  setShared,
  validateDraft,
  versionsOf,
  withdrawLesson,
  deleteLesson,
  type Draft,
  type ItemKind,
} from "./lesson-editor.server";
import {
  listsValues,
  metaValues,
  outsideInfoValues,
  promptValues,
  questionValues,
  sortingValues,
  acknowledgementSchema,
  listsSchema,
  metaSchema,
  outsideInfoSchema,
  promptSchema,
  questionSchema,
  sortingSchema,
  posted,
  problemItem,
  problemMessage,
} from "~/utils/lesson-editor-form";
import { notFound } from "~/utils/http.server";

type Ref = { teacherId: number; lessonId: number };
export type Note = { key: MessageKey; vars: Vars };
export type WarningNote = { check: string; item: string; key: MessageKey };
export type ItemNotes = { problems: Note[]; warnings: WarningNote[] };

export type ItemSummary = { id: string; n: number; text: string; notes: ItemNotes };
export type OpenItem = { kind: ItemKind; id: string; values: Record<string, string | string[]> };

const SUMMARY_WORDS = 12;
/** The first words of an item, for its summary row. */
export function firstWords(text: string, words = SUMMARY_WORDS): string {
  const all = text.trim().split(/\s+/).filter(Boolean);
  return all.length > words ? `${all.slice(0, words).join(" ")} …` : all.join(" ");
}

/**
 * What the editor page shows. Every item is a summary row (number, first words, its problems and
 * warnings); only the item named by `edit` (`?edit=q3`) comes with its saved values for the full
 * form: rendering ~45 full forms made a 40-question page cost ~100 ms.
 */
export async function editorPage(ref: Ref, edit: string | null = null) {
  const row = await getOwnLesson(ref);
  const draft = row.draft as Draft;
  const { problems, warnings } = validateDraft(draft);
  const versions = (await versionsOf(row.slug)).map((v) => ({ id: v.id, number: v.number }));
  // Problems and warnings by item id; the rest are listed for the whole lesson.
  const notes: Record<string, ItemNotes> = {};
  const lessonProblems: Note[] = [];
  const lessonWarnings: WarningNote[] = [];
  const note = (id: string) => (notes[id] ??= { problems: [], warnings: [] });
  for (const p of problems) {
    const where = problemItem(p.path);
    const item = where ? (draft[where.kind] as { id: string }[])[where.index] : undefined;
    if (item) note(item.id).problems.push(problemMessage(p));
    else lessonProblems.push(problemMessage(p));
  }
  const itemIds = new Set(
    [...draft.questions, ...draft.sorting, ...draft.prompts].map((x) => x.id),
  );
  for (const w of warnings) {
    const entry = { check: w.check, item: w.item, key: `check.${w.check}` as MessageKey };
    const base = w.item.split(".")[0];
    if (itemIds.has(base)) note(base).warnings.push(entry);
    else lessonWarnings.push(entry);
  }
  const summaries = <T extends { id: string }>(items: T[], text: (item: T) => string) =>
    items.map((item, i) => ({
      id: item.id,
      n: i + 1,
      text: firstWords(text(item)),
      notes: notes[item.id] ?? { problems: [], warnings: [] },
    }));
  const question = draft.questions.find((q) => q.id === edit);
  const statement = draft.sorting.find((x) => x.id === edit);
  const prompt = draft.prompts.find((x) => x.id === edit);
  const open: OpenItem | null = question
    ? { kind: "questions", id: question.id, values: questionValues(question) }
    : statement
      ? { kind: "sorting", id: statement.id, values: sortingValues(statement) }
      : prompt
        ? { kind: "prompts", id: prompt.id, values: promptValues(prompt) }
        : null;
  return {
    id: row.id,
    slug: row.slug,
    revision: row.revision,
    lesson: {
      title: draft.title,
      language: draft.language,
      paragraphs: draft.paragraphs,
      speakers: draft.speakers,
      acknowledged: draft.acknowledged,
    },
    meta: metaValues(draft),
    lists: listsValues(draft),
    outside: outsideInfoValues(draft.outsideInfo),
    items: {
      questions: summaries(draft.questions, (q) => q.stem),
      sorting: summaries(draft.sorting, (x) => x.quote),
      prompts: summaries(draft.prompts, (x) => x.prompt),
    },
    open,
    versions,
    published: versions.find((v) => v.id === row.publishedVersionId)?.number ?? null,
    dirty: row.dirty,
    shared: row.shared,
    withdrawn: row.withdrawnAt !== null,
    problemCount: problems.length,
    warningCount: warnings.length,
    lessonProblems,
    lessonWarnings,
  };
}

/** A saved form's answer: its status only, the draft's new revision and the message to show. */
export type EditorSaved = {
  ok: true;
  intent: string;
  itemId: string;
  /** The draft's revision after this post: the page sends it with its next save. */
  revision: number;
  /** No entries, so nothing typed since is put back or reset (a new item's form starts empty). */
  result: SubmissionResult<string[]>;
  message: MessageKey;
  vars?: Record<string, number>;
};
/**
 * A refused form's answer: the kit's `refuse()` reply (`intent`, `result` with the entries and
 * messages, form-wide ones under "") and the page data that rides along (decision 019).
 */
export type EditorRefused = FormReply & {
  /** Which item's form this answers ("" for the lesson's own forms). */
  itemId: string;
  /** The draft's revision now, so a refused tab knows what it missed. */
  revision: number;
  /** Refused because the draft changed since the page was loaded (another tab, a late autosave). */
  stale?: true;
};
export type EditorAnswer = EditorSaved | EditorRefused;

/** The answer to a saved form: no entries, so nothing typed since is put back or reset. */
const SAVED: SubmissionResult<string[]> = { status: "success" };

/** Forms that change the draft, or publish it, must be made from its current revision. */
const CHECKED = new Set([
  "meta",
  "lists",
  "outside",
  "question",
  "sorting",
  "prompt",
  "acknowledge",
  "unacknowledge",
  "deleteItem",
  "up",
  "down",
  "publish",
]);

/**
 * What every editor post says besides its fields: which form (`intent`, and `itemId`/`kind` for an
 * item), whether it is an autosave, the acceptance to take back (`index`), whether the warnings
 * were seen before publishing, and the revision the form was made from (`revision`: `null` when
 * not sent, e.g. by a script, the authorization and fuzz tests: taken as the current one; a
 * malformed one is -1, refused like a stale one). Read as posted (not trimmed); never refused.
 */
const editorPostSchema = z.object({
  intent: posted,
  itemId: posted,
  kind: posted,
  autosave: posted.transform(Boolean),
  warningsSeen: posted.transform(Boolean),
  index: posted.transform(Number),
  revision: posted.transform((raw) => {
    if (raw === "") return null;
    const n = Number(raw);
    return Number.isSafeInteger(n) && n >= 0 ? n : -1;
  }),
});

const KINDS: ItemKind[] = ["questions", "sorting", "prompts"];

type Answer = TypedResponse<EditorAnswer>;

/**
 * One posted editor form → the draft changed (200) or refused with the kit's `refuse()` (400 with
 * the field messages, 409 when the draft changed since the page was loaded), or "deleted" after
 * deleting the lesson.
 */
export async function editorAction(ref: Ref, form: FormData): Promise<Answer | "deleted"> {
  const row = await getOwnLesson(ref);
  const draft = row.draft as Draft;
  // What the post is for, read by the kit; its reply gives a refused form's entries back.
  const post = parseSubmission(form, editorPostSchema);
  if (post.status !== "success") throw new Error("the editor's post schema refuses nothing");
  const { intent, itemId, autosave } = post.value;
  const kind = post.value.kind as ItemKind;
  let revision = row.revision;
  const expected = post.value.revision ?? row.revision;
  /** A refusal: the parsed form's own messages, or one for the whole form (`formError`). */
  const fail = (
    refusal: { formError?: MessageKey; stale?: boolean },
    submission: Pick<typeof post, "reply"> = post,
  ): Answer =>
    refuse(submission, {
      intent,
      formError: refusal.formError,
      status: refusal.stale ? 409 : 400,
      data: { itemId, revision, ...(refusal.stale ? { stale: true as const } : {}) },
    });
  const stale = () => fail({ formError: "ed.err.stale", stale: true });
  const done = (
    message: MessageKey = autosave ? "ed.autosaved" : "ed.saved",
    vars?: Record<string, number>,
  ): Answer =>
    json<EditorSaved>(
      { ok: true, intent, itemId, revision, result: SAVED, message, ...(vars ? { vars } : {}) },
      { headers: { "Cache-Control": "no-store" } },
    );
  // The check and the write are one conditional UPDATE (saveDraft): a save made from an older
  // revision than the stored one never lands, even when two arrive at the same moment.
  const save = async (next: Draft) => {
    const saved = await saveDraft({ ...ref, draft: next, revision: expected });
    revision = saved.revision;
    return saved.ok;
  };
  if (CHECKED.has(intent) && expected !== row.revision) return stale();
  // An id posted by the page must name an existing item; a new item gets the next free id.
  const idIn = (k: ItemKind, prefix: string) =>
    (draft[k] as { id: string }[]).some((x) => x.id === itemId)
      ? itemId
      : nextItemId(prefix, draft[k]);
  // The form's schema through the kit's parser; a refused form keeps what was typed.
  const put = async <S extends z.ZodTypeAny>(schema: S, apply: (value: z.output<S>) => Draft) => {
    const submission = parseSubmission(form, schema);
    if (submission.status !== "success") return fail({}, submission);
    return (await save(apply(submission.value))) ? done() : stale();
  };

  switch (intent) {
    case "meta":
      return put(metaSchema(true), ({ estimatedMinutes, ...m }) => ({
        ...draft,
        ...m,
        estimatedMinutes: estimatedMinutes ?? draft.estimatedMinutes,
      }));
    case "lists":
      return put(listsSchema(draft.speakers), (v) => ({ ...draft, ...v }));
    case "outside":
      return put(outsideInfoSchema, (info) => {
        const { outsideInfo: _old, ...rest } = draft;
        return info ? { ...rest, outsideInfo: info } : rest;
      });
    case "question":
      return put(questionSchema(idIn("questions", "q"), draft.paragraphs), (q) =>
        putItem(draft, "questions", q),
      );
    case "sorting":
      return put(sortingSchema(idIn("sorting", "s"), draft.paragraphs, draft.speakers), (s) =>
        putItem(draft, "sorting", s),
      );
    case "prompt":
      return put(promptSchema(idIn("prompts", "d")), (p) => putItem(draft, "prompts", p));
    case "acknowledge":
      return put(acknowledgementSchema(validateDraft(draft).warnings), (a) => ({
        ...draft,
        acknowledged: [...draft.acknowledged, a],
      }));
    case "unacknowledge": {
      const at = post.value.index;
      if (!Number.isInteger(at) || !draft.acknowledged[at]) notFound();
      return (await save({
        ...draft,
        acknowledged: draft.acknowledged.filter((_, i) => i !== at),
      }))
        ? done()
        : stale();
    }
    case "deleteItem":
    case "up":
    case "down": {
      if (!KINDS.includes(kind) || !(draft[kind] as { id: string }[]).some((x) => x.id === itemId))
        notFound();
      return (await save(
        intent === "deleteItem"
          ? removeItem(draft, kind, itemId)
          : moveItem(draft, kind, itemId, intent === "up" ? -1 : 1),
      ))
        ? done()
        : stale();
    }
    case "publish": {
      const { problems, warnings } = validateDraft(draft);
      if (problems.length) return fail({ formError: "ed.err.problems" });
      if (warnings.length && !post.value.warningsSeen)
        return fail({ formError: "ed.err.seeWarnings" });
      const result = await publishLesson({ ...ref, revision: expected });
      if (!result.ok) return "stale" in result ? stale() : fail({ formError: "ed.err.problems" });
      const number =
        (await versionsOf(row.slug)).find((v) => v.id === result.versionId)?.number ?? 1;
      return done("ed.published", { n: number });
    }
    case "share":
    case "unshare":
      if (!(await setShared({ ...ref, shared: intent === "share" })))
        return fail({ formError: "ed.err.notPublished" });
      return done();
    case "withdraw":
    case "restore":
      await withdrawLesson({ ...ref, withdrawn: intent === "withdraw" });
      return done();
    case "deleteLesson":
      if ((await deleteLesson(ref)) === "hasAssignments")
        return fail({ formError: "ed.err.hasAssignments" });
      return "deleted";
    default:
      return fail({ formError: "v.invalid" });
  }
}
