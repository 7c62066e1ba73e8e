// A class's results across all its assignments: completion and average per assignment, and each pupil across them.
import { Name, Trans } from "~/components/name";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TableRegion } from "~/components/results";
import { useLang, useT } from "~/i18n/use-t";
import { parseId } from "~/models/class.server";
import { classResults } from "~/models/results.server";
import { requireTeacher } from "~/utils/auth.server";
import { formatDateTime, formatNumber } from "~/utils/format";
import { title } from "~/utils/meta";
import { COMPLETION_STATUSES } from "~/utils/results-table";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? title(matches, "results.classPageTitle", { name: data.klass.name }) : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const overview = classResults({ teacherId: teacher.teacherId, classId: parseId(params.classId) });
  return json(
    {
      klass: overview.klass,
      assignments: overview.assignments.map((a) => ({ ...a, dueAt: a.dueAt.toISOString() })),
      pupils: overview.pupils,
      statuses: COMPLETION_STATUSES,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function ClassResults() {
  const { klass, assignments, pupils, statuses } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const pct = (value: number | null) => (value === null ? "—" : `${formatNumber(lang, value, 1)} %`);
  return (
    <>
      <p className="no-print">
        <Link to={`/teacher/classes/${klass.id}`}><Trans k="results.backToClass" vars={{ name: <Name>{klass.name}</Name> }} /></Link>
      </p>
      <h1><Trans k="results.classTitle" vars={{ name: <Name>{klass.name}</Name> }} /></h1>

      <section aria-labelledby="class-assignments-heading">
        <h2 id="class-assignments-heading">{t("results.classAssignments")}</h2>
        {assignments.length === 0 ? (
          <p>{t("assign.none")}</p>
        ) : (
          <TableRegion labelledBy="class-assignments-caption">
            <table>
              <caption id="class-assignments-caption" className="visually-hidden">
                {t("results.classAssignmentsCaption")}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("results.col.assignment")}</th>
                  <th scope="col">{t("results.col.due")}</th>
                  {statuses.map((s) => (
                    <th scope="col" key={s}>
                      {t(`status.${s}`)}
                    </th>
                  ))}
                  <th scope="col">{t("results.mean")}</th>
                </tr>
              </thead>
              <tbody>
                {assignments.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">
                      <Link to={`/teacher/assignments/${a.id}/results`} lang={a.language}>
                        {a.title}
                      </Link>
                    </th>
                    <td>{formatDateTime(lang, a.dueAt, klass.timeZone)}</td>
                    {statuses.map((s) => (
                      <td key={s}>{a.completion[s]}</td>
                    ))}
                    <td>{pct(a.mean)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </section>

      <section aria-labelledby="class-pupils-heading">
        <h2 id="class-pupils-heading">{t("results.classPupils")}</h2>
        {pupils.length === 0 ? (
          <p>{t("accounts.roster.empty")}</p>
        ) : (
          <TableRegion labelledBy="class-pupils-caption">
            <table>
              <caption id="class-pupils-caption">{t("results.classPupilsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("results.col.name")}</th>
                  {assignments.map((a, i) => (
                    <th scope="col" key={a.id}>
                      <span lang={a.language}>{a.title}</span>
                      <span className="visually-hidden"> ({t("results.assignmentN", { n: i + 1 })})</span>
                    </th>
                  ))}
                  <th scope="col">{t("results.mean")}</th>
                </tr>
              </thead>
              <tbody>
                {pupils.map((p) => (
                  <tr key={p.pupilId}>
                    <th scope="row"><Name>{p.name}</Name></th>
                    {p.cells.map((c, i) => (
                      <td key={assignments[i].id}>
                        <Link to={`/teacher/assignments/${assignments[i].id}/pupils/${p.pupilId}`}>
                          {c.percent === null ? t(`status.${c.status}`) : pct(c.percent)}
                          <span className="visually-hidden"> — {p.name}</span>
                        </Link>
                        {c.percent !== null && c.status === "late" ? ` (${t("status.late")})` : null}
                      </td>
                    ))}
                    <td>{pct(p.mean)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </section>
    </>
  );
}
