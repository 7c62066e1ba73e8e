// A pupil's assignment overview: the rules, their attempts, and the start/continue button.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormErrors, getFormProps, useAppForm } from "~/components/form";
import { useLang, useT } from "~/i18n/use-t";
import { getPupilAssignment } from "~/models/assignment.server";
import { startAttempt } from "~/models/attempt.server";
import { loadFlow, parseId } from "~/models/lesson-flow.server";
import { requirePupil } from "~/utils/auth.server";
import { parseForm, refuse } from "~/utils/form.server";
import { formatDateTime, formatPercent } from "~/utils/format";
import { percent } from "~/utils/quiz";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const pupil = await requirePupil(request);
  const flow = await loadFlow(pupil, parseId(params.assignmentId));
  const a = flow.assignment;
  return json(
    {
      id: a.id,
      timeZone: a.timeZone,
      maxAttempts: a.maxAttempts,
      attemptsLeft: a.maxAttempts === 0 ? null : Math.max(0, a.maxAttempts - flow.attempts.length),
      open: flow.open ? { number: flow.open.number } : null,
      canStart: flow.canStart,
      workOpen: flow.workOpen,
      pastDue: flow.pastDue,
      acceptLate: a.acceptLate,
      feedbackVisible: flow.feedbackVisible,
      submitted: flow.attempts
        .filter((x) => x.submittedAt)
        .map((x) => ({
          number: x.number,
          submittedAt: x.submittedAt!.toISOString(),
          late: x.late,
          // the score itself is feedback: shown only when the teacher allows it
          percent: flow.feedbackVisible
            ? percent({
                quizScore: x.quizScore ?? 0,
                quizMax: x.quizMax ?? 0,
                sortScore: x.sortScore ?? 0,
                sortMax: x.sortMax ?? 0,
              })
            : null,
        })),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

// Where the new attempt begins: the reading (the overview's button) or the sorting (the read page's).
const startSchema = z.object({ next: z.enum(["read", "sort"]).catch("read") });

export async function action({ request, params }: ActionFunctionArgs) {
  const pupil = await requirePupil(request);
  const assignmentId = parseId(params.assignmentId);
  const { submission } = await parseForm(request, startSchema);
  const assignment = await getPupilAssignment({
    classId: pupil.classId,
    pupilId: pupil.pupilId,
    assignmentId,
  });
  const result = await startAttempt({ pupilId: pupil.pupilId, assignment });
  if (!result.ok)
    return refuse(submission, {
      formError: result.reason === "limit" ? "flow.err.limit" : "flow.err.closed",
      status: 409,
    });
  const next = submission.status === "success" ? submission.value.next : "read";
  return redirect(`/pupil/assignments/${assignmentId}/${next}`);
}

export default function Overview() {
  const data = useLoaderData<typeof loader>();
  const [form] = useAppForm<typeof startSchema>({ id: "start" });
  const t = useT();
  const lang = useLang();
  return (
    <section aria-labelledby="overview-heading">
      <h2 id="overview-heading">{t("flow.overview")}</h2>
      <FormErrors form={form} />
      <p>
        {data.maxAttempts === 0
          ? t("flow.attemptsUnlimited")
          : t("flow.attemptsLeft", { n: data.attemptsLeft ?? 0 })}
      </p>
      {data.pastDue && data.acceptLate && (data.open || data.canStart) ? (
        <p className="note">{t("flow.lateWarning")}</p>
      ) : null}
      {data.pastDue && !data.acceptLate && data.submitted.length === 0 ? (
        <p className="note">{t("flow.err.closed")}</p>
      ) : null}
      {data.submitted.length === 0 && !data.open ? <p>{t("flow.notStarted")}</p> : null}
      {data.submitted.length ? (
        <ul>
          {data.submitted.map((s) => (
            <li key={s.number}>
              {t("flow.attempt", { n: s.number })}:{" "}
              {t(s.late ? "flow.submittedLate" : "flow.submitted", {
                at: formatDateTime(lang, s.submittedAt, data.timeZone),
              })}
              {s.percent !== null ? ` ${formatPercent(lang, s.percent / 100)}` : null}
            </li>
          ))}
        </ul>
      ) : null}
      {data.open ? (
        <Form method="post" {...getFormProps(form)}>
          <button type="submit">{t("flow.continue")}</button>
        </Form>
      ) : data.canStart ? (
        <Form method="post" {...getFormProps(form)}>
          <button type="submit">
            {data.submitted.length ? t("flow.startNew") : t("flow.start")}
          </button>
        </Form>
      ) : null}
      {data.feedbackVisible ? (
        <p>
          <Link to={`/pupil/assignments/${data.id}/feedback`}>{t("flow.feedback")}</Link>
        </p>
      ) : null}
    </section>
  );
}
