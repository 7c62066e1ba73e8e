// Next year: a new class with a copy of this class's assignments (lesson and rules; no pupils, no
// work). The form is the dashboard's "new class" form, filled in from this class.
import { Name, Trans } from "~/components/name";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, SelectField } from "~/components/accounts-fields";
import { useT } from "~/i18n/use-t";
import { listClassAssignments } from "~/models/assignment.server";
import { getTaughtClass, parseId } from "~/models/class.server";
import { copyClassWithAssignments } from "~/models/next-year.server";
import { NO_STORE, refuse } from "~/utils/accounts-form.server";
import { classSchema, GRADES } from "~/utils/accounts-schemas";
import { requireTeacher } from "~/utils/auth.server";
import { parseWith, readForm } from "~/utils/form.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => title(matches, "next.copyClass.pageTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const classId = parseId(params.classId);
  const klass = getTaughtClass({ classId, teacherId: teacher.teacherId });
  const count = listClassAssignments({ classId, teacherId: teacher.teacherId }).length;
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
  const form = await readForm(request);
  const teacher = await requireTeacher(request);
  const fromClassId = parseId(params.classId);
  getTaughtClass({ classId: fromClassId, teacherId: teacher.teacherId });
  const parsed = parseWith(classSchema, form);
  if (!parsed.ok) return refuse(parsed);
  const { classId } = copyClassWithAssignments({
    teacherId: teacher.teacherId,
    fromClassId,
    ...parsed.data,
  });
  return redirect(`/teacher/classes/${classId}`, { headers: NO_STORE });
}

export default function CopyClass() {
  const t = useT();
  const klass = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const values = data?.values ?? {};
  const errors = data?.errors ?? {};
  const grade =
    values.grade ?? (GRADES.includes(klass.grade as (typeof GRADES)[number]) ? klass.grade : "8");
  return (
    <div className="narrow">
      <h1>
        <Trans k="next.copyClass.heading" vars={{ name: <Name>{klass.name}</Name> }} />
      </h1>
      <p>{t("next.copyClass.lead", { count: klass.count })}</p>
      <p>
        <Link to={`/teacher/classes/${klass.id}`}>{t("accounts.cards.back")}</Link>
      </p>
      <Form method="post" noValidate>
        <Field
          name="name"
          label={t("accounts.field.className")}
          hint={t("accounts.field.classNameHint")}
          error={errors.name}
          defaultValue={values.name}
          autoComplete="off"
        />
        <SelectField
          name="grade"
          label={t("accounts.field.grade")}
          error={errors.grade}
          defaultValue={grade}
        >
          {GRADES.map((g) => (
            <option key={g} value={g}>
              {t("accounts.grade.option", { grade: g })}
            </option>
          ))}
        </SelectField>
        <Field
          name="subject"
          label={t("accounts.field.subject")}
          hint={t("accounts.field.subjectHint")}
          error={errors.subject}
          defaultValue={values.subject ?? klass.subject}
          autoComplete="off"
        />
        <SelectField
          name="timeZone"
          label={t("accounts.field.timeZone")}
          error={errors.timeZone}
          defaultValue={values.timeZone ?? klass.timeZone}
        >
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
