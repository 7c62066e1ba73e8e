// One pupil's work on one assignment, for its teacher: attempts, every answer right or wrong, sorting choices, posts and
// feedback, and the pupil's extension (a later due date, extra attempts).
import { Name } from "~/components/name";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { ExtensionNote } from "~/components/extension-note";
import {
  ChoiceGroup,
  Field,
  FormErrors,
  getFormProps,
  Intent,
  useAppForm,
} from "~/components/form";
import { clearExtension, setExtension } from "~/models/extension.server";
import { extensionSchema } from "~/utils/assignment-form";
import { parseSubmission, readForm, refuse } from "~/utils/form.server";
import { zonedLocalToDate } from "~/utils/zones";
import { useLang, useT } from "~/i18n/use-t";
import { parseId } from "~/models/class.server";
import { pupilWork, pupilWorkPage } from "~/models/results.server";
import { requireTeacher } from "~/utils/auth.server";
import { formatDateTime, formatNumber, formatPercent } from "~/utils/format";
import { title } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? title(matches, "results.pupilPageTitle", { name: data.name }) : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const page = pupilWorkPage({
    teacherId: teacher.teacherId,
    assignmentId: parseId(params.assignmentId),
    pupilId: parseId(params.pupilId),
  });
  return json(page, { headers: { "Cache-Control": "no-store" } });
}

/** Gives, changes or removes this pupil's extension (intent "extend" or "clear"). */
export async function action({ request, params }: ActionFunctionArgs) {
  const teacher = await requireTeacher(request);
  const ids = {
    teacherId: teacher.teacherId,
    assignmentId: parseId(params.assignmentId),
    pupilId: parseId(params.pupilId),
  };
  // 404 unless the assignment is this teacher's and the pupil is in its class
  const { assignment } = pupilWork(ids);
  const form = await readForm(request);
  const back = `/teacher/assignments/${ids.assignmentId}/pupils/${ids.pupilId}`;
  if (form.get("intent") === "clear") {
    clearExtension(ids);
    return redirect(`${back}?extension=cleared#extension-heading`);
  }
  const submission = parseSubmission(form, extensionSchema);
  if (submission.status !== "success") return refuse(submission, { intent: "extend" });
  const { due, extraAttempts } = submission.value;
  const dueAt = due === "" ? null : zonedLocalToDate(due, assignment.timeZone);
  if (due !== "" && !dueAt)
    return refuse(submission, { intent: "extend", fieldErrors: { due: "ext.err.due" } });
  if (dueAt && dueAt.getTime() <= assignment.dueAt.getTime())
    return refuse(submission, { intent: "extend", fieldErrors: { due: "ext.err.dueBefore" } });
  if (!dueAt && extraAttempts === 0)
    return refuse(submission, { intent: "extend", formError: "ext.err.empty" });
  setExtension({ ...ids, dueAt, extraAttempts });
  return redirect(`${back}?extension=saved#extension-heading`);
}

