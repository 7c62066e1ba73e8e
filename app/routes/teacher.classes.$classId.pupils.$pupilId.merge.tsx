// Merging a duplicate: this pupil (made by mistake) into a classmate, who keeps the work. The rule
// for an assignment both worked on is said before confirming (docs/decisions/101).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { ConfirmCheckbox, getFormProps, SelectField, useAppForm } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { parseId } from "~/models/class.server";
import { getTaughtPupil, listRoster } from "~/models/pupil.server";
import { mergePupils } from "~/models/roster.server";
import { NO_STORE } from "~/utils/accounts-form.server";
import { requireTeacher } from "~/utils/auth.server";
import { parseForm, refuse } from "~/utils/form.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => title(matches, "roster.merge.pageTitle");

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
  const others = (await listRoster(ref))
    .filter((p) => p.id !== pupil.id)
    .map((p) => ({ id: p.id, name: p.displayName }));
  return json({ classId: ref.classId, name: pupil.displayName, others }, { headers: NO_STORE });
}

const mergeSchema = z.object({
  intoId: z
    .string({ required_error: "roster.v.into" })
    .regex(/^[1-9][0-9]{0,15}$/, "roster.v.into")
    .transform(Number),
  confirm: z.literal("yes", { errorMap: () => ({ message: "roster.v.confirm" }) }),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { submission } = await parseForm(request, mergeSchema);
  const { ref } = await pupilOf(request, params);
  if (submission.status !== "success") return refuse(submission);
  await mergePupils({
    classId: ref.classId,
    teacherId: ref.teacherId,
    fromId: ref.pupilId,
    intoId: submission.value.intoId,
  });
  return redirect(`/teacher/classes/${ref.classId}`, { headers: NO_STORE });
}

export default function MergePupil() {
  const t = useT();
  const { classId, name, others } = useLoaderData<typeof loader>();
  const [form, fields] = useAppForm<typeof mergeSchema>({ id: "merge-pupil" });
  const busy = useNavigation().state === "submitting";
  const back = <Link to={`/teacher/classes/${classId}`}>{t("accounts.cards.back")}</Link>;
  return (
    <div className="narrow">
      <h1>{t("roster.merge.heading", { name })}</h1>
      <p>{t("roster.merge.lead", { name })}</p>
      <p className="note">{t("roster.merge.rule")}</p>
      {others.length === 0 ? (
        <p>
          {t("roster.merge.none")} {back}
        </p>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <SelectField meta={fields.intoId} label={t("roster.merge.into")}>
            <option value="">{t("roster.merge.choose")}</option>
            {others.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <ConfirmCheckbox meta={fields.confirm} label={t("roster.merge.confirm", { name })} />
          <p className="actions">
            <button type="submit" className="danger" disabled={busy}>
              {t("roster.merge.submit", { name })}
            </button>
            {back}
          </p>
        </Form>
      )}
    </div>
  );
}
