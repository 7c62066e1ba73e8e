// Confirmation step before an assignment and everything pupils made for it is deleted.
import { Name } from "~/components/name";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { deleteAssignment, getTeacherAssignment } from "~/models/assignment.server";
import { requireTeacher } from "~/utils/auth.server";
import { parseId } from "~/utils/ids";
import { readForm } from "~/utils/form.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => title(matches, "assign.deleteTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const a = await getTeacherAssignment({
    teacherId: teacher.teacherId,
    assignmentId: parseId(params.assignmentId),
  });
  return json(
    { id: a.id, title: a.lesson.title, language: a.lesson.language, className: a.className },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const teacher = await requireTeacher(request);
  await readForm(request);
  const classId = await deleteAssignment({
    teacherId: teacher.teacherId,
    assignmentId: parseId(params.assignmentId),
  });
  return redirect(`/teacher/classes/${classId}`);
}

export default function DeleteAssignment() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("assign.deleteTitle")}</h1>
      <p>
        <strong lang={data.language}>{data.title}</strong> · <Name>{data.className}</Name>
      </p>
      <p className="note">{t("assign.deleteWarning")}</p>
      <Form method="post" className="actions">
        <button type="submit" className="danger">
          {t("assign.deleteConfirm")}
        </button>
        <Link to={`/teacher/assignments/${data.id}`}>{t("assign.cancel")}</Link>
      </Form>
    </>
  );
}
