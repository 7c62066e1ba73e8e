// Step 4: the submitted attempt explained — only when the teacher's feedback setting allows it.
// Summary first, mistakes before right answers, numbered in the order the pupil saw the items.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import {
  FeedbackSummary,
  ReviewSection,
  type Outcome,
  type ReviewItem,
} from "~/components/feedback-review";
import { paragraphTexts } from "~/components/paragraph-ref";
import { useLang, useT } from "~/i18n/use-t";
import { attemptAnswers } from "~/models/attempt.server";
import { loadFlow, parseId } from "~/models/lesson-flow.server";
import { requirePupil } from "~/utils/auth.server";
import { formatDateTime, formatPercent } from "~/utils/format";
import { attemptOrder, percent } from "~/utils/quiz";
import { skillShares } from "~/utils/stats";
import { PartBFeedback } from "~/components/two-part-feedback";
import { maxPoints, partBId, pointResponses, questionPoints, quizParts } from "~/utils/two-part";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const pupil = await requirePupil(request);
  const flow = loadFlow(pupil, parseId(params.assignmentId));
  const a = flow.assignment;
  const base = {
    id: a.id,
    language: flow.lesson.language,
    feedbackSetting: a.feedback,
    dueAt: a.dueAt.toISOString(),
    timeZone: a.timeZone,
    submitted: flow.lastSubmitted !== null,
  };
  const attempt = flow.lastSubmitted;
  if (!flow.feedbackVisible || !attempt)
    return json({ ...base, review: null }, { headers: { "Cache-Control": "no-store" } });
  const chosen = new Map(
    attemptAnswers(attempt.id).map((x) => [`${x.kind}:${x.itemId}`, x.choice]),
  );
  const speakers = new Map(flow.lesson.speakers.map((s) => [s.id, s.label]));
  const score = {
    quizScore: attempt.quizScore ?? 0,
    quizMax: attempt.quizMax ?? 0,
    sortScore: attempt.sortScore ?? 0,
    sortMax: attempt.sortMax ?? 0,
  };
  // Keys stay hidden while this pupil can still start or submit an attempt (decision 034).
  if (!flow.keysVisible)
    return json(
      { ...base, review: { number: attempt.number, score, percent: percent(score), keys: null } },
      { headers: { "Cache-Control": "no-store" } },
    );
  const quizChoices = Object.fromEntries(
    [...chosen].flatMap(([key, choice]) =>
      key.startsWith("quiz:") ? [[key.slice(5), choice]] : [],
    ),
  );
  const responses = pointResponses(flow.lesson, pupil.pupilId, quizChoices);
  // Numbered in the order this pupil saw them (shuffled or not), as on the quiz page.
  const order = attemptOrder(flow.lesson, attempt.seed, a.shuffle);
  const questionsById = new Map(flow.lesson.questions.map((q) => [q.id, q]));
  const sortingById = new Map(flow.lesson.sorting.map((x) => [x.id, x]));
  const outcome = (mine: string | null, right: string): Outcome =>
    mine === null ? "unanswered" : mine === right ? "right" : "wrong";
  const questions = order.questions.map(({ id }) => {
    const q = questionsById.get(id)!;
    const mine = chosen.get(`quiz:${q.id}`) ?? null;
    const text = (option: string | null) => q.options.find((o) => o.id === option)?.text ?? null;
    // Two-part questions: Part B's quotation, the right one shown inside its paragraph.
    const b = q.partB;
    const mineB = b ? (chosen.get(`quiz:${partBId(q.id)}`) ?? null) : null;
    const quote = (option: string | null) => b?.options.find((o) => o.id === option) ?? null;
    const key = b ? quote(b.correct) : null;
    const points = questionPoints(q, mine ?? undefined, mineB ?? undefined);
    return {
      id: q.id,
      stem: q.stem,
      mine: text(mine),
      right: text(q.correct)!,
      // a two-part question is right only with both parts right
      outcome:
        mine === null
          ? ("unanswered" as const)
          : points === maxPoints(q)
            ? ("right" as const)
            : ("wrong" as const),
      explanation: q.explanation,
      evidence: q.evidence,
      points,
      maxPoints: maxPoints(q),
      partB:
        b && key
          ? {
              stem: b.stem,
              mine: quote(mineB)?.quote ?? null,
              right: key.quote,
              correct: mineB === b.correct,
              explanation: b.explanation,
              paragraph: key.paragraph,
              paragraphText: flow.lesson.paragraphs[key.paragraph - 1] ?? "",
            }
          : null,
    };
  });
  const sorting = order.sorting.map((id) => {
    const s = sortingById.get(id)!;
    const mine = (chosen.get(`sort:${s.id}`) ?? null) as typeof s.category | null;
    return {
      id: s.id,
      quote: s.quote,
      paragraph: s.paragraph,
      mine,
      right: s.category,
      outcome: outcome(mine, s.category),
      explanation: s.explanation,
      speaker: s.speaker ? (speakers.get(s.speaker) ?? null) : null,
    };
  });
  const cited = new Set([
    ...questions.flatMap((q) => q.evidence),
    ...sorting.map((x) => x.paragraph),
  ]);
  return json(
    {
      ...base,
      review: {
        number: attempt.number,
        score,
        percent: percent(score),
        keys: true as const,
        skills: skillShares(quizParts(flow.lesson), responses, [pupil.pupilId]).filter(
          (s) => s.total > 0,
        ),
        questions,
        sorting,
        paragraphs: paragraphTexts(flow.lesson.paragraphs, cited),
      },
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function Feedback() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const read = (p: number) => `/pupil/assignments/${data.id}/read?highlight=${p}#p${p}`;
  if (!data.review) {
    const reason = !data.submitted
      ? t("feedback.notSubmitted")
      : data.feedbackSetting === "never"
        ? t("feedback.never")
        : t("feedback.notYet", { due: formatDateTime(lang, data.dueAt, data.timeZone) });
    return (
      <section aria-labelledby="feedback-heading">
        <h2 id="feedback-heading">{t("feedback.title")}</h2>
        <p className="note">{reason}</p>
      </section>
    );
  }
  const r = data.review;
  if (r.keys === null) {
    return (
      <section aria-labelledby="feedback-heading">
        <h2 id="feedback-heading">{t("feedback.title")}</h2>
        <p className="lead">
          {t("feedback.score", {
            score: r.score.quizScore + r.score.sortScore,
            max: r.score.quizMax + r.score.sortMax,
            percent: formatPercent(lang, r.percent / 100),
          })}
        </p>
        <p>
          {t("feedback.quizScore", { score: r.score.quizScore, max: r.score.quizMax })} ·{" "}
          {t("feedback.sortScore", { score: r.score.sortScore, max: r.score.sortMax })}
        </p>
        <p className="note">{t("hardening.keys.later")}</p>
      </section>
    );
  }
  const quizItems: ReviewItem[] = r.questions.map((q, index) => ({
    id: q.id,
    title: t("quiz.question", { n: index + 1 }),
    outcome: q.outcome,
    prompt: <p lang={data.language}>{q.stem}</p>,
    mine: q.mine,
    right: q.right,
    explanation: q.explanation,
    evidence: q.evidence,
    note: q.partB ? (
      <>
        <p>{t("twoPart.points", { points: q.points, max: q.maxPoints })}</p>
        <PartBFeedback partB={q.partB} language={data.language} />
      </>
    ) : undefined,
  }));
  const sortItems: ReviewItem[] = r.sorting.map((s, index) => ({
    id: s.id,
    title: t("sort.item", { n: index + 1, p: s.paragraph }),
    outcome: s.outcome,
    prompt: (
      <blockquote lang={data.language}>
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
        scoreLine={t("feedback.score", {
          score: r.score.quizScore + r.score.sortScore,
          max: r.score.quizMax + r.score.sortMax,
          percent: formatPercent(lang, r.percent / 100),
        })}
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
        language={data.language}
        texts={r.paragraphs}
        articleHref={read}
      />
      <ReviewSection
        id="fb-sort"
        title={t("sort.title")}
        items={sortItems}
        language={data.language}
        texts={r.paragraphs}
        articleHref={read}
      />
      <p className="next-step">
        <Link className="button" to={`/pupil/assignments/${data.id}/discuss`}>
          {t("pf.fb.next", { step: t("flow.discuss") })}
        </Link>
      </p>
    </section>
  );
}
