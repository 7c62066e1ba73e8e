// The article-and-source fields shared by "new lesson" and the editor, on the form kit: every
// source field has an explicit "not stated" box, and the pasted text is shown as numbered paragraphs.
import { useState } from "react";
import { CheckboxField, Field, SelectField, TextareaField, type Fields } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { splitArticle } from "~/utils/lesson-editor-form";

export function LessonMetaFields({
  formId,
  fields,
  withMinutes,
  headingLevel = 3,
}: {
  /** The form's id: the numbered preview's heading id derives from it. */
  formId: string;
  fields: Fields;
  withMinutes: boolean;
  headingLevel?: 2 | 3;
}) {
  const t = useT();
  const initial = fields.article.initialValue;
  const [article, setArticle] = useState(typeof initial === "string" ? initial : "");
  const paragraphs = splitArticle(article);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const headingId = `${formId}-preview-heading`;
  const sourceField = (
    name: "outlet" | "author" | "publishedAt" | "eventDate" | "url",
    label: string,
    type: "text" | "date" | "url" = "text",
  ) => (
    <div className="source-field">
      <Field meta={fields[name]} label={label} type={type} />
      <CheckboxField meta={fields[`${name}Unknown`]} label={t("new.notStated")} value="on" />
    </div>
  );
  return (
    <>
      <Field meta={fields.title} label={t("new.titleField")} />
      <TextareaField
        meta={fields.article}
        label={t("new.article")}
        hint={t("new.articleHint")}
        rows={12}
        onInput={(e) => setArticle(e.currentTarget.value)}
      />
      <section aria-labelledby={headingId} className="numbered-preview">
        <Heading id={headingId}>{t("new.previewHeading", { n: paragraphs.length })}</Heading>
        <ol>
          {paragraphs.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ol>
      </section>
      <SelectField meta={fields.language} label={t("new.language")}>
        <option value="id">{t("ed.lang.id")}</option>
        <option value="en">{t("ed.lang.en")}</option>
      </SelectField>
      <Field meta={fields.gradeBand} label={t("new.gradeBand")} hint={t("new.gradeHint")} />
      {withMinutes ? (
        <Field meta={fields.estimatedMinutes} label={t("ed.minutes")} type="number" />
      ) : null}
      <fieldset>
        <legend>{t("new.source")}</legend>
        {sourceField("outlet", t("new.outlet"))}
        {sourceField("author", t("new.author"))}
        {sourceField("publishedAt", t("new.publishedAt"), "date")}
        {sourceField("eventDate", t("new.eventDate"), "date")}
        {sourceField("url", t("new.url"), "url")}
        <TextareaField meta={fields.note} label={t("new.note")} rows={3} />
      </fieldset>
    </>
  );
}
