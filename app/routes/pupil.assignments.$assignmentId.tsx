// The frame of a pupil's lesson: title, due date, status, and the steps with their progress.
import type { LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { json } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { LessonProgressProvider, useAnswered } from "~/components/lesson-progress";
import { useLang, useT } from "~/i18n/use-t";
import { loadFlow, parseId } from "~/models/lesson-flow.server";
import { requirePupil } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { rawTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? rawTitle(matches, data.title) : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const pupil = await requirePupil(request);
  const flow = await loadFlow(pupil, parseId(params.assignmentId));
  return json(
    {
      id: flow.assignment.id,
      title: flow.lesson.title,
      language: flow.lesson.language,
      dueAt: flow.assignment.dueAt.toISOString(),
      extended: flow.assignment.dueAt.getTime() !== flow.assignment.classDueAt.getTime(),
      timeZone: flow.assignment.timeZone,
      status: flow.status,
      counts: flow.counts,
      hasAttempt: flow.latest !== null,
      // handed in by the assignment closing: said on every step (issue 17)
      closedNotice: flow.latest?.submittedByClose
        ? flow.assignment.closedAt &&
          flow.assignment.closedAt.getTime() !== flow.assignment.dueAt.getTime()
          ? ("pupilLive.closedByTeacher" as const)
          : ("pupilLive.closedAtDue" as const)
        : null,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

type FrameData = SerializeFrom<typeof loader>;

/** The steps as one row, with live counts (see lesson-progress). */
function Steps({ data }: { data: FrameData }) {
  const t = useT();
  const answered = useAnswered(data.counts);
  const base = `/pupil/assignments/${data.id}`;
  // On a phone the steps are one row that scrolls sideways: keep the current one in view.
  const list = useRef<HTMLOListElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    const el = list.current;
    const current = el?.querySelector<HTMLElement>('[aria-current="page"]');
    if (el && current && el.scrollWidth > el.clientWidth)
      el.scrollLeft = current.offsetLeft - (el.clientWidth - current.offsetWidth) / 2;
  }, [pathname]);
  const steps = [
    { to: base, label: t("flow.overview"), end: true },
    { to: `${base}/read`, label: t("flow.read") },
    {
      to: `${base}/sort`,
      label: t("flow.sort"),
      count: `${answered.sort}/${data.counts.sortTotal}`,
    },
    {
      to: `${base}/quiz`,
      label: t("flow.quiz"),
      count: `${answered.quiz}/${data.counts.quizTotal}`,
    },
    { to: `${base}/feedback`, label: t("flow.feedback") },
    { to: `${base}/discuss`, label: t("flow.discuss") },
  ];
  return (
    <nav aria-label={t("flow.steps")}>
      <ol className="steps" ref={list}>
        {steps.map((s) => (
          <li key={s.to}>
            <NavLink to={s.to} end={s.end} prefetch="none">
              {s.label}
              {s.count ? <span className="step-count"> ({s.count})</span> : null}
            </NavLink>
          </li>
        ))}
      </ol>
    </nav>
  );
}

export default function LessonFrame() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  return (
    <>
      <header className="lesson-head">
        <h1 lang={data.language} className="clamp-title">
          {data.title}
        </h1>
        <p className="lesson-meta">
          {t("flow.due", { due: formatDateTime(lang, data.dueAt, data.timeZone) })}
          {data.extended ? ` (${t("ext.forYou")})` : null} ·{" "}
          <span className={`status ${data.status}`}>{t(`status.${data.status}`)}</span>
        </p>
      </header>
      {data.closedNotice ? (
        <p className="note closed-notice" role="status">
          {t(data.closedNotice)}
        </p>
      ) : null}
      <LessonProgressProvider counts={{ sort: data.counts.sort, quiz: data.counts.quiz }}>
        <Steps data={data} />
        <Outlet />
      </LessonProgressProvider>
    </>
  );
}
