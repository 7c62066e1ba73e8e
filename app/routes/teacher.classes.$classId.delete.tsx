// Deleting a class, owner only, after a confirmation box the server insists on (works without
// JavaScript). A co-teacher gets this page with status 403 saying who can delete it.
import { Name, Trans } from "~/components/name";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { ConfirmCheckbox, getFormProps, useAppForm } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { listClassTeachers, requireClassOwner } from "~/models/class-access.server";
import { deleteClass, getTaughtClass, parseId } from "~/models/class.server";
import { NO_STORE } from "~/utils/accounts-form.server";
import { requireTeacher } from "~/utils/auth.server";
import { parseForm, refuse } from "~/utils/form.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => title(matches, "co.delete.link");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const ref = { classId: parseId(params.classId), teacherId: teacher.teacherId };
  const klass = await getTaughtClass(ref);
  const owner = (await listClassTeachers(ref)).find((t) => t.owner)?.name ?? "";
  return json(
    { classId: klass.id, className: klass.name, owner, canDelete: klass.role === "owner" },
    { status: klass.role === "owner" ? 200 : 403, headers: NO_STORE },
  );
}

const confirmSchema = z.object({
  confirm: z.literal("yes", { errorMap: () => ({ message: "co.delete.confirmRequired" }) }),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { submission } = await parseForm(request, confirmSchema);
  const teacher = await requireTeacher(request);
  const ref = { classId: parseId(params.classId), teacherId: teacher.teacherId };
  await requireClassOwner(ref);
  if (submission.status !== "success") return refuse(submission);
  await deleteClass(ref);
  return redirect("/teacher", { headers: NO_STORE });
}

export default function DeleteClass() {
  const t = useT();
  const { classId, className, owner, canDelete } = useLoaderData<typeof loader>();
  const [form, fields] = useAppForm<typeof confirmSchema>({ id: "delete-class" });
  const busy = useNavigation().state === "submitting";
  return (
    <div className="narrow">
      <h1>
        <Trans k="co.delete.title" vars={{ name: <Name>{className}</Name> }} />
      </h1>
      {canDelete ? (
        <>
          <p className="note">{t("co.delete.body")}</p>
          <Form method="post" {...getFormProps(form)}>
            <ConfirmCheckbox meta={fields.confirm} label={t("co.delete.confirm")} />
            <p className="actions">
              <button type="submit" className="danger" disabled={busy}>
                {t("co.delete.submit")}
              </button>
              <Link to={`/teacher/classes/${classId}`}>{t("accounts.remove.cancel")}</Link>
            </p>
          </Form>
        </>
      ) : (
        <>
          <p role="alert">
            <Trans k="co.delete.ownerOnly" vars={{ owner: <Name>{owner}</Name> }} />
          </p>
          <p>
            <Link to={`/teacher/classes/${classId}`}>{t("co.back")}</Link>
          </p>
        </>
      )}
    </div>
  );
}
