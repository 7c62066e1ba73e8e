// One pupil's work on one assignment, for its teacher: attempts, every answer right or wrong, sorting choices, posts and
// feedback, and the pupil's extension (a later due date, extra attempts).
import { Name, Trans } from "~/components/name";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ExtensionNote } from "~/components/extension-note";
import { errorProps, FieldError, FormError } from "~/components/forms";
import { clearExtension, setExtension } from "~/models/extension.server";
import { extensionSchema } from "~/utils/assignment-form";
import { extensionView } from "~/utils/extension";
import { echoValues, invalid, parseWith, readForm } from "~/utils/form.server";
import { dateToZonedLocal, zonedLocalToDate } from "~/utils/zones";
import { TableRegion } from "~/components/results";
import { useLang, useT } from "~/i18n/use-t";
import { parseId } from "~/models/class.server";
import { pupilWork } from "~/models/results.server";
import { requireTeacher } from "~/utils/auth.server";
import { formatDateTime, formatNumber, formatPercent } from "~/utils/format";
import { title } from "~/utils/meta";
import { optionLetter } from "~/utils/results-table";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? title(matches, "results.pupilPageTitle", { name: data.name }) : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const w = pupilWork({
    teacherId: teacher.teacherId,
    assignmentId: parseId(params.assignmentId),
    pupilId: parseId(params.pupilId),
  });
  const { lesson } = w.assignment;
  const speakers = new Map(lesson.speakers.map((s) => [s.id, s.label]));
  const promptIndex = new Map(lesson.prompts.map((p, i) => [p.id, i + 1]));
  const option = (q: (typeof lesson.questions)[number], id: string | undefined) => {
    const i = q.options.findIndex((o) => o.id === id);
    return i >= 0 ? { letter: optionLetter(i), text: q.options[i].text } : null;
  };
  return json(
    {
      id: w.assignment.id,
      classId: w.assignment.classId,
      timeZone: w.assignment.timeZone,
      title: lesson.title,
      language: lesson.language,
      name: w.pupil.name,
      status: w.status,
      classDueAt: w.assignment.dueAt.toISOString(),
      closed: w.assignment.closedAt !== null,
      extension: extensionView(w.extension),
      extensionForm: {
        due: w.extension?.dueAt ? dateToZonedLocal(w.extension.dueAt, w.assignment.timeZone) : "",
        extraAttempts: String(w.extension?.extraAttempts ?? 0),
      },
      counting: w.counting
        ? {
            number: w.counting.number,
            percent: w.counting.percent,
            quizScore: w.counting.quizScore,
            quizMax: w.counting.quizMax,
            sortScore: w.counting.sortScore,
            sortMax: w.counting.sortMax,
          }
        : null,
      attempts: w.attempts.map((a) => ({
        number: a.number,
        startedAt: a.startedAt.toISOString(),
        submittedAt: a.submittedAt?.toISOString() ?? null,
        late: a.late,
        percent: a.percent,
        counting: w.counting?.id === a.id,
      })),
      shown: w.shownAttempt,
      skills: w.skills,
      questions: lesson.questions.map((q, i) => {
        const mine = w.choices.quiz[q.id];
        return {
          n: i + 1,
          id: q.id,
          stem: q.stem,
          mine: option(q, mine),
          right: option(q, q.correct)!,
          correct: mine === q.correct,
        };
      }),
      sorting: lesson.sorting.map((s, i) => ({
        n: i + 1,
        id: s.id,
        quote: s.quote,
        paragraph: s.paragraph,
        speaker: s.speaker ? speakers.get(s.speaker) ?? null : null,
        mine: (w.choices.sort[s.id] as typeof s.category | undefined) ?? null,
        right: s.category,
        correct: w.choices.sort[s.id] === s.category,
      })),
      posts: w.posts.map((p) => ({
        id: p.id,
        prompt: promptIndex.get(p.promptId) ?? null,
        reply: p.parentId !== null,
        body: p.body,
        claim: p.claim,
        evidence: p.evidence,
        reasoning: p.reasoning,
        hidden: p.hidden,
        exemplary: p.exemplary,
        createdAt: p.createdAt.toISOString(),
        feedback: p.feedback,
      })),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

/** Gives, changes or removes this pupil's extension (intent "extend" or "clear"). */
export async function action({ request, params }: ActionFunctionArgs) {
  const teacher = await requireTeacher(request);
  const ids = { teacherId: teacher.teacherId, assignmentId: parseId(params.assignmentId), pupilId: parseId(params.pupilId) };
  // 404 unless the assignment is this teacher's and the pupil is in its class
  const { assignment } = pupilWork(ids);
  const form = await readForm(request);
  const back = `/teacher/assignments/${ids.assignmentId}/pupils/${ids.pupilId}`;
  if (form.get("intent") === "clear") {
    clearExtension(ids);
    return redirect(`${back}?extension=cleared#extension-heading`);
  }
  const parsed = parseWith(extensionSchema, form);
  if (!parsed.ok) return invalid(parsed);
  const values = echoValues(form);
  const dueAt = parsed.data.due === "" ? null : zonedLocalToDate(parsed.data.due, assignment.timeZone);
  if (parsed.data.due !== "" && !dueAt) return invalid({ errors: { due: "ext.err.due" }, values });
  if (dueAt && dueAt.getTime() <= assignment.dueAt.getTime()) return invalid({ errors: { due: "ext.err.dueBefore" }, values });
  if (!dueAt && parsed.data.extraAttempts === 0) return invalid({ errors: { form: "ext.err.empty" }, values });
  setExtension({ ...ids, dueAt, extraAttempts: parsed.data.extraAttempts });
  return redirect(`${back}?extension=saved#extension-heading`);
}

export default function PupilWork() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const t = useT();
  const lang = useLang();
  const errors = result?.errors;
  const values = result?.values ?? data.extensionForm;
  // an item the pupil has not answered (yet) is "not answered", not "wrong"
  const verdict = (ok: boolean, answered: boolean) =>
    !answered ? (
      <span className="muted">{t("pf.fb.notAnswered")}</span>
    ) : (
      <span className={ok ? "right" : "wrong"}>{ok ? t("feedback.right") : t("feedback.wrong")}</span>
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
              quiz: t("results.outOf", { score: data.counting.quizScore, max: data.counting.quizMax }),
              sort: t("results.outOf", { score: data.counting.sortScore, max: data.counting.sortMax }),
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
              {t("ext.current")}{" "}
              <ExtensionNote extension={data.extension} zone={data.timeZone} />
            </>
          ) : (
            t("ext.none")
          )}
        </p>
        {data.closed ? <p className="note">{t("ext.closedHint")}</p> : null}
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="extend" />
          <FormError errors={errors} />
          <label htmlFor="due">{t("ext.due")}</label>
          <p className="hint" id="due-hint">
            {t("ext.dueHint", { due: formatDateTime(lang, data.classDueAt, data.timeZone), zone: data.timeZone })}
          </p>
          <input id="due" name="due" type="datetime-local" defaultValue={values.due ?? ""} {...errorProps(errors, "due", "due-hint")} />
          <FieldError errors={errors} name="due" />
          <fieldset>
            <legend>{t("ext.extra")}</legend>
            {(["0", "1", "2", "3"] as const).map((n) => (
              <label key={n}>
                <input type="radio" name="extraAttempts" value={n} defaultChecked={(values.extraAttempts ?? "0") === n} />
                {t(`ext.extra.${n}`)}
              </label>
            ))}
            <FieldError errors={errors} name="extraAttempts" />
          </fieldset>
          <p className="actions">
            <button type="submit">{t("ext.save")}</button>
          </p>
        </Form>
        {data.extension ? (
          <Form method="post">
            <input type="hidden" name="intent" value="clear" />
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
          <TableRegion labelledBy="attempts-caption">
            <table>
              <caption id="attempts-caption" className="visually-hidden">
                {t("results.attemptsCaption")}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("results.col.attempt")}</th>
                  <th scope="col">{t("results.col.startedAt")}</th>
                  <th scope="col">{t("results.col.submittedAt")}</th>
                  <th scope="col">{t("results.col.score")}</th>
                  <th scope="col">{t("results.col.late")}</th>
                </tr>
              </thead>
              <tbody>
                {data.attempts.map((a) => (
                  <tr key={a.number}>
                    <th scope="row">
                      {a.number}
                      {a.counting ? ` (${t("results.counts")})` : ""}
                    </th>
                    <td>{formatDateTime(lang, a.startedAt, data.timeZone)}</td>
                    <td>{a.submittedAt ? formatDateTime(lang, a.submittedAt, data.timeZone) : t("status.in_progress")}</td>
                    <td>{a.percent === null ? "—" : `${formatNumber(lang, a.percent, 1)} %`}</td>
                    <td>{a.submittedAt ? (a.late ? t("results.yes") : t("results.no")) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </section>

      {data.skills ? (
        <section aria-labelledby="pupil-skill-heading">
          <h2 id="pupil-skill-heading">{t("results.skills")}</h2>
          <ul>
            {data.skills.map((s) => (
              <li key={s.skill}>
                {t(`results.skill.${s.skill}`)}: {t("results.outOf", { score: s.correct, max: s.total })}
                {s.share === null ? "" : ` (${formatPercent(lang, s.share)})`}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {data.shown ? (
        <>
          {data.shown.submitted ? null : <p className="note">{t("results.notSubmittedYet", { n: data.shown.number })}</p>}
          <section aria-labelledby="answers-heading">
            <h2 id="answers-heading">{t("results.answers", { n: data.shown.number })}</h2>
            <TableRegion labelledBy="answers-caption">
              <table>
                <caption id="answers-caption" className="visually-hidden">
                  {t("results.answersCaption")}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t("results.col.question")}</th>
                    <th scope="col">{t("results.col.pupilChoice")}</th>
                    <th scope="col">{t("results.col.rightAnswer")}</th>
                    <th scope="col">{t("results.col.result")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.questions.map((q) => (
                    <tr key={q.id}>
                      <th scope="row">
                        {t("results.questionN", { n: q.n })}: <span lang={data.language}>{q.stem}</span>
                      </th>
                      <td>
                        {q.mine ? (
                          <>
                            {q.mine.letter}. <span lang={data.language}>{q.mine.text}</span>
                          </>
                        ) : (
                          t("feedback.noAnswer")
                        )}
                      </td>
                      <td>
                        {q.right.letter}. <span lang={data.language}>{q.right.text}</span>
                      </td>
                      <td>{verdict(q.correct, q.mine !== null)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          </section>
          <section aria-labelledby="sorting-heading">
            <h2 id="sorting-heading">{t("results.sortingChoices")}</h2>
            <TableRegion labelledBy="sorting-caption">
              <table>
                <caption id="sorting-caption" className="visually-hidden">
                  {t("results.sortingCaption")}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t("results.col.statement")}</th>
                    <th scope="col">{t("results.col.pupilChoice")}</th>
                    <th scope="col">{t("results.col.trueCategory")}</th>
                    <th scope="col">{t("results.col.result")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.sorting.map((s) => (
                    <tr key={s.id}>
                      <th scope="row">
                        {t("sort.item", { n: s.n, p: s.paragraph })}: <q lang={data.language}>{s.quote}</q>
                        {s.speaker ? <span className="muted"> — {s.speaker}</span> : null}
                      </th>
                      <td>{s.mine ? t(`cat.${s.mine}`) : t("feedback.noAnswer")}</td>
                      <td>{t(`cat.${s.right}`)}</td>
                      <td>{verdict(s.correct, s.mine !== null)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
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
                <strong>{t("results.teacherFeedback")}</strong> {p.feedback ?? t("results.noFeedback")}
              </p>
            </article>
          ))
        )}
      </section>
    </>
  );
}
