// One sorting statement and one quiz question (with its Part B) as pupils answer them: used by the
// pupils' sort and quiz steps (choices saved to the attempt) and the editor's preview (choices
// carried in the form, with their own field names and nothing saved).
import { Fragment } from "react";
import { useT } from "~/i18n/use-t";
import { CATEGORY_IDS } from "~/utils/quiz";
import type { ItemState } from "./answer-queue";
import { ChoiceItem, type NoJsOutcome } from "./choice-item";
import type { FieldMeta } from "./form";
import { ParagraphRef, ParagraphRefs } from "./paragraph-ref";
import { itemLabel } from "./two-part";
import { RubricTable } from "./rubric";
import type { Rubric } from "~/content/schema";

/** Where choices live and how they are saved: the answer queue's, or the preview's. */
export type ChoiceState = {
  choices: Record<string, string | undefined>;
  states?: Record<string, ItemState | undefined>;
  refusals?: Record<string, string | undefined>;
  hydrated: boolean;
  onChoose: (itemId: string, choice: string) => void;
  noJs: NoJsOutcome;
  /** An item's radio group field: the answer page's form (useAnswerPageForm), or the preview's. */
  meta: (itemId: string) => FieldMeta;
};

const common = (c: ChoiceState, itemId: string) => ({
  itemId,
  meta: c.meta(itemId),
  choice: c.choices[itemId],
  state: c.states?.[itemId],
  refusal: c.refusals?.[itemId],
  hydrated: c.hydrated,
  onChoose: c.onChoose,
  noJs: c.noJs,
});

export function SortStatement({
  item,
  index,
  language,
  paragraphs,
  choice,
}: {
  item: { id: string; quote: string; paragraph: number };
  index: number;
  language: string;
  paragraphs: Record<number, string>;
  choice: ChoiceState;
}) {
  const t = useT();
  const label = t("sort.item", { n: index + 1, p: item.paragraph });
  return (
    <ChoiceItem
      {...common(choice, item.id)}
      legend={label}
      body={
        <>
          <blockquote lang={language}>
            <p>{item.quote}</p>
          </blockquote>
          {paragraphs[item.paragraph] ? (
            <ParagraphRef
              n={item.paragraph}
              text={paragraphs[item.paragraph]}
              language={language}
              idPrefix={item.id}
            />
          ) : null}
        </>
      }
      options={CATEGORY_IDS.map((c) => ({ id: c, label: t(`cat.${c}`) }))}
      saveLabel={label}
    />
  );
}

export type QuizQuestionData = {
  id: string;
  stem: string;
  options: { id: string; text: string }[];
  refs: number[];
  partB: {
    id: string;
    stem: string;
    options: { id: string; text: string; paragraph: number }[];
  } | null;
};

export function QuizQuestion({
  q,
  index,
  language,
  paragraphs,
  choice,
}: {
  q: QuizQuestionData;
  index: number;
  language: string;
  paragraphs: Record<number, string>;
  choice: ChoiceState;
}) {
  const t = useT();
  return (
    <Fragment>
      <ChoiceItem
        {...common(choice, q.id)}
        legend={
          <>
            <span className="qnum">
              {q.partB
                ? itemLabel(t, { n: index + 1, part: "A" })
                : t("quiz.question", { n: index + 1 })}
              .{" "}
            </span>
            <span lang={language}>{q.stem}</span>
          </>
        }
        body={
          <>
            {q.partB ? (
              <p className="muted">
                {t("twoPart.lead")} {t("twoPart.scoring")}
              </p>
            ) : null}
            <ParagraphRefs
              numbers={q.refs}
              texts={paragraphs}
              language={language}
              idPrefix={q.id}
            />
          </>
        }
        options={q.options.map((o) => ({ id: o.id, label: o.text, lang: language }))}
        saveLabel={t("quiz.question", { n: index + 1 })}
      />
      {q.partB ? (
        <ChoiceItem
          {...common(choice, q.partB.id)}
          legend={
            <>
              <span className="qnum">{itemLabel(t, { n: index + 1, part: "B" })}. </span>
              <span lang={language}>{q.partB.stem}</span>
            </>
          }
          options={q.partB.options.map((o) => ({
            id: o.id,
            label: (
              <>
                <q lang={language}>{o.text}</q> {t("twoPart.paragraphOf", { p: o.paragraph })}
              </>
            ),
          }))}
          saveLabel={itemLabel(t, { n: index + 1, part: "B" })}
        />
      ) : null}
    </Fragment>
  );
}

/** The five categories with their hints, folded, above the statements. */
export function CategoryList() {
  const t = useT();
  return (
    <details className="categories">
      <summary>{t("sort.category")}</summary>
      <dl>
        {CATEGORY_IDS.map((c) => (
          <div key={c}>
            <dt>{t(`cat.${c}`)}</dt>
            <dd>{t(`cat.${c}.hint`)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** A discussion prompt's heading, text and (CER) rubric, as pupils read them before writing. */
export function PromptIntro({
  prompt,
  index,
  language,
  rubricOpen,
}: {
  prompt: { id: string; mode: "open" | "cer"; prompt: string; rubric: Rubric | null };
  index: number;
  language: string;
  /** Open until the pupil has written (then it may be folded). */
  rubricOpen: boolean;
}) {
  const t = useT();
  return (
    <>
      <h3 id={`prompt-${prompt.id}`}>
        {t("discuss.promptHeading", { n: index + 1 })}
        {prompt.mode === "cer" ? ` (${t("discuss.cerTag")})` : null}
      </h3>
      <p lang={language} className="prompt-text">
        {prompt.prompt}
      </p>
      {prompt.rubric ? (
        <details className="rubric-box" open={rubricOpen ? true : undefined}>
          <summary>
            {t("rubric.title")} — {t("rubric.beforeWriting")}
          </summary>
          <RubricTable rubric={prompt.rubric} language={language} id={`rubric-${prompt.id}`} />
        </details>
      ) : null}
    </>
  );
}
