// Home: what Telaah is, and the way in for teachers and pupils.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { AccountDeletedNotice } from "~/components/account-deleted-notice";
import { useT } from "~/i18n/use-t";
import { getViewer } from "~/utils/auth.server";
import { title } from "~/utils/meta";

/** Signed-in people came for their work, not the sign-up page: the teacher's classes, the pupil's to-do list. */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  if (viewer) throw redirect(viewer.role === "teacher" ? "/teacher" : "/pupil");
  return null;
}

export const meta: MetaFunction = ({ matches }) => title(matches, "home.title");

export default function Home() {
  const t = useT();
  return (
    <>
      <h1>{t("home.title")}</h1>
      <AccountDeletedNotice />
      <p className="lead">{t("home.lead")}</p>
      <div className="cards">
        <section className="card" aria-labelledby="teacher-heading">
          <h2 id="teacher-heading">{t("home.teacherTitle")}</h2>
          <p>{t("home.teacherBody")}</p>
          <p className="actions">
            <Link className="button" to="/teacher/signup">
              {t("home.teacherSignup")}
            </Link>
            <Link to="/teacher/login">{t("home.teacherLogin")}</Link>
          </p>
        </section>
        <section className="card" aria-labelledby="pupil-heading">
          <h2 id="pupil-heading">{t("home.pupilTitle")}</h2>
          <p>{t("home.pupilBody")}</p>
          <p className="actions">
            <Link className="button" to="/join">
              {t("home.pupilJoin")}
            </Link>
            <Link to="/pupil/login">{t("home.pupilLogin")}</Link>
          </p>
        </section>
      </div>
      <p>
        <Link to="/lessons">{t("home.browse")}</Link>
      </p>
    </>
  );
}