export default function PupilWork() {
  const data = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const t = useT();
  const lang = useLang();
  const [form, fields] = useAppForm<typeof extensionSchema>({
    id: "extension-form",
    intent: "extend",
    defaultValue: data.extensionForm,
  });
  // an item the pupil has not answered (yet) is "not answered", not "wrong"
  const verdict = (ok: boolean, answered: boolean) =>
    !answered ? (
      <span className="muted">{t("pf.fb.notAnswered")}</span>
    ) : (
      <span className={ok ? "right" : "wrong"}>
        {ok ? t("feedback.right") : t("feedback.wrong")}
      </span>
    );
  return (
    <>
      <p className="no-print">
        <Link to={`/teacher/assignments/${data.id}/results`}>{t("results.backToResults")}</Link>
      </p>
      <h1>
        <Name>{data.name}</Name> — <span lang={data.language}>{data.title}</span>
      </h1>
      <p>
        {t("results.col.status")}: {t(`status.${data.status}`)}
        {data.counting
          ? ` · ${t("results.pupilScore", {
              percent: formatNumber(lang, data.counting.percent, 1),
              quiz: t("results.outOf", {
                score: data.counting.quizScore,
                max: data.counting.quizMax,
              }),
              sort: t("results.outOf", {
                score: data.counting.sortScore,
                max: data.counting.sortMax,
              }),
            })}`
          : ""}
      </p>

      <section aria-labelledby="extension-heading" className="no-print">
        <h2 id="extension-heading">{t("ext.heading")}</h2>
        {search.get("extension") ? (
          <p className="flash ok" role="status">
            {t(search.get("extension") === "cleared" ? "ext.cleared" : "ext.saved")}
          </p>
        ) : null}
        <p>{t("ext.lead")}</p>
        <p>
          {data.extension ? (
            <>
              {t("ext.current")} <ExtensionNote extension={data.extension} zone={data.timeZone} />
            </>
          ) : (
            t("ext.none")
          )}
        </p>
        {data.closed ? <p className="note">{t("ext.closedHint")}</p> : null}
        <Form method="post" {...getFormProps(form)}>
          <Intent value="extend" />
          <FormErrors form={form} />
          <Field
            meta={fields.due}
            type="datetime-local"
            label={t("ext.due")}
            hint={t("ext.dueHint", {
              due: formatDateTime(lang, data.classDueAt, data.timeZone),
              zone: data.timeZone,
            })}
          />
          <ChoiceGroup
            meta={fields.extraAttempts}
            type="radio"
            legend={t("ext.extra")}
            options={(["0", "1", "2", "3"] as const).map((n) => ({
              value: n,
              label: t(`ext.extra.${n}`),
            }))}
          />
          <p className="actions">
            <button type="submit">{t("ext.save")}</button>
          </p>
        </Form>
        {data.extension ? (
          <Form method="post">
            <Intent value="clear" />
            <button type="submit" className="secondary">
              {t("ext.clear")}
            </button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="attempts-heading">
        <h2 id="attempts-heading">{t("results.attempts")}</h2>
        {data.attempts.length === 0 ? (
          <p>{t("results.noAttempts")}</p>
        ) : (
          <DataTable
            id="attempts"
            captionHidden
            caption={t("results.attemptsCaption")}
            rows={data.attempts}
            rowKey={(a) => a.number}
            columns={[
              {
                key: "attempt",
                header: t("results.col.attempt"),
                cell: (a) => (
                  <>
                    {a.number}
                    {a.counting ? ` (${t("results.counts")})` : ""}
                  </>
                ),
              },
              {
                key: "started",
                header: t("results.col.startedAt"),
                cell: (a) => formatDateTime(lang, a.startedAt, data.timeZone),
              },
              {
                key: "submitted",
                header: t("results.col.submittedAt"),
                cell: (a) =>
                  a.submittedAt
                    ? formatDateTime(lang, a.submittedAt, data.timeZone)
                    : t("status.in_progress"),
              },
              {
                key: "score",
                header: t("results.col.score"),
                cell: (a) => (a.percent === null ? "—" : `${formatNumber(lang, a.percent, 1)} %`),
              },
              {
                key: "late",
                header: t("results.col.late"),
                cell: (a) => (a.submittedAt ? (a.late ? t("results.yes") : t("results.no")) : "—"),
              },
            ]}
          />
        )}
      </section>

      {data.skills ? (
        <section aria-labelledby="pupil-skill-heading">
          <h2 id="pupil-skill-heading">{t("results.skills")}</h2>
          <ul>
            {data.skills.map((s) => (
              <li key={s.skill}>
                {t(`results.skill.${s.skill}`)}:{" "}
                {t("results.outOf", { score: s.correct, max: s.total })}
                {s.share === null ? "" : ` (${formatPercent(lang, s.share)})`}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {data.shown ? (
        <>
          {data.shown.submitted ? null : (
            <p className="note">{t("results.notSubmittedYet", { n: data.shown.number })}</p>
          )}
          <section aria-labelledby="answers-heading">
            <h2 id="answers-heading">{t("results.answers", { n: data.shown.number })}</h2>
            <DataTable
              id="answers"
              captionHidden
              caption={t("results.answersCaption")}
              rows={data.questions}
              rowKey={(q) => q.id}
              columns={[
                {
                  key: "question",
                  header: t("results.col.question"),
                  cell: (q) => (
                    <>
                      {t("results.questionN", { n: q.n })}:{" "}
                      <span lang={data.language}>{q.stem}</span>
                    </>
                  ),
                },
                {
                  key: "mine",
                  header: t("results.col.pupilChoice"),
                  cell: (q) =>
                    q.mine ? (
                      <>
                        {q.mine.letter}. <span lang={data.language}>{q.mine.text}</span>
                      </>
                    ) : (
                      t("feedback.noAnswer")
                    ),
                },
                {
                  key: "right",
                  header: t("results.col.rightAnswer"),
                  cell: (q) => (
                    <>
                      {q.right.letter}. <span lang={data.language}>{q.right.text}</span>
                    </>
                  ),
                },
                {
                  key: "result",
                  header: t("results.col.result"),
                  cell: (q) => verdict(q.correct, q.mine !== null),
                },
              ]}
            />
          </section>
          <section aria-labelledby="sorting-heading">
            <h2 id="sorting-heading">{t("results.sortingChoices")}</h2>
            <DataTable
              id="sorting"
              captionHidden
              caption={t("results.sortingCaption")}
              rows={data.sorting}
              rowKey={(s) => s.id}
              columns={[
                {
                  key: "statement",
                  header: t("results.col.statement"),
                  cell: (s) => (
                    <>
                      {t("sort.item", { n: s.n, p: s.paragraph })}:{" "}
                      <q lang={data.language}>{s.quote}</q>
                      {s.speaker ? <span className="muted"> — {s.speaker}</span> : null}
                    </>
                  ),
                },
                {
                  key: "mine",
                  header: t("results.col.pupilChoice"),
                  cell: (s) => (s.mine ? t(`cat.${s.mine}`) : t("feedback.noAnswer")),
                },
                {
                  key: "right",
                  header: t("results.col.trueCategory"),
                  cell: (s) => t(`cat.${s.right}`),
                },
                {
                  key: "result",
                  header: t("results.col.result"),
                  cell: (s) => verdict(s.correct, s.mine !== null),
                },
              ]}
            />
          </section>
        </>
      ) : null}

      <section aria-labelledby="posts-heading">
        <h2 id="posts-heading">{t("results.posts")}</h2>
        {data.posts.length === 0 ? (
          <p>{t("results.noPosts")}</p>
        ) : (
          data.posts.map((p) => (
            <article
              key={p.id}
              className={`post${p.exemplary ? " exemplary" : ""}${p.hidden ? " hidden-post" : ""}`}
              aria-labelledby={`post-${p.id}-h`}
            >
              <h3 id={`post-${p.id}-h`}>
                {p.reply
                  ? t("results.replyOn", { n: p.prompt ?? "?" })
                  : t("results.responseTo", { n: p.prompt ?? "?" })}
              </h3>
              <p className="byline">
                {formatDateTime(lang, p.createdAt, data.timeZone)}
                {p.exemplary ? ` · ${t("results.markExemplary")}` : ""}
                {p.hidden ? ` · ${t("results.markHidden")}` : ""}
              </p>
              {p.claim || p.evidence || p.reasoning ? (
                <dl>
                  {p.claim ? (
                    <>
                      <dt>{t("results.cer.claim")}</dt>
                      <dd>{p.claim}</dd>
                    </>
                  ) : null}
                  {p.evidence ? (
                    <>
                      <dt>{t("results.cer.evidence")}</dt>
                      <dd>{p.evidence}</dd>
                    </>
                  ) : null}
                  {p.reasoning ? (
                    <>
                      <dt>{t("results.cer.reasoning")}</dt>
                      <dd>{p.reasoning}</dd>
                    </>
                  ) : null}
                </dl>
              ) : (
                <p>{p.body}</p>
              )}
              <p className="byline">
                <strong>{t("results.teacherFeedback")}</strong>{" "}
                {p.feedback ?? t("results.noFeedback")}
              </p>
            </article>
          ))
        )}
      </section>
    </>
  );
}
