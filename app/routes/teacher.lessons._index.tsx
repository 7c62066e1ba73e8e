// The teachers' library: file lessons, the teacher's own and shared ones; search, filters, copies.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { copyLesson, gradeBands, library, type LibraryFilter } from "~/models/lesson-editor.server";
import { requireTeacher } from "~/utils/auth.server";
import { z } from "zod";
import { Field, getFormProps, Intent, SelectField, useAppForm } from "~/components/form";
import { parseSubmission, readForm, refuse } from "~/utils/form.server";
import { title } from "~/utils/meta";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction = ({ matches }) => title(matches, "lib.title");

/** The filter form's GET query; an unknown value is no filter (a shared link never errors). */
const filterSchema = z.object({
  q: z
    .string()
    .optional()
    .catch(undefined)
    .transform((v) => (v ?? "").slice(0, 200)),
  language: z.enum(["id", "en"]).optional().catch(undefined),
  grade: z
    .string()
    .optional()
    .catch(undefined)
    .transform((v) => v?.slice(0, 100) || undefined),
  owner: z.enum(["all", "mine", "shared", "files"]).catch("all").default("all"),
});

function filterOf(url: URL): LibraryFilter {
  const submission = parseSubmission(url.searchParams, filterSchema);
  return submission.status === "success" ? submission.value : { q: "", owner: "all" };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const filter = filterOf(new URL(request.url));
  const [lessons, grades] = await Promise.all([
    library(teacher.teacherId, filter),
    gradeBands(teacher.teacherId),
  ]);
  return json({ filter, lessons, grades }, { headers: { "Cache-Control": "no-store" } });
}

/** "Copy" on a lesson card: which lesson (an unknown one is a 404 from the model). */
const copySchema = z.object({ slug: z.string().optional() });

export async function action({ request }: ActionFunctionArgs) {
  const teacher = await requireTeacher(request);
  const form = await readForm(request);
  if (form.get("intent") !== "copy") notFound();
  const submission = parseSubmission(form, copySchema);
  if (submission.status !== "success") return refuse(submission, { intent: "copy" });
  const id = await copyLesson({ teacherId: teacher.teacherId, slug: submission.value.slug ?? "" });
  return redirect(`/teacher/lessons/${id}`);
}

export default function Library() {
  const { filter, lessons, grades } = useLoaderData<typeof loader>();
  const t = useT();
  // the filter form shows the query it was loaded with (intent "filter": never the copy's reply)
  const [filterForm, filterFields] = useAppForm<typeof filterSchema>({
    id: "lib",
    intent: "filter",
    defaultValue: filter,
  });
  return (
    <>
      <h1>{t("lib.title")}</h1>
      <p className="lead">{t("lib.lead")}</p>
      <p className="actions">
        <Link className="button" to="/teacher/lessons/new">
          {t("lib.new")}
        </Link>{" "}
        <Link to="/teacher/lessons/import">{t("lib.import")}</Link>
      </p>
      <Form method="get" className="filters" role="search" {...getFormProps(filterForm)}>
        <Field meta={filterFields.q} type="search" label={t("lib.search")} />
        <SelectField meta={filterFields.language} label={t("lib.language")}>
          <option value="">{t("lib.any")}</option>
          <option value="id">{t("ed.lang.id")}</option>
          <option value="en">{t("ed.lang.en")}</option>
        </SelectField>
        <SelectField meta={filterFields.grade} label={t("lib.grade")}>
          <option value="">{t("lib.any")}</option>
          {grades.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </SelectField>
        <SelectField meta={filterFields.owner} label={t("lib.owner")}>
          <option value="all">{t("lib.any")}</option>
          <option value="mine">{t("lib.owner.mine")}</option>
          <option value="shared">{t("lib.owner.shared")}</option>
          <option value="files">{t("lib.owner.files")}</option>
        </SelectField>
        <button type="submit">{t("lib.filter")}</button>
      </Form>
      <p role="status">{t("lib.count", { n: lessons.length })}</p>
      {lessons.length === 0 ? <p>{t("lib.empty")}</p> : null}
      <ul className="lesson-list">
        {lessons.map((l) => (
          <li key={l.slug} className="card">
            <h2 lang={l.language}>{l.title}</h2>
            <p>
              {t("lessons.grade", { grade: l.gradeBand })} ·{" "}
              {l.source === "file"
                ? t("lib.fromFile")
                : l.source === "shared"
                  ? t("lib.sharedBy", { name: l.ownerName ?? "" })
                  : [
                      t("lib.mine"),
                      !l.published ? t("lib.draft") : null,
                      l.shared ? t("lib.sharedMine") : null,
                      l.withdrawn ? t("lib.withdrawn") : null,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
            </p>
            <div className="actions">
              {l.id !== null ? (
                <Link to={`/teacher/lessons/${l.id}`} aria-label={`${t("lib.edit")}: ${l.title}`}>
                  {t("lib.edit")}
                </Link>
              ) : null}{" "}
              {l.published && !l.withdrawn ? (
                <>
                  <Link
                    to={`/teacher/assign?lesson=${l.slug}`}
                    aria-label={`${t("lib.assign")}: ${l.title}`}
                  >
                    {t("lib.assign")}
                  </Link>{" "}
                  <a
                    href={`/teacher/lessons/file/${l.slug}`}
                    download
                    aria-label={`${t("lib.download")}: ${l.title}`}
                  >
                    {t("lib.download")}
                  </a>{" "}
                  <Form method="post" className="inline">
                    <Intent value="copy" />
                    <input type="hidden" name="slug" value={l.slug} />
                    <button
                      type="submit"
                      className="secondary"
                      aria-label={t("lib.copyOf", { title: l.title })}
                    >
                      {t("lib.copy")}
                    </button>
                  </Form>
                </>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
