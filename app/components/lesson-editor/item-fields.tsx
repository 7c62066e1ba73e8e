// The fields of one question, sorting statement or discussion prompt (ids carry the form's prefix).
import { useEffect, useRef, useState } from "react";
import {
  EdCheck,
  EdError,
  EdSelect,
  EdText,
  type EdErrors,
  type EdValues,
} from "~/components/editor-fields";
import { CATEGORIES, SKILLS } from "~/content/schema";
import { useT } from "~/i18n/use-t";
import { OPTION_IDS, RUBRIC_FIELDS } from "~/utils/lesson-editor-form";

type Common = { prefix: string; values: EdValues; errors: EdErrors };

function useParagraphOptions(paragraphs: string[]) {
  const t = useT();
  return [
    { value: "", label: "–" },
    ...paragraphs.map((_, i) => ({
      value: String(i + 1),
      label: t("lesson.paragraph", { n: i + 1 }),
    })),
  ];
}

export function QuestionFields({
  prefix,
  values,
  errors,
  paragraphs,
}: Common & { paragraphs: string[] }) {
  const t = useT();
  const paraOptions = useParagraphOptions(paragraphs);
  const f = { prefix, values, errors };
  const keyOptions = (label: (id: string) => string) => [
    { value: "", label: "–" },
    ...OPTION_IDS.map((o) => ({ value: o, label: label(o.toUpperCase()) })),
  ];
  return (
    <>
      <EdSelect
        {...f}
        name="skill"
        label={t("ed.skill")}
        options={SKILLS.map((s) => ({ value: s, label: t(`skill.${s}`) }))}
      />
      <EdText {...f} name="stem" label={t("ed.stem")} multiline rows={2} />
      <fieldset
        aria-describedby={`${prefix}-options-hint${errors?.options ? ` ${prefix}-options-error` : ""}`}
      >
        <legend>{t("ed.optionsHint")}</legend>
        <p className="hint" id={`${prefix}-options-hint`}>
          {t("ed.optionsHint")}
        </p>
        {OPTION_IDS.map((o) => (
          <EdText
            key={o}
            {...f}
            name={`option_${o}`}
            label={t("ed.option", { id: o.toUpperCase() })}
          />
        ))}
        <EdError {...f} name="options" />
      </fieldset>
      <EdSelect
        {...f}
        name="correct"
        label={t("ed.correct")}
        options={keyOptions((id) => t("ed.option", { id }))}
      />
      <EdText {...f} name="explanation" label={t("ed.explanation")} multiline rows={2} />
      <fieldset aria-describedby={errors?.evidence ? `${prefix}-evidence-error` : undefined}>
        <legend>{t("ed.evidence")}</legend>
        {paragraphs.map((_, i) => (
          <EdCheck
            key={i}
            prefix={prefix}
            name="evidence"
            value={String(i + 1)}
            label={t("lesson.paragraph", { n: i + 1 })}
            values={values}
          />
        ))}
        <EdError {...f} name="evidence" />
      </fieldset>
      <details open={values.twoPart === "on"}>
        <summary>{t("ed.partB")}</summary>
        <EdCheck prefix={prefix} name="twoPart" label={t("ed.twoPart")} values={values} />
        <EdText {...f} name="partBStem" label={t("ed.partBStem")} />
        <fieldset aria-describedby={errors?.partB ? `${prefix}-partB-error` : undefined}>
          <legend>{t("ed.optionsHint")}</legend>
          {OPTION_IDS.map((o) => (
            <div key={o} className="quote-option">
              <EdText
                {...f}
                name={`partB_quote_${o}`}
                label={t("ed.partBQuote", { id: o.toUpperCase() })}
              />
              <EdSelect
                {...f}
                name={`partB_paragraph_${o}`}
                label={t("ed.partBParagraph", { id: o.toUpperCase() })}
                options={paraOptions}
              />
            </div>
          ))}
          <EdError {...f} name="partB" />
        </fieldset>
        <EdSelect
          {...f}
          name="partBCorrect"
          label={t("ed.partBCorrect")}
          options={keyOptions((id) => t("ed.partBQuote", { id }))}
        />
        <EdText
          {...f}
          name="partBExplanation"
          label={t("ed.partBExplanation")}
          multiline
          rows={2}
        />
      </details>
    </>
  );
}

