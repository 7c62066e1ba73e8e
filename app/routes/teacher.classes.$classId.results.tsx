// A class's results across all its assignments: completion and average per assignment, and each pupil across them.
import { Name, Trans } from "~/components/name";
import type { LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { useLang, useT } from "~/i18n/use-t";
import { parseId } from "~/models/class.server";
import { classResultsPage } from "~/models/results.server";
import { requireTeacher } from "~/utils/auth.server";
import { formatDateTime, formatNumber } from "~/utils/format";
import { title } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? title(matches, "results.classPageTitle", { name: data.klass.name }) : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const page = await classResultsPage({
    teacherId: teacher.teacherId,
    classId: parseId(params.classId),
  });
  return json(page, { headers: { "Cache-Control": "no-store" } });
}

type Data = SerializeFrom<typeof loader>;
type Assignment = Data["assignments"][number];
type Pupil = Data["pupils"][number];

export default function ClassResults() {
  const { klass, assignments, pupils, statuses } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const pct = (value: number | null) =>
    value === null ? "—" : `${formatNumber(lang, value, 1)} %`;
  return (
    <>
      <p className="no-print">
        <Link to={`/teacher/classes/${klass.id}`}>
          <Trans k="results.backToClass" vars={{ name: <Name>{klass.name}</Name> }} />
        </Link>
      </p>
      <h1>
        <Trans k="results.classTitle" vars={{ name: <Name>{klass.name}</Name> }} />
      </h1>

      <section aria-labelledby="class-assignments-heading">
        <h2 id="class-assignments-heading">{t("results.classAssignments")}</h2>
        {assignments.length === 0 ? (
          <p>{t("assign.none")}</p>
        ) : (
          <DataTable
            id="class-assignments"
            captionHidden
            caption={t("results.classAssignmentsCaption")}
            rows={assignments}
            rowKey={(a) => a.id}
            columns={[
              {
                key: "assignment",
                header: t("results.col.assignment"),
                cell: (a) => (
                  <Link to={`/teacher/assignments/${a.id}/results`} lang={a.language}>
                    {a.title}
                  </Link>
                ),
              },
              {
                key: "due",
                header: t("results.col.due"),
                cell: (a) => formatDateTime(lang, a.dueAt, klass.timeZone),
              },
              ...statuses.map((s) => ({
                key: s,
                header: t(`status.${s}`),
                cell: (a: Assignment) => a.completion[s],
              })),
              { key: "mean", header: t("results.mean"), cell: (a) => pct(a.mean) },
            ]}
          />
        )}
      </section>

      <section aria-labelledby="class-pupils-heading">
        <h2 id="class-pupils-heading">{t("results.classPupils")}</h2>
        {pupils.length === 0 ? (
          <p>{t("accounts.roster.empty")}</p>
        ) : (
          <DataTable
            id="class-pupils"
            caption={t("results.classPupilsCaption")}
            rows={pupils}
            rowKey={(p) => p.pupilId}
            columns={[
              { key: "name", header: t("results.col.name"), cell: (p) => <Name>{p.name}</Name> },
              ...assignments.map((a, i) => ({
                key: String(a.id),
                header: (
                  <>
                    <span lang={a.language}>{a.title}</span>
                    <span className="visually-hidden">
                      {" "}
                      ({t("results.assignmentN", { n: i + 1 })})
                    </span>
                  </>
                ),
                cell: (p: Pupil) => {
                  const c = p.cells[i];
                  return (
                    <>
                      <Link to={`/teacher/assignments/${a.id}/pupils/${p.pupilId}`}>
                        {c.percent === null ? t(`status.${c.status}`) : pct(c.percent)}
                        <span className="visually-hidden"> — {p.name}</span>
                      </Link>
                      {c.percent !== null && c.status === "late" ? ` (${t("status.late")})` : null}
                    </>
                  );
                },
              })),
              { key: "mean", header: t("results.mean"), cell: (p) => pct(p.mean) },
            ]}
          />
        )}
      </section>
    </>
  );
}
