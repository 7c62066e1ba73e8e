// The editor page of one lesson: what it shows (problems and warnings placed next to their items)
// and what each of its forms does (one `intent` per form), for the lesson's author only.
import type { MessageKey, Vars } from "~/i18n";
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
  parseAcknowledgement,
  parseLists,
  parseMeta,
  parseOutsideInfo,
  parsePrompt,
  parseQuestion,
  parseSorting,
  problemItem,
  problemMessage,
  rawOf,
  type FormErrors,
} from "~/utils/lesson-editor-form";
import { notFound } from "~/utils/http.server";

type Ref = { teacherId: number; lessonId: number };
export type Note = { key: MessageKey; vars: Vars };
export type WarningNote = { check: string; item: string; key: MessageKey };
export type ItemNotes = { problems: Note[]; warnings: WarningNote[] };

export function editorPage(ref: Ref) {
  const row = getOwnLesson(ref);
  const draft = row.draft as Draft;
  const { problems, warnings } = validateDraft(draft);
  const versions = versionsOf(row.slug).map((v) => ({ id: v.id, number: v.number }));
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
  return {
    id: row.id,
    slug: row.slug,
    draft,
    versions,
    published: versions.find((v) => v.id === row.publishedVersionId)?.number ?? null,
    dirty: row.dirty,
    shared: row.shared,
    withdrawn: row.withdrawnAt !== null,
    problemCount: problems.length,
    warningCount: warnings.length,
    notes,
    lessonProblems,
    lessonWarnings,
  };
}

export type EditorResult = {
  intent: string;
  itemId: string;
  ok: boolean;
  errors?: FormErrors;
  values?: Record<string, string | string[]>;
  message?: MessageKey;
  vars?: Record<string, number>;
};

const KINDS: ItemKind[] = ["questions", "sorting", "prompts"];

/** One posted editor form → the draft changed (or field errors), or "deleted" after deleting the lesson. */
export function editorAction(ref: Ref, form: FormData): EditorResult | "deleted" {
  const row = getOwnLesson(ref);
  const draft = row.draft as Draft;
  const raw = rawOf(form);
  const intent = String(form.get("intent") ?? "");
  const itemId = String(form.get("itemId") ?? "");
  const kind = String(form.get("kind") ?? "") as ItemKind;
  const autosave = Boolean(form.get("autosave"));
  const fail = (errors: FormErrors): EditorResult => ({
    intent,
    itemId,
    ok: false,
    errors,
    values: raw as Record<string, string | string[]>,
  });
  const done = (
    message: MessageKey = autosave ? "ed.autosaved" : "ed.saved",
    vars?: Record<string, number>,
  ): EditorResult => ({ intent, itemId, ok: true, message, vars });
  const save = (next: Draft) => saveDraft({ ...ref, draft: next });
  // An id posted by the page must name an existing item; a new item gets the next free id.
  const idIn = (k: ItemKind, prefix: string) =>
    (draft[k] as { id: string }[]).some((x) => x.id === itemId)
      ? itemId
      : nextItemId(prefix, draft[k]);
  const put = <T>(
    parsed: { ok: true; value: T } | { ok: false; errors: FormErrors },
    apply: (value: T) => Draft,
  ) => {
    if (!parsed.ok) return fail(parsed.errors);
    save(apply(parsed.value));
    return done();
  };

  switch (intent) {
    case "meta":
      return put(parseMeta(raw, true), ({ estimatedMinutes, ...m }) => ({
        ...draft,
        ...m,
        estimatedMinutes: estimatedMinutes ?? draft.estimatedMinutes,
      }));
    case "lists":
      return put(parseLists(raw, draft.speakers), (v) => ({ ...draft, ...v }));
    case "outside":
      return put(parseOutsideInfo(raw), (info) => {
        const { outsideInfo: _old, ...rest } = draft;
        return info ? { ...rest, outsideInfo: info } : rest;
      });
    case "question":
      return put(parseQuestion(raw, idIn("questions", "q"), draft.paragraphs), (q) =>
        putItem(draft, "questions", q),
      );
    case "sorting":
      return put(parseSorting(raw, idIn("sorting", "s"), draft.paragraphs, draft.speakers), (s) =>
        putItem(draft, "sorting", s),
      );
    case "prompt":
      return put(parsePrompt(raw, idIn("prompts", "d")), (p) => putItem(draft, "prompts", p));
    case "acknowledge": {
      const open = validateDraft(draft).warnings;
      return put(parseAcknowledgement(raw, open), (a) => ({
        ...draft,
        acknowledged: [...draft.acknowledged, a],
      }));
    }
    case "unacknowledge": {
      const at = Number(form.get("index"));
      if (!Number.isInteger(at) || !draft.acknowledged[at]) notFound();
      save({ ...draft, acknowledged: draft.acknowledged.filter((_, i) => i !== at) });
      return done();
    }
    case "deleteItem":
    case "up":
    case "down": {
      if (!KINDS.includes(kind) || !(draft[kind] as { id: string }[]).some((x) => x.id === itemId))
        notFound();
      save(
        intent === "deleteItem"
          ? removeItem(draft, kind, itemId)
          : moveItem(draft, kind, itemId, intent === "up" ? -1 : 1),
      );
      return done();
    }
    case "publish": {
      const { problems, warnings } = validateDraft(draft);
      if (problems.length) return fail({ publish: "ed.err.problems" });
      if (warnings.length && !form.get("warningsSeen"))
        return fail({ publish: "ed.err.seeWarnings" });
      const result = publishLesson(ref);
      if (!result.ok) return fail({ publish: "ed.err.problems" });
      const number = versionsOf(row.slug).find((v) => v.id === result.versionId)?.number ?? 1;
      return done("ed.published", { n: number });
    }
    case "share":
    case "unshare":
      if (!setShared({ ...ref, shared: intent === "share" }))
        return fail({ share: "ed.err.notPublished" });
      return done();
    case "withdraw":
    case "restore":
      withdrawLesson({ ...ref, withdrawn: intent === "withdraw" });
      return done();
    case "deleteLesson":
      if (deleteLesson(ref) === "hasAssignments")
        return fail({ deleteLesson: "ed.err.hasAssignments" });
      return "deleted";
    default:
      return fail({ form: "v.invalid" });
  }
}
