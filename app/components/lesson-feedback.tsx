// The feedback step's body as pupils see it after submitting — summary, the quiz and the sorting
// reviewed, the way on to the discussion — for the pupils' step and the editor's preview alike.
import { Link } from "@remix-run/react";
import { useLang, useT } from "~/i18n/use-t";
import type { Category, Skill } from "~/content/schema";
import { formatPercent } from "~/utils/format";
import type { Outcome } from "~/utils/lesson-review";
import { FeedbackSummary, ReviewSection, type ReviewItem } from "./feedback-review";
import { PartBFeedback, type PartBReview } from "./two-part-feedback";

export type LessonReviewData = {
  score: { quizScore: number; quizMax: number; sortScore: number; sortMax: number };
  percent: number;
  skills: { skill: Skill; correct: number; total: number }[];
  questions: {
    id: string;
    stem: string;
    outcome: Outcome;
    mine: string | null;
    right: string;
    explanation: string;
    evidence: number[];
    points: number;
    maxPoints: number;
    partB: PartBReview | null;
  }[];
  sorting: {
    id: string;
    quote: string;
    paragraph: number;
    outcome: Outcome;
    mine: Category | null;
    right: Category;
    explanation: string;
    speaker: string | null;
  }[];
  paragraphs: Record<number, string>;
};

/** "8 of 12 (67%)": both parts together, as the summary and the teacher's results count them. */
export function useScoreLine(r: Pick<LessonReviewData, "score" | "percent">) {
  const t = useT();
  const lang = useLang();
  return t("feedback.score", {
    score: r.score.quizScore + r.score.sortScore,
    max: r.score.quizMax + r.score.sortMax,
    percent: formatPercent(lang, r.percent / 100),
  });
}

export function LessonFeedback({
  review: r,
  language,
  articleHref,
  discussHref,
}: {
  review: LessonReviewData;
  language: string;
  articleHref: (p: number) => string;
  discussHref: string;
}) {
  const t = useT();
  const scoreLine = useScoreLine(r);
  const quizItems: ReviewItem[] = r.questions.map((q, index) => ({
    id: q.id,
    title: t("quiz.question", { n: index + 1 }),
    outcome: q.outcome,
    prompt: <p lang={language}>{q.stem}</p>,
    mine: q.mine,
    right: q.right,
    explanation: q.explanation,
    evidence: q.evidence,
    note: q.partB ? (
      <>
        <p>{t("twoPart.points", { points: q.points, max: q.maxPoints })}</p>
        <PartBFeedback partB={q.partB} language={language} />
      </>
    ) : undefined,
  }));
  const sortItems: ReviewItem[] = r.sorting.map((s, index) => ({
    id: s.id,
    title: t("sort.item", { n: index + 1, p: s.paragraph }),
    outcome: s.outcome,
    prompt: (
      <blockquote lang={language}>
        <p>{s.quote}</p>
      </blockquote>
    ),
    mine: s.mine ? t(`cat.${s.mine}`) : null,
    right: t(`cat.${s.right}`),
    explanation: s.explanation,
    evidence: [s.paragraph],
    note: s.speaker ? <p>{t("feedback.source", { speaker: s.speaker })}</p> : undefined,
  }));
  return (
    <section aria-labelledby="feedback-heading">
      <h2 id="feedback-heading">{t("feedback.title")}</h2>
      <FeedbackSummary
        scoreLine={scoreLine}
        partLines={[
          t("feedback.quizScore", { score: r.score.quizScore, max: r.score.quizMax }),
          t("feedback.sortScore", { score: r.score.sortScore, max: r.score.sortMax }),
        ]}
        skills={r.skills.map((s) => ({
          label: t(`results.skill.${s.skill}`),
          line: t("results.outOf", { score: s.correct, max: s.total }),
        }))}
        items={[...quizItems, ...sortItems]}
      />
      <ReviewSection
        id="fb-quiz"
        title={t("quiz.title")}
        items={quizItems}
        language={language}
        texts={r.paragraphs}
        articleHref={articleHref}
      />
      <ReviewSection
        id="fb-sort"
        title={t("sort.title")}
        items={sortItems}
        language={language}
        texts={r.paragraphs}
        articleHref={articleHref}
      />
      <p className="next-step">
        <Link className="button" to={discussHref}>
          {t("pf.fb.next", { step: t("flow.discuss") })}
        </Link>
      </p>
    </section>
  );
}
