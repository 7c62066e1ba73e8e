// Copying one assignment (lesson and rules, not the work) to another of the teacher's classes; the
// copy opens on its own page, where its due time and rules can be changed.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { getFormProps, SelectField, useAppForm } from "~/components/form";
import { Name } from "~/components/name";
import { useT } from "~/i18n/use-t";
import { getTeacherAssignment } from "~/models/assignment.server";
import { parseId } from "~/models/class.server";
import { copyAssignmentToClass, copyTargets } from "~/models/next-year.server";
import { NO_STORE } from "~/utils/accounts-form.server";
import { requireTeacher } from "~/utils/auth.server";
import { parseSubmission, readForm, refuse } from "~/utils/form.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => title(matches, "next.copyAssignment.pageTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const a = await getTeacherAssignment({
    teacherId: teacher.teacherId,
    assignmentId: parseId(params.assignmentId),
  });
  const targets = await copyTargets({ teacherId: teacher.teacherId, exceptClassId: a.classId });
  return json(
    {
      id: a.id,
      title: a.lesson.title,
      language: a.lesson.language,
      className: a.className,
      targets,
    },
    { headers: NO_STORE },
  );
}

const copySchema = z.object({
  toClassId: z
    .string({ required_error: "next.v.class" })
    .regex(/^[1-9][0-9]{0,15}$/, "next.v.class")
    .transform(Number),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const teacher = await requireTeacher(request);
  const assignmentId = parseId(params.assignmentId);
  await getTeacherAssignment({ teacherId: teacher.teacherId, assignmentId });
  const submission = parseSubmission(form, copySchema);
  if (submission.status !== "success") return refuse(submission);
  const copy = await copyAssignmentToClass({
    teacherId: teacher.teacherId,
    assignmentId,
    toClassId: submission.value.toClassId,
  });
  return redirect(`/teacher/assignments/${copy}`, { headers: NO_STORE });
}

export default function CopyAssignment() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const [form, fields] = useAppForm<typeof copySchema>({ id: "copy-form" });
  const busy = useNavigation().state === "submitting";
  const back = <Link to={`/teacher/assignments/${data.id}`}>{t("live.backToAssignment")}</Link>;
  return (
    <div className="narrow">
      <h1>{t("next.copyAssignment.heading")}</h1>
      <p>
        <span lang={data.language}>{data.title}</span> · <Name>{data.className}</Name>
      </p>
      <p>{t("next.copyAssignment.lead")}</p>
      {data.targets.length === 0 ? (
        <p>
          {t("next.copyAssignment.none")} {back}
        </p>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <SelectField meta={fields.toClassId} label={t("next.copyAssignment.label")}>
            <option value="">{t("next.copyAssignment.choose")}</option>
            {data.targets.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
          <p className="actions">
            <button type="submit" disabled={busy}>
              {t("next.copyAssignment.submit")}
            </button>
            {back}
          </p>
        </Form>
      )}
    </div>
  );
}
