// One pupil's work on one assignment, for its teacher: attempts, every answer right or wrong, sorting choices, posts and
// feedback, and the pupil's extension (a later due date, extra attempts).
import { Name } from "~/components/name";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import {
  AnswersSections,
  AttemptsSection,
  PostsSection,
  SkillsSection,
} from "~/components/pupil-work";
import { ExtensionNote } from "~/components/extension-note";
import {
  ChoiceGroup,
  Field,
  FormErrors,
  getFormProps,
  Intent,
  IntentButton,
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
import { formatDateTime, formatNumber } from "~/utils/format";
import { title } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? title(matches, "results.pupilPageTitle", { name: data.name }) : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const page = await pupilWorkPage({
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
  const { assignment } = await pupilWork(ids);
  const form = await readForm(request);
  const back = `/teacher/assignments/${ids.assignmentId}/pupils/${ids.pupilId}`;
  if (form.get("intent") === "clear") {
    await clearExtension(ids);
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
  await setExtension({ ...ids, dueAt, extraAttempts });
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
          <IntentButton intent="clear" className="secondary">
            {t("ext.clear")}
          </IntentButton>
        ) : null}
      </section>

      <AttemptsSection data={data} />

      <SkillsSection data={data} />

      <AnswersSections data={data} />

      <PostsSection data={data} />
    </>
  );
}
