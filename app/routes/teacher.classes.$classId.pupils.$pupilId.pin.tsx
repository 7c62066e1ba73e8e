// Resetting a pupil's PIN after a confirmation that works without JavaScript. The class page's
// roster opens the question in place (a <details> with a second button) and posts here; a direct
// visit shows the same question. The new PIN is shown once, on this page's own address.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CardSheet, PrintButton } from "~/components/sign-in-cards";
import { useT } from "~/i18n/use-t";
import { getTaughtClass, parseId } from "~/models/class.server";
import { getTaughtPupil, resetPin } from "~/models/pupil.server";
import { NO_STORE } from "~/utils/accounts-form.server";
import { requireTeacher } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";
import { signInLink } from "~/utils/join-link.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => title(matches, "pf.pin.title");

function refs(params: LoaderFunctionArgs["params"], teacherId: number) {
  return { classId: parseId(params.classId), pupilId: parseId(params.pupilId), teacherId };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const ref = refs(params, teacher.teacherId);
  const klass = await getTaughtClass(ref);
  const pupil = await getTaughtPupil(ref);
  const link = await signInLink(request, klass.joinCode);
  return json(
    {
      classId: klass.id,
      pupilId: pupil.id,
      pupilName: pupil.displayName,
      card: {
        joinCode: klass.joinCode,
        signInUrl: link.url,
        plainUrl: link.plainUrl,
        qrDataUri: link.qrDataUri,
      },
    },
    { headers: NO_STORE },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  await readForm(request);
  const teacher = await requireTeacher(request);
  // The new PIN travels only in this response (never stored in clear, never in a URL).
  const reset = await resetPin(refs(params, teacher.teacherId));
  return json({ reset }, { headers: NO_STORE });
}

export default function ResetPin() {
  const t = useT();
  const { classId, pupilId, pupilName, card } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const back = <Link to={`/teacher/classes/${classId}`}>{t("accounts.class.back")}</Link>;
  if (data?.reset)
    return (
      <div className="narrow card-sheet-page">
        <h1>{t("pf.pin.doneHeading", { name: pupilName })}</h1>
        <div className="flash ok" role="status">
          <p>
            {t("accounts.roster.newPin", { name: data.reset.displayName })}{" "}
            <strong className="code">{data.reset.pin}</strong>
          </p>
          <p>{t("accounts.roster.newPinOnce")}</p>
        </div>
        <p className="actions">
          <PrintButton />
          {back}
        </p>
        <h2 className="no-print">{t("roster.cards.printOne")}</h2>
        <CardSheet
          cards={[{ id: pupilId, name: data.reset.displayName, pin: data.reset.pin }]}
          {...card}
        />
      </div>
    );
  return (
    <div className="narrow">
      <h1>{t("pf.pin.heading", { name: pupilName })}</h1>
      <p>{t("pf.pin.body")}</p>
      <Form method="post">
        <p className="actions">
          <button type="submit" disabled={busy}>
            {t("pf.pin.confirm", { name: pupilName })}
          </button>
          {back}
        </p>
      </Form>
    </div>
  );
}
