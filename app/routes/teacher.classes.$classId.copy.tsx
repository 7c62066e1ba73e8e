// Next year: a new class with a copy of this class's assignments (lesson and rules; no pupils, no
// work). The form is the dashboard's "new class" form, filled in from this class.
import { Name, Trans } from "~/components/name";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, getFormProps, SelectField, useAppForm } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { listClassAssignments } from "~/models/assignment.server";
import { getTaughtClass, parseId } from "~/models/class.server";
import { copyClassWithAssignments } from "~/models/next-year.server";
import { NO_STORE } from "~/utils/accounts-form.server";
import { classSchema, GRADES } from "~/utils/accounts-schemas";
import { requireTeacher } from "~/utils/auth.server";
import { parseForm, refuse } from "~/utils/form.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => title(matches, "next.copyClass.pageTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const classId = parseId(params.classId);
  const klass = await getTaughtClass({ classId, teacherId: teacher.teacherId });
  const count = (await listClassAssignments({ classId, teacherId: teacher.teacherId })).length;
  return json(
    {
      id: klass.id,
      name: klass.name,
      grade: klass.grade,
      subject: klass.subject,
      timeZone: klass.timeZone,
      count,
    },
    { headers: NO_STORE },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { submission } = await parseForm(request, classSchema);
  const teacher = await requireTeacher(request);
  const fromClassId = parseId(params.classId);
  await getTaughtClass({ classId: fromClassId, teacherId: teacher.teacherId });
  if (submission.status !== "success") return refuse(submission);
  const { classId } = await copyClassWithAssignments({
    teacherId: teacher.teacherId,
    fromClassId,
    ...submission.value,
  });
  return redirect(`/teacher/classes/${classId}`, { headers: NO_STORE });
}

export default function CopyClass() {
  const t = useT();
  const klass = useLoaderData<typeof loader>();
  const [form, fields] = useAppForm<typeof classSchema>({
    id: "copy-class",
    defaultValue: {
      grade: GRADES.includes(klass.grade as (typeof GRADES)[number]) ? klass.grade : "8",
      subject: klass.subject,
      timeZone: klass.timeZone,
    },
  });
  const busy = useNavigation().state === "submitting";
  return (
    <div className="narrow">
      <h1>
        <Trans k="next.copyClass.heading" vars={{ name: <Name>{klass.name}</Name> }} />
      </h1>
      <p>{t("next.copyClass.lead", { count: klass.count })}</p>
      <p>
        <Link to={`/teacher/classes/${klass.id}`}>{t("accounts.cards.back")}</Link>
      </p>
      <Form method="post" {...getFormProps(form)}>
        <Field
          meta={fields.name}
          label={t("accounts.field.className")}
          hint={t("accounts.field.classNameHint")}
          autoComplete="off"
        />
        <SelectField meta={fields.grade} label={t("accounts.field.grade")}>
          {GRADES.map((g) => (
            <option key={g} value={g}>
              {t("accounts.grade.option", { grade: g })}
            </option>
          ))}
        </SelectField>
        <Field
          meta={fields.subject}
          label={t("accounts.field.subject")}
          hint={t("accounts.field.subjectHint")}
          autoComplete="off"
        />
        <SelectField meta={fields.timeZone} label={t("accounts.field.timeZone")}>
          <option value="WIB">{t("accounts.zone.WIB")}</option>
          <option value="WITA">{t("accounts.zone.WITA")}</option>
          <option value="WIT">{t("accounts.zone.WIT")}</option>
        </SelectField>
        <p>
          <button type="submit" disabled={busy}>
            {t("next.copyClass.submit")}
          </button>
        </p>
      </Form>
    </div>
  );
}
