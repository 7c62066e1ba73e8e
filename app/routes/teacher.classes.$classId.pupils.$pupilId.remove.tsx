// Removing a pupil, after a confirmation that works without JavaScript: a page that says what
// will be deleted and a "yes, remove" box the server insists on.
import { Name, Trans } from "~/components/name";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { ConfirmCheckbox } from "~/components/forms";
import { useT } from "~/i18n/use-t";
import { getTaughtClass, parseId } from "~/models/class.server";
import { getTaughtPupil, removePupil } from "~/models/pupil.server";
import { NO_STORE, refuse } from "~/utils/accounts-form.server";
import { requireTeacher } from "~/utils/auth.server";
import { parseWith, readForm } from "~/utils/form.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => title(matches, "accounts.remove.title");

function refs(params: LoaderFunctionArgs["params"], teacherId: number) {
  return { classId: parseId(params.classId), pupilId: parseId(params.pupilId), teacherId };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const ref = refs(params, teacher.teacherId);
  const klass = getTaughtClass(ref);
  const pupil = getTaughtPupil(ref);
  return json(
    { classId: klass.id, className: klass.name, pupilName: pupil.displayName },
    { headers: NO_STORE },
  );
}

const confirmSchema = z.object({
  confirm: z.literal("yes", { errorMap: () => ({ message: "accounts.remove.confirmRequired" }) }),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const teacher = await requireTeacher(request);
  const ref = refs(params, teacher.teacherId);
  const parsed = parseWith(confirmSchema, form);
  if (!parsed.ok) {
    getTaughtPupil(ref);
    return refuse(parsed);
  }
  removePupil(ref);
  return redirect(`/teacher/classes/${ref.classId}`, { headers: NO_STORE });
}

export default function RemovePupil() {
  const t = useT();
  const { classId, className, pupilName } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const error = data?.errors.confirm;
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
      <Form method="post" noValidate>
        <ConfirmCheckbox
          label={
            <Trans k="accounts.remove.confirmLabel" vars={{ name: <Name>{pupilName}</Name> }} />
          }
          error={error}
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
