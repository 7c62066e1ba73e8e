// The feedback page's pieces: a summary first (score, skills, what was not answered, linked),
// then the pupil's mistakes in full, then what they got right folded away, then the next step.
// Items are plain data (see ReviewItem), so other kinds of question can join the same lists.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/i18n/use-t";
import { ParagraphRef } from "./paragraph-ref";

export type Outcome = "right" | "wrong" | "unanswered";

export type ReviewItem = {
  id: string;
  /** "Soal 3", "Pernyataan 2 (paragraf 4)": numbered in the order the pupil saw them. */
  title: string;
  outcome: Outcome;
  /** The question's stem or the statement's quote. */
  prompt: ReactNode;
  mine: ReactNode | null;
  right: ReactNode;
  explanation: string;
  evidence: number[];
  /** Anything else worth saying (e.g. who made the statement). */
  note?: ReactNode;
};

export const anchorOf = (id: string) => `fb-${id}`;

export function FeedbackSummary(props: {
  scoreLine: string;
  partLines: string[];
  skills: { label: string; line: string }[];
  items: ReviewItem[];
}) {
  const t = useT();
  const wrong = props.items.filter((i) => i.outcome === "wrong").length;
  const unanswered = props.items.filter((i) => i.outcome === "unanswered");
  return (
    <section aria-labelledby="fb-summary-h" className="fb-summary">
      <h3 id="fb-summary-h">{t("pf.fb.summary")}</h3>
      <p className="lead">{props.scoreLine}</p>
      <p>{props.partLines.join(" · ")}</p>
      <p>
        {wrong + unanswered.length === 0
          ? t("pf.fb.allRight")
          : t("pf.fb.counts", { wrong, unanswered: unanswered.length })}
      </p>
      {unanswered.length ? (
        <p>
          {t("pf.fb.unansweredList")}{" "}
          {unanswered.map((item, index) => (
            <span key={item.id}>
              {index ? ", " : null}
              <a href={`#${anchorOf(item.id)}`}>{item.title}</a>
            </span>
          ))}
        </p>
      ) : null}
      {props.skills.length ? (
        <>
          <h4>{t("results.mySkills")}</h4>
          <ul>
            {props.skills.map((s) => (
              <li key={s.label}>
                {s.label}: {s.line}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function Evidence(props: {
  evidence: number[];
  texts: Record<number, string>;
  language: string;
  id: string;
  articleHref: (p: number) => string;
}) {
  const t = useT();
  if (!props.evidence.length) return null;
  return (
    <div className="para-refs">
      {props.evidence.map((p) =>
        props.texts[p] !== undefined ? (
          <ParagraphRef
            key={p}
            n={p}
            text={props.texts[p]}
            language={props.language}
            idPrefix={`fb-${props.id}`}
            label={t("feedback.evidence", { p })}
            more={<Link to={props.articleHref(p)}>{t("pf.fb.openArticle", { p })}</Link>}
          />
        ) : null,
      )}
    </div>
  );
}

/** One reviewed item. A right answer says the answer once; a mistake shows both answers. */
export function ReviewCard(props: {
  item: ReviewItem;
  language: string;
  texts: Record<number, string>;
  articleHref: (p: number) => string;
}) {
  const t = useT();
  const { item } = props;
  const badge =
    item.outcome === "right"
      ? t("feedback.right")
      : item.outcome === "wrong"
        ? t("feedback.wrong")
        : t("pf.fb.notAnswered");
  return (
    <article
      className={`item review ${item.outcome}-item`}
      id={anchorOf(item.id)}
      aria-labelledby={`${anchorOf(item.id)}-h`}
    >
      <h4 id={`${anchorOf(item.id)}-h`}>
        {item.title}: <span className={item.outcome === "right" ? "right" : "wrong"}>{badge}</span>
      </h4>
      {item.prompt}
      <dl>
        {item.outcome === "right" ? (
          <>
            <dt>{t("pf.fb.answer")}</dt>
            <dd lang={props.language}>{item.right}</dd>
          </>
        ) : (
          <>
            <dt>{t("feedback.yourAnswer")}</dt>
            <dd lang={props.language}>{item.mine ?? t("feedback.noAnswer")}</dd>
            <dt>{t("feedback.rightAnswer")}</dt>
            <dd lang={props.language}>{item.right}</dd>
          </>
        )}
        <dt>{t("feedback.why")}</dt>
        <dd lang={props.language}>{item.explanation}</dd>
      </dl>
      {item.note}
      <Evidence
        evidence={item.evidence}
        texts={props.texts}
        language={props.language}
        id={item.id}
        articleHref={props.articleHref}
      />
    </article>
  );
}

/**
 * A part of the attempt (the quiz, the sorting): the mistakes in full, the right answers in a
 * closed <details> (a phone page stays short), each list in the order the pupil saw the items.
 */
export function ReviewSection(props: {
  id: string;
  title: string;
  items: ReviewItem[];
  language: string;
  texts: Record<number, string>;
  articleHref: (p: number) => string;
}) {
  const t = useT();
  const toFix = props.items.filter((i) => i.outcome !== "right");
  const right = props.items.filter((i) => i.outcome === "right");
  const card = (item: ReviewItem) => (
    <ReviewCard
      key={item.id}
      item={item}
      language={props.language}
      texts={props.texts}
      articleHref={props.articleHref}
    />
  );
  return (
    <section aria-labelledby={`${props.id}-h`}>
      <h3 id={`${props.id}-h`}>{props.title}</h3>
      {toFix.length ? (
        <p>{t("pf.fb.toFix", { n: toFix.length })}</p>
      ) : (
        <p>{t("pf.fb.sectionAllRight")}</p>
      )}
      {toFix.map(card)}
      {right.length ? (
        <details className="fb-right">
          <summary>{t("pf.fb.rightItems", { n: right.length })}</summary>
          {right.map(card)}
        </details>
      ) : null}
    </section>
  );
}