export function SortingFields({
  prefix,
  values,
  errors,
  paragraphs,
  speakers,
}: Common & { paragraphs: string[]; speakers: { id: string; label: string }[] }) {
  const t = useT();
  const paraOptions = useParagraphOptions(paragraphs);
  const f = { prefix, values, errors };
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const quoteRef = useRef<HTMLDivElement>(null);
  // With JavaScript: the words selected in a numbered paragraph fill the quotation and paragraph.
  const takeSelection = () => {
    const selection = window.getSelection();
    const text = selection?.toString().trim() ?? "";
    const node = selection?.anchorNode?.parentElement?.closest("[data-paragraph]");
    const form = quoteRef.current?.closest("form");
    if (!text || !node || !form) return;
    (form.elements.namedItem("quote") as HTMLTextAreaElement).value = text;
    (form.elements.namedItem("paragraph") as HTMLSelectElement).value =
      node.getAttribute("data-paragraph") ?? "";
    form.dispatchEvent(new Event("input", { bubbles: true }));
  };
  return (
    <>
      <div ref={quoteRef}>
        <EdText
          {...f}
          name="quote"
          label={t("ed.quote")}
          hint={t("ed.quoteHint")}
          multiline
          rows={2}
        />
        {hydrated ? (
          <button type="button" className="secondary" onClick={takeSelection}>
            {t("ed.useSelection")}
          </button>
        ) : null}
      </div>
      <EdSelect {...f} name="paragraph" label={t("ed.paragraph")} options={paraOptions} />
      <EdSelect
        {...f}
        name="category"
        label={t("ed.category")}
        options={[
          { value: "", label: "–" },
          ...CATEGORIES.map((c) => ({ value: c, label: t(`cat.${c}`) })),
        ]}
      />
      <EdSelect
        {...f}
        name="speaker"
        label={t("ed.speaker")}
        options={[
          { value: "", label: t("ed.noSpeaker") },
          ...speakers.map((s) => ({ value: s.id, label: s.label })),
        ]}
      />
      <EdText {...f} name="explanation" label={t("ed.explanation")} multiline rows={2} />
    </>
  );
}

export function PromptFields({ prefix, values, errors }: Common) {
  const t = useT();
  const f = { prefix, values, errors };
  const hasRubric = RUBRIC_FIELDS.some((r) => values[r.name]);
  return (
    <>
      <EdSelect
        {...f}
        name="mode"
        label={t("ed.mode")}
        options={[
          { value: "open", label: t("ed.mode.open") },
          { value: "cer", label: t("ed.mode.cer") },
        ]}
      />
      <EdText {...f} name="prompt" label={t("ed.promptText")} multiline rows={2} />
      <EdText {...f} name="guidance" label={t("ed.guidance")} multiline rows={2} />
      <details open={hasRubric || values.mode === "cer" || Boolean(errors?.rubric)}>
        <summary>{t("le.rubric")}</summary>
        <fieldset
          aria-describedby={`${prefix}-rubric-hint${errors?.rubric ? ` ${prefix}-rubric-error` : ""}`}
        >
          <legend>{t("le.rubric")}</legend>
          <p className="hint" id={`${prefix}-rubric-hint`}>
            {t("le.rubricHint")}
          </p>
          {RUBRIC_FIELDS.map((r) => (
            <EdText
              key={r.name}
              {...f}
              name={r.name}
              multiline
              rows={2}
              label={t("le.rubricCell", {
                component: t(`rubric.component.${r.component}`),
                level: t(`rubric.level.${r.level}`),
              })}
            />
          ))}
          <EdError {...f} name="rubric" />
        </fieldset>
      </details>
    </>
  );
}
