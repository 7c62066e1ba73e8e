// The lesson editor: every part of a lesson file as small forms that work without JavaScript,
// the file pipeline's errors and the item-quality warnings next to the items, publish and share.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { EdCheck, EdError, EdSelect, EdText, type EdErrors, type EdValues } from "~/components/editor-fields";
import { LessonMetaFields } from "~/components/lesson-meta-fields";
import { CATEGORIES, SKILLS, type Question, type SortingItem, type Prompt } from "~/content/schema";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import {
  deleteLesson,
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
  type Draft,
  type ItemKind,
} from "~/models/lesson-editor.server";
import { parseId } from "~/utils/ids";
import { requireTeacher } from "~/utils/auth.server";
import { echoValues, readForm } from "~/utils/form.server";
import {
  OPTION_IDS,
  listsValues,
  metaValues,
  parseLists,
  parseMeta,
  parsePrompt,
  parseQuestion,
  parseSorting,
  problemItem,
  problemMessage,
  promptValues,
  questionValues,
  rawOf,
  sortingValues,
  type FormErrors,
} from "~/utils/lesson-editor-form";
import { rawTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => (data ? rawTitle(matches, data.draft.title) : []);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const row = getOwnLesson({ teacherId: teacher.teacherId, lessonId: parseId(params.lessonId) });
  const draft = row.draft as Draft;
  const { problems, warnings } = validateDraft(draft);
  const versions = versionsOf(row.slug).map((v) => ({ id: v.id, number: v.number, createdAt: v.createdAt.toISOString() }));
  const published = versions.find((v) => v.id === row.publishedVersionId) ?? null;
  return json(
    {
      id: row.id,
      slug: row.slug,
      draft,
      problems,
      warnings: warnings.map((w) => ({ check: w.check, item: w.item })),
      versions,
      published: published?.number ?? null,
      dirty: row.dirty,
      shared: row.shared,
      withdrawn: row.withdrawnAt !== null,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

type Result = {
  intent: string;
  itemId?: string;
  ok: boolean;
  errors?: FormErrors;
  values?: Record<string, string | string[]>;
  message?: MessageKey;
  vars?: Record<string, number>;
};

const KINDS: ItemKind[] = ["questions", "sorting", "prompts"];

export async function action({ request, params }: ActionFunctionArgs) {
  const teacher = await requireTeacher(request);
  const ref = { teacherId: teacher.teacherId, lessonId: parseId(params.lessonId) };
  const row = getOwnLesson(ref);
  const draft = row.draft as Draft;
  const form = await readForm(request);
  const raw = rawOf(form);
  const intent = String(form.get("intent") ?? "");
  const itemId = String(form.get("itemId") ?? "");
  const kind = String(form.get("kind") ?? "") as ItemKind;
  const fail = (errors: FormErrors, status = 400) =>
    json<Result>({ intent, itemId, ok: false, errors, values: raw as Record<string, string | string[]> }, { status });
  const done = (message: MessageKey = "ed.saved", vars?: Record<string, number>) => json<Result>({ intent, itemId, ok: true, message, vars });
  const save = (next: Draft) => saveDraft({ ...ref, draft: next });
  // An id posted by the page must name an existing item; a new item gets the next free id.
  const existing = (k: ItemKind) => (draft[k] as { id: string }[]).some((x) => x.id === itemId);

  switch (intent) {
    case "meta": {
      const parsed = parseMeta(raw, true);
      if (!parsed.ok) return fail(parsed.errors);
      const { estimatedMinutes, ...m } = parsed.value;
      save({ ...draft, ...m, estimatedMinutes: estimatedMinutes ?? draft.estimatedMinutes });
      return done(form.get("autosave") ? "ed.autosaved" : "ed.saved");
    }
    case "lists": {
      const parsed = parseLists(raw, draft.speakers);
      if (!parsed.ok) return fail(parsed.errors);
      save({ ...draft, ...parsed.value });
      return done(form.get("autosave") ? "ed.autosaved" : "ed.saved");
    }
    case "question": {
      const id = itemId && existing("questions") ? itemId : nextItemId("q", draft.questions);
      const parsed = parseQuestion(raw, id, draft.paragraphs);
      if (!parsed.ok) return fail(parsed.errors);
      save(putItem(draft, "questions", parsed.value));
      return done();
    }
    case "sorting": {
      const id = itemId && existing("sorting") ? itemId : nextItemId("s", draft.sorting);
      const parsed = parseSorting(raw, id, draft.paragraphs, draft.speakers);
      if (!parsed.ok) return fail(parsed.errors);
      save(putItem(draft, "sorting", parsed.value));
      return done();
    }
    case "prompt": {
      const old = draft.prompts.find((p) => p.id === itemId);
      const id = old ? old.id : nextItemId("d", draft.prompts);
      const parsed = parsePrompt(raw, id, old);
      if (!parsed.ok) return fail(parsed.errors);
      save(putItem(draft, "prompts", parsed.value));
      return done();
    }
    case "deleteItem":
    case "up":
    case "down": {
      if (!KINDS.includes(kind) || !existing(kind)) throw new Response("Not found", { status: 404 });
      save(intent === "deleteItem" ? removeItem(draft, kind, itemId) : moveItem(draft, kind, itemId, intent === "up" ? -1 : 1));
      return done();
    }
    case "publish": {
      const { problems, warnings } = validateDraft(draft);
      if (problems.length) return fail({ publish: "ed.err.problems" });
      if (warnings.length && !form.get("warningsSeen")) return fail({ publish: "ed.err.seeWarnings" });
      const result = publishLesson(ref);
      if (!result.ok) return fail({ publish: "ed.err.problems" });
      const number = versionsOf(row.slug).find((v) => v.id === result.versionId)?.number ?? 1;
      return done("ed.published", { n: number });
    }
    case "share":
    case "unshare":
      if (!setShared({ ...ref, shared: intent === "share" })) return fail({ share: "ed.err.notPublished" });
      return done();
    case "withdraw":
    case "restore":
      withdrawLesson({ ...ref, withdrawn: intent === "withdraw" });
      return done();
    case "deleteLesson":
      if (deleteLesson(ref) === "hasAssignments") return fail({ deleteLesson: "ed.err.hasAssignments" });
      return redirect("/teacher/lessons");
    default:
      return fail({ form: "v.invalid" });
  }
}

/** Item forms: with JavaScript the whole form posts without reloading; without it, a normal post. */
function ItemForm({ intent, itemId, children, label }: { intent: string; itemId: string; children: ReactNode; label: string }) {
  return (
    <Form method="post" noValidate className="editor-item-form" aria-label={label} preventScrollReset>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="itemId" value={itemId} />
      {children}
    </Form>
  );
}

function ItemTools({ kind, itemId, first, last }: { kind: ItemKind; itemId: string; first: boolean; last: boolean }) {
  const t = useT();
  return (
    <Form method="post" className="item-tools" preventScrollReset>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="itemId" value={itemId} />
      {!first ? (
        <button type="submit" name="intent" value="up" className="secondary">
          {t("ed.up")}
        </button>
      ) : null}{" "}
      {!last ? (
        <button type="submit" name="intent" value="down" className="secondary">
          {t("ed.down")}
        </button>
      ) : null}{" "}
      <button type="submit" name="intent" value="deleteItem" className="danger">
        {t("ed.delete")}
      </button>
    </Form>
  );
}

type Notes = { problems: { key: MessageKey; vars: Record<string, string | number> }[]; warnings: MessageKey[] };

function ItemNotes({ notes, id }: { notes: Notes | undefined; id: string }) {
  const t = useT();
  if (!notes || (!notes.problems.length && !notes.warnings.length)) return null;
  return (
    <ul className="item-notes" id={`${id}-notes`}>
      {notes.problems.map((p, i) => (
        <li key={`p${i}`} className="problem">
          <strong>{t("ed.itemProblem")}:</strong> {t(p.key, p.vars)}
        </li>
      ))}
      {notes.warnings.map((w, i) => (
        <li key={`w${i}`} className="warning">
          <strong>{t("ed.itemWarning")}:</strong> {t(w)}
        </li>
      ))}
    </ul>
  );
}

function QuestionFields({ prefix, values, errors, paragraphs }: { prefix: string; values: EdValues; errors: EdErrors; paragraphs: string[] }) {
  const t = useT();
  const paraOptions = [{ value: "", label: "–" }, ...paragraphs.map((_, i) => ({ value: String(i + 1), label: t("lesson.paragraph", { n: i + 1 }) }))];
  return (
    <>
      <EdSelect prefix={prefix} name="skill" label={t("ed.skill")} values={values} errors={errors} options={SKILLS.map((s) => ({ value: s, label: t(`skill.${s}`) }))} />
      <EdText prefix={prefix} name="stem" label={t("ed.stem")} multiline rows={2} values={values} errors={errors} />
      <fieldset aria-describedby={`${prefix}-options-hint${errors?.options ? ` ${prefix}-options-error` : ""}`}>
        <legend>{t("ed.optionsHint")}</legend>
        <p className="hint" id={`${prefix}-options-hint`}>
          {t("ed.optionsHint")}
        </p>
        {OPTION_IDS.map((o) => (
          <EdText key={o} prefix={prefix} name={`option_${o}`} label={t("ed.option", { id: o.toUpperCase() })} values={values} errors={errors} />
        ))}
        <EdError prefix={prefix} name="options" errors={errors} />
      </fieldset>
      <EdSelect
        prefix={prefix}
        name="correct"
        label={t("ed.correct")}
        values={values}
        errors={errors}
        options={[{ value: "", label: "–" }, ...OPTION_IDS.map((o) => ({ value: o, label: t("ed.option", { id: o.toUpperCase() }) }))]}
      />
      <EdText prefix={prefix} name="explanation" label={t("ed.explanation")} multiline rows={2} values={values} errors={errors} />
      <fieldset aria-describedby={errors?.evidence ? `${prefix}-evidence-error` : undefined}>
        <legend>{t("ed.evidence")}</legend>
        {paragraphs.map((_, i) => (
          <EdCheck key={i} prefix={prefix} name="evidence" value={String(i + 1)} label={t("lesson.paragraph", { n: i + 1 })} values={values} />
        ))}
        <EdError prefix={prefix} name="evidence" errors={errors} />
      </fieldset>
      <details open={values.twoPart === "on"}>
        <summary>{t("ed.partB")}</summary>
        <EdCheck prefix={prefix} name="twoPart" label={t("ed.twoPart")} values={values} />
        <EdText prefix={prefix} name="partBStem" label={t("ed.partBStem")} values={values} errors={errors} />
        <fieldset aria-describedby={errors?.partB ? `${prefix}-partB-error` : undefined}>
          <legend>{t("ed.optionsHint")}</legend>
          {OPTION_IDS.map((o) => (
            <div key={o} className="quote-option">
              <EdText prefix={prefix} name={`partB_quote_${o}`} label={t("ed.partBQuote", { id: o.toUpperCase() })} values={values} errors={errors} />
              <EdSelect prefix={prefix} name={`partB_paragraph_${o}`} label={t("ed.partBParagraph", { id: o.toUpperCase() })} values={values} errors={errors} options={paraOptions} />
            </div>
          ))}
          <EdError prefix={prefix} name="partB" errors={errors} />
        </fieldset>
        <EdSelect
          prefix={prefix}
          name="partBCorrect"
          label={t("ed.partBCorrect")}
          values={values}
          errors={errors}
          options={[{ value: "", label: "–" }, ...OPTION_IDS.map((o) => ({ value: o, label: t("ed.partBQuote", { id: o.toUpperCase() }) }))]}
        />
        <EdText prefix={prefix} name="partBExplanation" label={t("ed.partBExplanation")} multiline rows={2} values={values} errors={errors} />
      </details>
    </>
  );
}

function SortingFields({
  prefix,
  values,
  errors,
  paragraphs,
  speakers,
}: {
  prefix: string;
  values: EdValues;
  errors: EdErrors;
  paragraphs: string[];
  speakers: { id: string; label: string }[];
}) {
  const t = useT();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const quoteRef = useRef<HTMLDivElement>(null);
  // With JavaScript: the words selected in a numbered paragraph fill the quotation and paragraph.
  const useSelection = () => {
    const selection = window.getSelection();
    const text = selection?.toString().trim() ?? "";
    const node = selection?.anchorNode?.parentElement?.closest("[data-paragraph]");
    const form = quoteRef.current?.closest("form");
    if (!text || !node || !form) return;
    (form.elements.namedItem("quote") as HTMLInputElement).value = text;
    (form.elements.namedItem("paragraph") as HTMLSelectElement).value = node.getAttribute("data-paragraph") ?? "";
  };
  return (
    <>
      <div ref={quoteRef}>
        <EdText prefix={prefix} name="quote" label={t("ed.quote")} hint={t("ed.quoteHint")} multiline rows={2} values={values} errors={errors} />
        {hydrated ? (
          <button type="button" className="secondary" onClick={useSelection}>
            {t("ed.useSelection")}
          </button>
        ) : null}
      </div>
      <EdSelect
        prefix={prefix}
        name="paragraph"
        label={t("ed.paragraph")}
        values={values}
        errors={errors}
        options={[{ value: "", label: "–" }, ...paragraphs.map((_, i) => ({ value: String(i + 1), label: t("lesson.paragraph", { n: i + 1 }) }))]}
      />
      <EdSelect
        prefix={prefix}
        name="category"
        label={t("ed.category")}
        values={values}
        errors={errors}
        options={[{ value: "", label: "–" }, ...CATEGORIES.map((c) => ({ value: c, label: t(`cat.${c}`) }))]}
      />
      <EdSelect
        prefix={prefix}
        name="speaker"
        label={t("ed.speaker")}
        values={values}
        errors={errors}
        options={[{ value: "", label: t("ed.noSpeaker") }, ...speakers.map((s) => ({ value: s.id, label: s.label }))]}
      />
      <EdText prefix={prefix} name="explanation" label={t("ed.explanation")} multiline rows={2} values={values} errors={errors} />
    </>
  );
}

function PromptFields({ prefix, values, errors }: { prefix: string; values: EdValues; errors: EdErrors }) {
  const t = useT();
  return (
    <>
      <EdSelect
        prefix={prefix}
        name="mode"
        label={t("ed.mode")}
        values={values}
        errors={errors}
        options={[
          { value: "open", label: t("ed.mode.open") },
          { value: "cer", label: t("ed.mode.cer") },
        ]}
      />
      <EdText prefix={prefix} name="prompt" label={t("ed.promptText")} multiline rows={2} values={values} errors={errors} />
      <EdText prefix={prefix} name="guidance" label={t("ed.guidance")} multiline rows={2} values={values} errors={errors} />
    </>
  );
}

/** Saves the form's fields a moment after the teacher stops typing (JavaScript only). */
function useAutosave(intent: "meta" | "lists") {
  const fetcher = useFetcher<Result>();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  const onInput = (event: React.FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const data = new FormData(form);
      data.set("intent", intent);
      data.set("autosave", "1");
      fetcher.submit(data, { method: "post" });
    }, 800);
  };
  return { onInput, fetcher };
}

export default function LessonEditor() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Result | undefined;
  const t = useT();
  const draft = data.draft;
  const metaSave = useAutosave("meta");
  const listsSave = useAutosave("lists");

  // Problems and warnings by item id, and the rest for the lesson-wide list.
  const notes = new Map<string, Notes>();
  const lessonProblems: { key: MessageKey; vars: Record<string, string | number> }[] = [];
  const note = (id: string) => {
    if (!notes.has(id)) notes.set(id, { problems: [], warnings: [] });
    return notes.get(id)!;
  };
  for (const p of data.problems) {
    const where = problemItem(p.path);
    const message = problemMessage(p);
    const item = where ? (draft[where.kind] as { id: string }[])[where.index] : undefined;
    if (item) note(item.id).problems.push(message);
    else lessonProblems.push(message);
  }
  const lessonWarnings: MessageKey[] = [];
  const itemIds = new Set([...draft.questions, ...draft.sorting, ...draft.prompts].map((x) => x.id));
  for (const w of data.warnings) {
    const base = w.item.split(".")[0];
    if (itemIds.has(base)) note(base).warnings.push(`check.${w.check}`);
    else lessonWarnings.push(`check.${w.check}`);
  }

  const own = (intent: string, itemId: string) => result && result.intent === intent && (result.itemId ?? "") === itemId;
  const valuesFor = (intent: string, itemId: string, fallback: EdValues): EdValues => (own(intent, itemId) && !result!.ok ? result!.values ?? fallback : fallback);
  const errorsFor = (intent: string, itemId: string): EdErrors => (own(intent, itemId) && !result!.ok ? result!.errors : undefined);
  const status = (intent: string, itemId = "") =>
    own(intent, itemId) && result!.ok && result!.message ? (
      <p className="saved" role="status">
        {t(result!.message, result!.vars)}
      </p>
    ) : null;
  const metaErrors = metaSave.fetcher.data && !metaSave.fetcher.data.ok ? metaSave.fetcher.data.errors : errorsFor("meta", "");
  const listErrors = listsSave.fetcher.data && !listsSave.fetcher.data.ok ? listsSave.fetcher.data.errors : errorsFor("lists", "");
  const next = (data.published ?? 0) + 1;
  const pubErrors = errorsFor("publish", "") ?? errorsFor("share", "") ?? errorsFor("deleteLesson", "");

  return (
    <div className="lesson-editor">
      <h1 lang={draft.language}>{draft.title}</h1>
      <section aria-labelledby="status-heading" className="card">
        <h2 id="status-heading">{t("ed.title")}</h2>
        <p>
          {data.published === null
            ? t("ed.status.draft")
            : data.dirty
              ? t("ed.status.dirty", { n: data.published, next })
              : t("ed.status.published", { n: data.published })}{" "}
          {data.withdrawn ? t("ed.status.withdrawn") : data.shared ? t("ed.status.shared") : t("ed.status.private")}
        </p>
        {status("publish")}
        {status("share")}
        {status("unshare")}
        {status("withdraw")}
        {status("restore")}
        <p className="actions">
          <Link to={`/teacher/lessons/${data.id}/preview`}>{t("ed.preview")}</Link> ·{" "}
          <a href={`/teacher/lessons/${data.id}/export`} download>
            {t("ed.export")}
          </a>
          {data.published !== null ? (
            <>
              {" "}
              · <Link to={`/teacher/assign?lesson=${data.slug}`}>{t("ed.assign")}</Link>
            </>
          ) : null}
        </p>
        {data.versions.length ? (
          <p>
            {t("ed.versions")}: {data.versions.map((v) => t("ed.version", { n: v.number })).join(", ")}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="quality-heading" className="card quality">
        <h2 id="quality-heading">{t("ed.quality")}</h2>
        {data.problems.length === 0 ? <p>{t("ed.noProblems")}</p> : <p>{t("ed.errorsBlock", { n: data.problems.length })}</p>}
        {lessonProblems.length ? (
          <ul className="item-notes">
            {lessonProblems.map((p, i) => (
              <li key={i} className="problem">
                {t(p.key, p.vars)}
              </li>
            ))}
          </ul>
        ) : null}
        {data.warnings.length ? <p>{t("ed.warnings", { n: data.warnings.length })}</p> : null}
        {lessonWarnings.length ? (
          <ul className="item-notes">
            {lessonWarnings.map((w, i) => (
              <li key={i} className="warning">
                {t(w)}
              </li>
            ))}
          </ul>
        ) : null}
        <Form method="post" noValidate>
          {data.warnings.length ? <EdCheck prefix="pub" name="warningsSeen" label={t("ed.warningsSeen")} values={{}} /> : null}
          <EdError prefix="pub" name="publish" errors={pubErrors} />
          <EdError prefix="pub" name="share" errors={pubErrors} />
          <EdError prefix="pub" name="deleteLesson" errors={pubErrors} />
          <p className="actions">
            <button type="submit" name="intent" value="publish">
              {t("ed.publish")}
            </button>{" "}
            {data.shared ? (
              <button type="submit" name="intent" value="unshare" className="secondary">
                {t("ed.unshare")}
              </button>
            ) : (
              <button type="submit" name="intent" value="share" className="secondary">
                {t("ed.share")}
              </button>
            )}{" "}
            {data.withdrawn ? (
              <button type="submit" name="intent" value="restore" className="secondary">
                {t("ed.restore")}
              </button>
            ) : data.published !== null ? (
              <button type="submit" name="intent" value="withdraw" className="secondary">
                {t("ed.withdraw")}
              </button>
            ) : null}{" "}
            <button type="submit" name="intent" value="deleteLesson" className="danger">
              {t("ed.deleteLesson")}
            </button>
          </p>
        </Form>
      </section>

      <section aria-labelledby="meta-heading" className="card">
        <h2 id="meta-heading">{t("ed.meta")}</h2>
        <Form method="post" noValidate onInput={metaSave.onInput} className="editor-form" preventScrollReset>
          <input type="hidden" name="intent" value="meta" />
          <LessonMetaFields prefix="meta" values={valuesFor("meta", "", metaValues(draft))} errors={metaErrors} withMinutes />
          <button type="submit">{t("ed.save")}</button>
          {status("meta")}
          {metaSave.fetcher.data?.ok ? <p role="status">{t("ed.autosaved")}</p> : null}
        </Form>
      </section>

      <section aria-labelledby="article-heading" className="card">
        <h2 id="article-heading">{t("lesson.article")}</h2>
        <ol className="editor-paragraphs" lang={draft.language}>
          {draft.paragraphs.map((p, i) => (
            <li key={i} data-paragraph={i + 1}>
              {p}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="lists-heading" className="card">
        <h2 id="lists-heading">{t("ed.lists")}</h2>
        <Form method="post" noValidate onInput={listsSave.onInput} className="editor-form" preventScrollReset>
          <input type="hidden" name="intent" value="lists" />
          {(() => {
            const values = valuesFor("lists", "", listsValues(draft));
            return (
              <>
                <EdText prefix="lists" name="objectives" label={t("ed.objectives")} multiline rows={4} values={values} errors={listErrors} />
                <EdText prefix="lists" name="glossary" label={t("ed.glossary")} multiline rows={4} values={values} errors={listErrors} />
                <EdText prefix="lists" name="speakers" label={t("ed.speakers")} multiline rows={3} values={values} errors={listErrors} />
                <EdText prefix="lists" name="teacherNotes" label={t("ed.teacherNotes")} multiline rows={3} values={values} errors={listErrors} />
              </>
            );
          })()}
          <button type="submit">{t("ed.save")}</button>
          {status("lists")}
          {listsSave.fetcher.data?.ok ? <p role="status">{t("ed.autosaved")}</p> : null}
        </Form>
      </section>

      <section aria-labelledby="questions-heading" className="card">
        <h2 id="questions-heading">{t("ed.questions")}</h2>
        {draft.questions.map((q: Question, i: number) => (
          <article key={`${q.id}-${JSON.stringify(q).length}`} className="editor-item" aria-labelledby={`${q.id}-title`}>
            <h3 id={`${q.id}-title`}>{t("ed.question", { n: i + 1 })}</h3>
            <ItemNotes notes={notes.get(q.id)} id={q.id} />
            <ItemForm intent="question" itemId={q.id} label={t("ed.question", { n: i + 1 })}>
              <QuestionFields prefix={q.id} values={valuesFor("question", q.id, questionValues(q))} errors={errorsFor("question", q.id)} paragraphs={draft.paragraphs} />
              <button type="submit">{t("ed.save")}</button>
              {status("question", q.id)}
            </ItemForm>
            <ItemTools kind="questions" itemId={q.id} first={i === 0} last={i === draft.questions.length - 1} />
          </article>
        ))}
        <article className="editor-item new-item" aria-labelledby="new-question-title">
          <h3 id="new-question-title">{t("ed.newQuestion")}</h3>
          <ItemForm intent="question" itemId="" label={t("ed.newQuestion")}>
            <QuestionFields
              key={draft.questions.length}
              prefix="new-q"
              values={valuesFor("question", "", { skill: "comprehension" })}
              errors={errorsFor("question", "")}
              paragraphs={draft.paragraphs}
            />
            <button type="submit">{t("ed.add")}</button>
          </ItemForm>
        </article>
      </section>

      <section aria-labelledby="sorting-heading" className="card">
        <h2 id="sorting-heading">{t("ed.sorting")}</h2>
        {draft.sorting.map((s: SortingItem, i: number) => (
          <article key={`${s.id}-${JSON.stringify(s).length}`} className="editor-item" aria-labelledby={`${s.id}-title`}>
            <h3 id={`${s.id}-title`}>{t("ed.statement", { n: i + 1 })}</h3>
            <ItemNotes notes={notes.get(s.id)} id={s.id} />
            <ItemForm intent="sorting" itemId={s.id} label={t("ed.statement", { n: i + 1 })}>
              <SortingFields prefix={s.id} values={valuesFor("sorting", s.id, sortingValues(s))} errors={errorsFor("sorting", s.id)} paragraphs={draft.paragraphs} speakers={draft.speakers} />
              <button type="submit">{t("ed.save")}</button>
              {status("sorting", s.id)}
            </ItemForm>
            <ItemTools kind="sorting" itemId={s.id} first={i === 0} last={i === draft.sorting.length - 1} />
          </article>
        ))}
        <article className="editor-item new-item" aria-labelledby="new-statement-title">
          <h3 id="new-statement-title">{t("ed.newStatement")}</h3>
          <ItemForm intent="sorting" itemId="" label={t("ed.newStatement")}>
            <SortingFields key={draft.sorting.length} prefix="new-s" values={valuesFor("sorting", "", {})} errors={errorsFor("sorting", "")} paragraphs={draft.paragraphs} speakers={draft.speakers} />
            <button type="submit">{t("ed.add")}</button>
          </ItemForm>
        </article>
      </section>

      <section aria-labelledby="prompts-heading" className="card">
        <h2 id="prompts-heading">{t("ed.prompts")}</h2>
        {draft.prompts.map((p: Prompt, i: number) => (
          <article key={`${p.id}-${JSON.stringify(p).length}`} className="editor-item" aria-labelledby={`${p.id}-title`}>
            <h3 id={`${p.id}-title`}>{t("ed.prompt", { n: i + 1 })}</h3>
            <ItemNotes notes={notes.get(p.id)} id={p.id} />
            <ItemForm intent="prompt" itemId={p.id} label={t("ed.prompt", { n: i + 1 })}>
              <PromptFields prefix={p.id} values={valuesFor("prompt", p.id, promptValues(p))} errors={errorsFor("prompt", p.id)} />
              <button type="submit">{t("ed.save")}</button>
              {status("prompt", p.id)}
            </ItemForm>
            <ItemTools kind="prompts" itemId={p.id} first={i === 0} last={i === draft.prompts.length - 1} />
          </article>
        ))}
        <article className="editor-item new-item" aria-labelledby="new-prompt-title">
          <h3 id="new-prompt-title">{t("ed.newPrompt")}</h3>
          <ItemForm intent="prompt" itemId="" label={t("ed.newPrompt")}>
            <PromptFields key={draft.prompts.length} prefix="new-d" values={valuesFor("prompt", "", { mode: "open" })} errors={errorsFor("prompt", "")} />
            <button type="submit">{t("ed.add")}</button>
          </ItemForm>
        </article>
      </section>
    </div>
  );
}
