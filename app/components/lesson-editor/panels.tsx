// The editor's lesson-wide parts: status and versions, the quality check with publish/share/delete,
// and the teacher-only information from outside the article.
import { Form, Link } from "@remix-run/react";
import {
  CheckboxField,
  Field,
  FieldErrors,
  FieldGroup,
  FormErrors,
  getFormProps,
  TextareaField,
  useAppForm,
} from "~/components/form";
import { useT } from "~/i18n/use-t";
import type { editorPage } from "~/models/lesson-editor-page.server";
import { factRows, rawOf, type EditorFormSchema } from "~/utils/lesson-editor-form";
import { RevisionField, useEditor } from "./context";
import { DraftForm } from "./draft-form";
import { WarningWithAcceptance } from "./item-section";

type Page = Awaited<ReturnType<typeof editorPage>>;

/**
 * Forms without a message place of their own (move, delete, take back an acceptance) refused as
 * stale say so here; the others show it in their form (`FormErrors`).
 */
const WITHOUT_OWN_MESSAGE = new Set(["deleteItem", "up", "down", "unacknowledge"]);
/** The quality panel's one form: its buttons' intents. */
const QUALITY_INTENTS = ["publish", "share", "unshare", "withdraw", "restore", "deleteLesson"];

export function StaleNotice() {
  const { result } = useEditor();
  if (!result || result.ok || !result.stale || !WITHOUT_OWN_MESSAGE.has(result.intent ?? ""))
    return null;
  // The refusal's own form-wide message (the kit's reply), shown the kit's way.
  return (
    <FormErrors form={{ errors: result.result.error?.[""] ?? undefined, errorId: "stale-error" }} />
  );
}

export function StatusPanel({ data }: { data: Page }) {
  const t = useT();
  const editor = useEditor();
  const next = (data.published ?? 0) + 1;
  const done = QUALITY_INTENTS.map((i) => editor.savedBy(i, "")).find(Boolean);
  return (
    <section aria-labelledby="status-heading" className="card">
      <h2 id="status-heading">{t("ed.title")}</h2>
      <p>
        {data.published === null
          ? t("ed.status.draft")
          : data.dirty
            ? t("ed.status.dirty", { n: data.published, next })
            : t("ed.status.published", { n: data.published })}{" "}
        {data.withdrawn
          ? t("ed.status.withdrawn")
          : data.shared
            ? t("ed.status.shared")
            : t("ed.status.private")}
      </p>
      {done?.message ? (
        <p className="saved" role="status">
          {t(done.message, done.vars)}
        </p>
      ) : null}
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
          {t("ed.versions")}:{" "}
          {data.versions.map((v) => t("ed.version", { n: v.number })).join(", ")}
        </p>
      ) : null}
    </section>
  );
}

export function QualityPanel({ data }: { data: Page }) {
  const t = useT();
  const editor = useEditor();
  const [form, fields] = useAppForm<EditorFormSchema>({
    id: "quality-form",
    reply: QUALITY_INTENTS.map((i) => editor.replyFor(i, "")).find(Boolean) ?? null,
  });
  const acknowledged = data.lesson.acknowledged;
  return (
    <section aria-labelledby="quality-heading" className="card quality">
      <h2 id="quality-heading">{t("ed.quality")}</h2>
      <p>
        {data.problemCount === 0
          ? t("ed.noProblems")
          : t("ed.errorsBlock", { n: data.problemCount })}
      </p>
      {data.lessonProblems.length ? (
        <ul className="item-notes">
          {data.lessonProblems.map((p, i) => (
            <li key={i} className="problem">
              {t(p.key, p.vars)}
            </li>
          ))}
        </ul>
      ) : null}
      {data.warningCount ? <p>{t("ed.warnings", { n: data.warningCount })}</p> : null}
      {data.lessonWarnings.length ? (
        <ul className="item-notes">
          {data.lessonWarnings.map((w) => (
            <WarningWithAcceptance key={`${w.check}:${w.item}`} warning={w} label={w.item} />
          ))}
        </ul>
      ) : null}
      {acknowledged.length ? (
        <>
          <h3>{t("le.acknowledged")}</h3>
          <ul className="acknowledged">
            {acknowledged.map((a, i) => (
              <li key={i}>
                {t(`check.${a.check}` as Parameters<typeof t>[0])} —{" "}
                {t("le.ackItem", { item: a.item, reason: a.reason })}{" "}
                <Form method="post" className="inline" preventScrollReset>
                  <input type="hidden" name="index" value={i} />
                  <RevisionField />
                  <button type="submit" name="intent" value="unacknowledge" className="secondary">
                    {t("le.unack")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <RevisionField />
        {data.warningCount ? (
          <CheckboxField meta={fields.warningsSeen} label={t("ed.warningsSeen")} value="on" />
        ) : null}
        <FormErrors form={form} />
        <p className="actions">
          <button type="submit" name="intent" value="publish">
            {t("ed.publish")}
          </button>{" "}
          <button
            type="submit"
            name="intent"
            value={data.shared ? "unshare" : "share"}
            className="secondary"
          >
            {t(data.shared ? "ed.unshare" : "ed.share")}
          </button>{" "}
          {data.withdrawn || data.published !== null ? (
            <button
              type="submit"
              name="intent"
              value={data.withdrawn ? "restore" : "withdraw"}
              className="secondary"
            >
              {t(data.withdrawn ? "ed.restore" : "ed.withdraw")}
            </button>
          ) : null}{" "}
          <button type="submit" name="intent" value="deleteLesson" className="danger">
            {t("ed.deleteLesson")}
          </button>
        </p>
      </Form>
    </section>
  );
}

export function OutsideInfoPanel({ values }: { values: Record<string, string> }) {
  const t = useT();
  return (
    <section aria-labelledby="outside-heading" className="card">
      <h2 id="outside-heading">{t("le.outside")}</h2>
      <p className="hint">{t("le.outsideLead")}</p>
      <DraftForm
        id="outside-form"
        intent="outside"
        label={t("le.outside")}
        autosave
        defaultValue={values}
        submitLabel={t("ed.save")}
      >
        {(fields, initial) => (
          <>
            <Field meta={fields.outsideTitle} label={t("le.outsideTitle")} />
            {/* the saved facts (after a save the page's data grows) or the typed ones (refused) */}
            {Array.from(
              { length: Math.max(factRows(values), factRows(rawOf(initial))) },
              (_, i) => (
                <FieldGroup key={i} meta={fields[`fact_${i}`]} legend={t("le.fact", { n: i + 1 })}>
                  <Field meta={fields[`fact_date_${i}`]} label={t("le.factDate", { n: i + 1 })} />
                  <Field
                    meta={fields[`fact_source_${i}`]}
                    label={t("le.factSource", { n: i + 1 })}
                  />
                  <TextareaField
                    meta={fields[`fact_text_${i}`]}
                    label={t("le.factText", { n: i + 1 })}
                    rows={2}
                  />
                </FieldGroup>
              ),
            )}
            <FieldErrors meta={fields.facts} />
            <TextareaField meta={fields.caveat} label={t("le.caveat")} rows={3} />
          </>
        )}
      </DraftForm>
    </section>
  );
}
