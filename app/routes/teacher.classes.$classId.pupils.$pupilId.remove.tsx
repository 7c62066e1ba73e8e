// Removing a pupil, after a confirmation that works without JavaScript: a page that says what
// will be deleted and a "yes, remove" box the server insists on.
import { Name, Trans } from "~/components/name";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { ConfirmCheckbox, getFormProps, useAppForm } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { getTaughtClass, parseId } from "~/models/class.server";
import { getTaughtPupil, removePupil } from "~/models/pupil.server";
import { NO_STORE } from "~/utils/accounts-form.server";
import { requireTeacher } from "~/utils/auth.server";
import { parseForm, refuse } from "~/utils/form.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => title(matches, "accounts.remove.title");

function refs(params: LoaderFunctionArgs["params"], teacherId: number) {
  return { classId: parseId(params.classId), pupilId: parseId(params.pupilId), teacherId };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const ref = refs(params, teacher.teacherId);
  const klass = await getTaughtClass(ref);
  const pupil = await getTaughtPupil(ref);
  return json(
    { classId: klass.id, className: klass.name, pupilName: pupil.displayName },
    { headers: NO_STORE },
  );
}

const confirmSchema = z.object({
  confirm: z.literal("yes", { errorMap: () => ({ message: "accounts.remove.confirmRequired" }) }),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { submission } = await parseForm(request, confirmSchema);
  const teacher = await requireTeacher(request);
  const ref = refs(params, teacher.teacherId);
  if (submission.status !== "success") {
    await getTaughtPupil(ref);
    return refuse(submission);
  }
  await removePupil(ref);
  return redirect(`/teacher/classes/${ref.classId}`, { headers: NO_STORE });
}

export default function RemovePupil() {
  const t = useT();
  const { classId, className, pupilName } = useLoaderData<typeof loader>();
  const [form, fields] = useAppForm<typeof confirmSchema>({ id: "remove-pupil" });
  const busy = useNavigation().state === "submitting";
  return (
    <div className="narrow">
      <h1>
        <Trans k="accounts.remove.heading" vars={{ name: <Name>{pupilName}</Name> }} />
      </h1>
      <p>
        <Trans
          k="accounts.remove.body"
          vars={{ name: <Name>{pupilName}</Name>, className: <Name>{className}</Name> }}
        />
      </p>
      <p className="note">{t("accounts.remove.permanent")}</p>
      <Form method="post" {...getFormProps(form)}>
        <ConfirmCheckbox
          meta={fields.confirm}
          label={
            <Trans k="accounts.remove.confirmLabel" vars={{ name: <Name>{pupilName}</Name> }} />
          }
        />
        <p className="actions">
          <button type="submit" className="danger" disabled={busy}>
            {t("accounts.remove.submit")}
          </button>
          <Link to={`/teacher/classes/${classId}`}>{t("accounts.remove.cancel")}</Link>
        </p>
      </Form>
    </div>
  );
}
