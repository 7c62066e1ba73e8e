// The draft as a pupil sees it, step by step (?step=read|sort|quiz|feedback|discuss), with the
// pupils' own components. Choices travel in the forms and links between steps; "submit" posts
// them here and the feedback is computed and thrown away: no attempt, answer or result anywhere.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import {
  DiscussStep,
  FeedbackStep,
  QuizStep,
  ReadStep,
  SortStep,
} from "~/components/lesson-preview-steps";
import { useT } from "~/i18n/use-t";
import {
  previewDraft,
  previewPage,
  previewReview,
  readChoices,
} from "~/models/lesson-preview.server";
import { carriedFields, type PreviewStep } from "~/utils/preview-fields";
import { requireTeacher } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";
import { parseId } from "~/utils/ids";
import { rawTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? rawTitle(matches, data.title) : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const draft = await previewDraft({
    teacherId: teacher.teacherId,
    lessonId: parseId(params.lessonId),
  });
  return json(previewPage(draft, new URL(request.url)), {
    headers: { "Cache-Control": "no-store" },
  });
}

/** "Submit answers": the carried choices checked against the draft, answered once, kept nowhere. */
export async function action({ request, params }: ActionFunctionArgs) {
  const teacher = await requireTeacher(request);
  const { lesson } = await previewDraft({
    teacherId: teacher.teacherId,
    lessonId: parseId(params.lessonId),
  });
  // The body through the kit's parser, as the loader reads the query (readChoices).
  const choices = readChoices(lesson, await readForm(request));
  return json(
    { choices, review: previewReview(lesson, choices) },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function Preview() {
  const data = useLoaderData<typeof loader>();
  const submitted = useActionData<typeof action>();
  const t = useT();
  const choices = submitted?.choices ?? data.choices;
  const step: PreviewStep = submitted ? "feedback" : data.step;
  const base = `/teacher/lessons/${data.id}/preview`;
  const carried = carriedFields(choices);
  const href = (to: PreviewStep, extra: [string, string][] = [], hash = "") =>
    `${base}?${new URLSearchParams([["step", to], ...extra, ...carried]).toString()}${hash}`;
  const quizAnswered = Object.keys(choices.quiz).length;
  const steps: { to: PreviewStep; label: string; count?: string }[] = [
    { to: "read", label: t("flow.read") },
    {
      to: "sort",
      label: t("flow.sort"),
      count: `${Object.keys(choices.sort).length}/${data.counts.sortTotal}`,
    },
    { to: "quiz", label: t("flow.quiz"), count: `${quizAnswered}/${data.counts.quizTotal}` },
    { to: "feedback", label: t("flow.feedback") },
    { to: "discuss", label: t("flow.discuss") },
  ];
  return (
    <>
      <h1>{t("pv.title")}</h1>
      <div className="banner preview-banner">
        <p>
          <strong>{t("pvs.banner")}</strong>
        </p>
        <p>{t("pvs.bannerLead")}</p>
      </div>
      {!data.valid ? <p className="note">{t("pv.invalid")}</p> : null}
      <p>
        <Link to={`/teacher/lessons/${data.id}`}>{t("pv.back")}</Link>
      </p>
      <header className="lesson-head">
        <h2 lang={data.language} className="clamp-title">
          {data.title}
        </h2>
      </header>
      <nav aria-label={t("flow.steps")}>
        <ol className="steps">
          {steps.map((s) => (
            <li key={s.to}>
              <Link
                to={href(s.to)}
                aria-current={s.to === step ? "page" : undefined}
                prefetch="none"
              >
                {s.label}
                {s.count ? <span className="step-count"> ({s.count})</span> : null}
              </Link>
            </li>
          ))}
        </ol>
      </nav>
      {step === "read" && data.read ? (
        <ReadStep data={data} read={data.read} next={href("sort")} />
      ) : null}
      {step === "sort" && data.sort ? (
        <SortStep
          key={JSON.stringify(choices.sort)}
          data={data}
          sort={data.sort}
          choices={choices}
          base={base}
        />
      ) : null}
      {step === "quiz" && data.quiz ? (
        <QuizStep
          key={JSON.stringify(choices.quiz)}
          data={data}
          quiz={data.quiz}
          choices={choices}
          base={base}
        />
      ) : null}
      {step === "feedback" ? (
        <FeedbackStep
          data={data}
          review={submitted?.review ?? null}
          quizHref={href("quiz")}
          discussHref={href("discuss")}
          readHref={(p) => href("read", [["highlight", String(p)]], `#p${p}`)}
        />
      ) : null}
      {step === "discuss" && data.prompts ? (
        <DiscussStep data={data} prompts={data.prompts} />
      ) : null}
    </>
  );
}
