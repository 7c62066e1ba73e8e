// The pupil's home: a greeting, their class, and (filled by the assignments feature) their work.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { NO_STORE } from "~/utils/accounts-form.server";
import { requirePupil } from "~/utils/auth.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => title(matches, "accounts.pupilHome.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const pupil = await requirePupil(request);
  return json({ name: pupil.name, className: pupil.className }, { headers: NO_STORE });
}

export default function PupilHome() {
  const t = useT();
  const { name, className } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("accounts.pupilHome.greeting", { name })}</h1>
      <p>{t("accounts.pupilHome.class", { className })}</p>

      {/* assignments: filled by the assignments feature */}
      <section aria-labelledby="assignments-heading">
        <h2 id="assignments-heading">{t("accounts.pupilHome.assignments")}</h2>
        <p>{t("accounts.pupilHome.noAssignments")}</p>
      </section>
    </>
  );
}
