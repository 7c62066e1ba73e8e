// The article-and-source fields shared by "new lesson" and the editor: every source field has an
// explicit "not stated" box, and the pasted text is shown as numbered paragraphs.
import { useState } from "react";
import { useT } from "~/i18n/use-t";
import { splitArticle } from "~/utils/lesson-editor-form";
import { EdCheck, EdSelect, EdText, type EdErrors, type EdValues } from "./editor-fields";

export function LessonMetaFields({
  prefix,
  values,
  errors,
  withMinutes,
  headingLevel = 3,
}: {
  headingLevel?: 2 | 3;
  prefix: string;
  values: EdValues;
  errors: EdErrors;
  withMinutes: boolean;
}) {
  const t = useT();
  const initial = typeof values.article === "string" ? values.article : "";
  const [article, setArticle] = useState(initial);
  const paragraphs = splitArticle(article);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const sourceField = (
    name: "outlet" | "author" | "publishedAt" | "eventDate" | "url",
    label: string,
    type: "text" | "date" | "url" = "text",
  ) => (
    <div className="source-field">
      <EdText
        prefix={prefix}
        name={name}
        label={label}
        values={values}
        errors={errors}
        type={type}
      />
      <EdCheck prefix={prefix} name={`${name}Unknown`} label={t("new.notStated")} values={values} />
    </div>
  );
  return (
    <>
      <EdText
        prefix={prefix}
        name="title"
        label={t("new.titleField")}
        values={values}
        errors={errors}
      />
      <div className="field">
        <label htmlFor={`${prefix}-article`}>{t("new.article")}</label>
        <p className="hint field-hint" id={`${prefix}-article-hint`}>
          {t("new.articleHint")}
        </p>
        <textarea
          id={`${prefix}-article`}
          name="article"
          rows={12}
          defaultValue={initial}
          onChange={(e) => setArticle(e.currentTarget.value)}
          aria-invalid={errors?.article ? true : undefined}
          aria-describedby={[
            `${prefix}-article-hint`,
            errors?.article ? `${prefix}-article-error` : "",
          ]
            .filter(Boolean)
            .join(" ")}
        />
        {errors?.article ? (
          <p className="field-error" id={`${prefix}-article-error`}>
            {t(errors.article)}
          </p>
        ) : null}
      </div>
      <section aria-labelledby={`${prefix}-preview-heading`} className="numbered-preview">
        <Heading id={`${prefix}-preview-heading`}>
          {t("new.previewHeading", { n: paragraphs.length })}
        </Heading>
        <ol>
          {paragraphs.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ol>
      </section>
      <EdSelect
        prefix={prefix}
        name="language"
        label={t("new.language")}
        values={values}
        errors={errors}
        options={[
          { value: "id", label: t("ed.lang.id") },
          { value: "en", label: t("ed.lang.en") },
        ]}
      />
      <EdText
        prefix={prefix}
        name="gradeBand"
        label={t("new.gradeBand")}
        hint={t("new.gradeHint")}
        values={values}
        errors={errors}
      />
      {withMinutes ? (
        <EdText
          prefix={prefix}
          name="estimatedMinutes"
          label={t("ed.minutes")}
          type="number"
          values={values}
          errors={errors}
        />
      ) : null}
      <fieldset>
        <legend>{t("new.source")}</legend>
        {sourceField("outlet", t("new.outlet"))}
        {sourceField("author", t("new.author"))}
        {sourceField("publishedAt", t("new.publishedAt"), "date")}
        {sourceField("eventDate", t("new.eventDate"), "date")}
        {sourceField("url", t("new.url"), "url")}
        <EdText
          prefix={prefix}
          name="note"
          label={t("new.note")}
          multiline
          values={values}
          errors={errors}
        />
      </fieldset>
    </>
  );
}
