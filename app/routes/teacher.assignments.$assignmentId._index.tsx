// One assignment for its teacher: what was assigned to whom, its rules (editable), and the way out.
import { Name, Trans } from "~/components/name";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { AssignmentSettings } from "~/components/assignment-settings";
import { FormErrors, getFormProps, Intent, useAppForm } from "~/components/form";
import { useLang, useT } from "~/i18n/use-t";
import {
  getTeacherAssignment,
  setDiscussionClosed,
  submissionCount,
  updateAssignment,
} from "~/models/assignment.server";
import { classDiscussionDone } from "~/models/discussion-progress.server";
import { versionLabel } from "~/models/lesson-editor.server";
import { settingsSchema } from "~/utils/assignment-form";
import { requireTeacher } from "~/utils/auth.server";
import { parseId } from "~/utils/ids";
import { parseSubmission, readForm, refuse } from "~/utils/form.server";
import { formatDateTime } from "~/utils/format";
import { rawTitle } from "~/utils/meta";
import { dateToZonedLocal, zonedLocalToDate } from "~/utils/zones";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? rawTitle(matches, data.title) : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const a = await getTeacherAssignment({
    teacherId: teacher.teacherId,
    assignmentId: parseId(params.assignmentId),
  });
  const progress = await submissionCount({ assignmentId: a.id, classId: a.classId });
  const version = (await versionLabel(a.lessonVersionId)) ?? null;
  const discussion = await classDiscussionDone({
    assignmentId: a.id,
    classId: a.classId,
    promptIds: a.lesson.prompts.map((p) => p.id),
  });
  return json(
    {
      id: a.id,
      classId: a.classId,
      className: a.className,
      timeZone: a.timeZone,
      title: a.lesson.title,
      language: a.lesson.language,
      dueAt: a.dueAt.toISOString(),
      // still to come: pupils do not see the assignment yet
      opensAt: a.opensAt && a.opensAt.getTime() > Date.now() ? a.opensAt.toISOString() : null,
      discussionClosed: a.discussionClosed,
      settings: {
        due: dateToZonedLocal(a.dueAt, a.timeZone),
        opens: a.opensAt ? dateToZonedLocal(a.opensAt, a.timeZone) : "",
        acceptLate: a.acceptLate,
        maxAttempts: String(a.maxAttempts),
        counting: a.counting,
        feedback: a.feedback,
        shuffle: a.shuffle,
        postFirst: a.postFirst,
      },
      progress,
      version,
      discussion,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

/** Closing or reopening the discussion: "true" closes, anything else reopens (as it always did). */
const discussionSchema = z.object({ closed: z.string().optional() });

/** Two forms post here: intent "discussion" (close/reopen) and "settings" (the rules). */
export async function action({ request, params }: ActionFunctionArgs) {
  const teacher = await requireTeacher(request);
  const id = parseId(params.assignmentId);
  const a = await getTeacherAssignment({ teacherId: teacher.teacherId, assignmentId: id });
  const form = await readForm(request);
  if (form.get("intent") === "discussion") {
    const submission = parseSubmission(form, discussionSchema);
    if (submission.status !== "success") return refuse(submission, { intent: "discussion" });
    await setDiscussionClosed({
      teacherId: teacher.teacherId,
      assignmentId: id,
      closed: submission.value.closed === "true",
    });
    return redirect(`/teacher/assignments/${id}`);
  }
  const submission = parseSubmission(form, settingsSchema);
  const no = (fieldErrors: Record<string, string>) =>
    refuse(submission, { intent: "settings", fieldErrors });
  if (submission.status !== "success") return no({});
  const { due, opens, ...rest } = submission.value;
  const dueAt = zonedLocalToDate(due, a.timeZone);
  if (!dueAt) return no({ due: "assign.err.due" });
  const opensAt = opens === "" ? null : zonedLocalToDate(opens, a.timeZone);
  if (opens !== "" && !opensAt) return no({ opens: "sched.err.opens" });
  if (opensAt && opensAt.getTime() >= dueAt.getTime())
    return no({ opens: "sched.err.opensAfterDue" });
  const saved = await updateAssignment({
    teacherId: teacher.teacherId,
    assignmentId: id,
    settings: { dueAt, opensAt, ...rest },
  });
  if (!saved.ok) return no({ opens: "sched.err.opensStarted" });
  return redirect(`/teacher/assignments/${id}?saved=1`);
}

export default function TeacherAssignment() {
  const data = useLoaderData<typeof loader>();
  const [form, fields] = useAppForm<typeof settingsSchema>({
    id: "settings-form",
    intent: "settings",
    defaultValue: data.settings,
  });
  const [search] = useSearchParams();
  const t = useT();
  const lang = useLang();
  const p = data.progress;
  return (
    <>
      <p>
        <Link to={`/teacher/classes/${data.classId}`}>
          <Name>{data.className}</Name>
        </Link>
      </p>
      <h1 lang={data.language}>{data.title}</h1>
      {data.version ? (
        <p className="version-label">
          {t("asg.version", { n: data.version.number, latest: data.version.latest })}{" "}
          {data.version.number < data.version.latest ? (
            <Link to={`/teacher/assign?lesson=${data.version.slug}&class=${data.classId}`}>
              {t("ed.assign")}
            </Link>
          ) : null}
        </p>
      ) : null}
      {search.get("saved") ? (
        <p className="flash ok" role="status">
          {t("assign.saved")}
        </p>
      ) : null}
      <p>
        <Trans
          k="assign.classLine"
          vars={{
            name: <Name>{data.className}</Name>,
            due: formatDateTime(lang, data.dueAt, data.timeZone),
          }}
        />
      </p>
      {data.opensAt ? (
        <p className="note">
          {t("sched.notYetOpen", { opens: formatDateTime(lang, data.opensAt, data.timeZone) })}
        </p>
      ) : null}
      <p>{t("assign.submittedCount", { submitted: p.submitted, pupils: p.pupils })}</p>
      <p className="actions">
        <Link className="button" to={`/teacher/assignments/${data.id}/live`}>
          {t("live.link")}
        </Link>
        <Link className="button" to={`/teacher/assignments/${data.id}/results`}>
          {t("assign.results")}
        </Link>
        <Link to={`/teacher/assignments/${data.id}/copy`}>{t("next.copyAssignment.link")}</Link>
      </p>

      <section aria-labelledby="discussion-heading">
        <h2 id="discussion-heading">{t("discuss.mod.heading")}</h2>
        <p>{t("discuss.mod.done", data.discussion)}</p>
        <p>{data.discussionClosed ? t("discuss.mod.isClosed") : t("discuss.mod.isOpen")}</p>
        <Link className="button secondary" to={`/teacher/assignments/${data.id}/discussion`}>
          {t("discuss.mod.link")}
        </Link>
      </section>

      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading">{t("assign.edit")}</h2>
        <Form method="post" {...getFormProps(form)}>
          <Intent value="settings" />
          <FormErrors form={form} />
          <AssignmentSettings fields={fields} />
          <button type="submit">{t("assign.save")}</button>
        </Form>
      </section>

      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">{t("assign.delete")}</h2>
        <p>{t("assign.deleteWarning")}</p>
        <Link className="button secondary" to={`/teacher/assignments/${data.id}/delete`}>
          {t("assign.delete")}
        </Link>
      </section>
    </>
  );
}
