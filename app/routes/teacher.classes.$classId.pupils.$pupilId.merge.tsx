// Merging a duplicate: this pupil (made by mistake) into a classmate, who keeps the work. The rule
// for an assignment both worked on is said before confirming (docs/decisions/101).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { SelectField } from "~/components/accounts-fields";
import { useT } from "~/i18n/use-t";
import { parseId } from "~/models/class.server";
import { getTaughtPupil, listRoster } from "~/models/pupil.server";
import { mergePupils } from "~/models/roster.server";
import { NO_STORE, refuse } from "~/utils/accounts-form.server";
import { requireTeacher } from "~/utils/auth.server";
import { parseWith, readForm } from "~/utils/form.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => title(matches, "roster.merge.pageTitle");

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
  const others = listRoster(ref)
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
  const form = await readForm(request);
  const { ref } = await pupilOf(request, params);
  const parsed = parseWith(mergeSchema, form);
  if (!parsed.ok) return refuse(parsed);
  mergePupils({
    classId: ref.classId,
    teacherId: ref.teacherId,
    fromId: ref.pupilId,
    intoId: parsed.data.intoId,
  });
  return redirect(`/teacher/classes/${ref.classId}`, { headers: NO_STORE });
}

export default function MergePupil() {
  const t = useT();
  const { classId, name, others } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = data?.errors ?? {};
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
        <Form method="post" noValidate>
          <SelectField
            name="intoId"
            label={t("roster.merge.into")}
            error={errors.intoId}
            defaultValue={data?.values?.intoId ?? ""}
          >
            <option value="">{t("roster.merge.choose")}</option>
            {others.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <div className="field">
            <input
              type="checkbox"
              id="field-confirm"
              name="confirm"
              value="yes"
              defaultChecked={data?.values?.confirm === "yes"}
              aria-invalid={errors.confirm ? true : undefined}
              aria-describedby={errors.confirm ? "field-confirm-error" : undefined}
            />{" "}
            <label htmlFor="field-confirm">{t("roster.merge.confirm", { name })}</label>
            {errors.confirm ? (
              <p className="field-error" id="field-confirm-error">
                {t(errors.confirm)}
              </p>
            ) : null}
          </div>
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
