// The teacher's dashboard: their classes (active, then archived) and the form to create one.
import { Name, Trans } from "~/components/name";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, getFormProps, SelectField, useAppForm } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { TeacherNewsSection } from "~/components/teacher-news";
import { createClass, listClasses, type ClassSummary } from "~/models/class.server";
import { getLessonVersion } from "~/models/lesson.server";
import { visitDashboard } from "~/models/news.server";
import { NO_STORE } from "~/utils/accounts-form.server";
import { classSchema, GRADES } from "~/utils/accounts-schemas";
import { requireTeacher } from "~/utils/auth.server";
import { parseForm, refuse } from "~/utils/form.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => title(matches, "accounts.dashboard.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const all = await listClasses({ teacherId: teacher.teacherId });
  const news = await visitDashboard({ teacherId: teacher.teacherId });
  const items = [];
  for (const a of news.assignments) {
    const lesson = await getLessonVersion(a.lessonVersionId);
    items.push({ ...a, title: lesson?.title ?? "", language: lesson?.language ?? "id" });
  }
  return json(
    {
      name: teacher.name,
      news: {
        since: news.since?.toISOString() ?? null,
        zone: all.find((c) => !c.archived)?.timeZone ?? "WIB",
        items,
      },
      active: all.filter((c) => !c.archived),
      archived: all.filter((c) => c.archived),
    },
    { headers: NO_STORE },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const { submission } = await parseForm(request, classSchema);
  const teacher = await requireTeacher(request);
  if (submission.status !== "success") return refuse(submission);
  const classId = await createClass({ teacherId: teacher.teacherId, ...submission.value });
  return redirect(`/teacher/classes/${classId}`, { headers: NO_STORE });
}

function ClassList({ classes, labelledBy }: { classes: ClassSummary[]; labelledBy: string }) {
  const t = useT();
  return (
    <ul className="class-list" aria-labelledby={labelledBy}>
      {classes.map((c) => (
        <li key={c.id} className="card">
          <h3>
            <Link to={`/teacher/classes/${c.id}`}>
              <Name>{c.name}</Name>
            </Link>
          </h3>
          <p className="muted">
            {t("accounts.class.facts", { grade: c.grade, subject: c.subject, zone: c.timeZone })}
          </p>
          <p>{t("accounts.class.pupilCount", { count: c.pupilCount })}</p>
          {c.role === "coTeacher" ? (
            <p className="muted">
              <Trans k="co.dashboardRole" vars={{ owner: <Name>{c.ownerName}</Name> }} />
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export default function TeacherDashboard() {
  const t = useT();
  const { name, active, archived, news } = useLoaderData<typeof loader>();
  const [form, fields] = useAppForm<typeof classSchema>({
    id: "new-class",
    defaultValue: { grade: "8", timeZone: "WIB" },
  });
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <h1>{t("accounts.dashboard.title")}</h1>
      <p>{t("accounts.dashboard.greeting", { name })}</p>
      <p className="actions no-print">
        <Link className="button" to="/teacher/assign">
          {t("assign.title")}
        </Link>
        <Link to="/lessons">{t("nav.lessons")}</Link>
        <Link to="/teacher/lessons">{t("lib.title")}</Link>
        <Link to="/teacher/account">{t("privacy.account.link")}</Link>
      </p>

      <TeacherNewsSection news={news} />

      <section aria-labelledby="classes-heading">
        <h2 id="classes-heading">{t("accounts.dashboard.classes")}</h2>
        {active.length ? (
          <>
            <ClassList classes={active} labelledBy="classes-heading" />
            <p className="no-print">
              <Link to="/teacher/classes/archive">{t("next.archive.link")}</Link>
            </p>
          </>
        ) : (
          <p>{t("accounts.dashboard.noClasses")}</p>
        )}
      </section>

      <section aria-labelledby="create-heading" className="no-print">
        <h2 id="create-heading">{t("accounts.dashboard.create")}</h2>
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
              {t("accounts.dashboard.createSubmit")}
            </button>
          </p>
        </Form>
      </section>

      {archived.length ? (
        <section aria-labelledby="archived-heading">
          <h2 id="archived-heading">{t("accounts.dashboard.archived")}</h2>
          <ClassList classes={archived} labelledBy="archived-heading" />
        </section>
      ) : null}
    </>
  );
}
