// Printable sign-in cards for a class: where to sign in, the class code and each pupil's name.
// PINs are never on them: only their hashes exist.
import { Name, Trans } from "~/components/name";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { getTaughtClass, parseId } from "~/models/class.server";
import { listRoster } from "~/models/pupil.server";
import { NO_STORE } from "~/utils/accounts-form.server";
import { requireTeacher } from "~/utils/auth.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => title(matches, "accounts.cards.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const classId = parseId(params.classId);
  const klass = getTaughtClass({ classId, teacherId: teacher.teacherId });
  const origin = new URL(request.url).origin;
  return json(
    {
      classId: klass.id,
      className: klass.name,
      joinCode: klass.joinCode,
      loginUrl: `${origin}/pupil/login`,
      joinUrl: `${origin}/join?code=${klass.joinCode}`,
      pupils: listRoster({ classId, teacherId: teacher.teacherId }).map((p) => ({ id: p.id, name: p.displayName })),
    },
    { headers: NO_STORE },
  );
}

export default function SignInCards() {
  const t = useT();
  const { classId, className, joinCode, loginUrl, joinUrl, pupils } = useLoaderData<typeof loader>();
  return (
    <>
      <h1><Trans k="accounts.cards.heading" vars={{ name: <Name>{className}</Name> }} /></h1>
      <p className="no-print">{t("accounts.cards.lead")}</p>
      <p className="no-print">
        <Link to={`/teacher/classes/${classId}`}>{t("accounts.cards.back")}</Link>
      </p>
      <p>{t("accounts.cards.newPupils", { url: joinUrl })}</p>
      {pupils.length ? (
        <ul className="sign-in-cards" aria-label={t("accounts.cards.listLabel")}>
          {pupils.map(({ id, name }) => (
            <li key={id}>
              <p className="card-name"><Name>{name}</Name></p>
              <dl className="card-facts">
                <dt>{t("accounts.cards.where")}</dt>
                <dd>{loginUrl}</dd>
                <dt>{t("accounts.field.classCode")}</dt>
                <dd className="code">{joinCode}</dd>
                <dt>{t("accounts.field.displayName")}</dt>
                <dd><Name>{name}</Name></dd>
                <dt>{t("accounts.field.pin")}</dt>
                <dd>{t("accounts.cards.pinNote")}</dd>
              </dl>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("accounts.roster.empty")}</p>
      )}
    </>
  );
}
