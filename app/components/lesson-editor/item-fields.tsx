// The fields of one question, sorting statement or discussion prompt, on the form kit: ids,
// values, `aria-invalid` and `aria-describedby` come from the item form's Conform fields.
import { useEffect, useRef, useState } from "react";
import {
  CheckboxField,
  ChoiceGroup,
  Field,
  FieldGroup,
  SelectField,
  TextareaField,
  type Fields,
} from "~/components/form";
import { CATEGORIES, SKILLS } from "~/content/schema";
import { useT } from "~/i18n/use-t";
import { OPTION_IDS, RUBRIC_FIELDS } from "~/utils/lesson-editor-form";

type Option = { value: string; label: string };

function Options({ options }: { options: Option[] }) {
  return (
    <>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </>
  );
}

function useParagraphOptions(paragraphs: string[]): Option[] {
  const t = useT();
  return [
    { value: "", label: "–" },
    ...paragraphs.map((_, i) => ({
      value: String(i + 1),
      label: t("lesson.paragraph", { n: i + 1 }),
    })),
  ];
}

export function QuestionFields({ fields, paragraphs }: { fields: Fields; paragraphs: string[] }) {
  const t = useT();
  const paraOptions = useParagraphOptions(paragraphs);
  const keyOptions = (label: (id: string) => string): Option[] => [
    { value: "", label: "–" },
    ...OPTION_IDS.map((o) => ({ value: o, label: label(o.toUpperCase()) })),
  ];
  return (
    <>
      <SelectField meta={fields.skill} label={t("ed.skill")}>
        <Options options={SKILLS.map((s) => ({ value: s, label: t(`skill.${s}`) }))} />
      </SelectField>
      <TextareaField meta={fields.stem} label={t("ed.stem")} rows={2} />
      <FieldGroup meta={fields.options} legend={t("ed.optionsHint")} hint={t("ed.optionsHint")}>
        {OPTION_IDS.map((o) => (
          <Field
            key={o}
            meta={fields[`option_${o}`]}
            label={t("ed.option", { id: o.toUpperCase() })}
          />
        ))}
      </FieldGroup>
      <SelectField meta={fields.correct} label={t("ed.correct")}>
        <Options options={keyOptions((id) => t("ed.option", { id }))} />
      </SelectField>
      <TextareaField meta={fields.explanation} label={t("ed.explanation")} rows={2} />
      <ChoiceGroup
        meta={fields.evidence}
        legend={t("ed.evidence")}
        type="checkbox"
        options={paragraphs.map((_, i) => ({
          value: String(i + 1),
          label: t("lesson.paragraph", { n: i + 1 }),
        }))}
      />
      <details open={fields.twoPart.initialValue === "on"}>
        <summary>{t("ed.partB")}</summary>
        <CheckboxField meta={fields.twoPart} label={t("ed.twoPart")} value="on" />
        <Field meta={fields.partBStem} label={t("ed.partBStem")} />
        <FieldGroup meta={fields.partB} legend={t("ed.optionsHint")}>
          {OPTION_IDS.map((o) => (
            <div key={o} className="quote-option">
              <Field
                meta={fields[`partB_quote_${o}`]}
                label={t("ed.partBQuote", { id: o.toUpperCase() })}
              />
              <SelectField
                meta={fields[`partB_paragraph_${o}`]}
                label={t("ed.partBParagraph", { id: o.toUpperCase() })}
              >
                <Options options={paraOptions} />
              </SelectField>
            </div>
          ))}
        </FieldGroup>
        <SelectField meta={fields.partBCorrect} label={t("ed.partBCorrect")}>
          <Options options={keyOptions((id) => t("ed.partBQuote", { id }))} />
        </SelectField>
        <TextareaField meta={fields.partBExplanation} label={t("ed.partBExplanation")} rows={2} />
      </details>
    </>
  );
}

export function SortingFields({
  fields,
  paragraphs,
  speakers,
}: {
  fields: Fields;
  paragraphs: string[];
  speakers: { id: string; label: string }[];
}) {
  const t = useT();
  const paraOptions = useParagraphOptions(paragraphs);
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
        <TextareaField
          meta={fields.quote}
          label={t("ed.quote")}
          hint={t("ed.quoteHint")}
          rows={2}
        />
        {hydrated ? (
          <button type="button" className="secondary" onClick={takeSelection}>
            {t("ed.useSelection")}
          </button>
        ) : null}
      </div>
      <SelectField meta={fields.paragraph} label={t("ed.paragraph")}>
        <Options options={paraOptions} />
      </SelectField>
      <SelectField meta={fields.category} label={t("ed.category")}>
        <Options
          options={[
            { value: "", label: "–" },
            ...CATEGORIES.map((c) => ({ value: c, label: t(`cat.${c}`) })),
          ]}
        />
      </SelectField>
      <SelectField meta={fields.speaker} label={t("ed.speaker")}>
        <Options
          options={[
            { value: "", label: t("ed.noSpeaker") },
            ...speakers.map((s) => ({ value: s.id, label: s.label })),
          ]}
        />
      </SelectField>
      <TextareaField meta={fields.explanation} label={t("ed.explanation")} rows={2} />
    </>
  );
}

export function PromptFields({ fields }: { fields: Fields }) {
  const t = useT();
  const hasRubric = RUBRIC_FIELDS.some((r) => fields[r.name].initialValue);
  return (
    <>
      <SelectField meta={fields.mode} label={t("ed.mode")}>
        <Options
          options={[
            { value: "open", label: t("ed.mode.open") },
            { value: "cer", label: t("ed.mode.cer") },
          ]}
        />
      </SelectField>
      <TextareaField meta={fields.prompt} label={t("ed.promptText")} rows={2} />
      <TextareaField meta={fields.guidance} label={t("ed.guidance")} rows={2} />
      <details
        open={
          hasRubric || fields.mode.initialValue === "cer" || Boolean(fields.rubric.errors?.length)
        }
      >
        <summary>{t("le.rubric")}</summary>
        <FieldGroup meta={fields.rubric} legend={t("le.rubric")} hint={t("le.rubricHint")}>
          {RUBRIC_FIELDS.map((r) => (
            <TextareaField
              key={r.name}
              meta={fields[r.name]}
              rows={2}
              label={t("le.rubricCell", {
                component: t(`rubric.component.${r.component}`),
                level: t(`rubric.level.${r.level}`),
              })}
            />
          ))}
        </FieldGroup>
      </details>
    </>
  );
}
