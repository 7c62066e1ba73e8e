// Assign a lesson to one or more of the teacher's classes, with its rules.
import { Name } from "~/components/name";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AssignmentSettings, settingsFromForm } from "~/components/assignment-settings";
import { errorProps, FieldError, FormError } from "~/components/forms";
import { useT } from "~/i18n/use-t";
import { assignableClasses, createAssignments } from "~/models/assignment.server";
import { assignableLessons } from "~/models/lesson-editor.server";
import { assignSchema } from "~/utils/assignment-form";
import { requireTeacher } from "~/utils/auth.server";
import { echoValues, invalid, parseWith, readForm } from "~/utils/form.server";
import { title } from "~/utils/meta";
import { dateToZonedLocal, zonedLocalToDate, type Zone } from "~/utils/zones";

export const meta: MetaFunction = ({ matches }) => title(matches, "assign.title");

const noStore = { "Cache-Control": "no-store" };

export async function loader({ request }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const url = new URL(request.url);
  const wanted = url.searchParams.get("lesson") ?? undefined;
  const lessons = assignableLessons(teacher.teacherId, wanted);
  const classes = assignableClasses(teacher.teacherId);
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
  const form = await readForm(request);
  const values = { ...echoValues(form), classIds: form.getAll("classId").map(String).join(",") };
  const parsed = parseWith(assignSchema, form);
  if (!parsed.ok) return invalid({ errors: parsed.errors, values });
  const { lesson, classId, due, opens, ...settings } = parsed.data;
  if (!assignableLessons(teacher.teacherId, lesson).some((l) => l.slug === lesson))
    return invalid({ errors: { lesson: "assign.err.lesson" }, values });
  // The due time is read in each class's own zone; every one must be valid and in the future.
  const dues = new Map(
    assignableClasses(teacher.teacherId)
      .filter((c) => classId.includes(c.id))
      .map((c) => [c.timeZone, zonedLocalToDate(due, c.timeZone)] as const),
  );
  const instants = [...dues.values()];
  if (instants.some((d) => d === null))
    return invalid({ errors: { due: "assign.err.due" }, values });
  if (instants.some((d) => d!.getTime() <= Date.now()))
    return invalid({ errors: { due: "assign.err.duePast" }, values });
  // the opening, read in each class's zone like the due time, must come before it
  const chosenZones = assignableClasses(teacher.teacherId)
    .filter((c) => classId.includes(c.id))
    .map((c) => c.timeZone);
  const opensFor = (zone: Zone) => (opens === "" ? null : zonedLocalToDate(opens, zone));
  if (opens !== "" && chosenZones.some((z) => opensFor(z) === null))
    return invalid({ errors: { opens: "sched.err.opens" }, values });
  if (chosenZones.some((z) => (opensFor(z)?.getTime() ?? -Infinity) >= dues.get(z)!.getTime()))
    return invalid({ errors: { opens: "sched.err.opensAfterDue" }, values });
  const ids = createAssignments({
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
  const result = useActionData<typeof action>();
  const t = useT();
  const errors = result?.errors;
  const values = result?.values;
  const chosen = values?.classIds
    ? values.classIds.split(",").map(Number)
    : data.selectedClass
      ? [data.selectedClass]
      : [];
  const settings = settingsFromForm(values, {
    due: data.defaultDue,
    opens: "",
    acceptLate: true,
    maxAttempts: "1",
    counting: "highest",
    feedback: "immediate",
    shuffle: false,
    postFirst: true,
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
        <Form method="post" noValidate>
          <FormError errors={errors} />
          <label htmlFor="lesson">{t("assign.lesson")}</label>
          <select
            id="lesson"
            name="lesson"
            defaultValue={values?.lesson ?? data.selectedLesson}
            {...errorProps(errors, "lesson")}
          >
            {data.lessons.map((l) => (
              <option key={l.slug} value={l.slug} lang={l.language}>
                {l.title}
              </option>
            ))}
          </select>
          <FieldError errors={errors} name="lesson" />

          <fieldset aria-describedby={errors?.classId ? "classId-error" : undefined}>
            <legend>{t("assign.classes")}</legend>
            <p className="hint">{t("assign.classesHint")}</p>
            {data.classes.map((c) => (
              <label key={c.id}>
                <input
                  type="checkbox"
                  name="classId"
                  value={c.id}
                  defaultChecked={chosen.includes(c.id)}
                />
                <Name>{c.name}</Name> ({c.timeZone})
              </label>
            ))}
            <FieldError errors={errors} name="classId" />
          </fieldset>

          <AssignmentSettings values={settings} errors={errors} />
          <p>
            <button type="submit">{t("assign.submit")}</button>
          </p>
        </Form>
      )}
    </>
  );
}
