// Step 4: the submitted attempt explained — only when the teacher's feedback setting allows it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLang, useT } from "~/i18n/use-t";
import { attemptAnswers } from "~/models/attempt.server";
import { loadFlow, parseId } from "~/models/lesson-flow.server";
import { requirePupil } from "~/utils/auth.server";
import { formatDateTime, formatPercent } from "~/utils/format";
import { percent } from "~/utils/quiz";
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
  const chosen = new Map(attemptAnswers(attempt.id).map((x) => [`${x.kind}:${x.itemId}`, x.choice]));
  const speakers = new Map(flow.lesson.speakers.map((s) => [s.id, s.label]));
  const score = {
    quizScore: attempt.quizScore ?? 0,
    quizMax: attempt.quizMax ?? 0,
    sortScore: attempt.sortScore ?? 0,
    sortMax: attempt.sortMax ?? 0,
  };
  const quizChoices = Object.fromEntries(
    [...chosen].flatMap(([key, choice]) => (key.startsWith("quiz:") ? [[key.slice(5), choice]] : [])),
  );
  const responses = pointResponses(flow.lesson, pupil.pupilId, quizChoices);
  return json(
    {
      ...base,
      review: {
        number: attempt.number,
        score,
        percent: percent(score),
        skills: skillShares(quizParts(flow.lesson), responses, [pupil.pupilId]).filter((s) => s.total > 0),
        questions: flow.lesson.questions.map((q) => {
          const mine = chosen.get(`quiz:${q.id}`) ?? null;
          const text = (id: string | null) => q.options.find((o) => o.id === id)?.text ?? null;
          const b = q.partB;
          const mineB = b ? chosen.get(`quiz:${partBId(q.id)}`) ?? null : null;
          const quote = (id: string | null) => b?.options.find((o) => o.id === id) ?? null;
          const key = b ? quote(b.correct) : null;
          return {
            id: q.id,
            stem: q.stem,
            mine: text(mine),
            right: text(q.correct),
            correct: mine === q.correct,
            explanation: q.explanation,
            evidence: q.evidence,
            points: questionPoints(q, mine ?? undefined, mineB ?? undefined),
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
        }),
        sorting: flow.lesson.sorting.map((s) => {
          const mine = chosen.get(`sort:${s.id}`) ?? null;
          return {
            id: s.id,
            quote: s.quote,
            paragraph: s.paragraph,
            mine: mine as typeof s.category | null,
            right: s.category,
            correct: mine === s.category,
            explanation: s.explanation,
            speaker: s.speaker ? speakers.get(s.speaker) ?? null : null,
          };
        }),
      },
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function Feedback() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const read = (paragraphs: number[], focus = paragraphs[0]) =>
    `/pupil/assignments/${data.id}/read?highlight=${paragraphs.join(",")}#p${focus}`;
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
      <h3>{t("results.mySkills")}</h3>
      <ul>
        {r.skills.map((s) => (
          <li key={s.skill}>
            {t(`results.skill.${s.skill}`)}: {t("results.outOf", { score: s.correct, max: s.total })}
          </li>
        ))}
      </ul>
      <h3>{t("quiz.title")}</h3>
      {r.questions.map((q, index) => (
        <article key={q.id} className="item" id={`fb-${q.id}`} aria-labelledby={`fb-${q.id}-h`}>
          <h4 id={`fb-${q.id}-h`}>
            {t("quiz.question", { n: index + 1 })}:{" "}
            <span className={q.correct ? "right" : "wrong"}>{q.correct ? t("feedback.right") : t("feedback.wrong")}</span>
          </h4>
          {q.partB ? <p>{t("twoPart.points", { points: q.points, max: q.maxPoints })}</p> : null}
          {q.partB ? <h5>{t("twoPart.partA")}</h5> : null}
          <p lang={data.language}>{q.stem}</p>
          <dl>
            <dt>{t("feedback.yourAnswer")}</dt>
            <dd lang={data.language}>{q.mine ?? t("feedback.noAnswer")}</dd>
            <dt>{t("feedback.rightAnswer")}</dt>
            <dd lang={data.language}>{q.right}</dd>
            <dt>{t("feedback.why")}</dt>
            <dd lang={data.language}>{q.explanation}</dd>
          </dl>
          {q.partB ? <PartBFeedback partB={q.partB} language={data.language} /> : null}
          <p>
            {q.evidence.map((p) => (
              <Link key={p} to={read(q.evidence, p)} className="evidence-link">
                {t("feedback.evidence", { p })}
              </Link>
            ))}
          </p>
        </article>
      ))}
      <h3>{t("sort.title")}</h3>
      {r.sorting.map((s, index) => (
        <article key={s.id} className="item" aria-labelledby={`fb-${s.id}-h`}>
          <h4 id={`fb-${s.id}-h`}>
            {t("sort.item", { n: index + 1, p: s.paragraph })}:{" "}
            <span className={s.correct ? "right" : "wrong"}>{s.correct ? t("feedback.right") : t("feedback.wrong")}</span>
          </h4>
          <blockquote lang={data.language}>
            <p>{s.quote}</p>
          </blockquote>
          <dl>
            <dt>{t("feedback.yourAnswer")}</dt>
            <dd>{s.mine ? t(`cat.${s.mine}`) : t("feedback.noAnswer")}</dd>
            <dt>{t("feedback.rightAnswer")}</dt>
            <dd>{t(`cat.${s.right}`)}</dd>
            <dt>{t("feedback.why")}</dt>
            <dd lang={data.language}>{s.explanation}</dd>
          </dl>
          {s.speaker ? <p>{t("feedback.source", { speaker: s.speaker })}</p> : null}
          <p>
            <Link to={read([s.paragraph])}>{t("feedback.evidence", { p: s.paragraph })}</Link>
          </p>
        </article>
      ))}
    </section>
  );
}
