// Step 4: the submitted attempt explained — only when the teacher's feedback setting allows it.
// Summary first, mistakes before right answers, numbered in the order the pupil saw the items.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { LessonFeedback } from "~/components/lesson-feedback";
import { paragraphTexts } from "~/components/paragraph-ref";
import { useLang, useT } from "~/i18n/use-t";
import { attemptAnswers } from "~/models/attempt.server";
import { loadFlow, parseId } from "~/models/lesson-flow.server";
import { requirePupil } from "~/utils/auth.server";
import { formatDateTime, formatPercent } from "~/utils/format";
import { attemptOrder, percent } from "~/utils/quiz";
import { skillShares } from "~/utils/stats";
import { pointResponses, quizParts } from "~/utils/two-part";
import { reviewLesson } from "~/utils/lesson-review";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const pupil = await requirePupil(request);
  const flow = await loadFlow(pupil, parseId(params.assignmentId));
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
    (await attemptAnswers(attempt.id)).map((x) => [`${x.kind}:${x.itemId}`, x.choice]),
  );
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
  const { questions, sorting, cited } = reviewLesson(
    flow.lesson,
    { questions: order.questions.map((q) => q.id), sorting: order.sorting },
    (kind, itemId) => chosen.get(`${kind}:${itemId}`) ?? null,
  );
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
  return (
    <LessonFeedback
      review={r}
      language={data.language}
      articleHref={read}
      discussHref={`/pupil/assignments/${data.id}/discuss`}
    />
  );
}
