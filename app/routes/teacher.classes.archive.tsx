// Next year: archiving several of the teacher's classes in one step (each closes to its pupils as
// one archived from its own page does: decision record 042).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { ChoiceGroup, getFormProps, useAppForm } from "~/components/form";
import { Name } from "~/components/name";
import { useT } from "~/i18n/use-t";
import { listClasses } from "~/models/class.server";
import { archiveClasses } from "~/models/next-year.server";
import { NO_STORE } from "~/utils/accounts-form.server";
import { requireTeacher } from "~/utils/auth.server";
import { parseForm, refuse } from "~/utils/form.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => title(matches, "next.archive.pageTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const active = (await listClasses({ teacherId: teacher.teacherId })).filter(
    (c) => !c.archived && c.role === "owner",
  );
  return json(
    {
      active: active.map((c) => ({
        id: c.id,
        name: c.name,
        grade: c.grade,
        subject: c.subject,
        pupilCount: c.pupilCount,
      })),
    },
    { headers: NO_STORE },
  );
}

const id = z
  .string()
  .regex(/^[1-9][0-9]{0,15}$/, "v.invalid")
  .transform(Number);
const archiveSchema = z.object({
  classId: z.union([id.transform((n) => [n]), z.array(id).max(500, "v.invalid")], {
    errorMap: () => ({ message: "next.v.pick" }),
  }),
});

export async function action({ request }: ActionFunctionArgs) {
  const { submission } = await parseForm(request, archiveSchema);
  const teacher = await requireTeacher(request);
  if (submission.status !== "success") return refuse(submission);
  await archiveClasses({ teacherId: teacher.teacherId, classIds: submission.value.classId });
  return redirect("/teacher", { headers: NO_STORE });
}

export default function ArchiveClasses() {
  const t = useT();
  const { active } = useLoaderData<typeof loader>();
  const [form, fields] = useAppForm<typeof archiveSchema>({ id: "archive-classes" });
  const busy = useNavigation().state === "submitting";
  return (
    <div className="narrow">
      <h1>{t("next.archive.pageTitle")}</h1>
      <p>{t("next.archive.lead")}</p>
      <p>
        <Link to="/teacher">{t("accounts.class.back")}</Link>
      </p>
      {active.length === 0 ? (
        <p>{t("next.archive.none")}</p>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <ChoiceGroup
            meta={fields.classId}
            legend={t("next.archive.legend")}
            type="checkbox"
            options={active.map((c) => ({
              value: String(c.id),
              label: (
                <>
                  <Name>{c.name}</Name> · {t("accounts.class.pupilCount", { count: c.pupilCount })}
                </>
              ),
            }))}
          />
          <p>
            <button type="submit" className="danger" disabled={busy}>
              {t("next.archive.submit")}
            </button>
          </p>
        </Form>
      )}
    </div>
  );
}
