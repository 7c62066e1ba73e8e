// Assign a lesson to one or more of the teacher's classes, with its rules.
import { Name } from "~/components/name";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { AssignmentSettings, type SettingsValues } from "~/components/assignment-settings";
import { ChoiceGroup, FormErrors, getFormProps, SelectField, useAppForm } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { assignableClasses, createAssignments } from "~/models/assignment.server";
import { assignableLessons } from "~/models/lesson-editor.server";
import { assignSchema } from "~/utils/assignment-form";
import { requireTeacher } from "~/utils/auth.server";
import { parseForm, refuse } from "~/utils/form.server";
import { title } from "~/utils/meta";
import { dateToZonedLocal, zonedLocalToDate, type Zone } from "~/utils/zones";

export const meta: MetaFunction = ({ matches }) => title(matches, "assign.title");

const noStore = { "Cache-Control": "no-store" };

export async function loader({ request }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const url = new URL(request.url);
  const wanted = url.searchParams.get("lesson") ?? undefined;
  const lessons = await assignableLessons(teacher.teacherId, wanted);
  const classes = await assignableClasses(teacher.teacherId);
  const week = new Date(Date.now() + 7 * 24 * 3600_000);
  const defaultDue = `${dateToZonedLocal(week, "WIB").slice(0, 10)}T23:59`;
  return json(
    {
      lessons,
      classes,
      selectedLesson: lessons.some((l) => l.slug === wanted) ? wanted! : (lessons[0]?.slug ?? ""),
      selectedClass: Number(url.searchParams.get("class")) || null,
      defaultDue,
    },
    { headers: noStore },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const teacher = await requireTeacher(request);
  const { submission } = await parseForm(request, assignSchema);
  if (submission.status !== "success") return refuse(submission);
  const { lesson, classId, due, opens, ...settings } = submission.value;
  if (!(await assignableLessons(teacher.teacherId, lesson)).some((l) => l.slug === lesson))
    return refuse(submission, { fieldErrors: { lesson: "assign.err.lesson" } });
  // The due time is read in each class's own zone; every one must be valid and in the future.
  const dues = new Map(
    (await assignableClasses(teacher.teacherId))
      .filter((c) => classId.includes(c.id))
      .map((c) => [c.timeZone, zonedLocalToDate(due, c.timeZone)] as const),
  );
  const instants = [...dues.values()];
  if (instants.some((d) => d === null))
    return refuse(submission, { fieldErrors: { due: "assign.err.due" } });
  if (instants.some((d) => d!.getTime() <= Date.now()))
    return refuse(submission, { fieldErrors: { due: "assign.err.duePast" } });
  // the opening, read in each class's zone like the due time, must come before it
  const chosenZones = (await assignableClasses(teacher.teacherId))
    .filter((c) => classId.includes(c.id))
    .map((c) => c.timeZone);
  const opensFor = (zone: Zone) => (opens === "" ? null : zonedLocalToDate(opens, zone));
  if (opens !== "" && chosenZones.some((z) => opensFor(z) === null))
    return refuse(submission, { fieldErrors: { opens: "sched.err.opens" } });
  if (chosenZones.some((z) => (opensFor(z)?.getTime() ?? -Infinity) >= dues.get(z)!.getTime()))
    return refuse(submission, { fieldErrors: { opens: "sched.err.opensAfterDue" } });
  const ids = await createAssignments({
    opensFor,
    teacherId: teacher.teacherId,
    classIds: classId,
    slug: lesson,
    dueFor: (zone) => dues.get(zone) ?? zonedLocalToDate(due, zone)!,
    settings,
  });
  return redirect(ids.length === 1 ? `/teacher/assignments/${ids[0]}` : "/teacher");
}

export default function Assign() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const settings: SettingsValues = {
    due: data.defaultDue,
    opens: "",
    acceptLate: true,
    maxAttempts: "1",
    counting: "highest",
    feedback: "immediate",
    shuffle: false,
    postFirst: true,
  };
  const [form, fields] = useAppForm<typeof assignSchema>({
    id: "assign-form",
    defaultValue: {
      ...settings,
      lesson: data.selectedLesson,
      classId: data.selectedClass ? [String(data.selectedClass)] : [],
    },
  });
  return (
    <>
      <h1>{t("assign.title")}</h1>
      <p>{t("assign.lead")}</p>
      {data.classes.length === 0 ? (
        <p className="note">
          {t("assign.noClasses")} <Link to="/teacher">{t("nav.dashboard")}</Link>
        </p>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <FormErrors form={form} />
          <SelectField meta={fields.lesson} label={t("assign.lesson")}>
            {data.lessons.map((l) => (
              <option key={l.slug} value={l.slug} lang={l.language}>
                {l.title}
              </option>
            ))}
          </SelectField>
          <ChoiceGroup
            meta={fields.classId}
            type="checkbox"
            legend={t("assign.classes")}
            hint={t("assign.classesHint")}
            options={data.classes.map((c) => ({
              value: String(c.id),
              label: (
                <>
                  <Name>{c.name}</Name> ({c.timeZone})
                </>
              ),
            }))}
          />
          <AssignmentSettings fields={fields} />
          <p>
            <button type="submit">{t("assign.submit")}</button>
          </p>
        </Form>
      )}
    </>
  );
}
