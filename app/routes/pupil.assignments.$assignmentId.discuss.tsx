// Step 5: the class discussion (built by the discussion feature; this step holds its place).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useT } from "~/i18n/use-t";
import { loadFlow, parseId } from "~/models/lesson-flow.server";
import { requirePupil } from "~/utils/auth.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const pupil = await requirePupil(request);
  loadFlow(pupil, parseId(params.assignmentId));
  return json({}, { headers: { "Cache-Control": "no-store" } });
}

export default function Discuss() {
  const t = useT();
  return (
    <section aria-labelledby="discuss-heading">
      <h2 id="discuss-heading">{t("flow.discuss")}</h2>
      <p className="note">{t("discuss.placeholder")}</p>
    </section>
  );
}
