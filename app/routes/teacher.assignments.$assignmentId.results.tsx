// One assignment's class results for its teacher: completion, scores, pupils, the answer grid, item analysis, skills, sorting confusions, discussion.
import { Name, Trans } from "~/components/name";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AnswerGrid } from "~/components/results-grid";
import { RubricResults } from "~/components/rubric";
import {
  CompletionSection,
  ConfusionSection,
  DiscussionSection,
  ItemsSection,
  PupilsSection,
  ScoresSection,
  SkillsSection,
} from "~/components/results-sections";
import { useLang, useT } from "~/i18n/use-t";
import { parseId } from "~/models/class.server";
import { assignmentResultsPage } from "~/models/results.server";
import { requireTeacher } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { title } from "~/utils/meta";
import { parseSort } from "~/utils/results-table";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? title(matches, "results.pageTitle", { title: data.title }) : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const view = await assignmentResultsPage({
    teacherId: teacher.teacherId,
    assignmentId: parseId(params.assignmentId),
    sort: parseSort(new URL(request.url).searchParams),
  });
  return json(view, { headers: { "Cache-Control": "no-store" } });
}

export default function AssignmentResults() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  return (
    <div className="results wide">
      <p className="no-print">
        <Link to={`/teacher/assignments/${data.id}`}>{t("results.backToAssignment")}</Link> ·{" "}
        <Link to={`/teacher/classes/${data.classId}/results`}>
          <Trans k="results.classOverviewLink" vars={{ name: <Name>{data.className}</Name> }} />
        </Link>
      </p>
      <h1>
        {t("results.title")}: <span lang={data.language}>{data.title}</span>
      </h1>
      <p>
        {t("results.facts", {
          name: data.className,
          due: formatDateTime(lang, data.dueAt, data.timeZone),
          rule: t(data.counting === "highest" ? "results.rule.highest" : "results.rule.last"),
        })}
      </p>
      <p className="no-print actions">
        <a
          className="button secondary"
          href={`/teacher/assignments/${data.id}/results.csv`}
          download
        >
          {t("results.csvLink")}
        </a>
        <a
          className="button secondary"
          href={`/teacher/assignments/${data.id}/results.xlsx`}
          download
        >
          {t("xlsx.link")}
        </a>
      </p>
      <CompletionSection data={data} />
      <ScoresSection data={data} />
      <PupilsSection data={data} />
      <AnswerGrid data={data} />
      <ItemsSection data={data} />
      <SkillsSection data={data} />
      <ConfusionSection data={data} />
      <DiscussionSection data={data} />
      <RubricResults
        prompts={data.rubric.prompts}
        distribution={data.rubric.distribution}
        language={data.language}
      />
    </div>
  );
}
