// Renaming a pupil: the joining rules for names (decision record 033), and no classmate's name or
// look-alike. PIN, sessions and work stay with the pupil.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Field } from "~/components/accounts-fields";
import { useT } from "~/i18n/use-t";
import { parseId } from "~/models/class.server";
import { getTaughtPupil } from "~/models/pupil.server";
import { renamePupil } from "~/models/roster.server";
import { NO_STORE, refuse } from "~/utils/accounts-form.server";
import { displayName } from "~/utils/accounts-schemas";
import { requireTeacher } from "~/utils/auth.server";
import { echoValues, parseWith, readForm } from "~/utils/form.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => title(matches, "roster.rename.pageTitle");

async function pupilOf(request: Request, params: LoaderFunctionArgs["params"]) {
  const teacher = await requireTeacher(request);
  const ref = {
    classId: parseId(params.classId),
    pupilId: parseId(params.pupilId),
    teacherId: teacher.teacherId,
  };
  return { ref, pupil: getTaughtPupil(ref) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ref, pupil } = await pupilOf(request, params);
  return json({ classId: ref.classId, name: pupil.displayName }, { headers: NO_STORE });
}

const renameSchema = z.object({ displayName });

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const { ref } = await pupilOf(request, params);
  const parsed = parseWith(renameSchema, form);
  if (!parsed.ok) return refuse(parsed);
  const result = renamePupil({ ...ref, displayName: parsed.data.displayName });
  // the schema above refused every other reason already
  if (!result.ok)
    return refuse({ errors: { displayName: "roster.v.taken" }, values: echoValues(form) });
  return redirect(`/teacher/classes/${ref.classId}`, { headers: NO_STORE });
}

export default function RenamePupil() {
  const t = useT();
  const { classId, name } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="narrow">
      <h1>{t("roster.rename.heading", { name })}</h1>
      <Form method="post" noValidate>
        <Field
          name="displayName"
          label={t("roster.rename.label")}
          hint={t("roster.rename.hint")}
          error={data?.errors?.displayName}
          defaultValue={data?.values?.displayName ?? name}
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
