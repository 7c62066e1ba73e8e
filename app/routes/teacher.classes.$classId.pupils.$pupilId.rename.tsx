// Renaming a pupil: the joining rules for names (decision record 033), and no classmate's name or
// look-alike. PIN, sessions and work stay with the pupil.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Field, getFormProps, useAppForm } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { parseId } from "~/models/class.server";
import { getTaughtPupil } from "~/models/pupil.server";
import { renamePupil } from "~/models/roster.server";
import { NO_STORE } from "~/utils/accounts-form.server";
import { displayName } from "~/utils/accounts-schemas";
import { requireTeacher } from "~/utils/auth.server";
import { parseForm, refuse } from "~/utils/form.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => title(matches, "roster.rename.pageTitle");

async function pupilOf(request: Request, params: LoaderFunctionArgs["params"]) {
  const teacher = await requireTeacher(request);
  const ref = {
    classId: parseId(params.classId),
    pupilId: parseId(params.pupilId),
    teacherId: teacher.teacherId,
  };
  return { ref, pupil: await getTaughtPupil(ref) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ref, pupil } = await pupilOf(request, params);
  return json({ classId: ref.classId, name: pupil.displayName }, { headers: NO_STORE });
}

const renameSchema = z.object({ displayName });

export async function action({ request, params }: ActionFunctionArgs) {
  const { submission } = await parseForm(request, renameSchema);
  const { ref } = await pupilOf(request, params);
  if (submission.status !== "success") return refuse(submission);
  const result = await renamePupil({ ...ref, displayName: submission.value.displayName });
  // the schema above refused every other reason already
  if (!result.ok) return refuse(submission, { fieldErrors: { displayName: "roster.v.taken" } });
  return redirect(`/teacher/classes/${ref.classId}`, { headers: NO_STORE });
}

export default function RenamePupil() {
  const t = useT();
  const { classId, name } = useLoaderData<typeof loader>();
  const [form, fields] = useAppForm<typeof renameSchema>({
    id: "rename-pupil",
    defaultValue: { displayName: name },
  });
  const busy = useNavigation().state === "submitting";
  return (
    <div className="narrow">
      <h1>{t("roster.rename.heading", { name })}</h1>
      <Form method="post" {...getFormProps(form)}>
        <Field
          meta={fields.displayName}
          label={t("roster.rename.label")}
          hint={t("roster.rename.hint")}
          autoComplete="off"
        />
        <p className="actions">
          <button type="submit" disabled={busy}>
            {t("roster.rename.submit")}
          </button>
          <Link to={`/teacher/classes/${classId}`}>{t("accounts.cards.back")}</Link>
        </p>
      </Form>
    </div>
  );
}
