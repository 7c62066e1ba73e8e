// One assignment's class results for its teacher: completion, scores, pupils, item analysis, skills, sorting confusions, discussion.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Histogram, ShareBar, SortHeader, TableRegion } from "~/components/results";
import { useLang, useT } from "~/i18n/use-t";
import { parseId } from "~/models/class.server";
import { assignmentResults } from "~/models/results.server";
import { requireTeacher } from "~/utils/auth.server";
import { formatDateTime, formatNumber, formatPercent } from "~/utils/format";
import { title } from "~/utils/meta";
import { COMPLETION_STATUSES, optionLetter, parseSort, sortRows, type SortKey } from "~/utils/results-table";
import { FLAG_DISCRIMINATION_BELOW, FLAG_FACILITY_BELOW, DISCRIMINATION_MIN_PUPILS } from "~/utils/stats";
import { itemLabel } from "~/components/two-part";
import { RubricResults } from "~/components/rubric";
import { lessonMaxPoints, quizParts } from "~/utils/two-part";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? title(matches, "results.pageTitle", { title: data.title }) : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const r = assignmentResults({ teacherId: teacher.teacherId, assignmentId: parseId(params.assignmentId) });
  const a = r.assignment;
  const { lesson } = a;
  const sort = parseSort(new URL(request.url).searchParams);
  const rows = sortRows(
    r.pupils.map((p) => ({
      pupilId: p.pupilId,
      name: p.name,
      status: p.status,
      percent: p.counting?.percent ?? null,
      quizScore: p.counting?.quizScore ?? null,
      quizMax: p.counting?.quizMax ?? lessonMaxPoints(lesson),
      sortScore: p.counting?.sortScore ?? null,
      sortMax: p.counting?.sortMax ?? lesson.sorting.length,
      attempts: p.attempts,
      spentMs: p.counting?.spentMs ?? null,
      submittedAt: p.counting?.submittedAt.toISOString() ?? null,
      late: p.counting?.late ?? false,
    })),
    sort.key,
    sort.dir,
  );
  const byId = new Map(quizParts(lesson).map((q) => [q.id, q]));
  const names = new Map(r.pupils.map((p) => [p.pupilId, p.name]));
  return json(
    {
      id: a.id,
      classId: a.classId,
      className: a.className,
      timeZone: a.timeZone,
      title: lesson.title,
      language: lesson.language,
      dueAt: a.dueAt.toISOString(),
      counting: a.counting,
      total: r.pupils.length,
      submitted: r.submitted,
      thresholds: { facility: FLAG_FACILITY_BELOW, discrimination: FLAG_DISCRIMINATION_BELOW, minPupils: DISCRIMINATION_MIN_PUPILS },
      completion: r.completion,
      scores: r.scores,
      sort,
      rows,
      items: r.items.map((item) => {
        const q = byId.get(item.id)!;
        const letterOf = (optionId: string | null) => {
          const i = q.options.findIndex((o) => o.id === optionId);
          return i >= 0 ? optionLetter(i) : null;
        };
        return {
          n: q.n,
          part: q.part,
          id: item.id,
          stem: q.stem,
          skill: item.skill,
          facility: item.facility,
          discrimination: item.discrimination,
          flagged: item.flagged,
          lowFacility: item.facility !== null && item.facility < FLAG_FACILITY_BELOW,
          lowDiscrimination: item.discrimination !== null && item.discrimination < FLAG_DISCRIMINATION_BELOW,
          topWrong: letterOf(item.topWrongOption),
          evidence: item.evidence,
          options: item.counts.options.map((o, i) => ({
            letter: optionLetter(i),
            text: q.options[i].text,
            count: o.count,
            correct: o.correct,
          })),
          unanswered: item.counts.unanswered,
          unknown: item.counts.unknown,
        };
      }),
      skills: r.skills,
      pupilSkills: r.pupils
        .filter((p) => p.counting)
        .map((p) => ({ pupilId: p.pupilId, name: p.name, skills: r.pupilSkills.get(p.pupilId) ?? [] })),
      confusion: r.confusion,
      rubric: {
        prompts: lesson.prompts.filter((p) => r.rubric?.promptIds.includes(p.id)).map((p) => ({ id: p.id, prompt: p.prompt })),
        distribution: r.rubric?.distribution ?? {},
      },
      participation: {
        prompts: r.participation.prompts,
        pupils: r.participation.pupils.map((p) => ({ ...p, name: names.get(p.pupilId) ?? p.name })),
        totals: r.participation.totals,
      },
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

const DEFAULT_DIR: Record<SortKey, "asc" | "desc"> = {
  name: "asc",
  status: "asc",
  score: "desc",
  quiz: "desc",
  sort: "desc",
  attempts: "desc",
  time: "desc",
  submitted: "asc",
  late: "desc",
};

export default function AssignmentResults() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const pct = (share: number | null) => (share === null ? "—" : formatPercent(lang, share));
  const minutes = (ms: number | null) =>
    ms === null ? "—" : ms < 60_000 ? t("results.underMinute") : t("results.minutes", { n: Math.round(ms / 60_000) });
  const flagged = data.items.filter((i) => i.flagged);
  // The statistics return categories and skills in their canonical order; reading them from the
  // data keeps the lesson schema (and zod) out of the browser bundle.
  const CATEGORIES = data.confusion.map((row) => row.trueCategory);
  const SKILLS = data.skills.map((s) => s.skill);
  const confusions = data.confusion
    .flatMap((row) =>
      CATEGORIES.filter((c) => c !== row.trueCategory && row.counts[c] > 0).map((c) => ({
        from: row.trueCategory,
        to: c,
        count: row.counts[c],
      })),
    )
    .sort((a, b) => b.count - a.count)
    .slice(0, 3);
  const header = (key: SortKey, label: string) => (
    <SortHeader key={key} label={label} column={key} current={data.sort.key} dir={data.sort.dir} defaultDir={DEFAULT_DIR[key]} />
  );
  return (
    <div className="results">
      <p className="no-print">
        <Link to={`/teacher/assignments/${data.id}`}>{t("results.backToAssignment")}</Link> ·{" "}
        <Link to={`/teacher/classes/${data.classId}/results`}>{t("results.classOverviewLink", { name: data.className })}</Link>
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
      <p className="no-print">
        <a className="button secondary" href={`/teacher/assignments/${data.id}/results.csv`} download>
          {t("results.csvLink")}
        </a>
      </p>

      <section aria-labelledby="completion-heading">
        <h2 id="completion-heading">{t("results.completion")}</h2>
        <p>{t("results.submittedOf", { submitted: data.submitted, total: data.total })}</p>
        <TableRegion labelledBy="completion-caption">
          <table>
            <caption id="completion-caption">{t("results.completionCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("results.col.status")}</th>
                <th scope="col">{t("results.col.count")}</th>
                <th scope="col">{t("results.col.names")}</th>
              </tr>
            </thead>
            <tbody>
              {COMPLETION_STATUSES.map((s) => (
                <tr key={s}>
                  <th scope="row">{t(`status.${s}`)}</th>
                  <td>{data.completion[s].count}</td>
                  <td>{data.completion[s].names.length ? data.completion[s].names.join(", ") : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
        <p className="hint">{t("results.completionHint")}</p>
      </section>

      <section aria-labelledby="scores-heading">
        <h2 id="scores-heading">{t("results.scores")}</h2>
        {data.submitted === 0 ? (
          <p>{t("results.noSubmissions")}</p>
        ) : (
          <>
            <table className="compact">
              <caption>{t("results.scoreSummary")}</caption>
              <tbody>
                <tr>
                  <th scope="row">{t("results.mean")}</th>
                  <td>{formatNumber(lang, data.scores.mean ?? 0, 1)} %</td>
                </tr>
                <tr>
                  <th scope="row">{t("results.median")}</th>
                  <td>{formatNumber(lang, data.scores.median ?? 0, 1)} %</td>
                </tr>
                <tr>
                  <th scope="row">{t("results.countedPupils")}</th>
                  <td>{data.submitted}</td>
                </tr>
              </tbody>
            </table>
            <Histogram bins={data.scores.histogram} id="histogram" />
            <TableRegion labelledBy="hist-caption">
              <table className="compact">
                <caption id="hist-caption">{t("results.hist.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("results.hist.range")}</th>
                    <th scope="col">{t("results.hist.pupils")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.scores.histogram.map((b) => (
                    <tr key={b.from}>
                      <th scope="row">{t("results.hist.bin", { from: b.from, to: b.to })}</th>
                      <td>{b.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          </>
        )}
      </section>

      <section aria-labelledby="pupils-heading">
        <h2 id="pupils-heading">{t("results.pupils")}</h2>
        <p className="hint no-print">{t("results.sortHint")}</p>
        <TableRegion labelledBy="pupils-caption">
          <table>
            <caption id="pupils-caption">{t("results.pupilsCaption")}</caption>
            <thead>
              <tr>
                {header("name", t("results.col.name"))}
                {header("status", t("results.col.status"))}
                {header("score", t("results.col.score"))}
                {header("quiz", t("results.col.quiz"))}
                {header("sort", t("results.col.sort"))}
                {header("attempts", t("results.col.attempts"))}
                {header("time", t("results.col.time"))}
                {header("submitted", t("results.col.submittedAt"))}
                {header("late", t("results.col.late"))}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.pupilId}>
                  <th scope="row">
                    <Link to={`/teacher/assignments/${data.id}/pupils/${r.pupilId}`}>{r.name}</Link>
                  </th>
                  <td>{t(`status.${r.status}`)}</td>
                  <td>{r.percent === null ? "—" : `${formatNumber(lang, r.percent, 1)} %`}</td>
                  <td>{r.quizScore === null ? "—" : t("results.outOf", { score: r.quizScore, max: r.quizMax })}</td>
                  <td>{r.sortScore === null ? "—" : t("results.outOf", { score: r.sortScore, max: r.sortMax })}</td>
                  <td>{r.attempts}</td>
                  <td>{minutes(r.spentMs)}</td>
                  <td>{r.submittedAt ? formatDateTime(lang, r.submittedAt, data.timeZone) : "—"}</td>
                  <td>{r.submittedAt ? (r.late ? t("results.yes") : t("results.no")) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </section>

      <section aria-labelledby="items-heading">
        <h2 id="items-heading">{t("results.items")}</h2>
        <div className="definitions">
          <p>{t("results.def.facility")}</p>
          <p>{t("results.def.discrimination", { min: data.thresholds.minPupils })}</p>
          <p>
            {t("results.def.flag", {
              facility: formatPercent(lang, data.thresholds.facility),
              discrimination: formatNumber(lang, data.thresholds.discrimination, 2),
            })}
          </p>
        </div>
        {data.submitted === 0 ? (
          <p>{t("results.noSubmissions")}</p>
        ) : (
          <>
            <p>
              {flagged.length === 0
                ? t("results.noneFlagged")
                : t("results.flaggedList", { list: flagged.map((i) => itemLabel(t, i)).join(", ") })}
            </p>
            <TableRegion labelledBy="items-caption">
              <table>
                <caption id="items-caption">{t("results.itemsCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("results.col.question")}</th>
                    <th scope="col">{t("results.col.skill")}</th>
                    <th scope="col">{t("results.col.facility")}</th>
                    <th scope="col">{t("results.col.discrimination")}</th>
                    <th scope="col">{t("results.col.flag")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((i) => (
                    <tr key={i.id}>
                      <th scope="row">
                        <a href={`#item-${i.id}`}>{itemLabel(t, i)}</a>
                      </th>
                      <td>{t(`results.skill.${i.skill}`)}</td>
                      <td>{pct(i.facility)}</td>
                      <td>{i.discrimination === null ? "—" : formatNumber(lang, i.discrimination, 2)}</td>
                      <td>{i.flagged ? t("results.flagged") : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
            {data.items.map((i) => (
              <article key={i.id} className={i.flagged ? "item flagged" : "item"} id={`item-${i.id}`} aria-labelledby={`item-${i.id}-h`}>
                <h3 id={`item-${i.id}-h`}>
                  {itemLabel(t, i)}
                  {i.flagged ? ` — ${t("results.flagged")}` : ""}
                </h3>
                <p lang={data.language}>{i.stem}</p>
                <p>
                  {t("results.itemFacts", {
                    skill: t(`results.skill.${i.skill}`),
                    facility: pct(i.facility),
                    discrimination: i.discrimination === null ? t("results.tooFew") : formatNumber(lang, i.discrimination, 2),
                  })}
                </p>
                {i.flagged ? (
                  <div className="note">
                    {i.lowFacility ? <p>{t("results.reason.facility")}</p> : null}
                    {i.lowDiscrimination ? <p>{t("results.reason.discrimination")}</p> : null}
                    <p>
                      <strong>
                        {i.topWrong
                          ? t("results.hint.wrong", { option: i.topWrong, paragraphs: i.evidence.join(", ") })
                          : t("results.hint.none", { paragraphs: i.evidence.join(", ") })}
                      </strong>
                    </p>
                  </div>
                ) : null}
                <table className="options">
                  <caption className="visually-hidden">{t("results.optionsCaption", { n: i.part ? `${i.n}${i.part}` : i.n })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("results.col.option")}</th>
                      <th scope="col">{t("results.col.pupils")}</th>
                      <th scope="col">{t("results.col.bar")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {i.options.map((o) => (
                      <tr key={o.letter} className={o.correct ? "correct-option" : undefined}>
                        <th scope="row">
                          {o.letter}. <span lang={data.language}>{o.text}</span>
                          {o.correct ? <strong> ({t("results.correctOption")})</strong> : null}
                        </th>
                        <td>{o.count}</td>
                        <td>
                          <ShareBar share={data.submitted ? o.count / data.submitted : 0} correct={o.correct} />
                        </td>
                      </tr>
                    ))}
                    {i.unanswered > 0 ? (
                      <tr>
                        <th scope="row">{t("results.unanswered")}</th>
                        <td>{i.unanswered}</td>
                        <td>
                          <ShareBar share={i.unanswered / data.submitted} />
                        </td>
                      </tr>
                    ) : null}
                  </tbody>
                </table>
              </article>
            ))}
          </>
        )}
      </section>

      <section aria-labelledby="skills-heading">
        <h2 id="skills-heading">{t("results.skills")}</h2>
        {data.submitted === 0 ? (
          <p>{t("results.noSubmissions")}</p>
        ) : (
          <>
            <TableRegion labelledBy="skills-caption">
              <table>
                <caption id="skills-caption">{t("results.skillsCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("results.col.skill")}</th>
                    <th scope="col">{t("results.col.right")}</th>
                    <th scope="col">{t("results.col.share")}</th>
                    <th scope="col">{t("results.col.bar")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.skills.map((s) => (
                    <tr key={s.skill}>
                      <th scope="row">{t(`results.skill.${s.skill}`)}</th>
                      <td>{t("results.outOf", { score: s.correct, max: s.total })}</td>
                      <td>{pct(s.share)}</td>
                      <td>{s.share === null ? null : <ShareBar share={s.share} />}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
            <h3 id="pupil-skills-heading">{t("results.pupilSkills")}</h3>
            <TableRegion labelledBy="pupil-skills-caption">
              <table>
                <caption id="pupil-skills-caption" className="visually-hidden">
                  {t("results.pupilSkillsCaption")}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t("results.col.name")}</th>
                    {SKILLS.map((s) => (
                      <th scope="col" key={s}>
                        {t(`results.skill.${s}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.pupilSkills.map((p) => (
                    <tr key={p.pupilId}>
                      <th scope="row">{p.name}</th>
                      {p.skills.map((s) => (
                        <td key={s.skill}>{pct(s.share)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          </>
        )}
      </section>

      <section aria-labelledby="confusion-heading">
        <h2 id="confusion-heading">{t("results.confusion")}</h2>
        {data.submitted === 0 ? (
          <p>{t("results.noSubmissions")}</p>
        ) : (
          <>
            <TableRegion labelledBy="confusion-caption">
              <table className="confusion">
                <caption id="confusion-caption">{t("results.confusionCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("results.col.trueCategory")}</th>
                    {CATEGORIES.map((c) => (
                      <th scope="col" key={c}>
                        {t("results.chosenAs", { category: t(`cat.${c}`) })}
                      </th>
                    ))}
                    <th scope="col">{t("results.unanswered")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.confusion.map((row) => (
                    <tr key={row.trueCategory}>
                      <th scope="row">{t(`cat.${row.trueCategory}`)}</th>
                      {CATEGORIES.map((c) => (
                        <td key={c} className={c === row.trueCategory ? "diagonal" : row.counts[c] > 0 ? "mixup" : undefined}>
                          {c === row.trueCategory ? <strong>{row.counts[c]}</strong> : row.counts[c]}
                          {c === row.trueCategory ? <span className="visually-hidden"> ({t("results.rightSorts")})</span> : null}
                        </td>
                      ))}
                      <td>{row.unanswered}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
            {confusions.length ? (
              <>
                <h3>{t("results.topConfusions")}</h3>
                <ul>
                  {confusions.map((c) => (
                    <li key={`${c.from}-${c.to}`}>
                      {t("results.readAs", { from: t(`cat.${c.from}`), to: t(`cat.${c.to}`), count: c.count })}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p>{t("results.noConfusions")}</p>
            )}
          </>
        )}
      </section>

      <RubricResults prompts={data.rubric.prompts} distribution={data.rubric.distribution} language={data.language} />

      <section aria-labelledby="discussion-heading">
        <h2 id="discussion-heading">{t("results.discussion")}</h2>
        {data.participation.prompts.length === 0 ? (
          <p>{t("results.noPrompts")}</p>
        ) : (
          <>
            <ol>
              {data.participation.prompts.map((p) => (
                <li key={p.id}>
                  <span lang={data.language}>{p.prompt}</span>{" "}
                  <span className="muted">— {t("results.respondedOf", { count: p.responded, total: data.total })}</span>
                </li>
              ))}
            </ol>
            <p>
              {t("results.discussionTotals", {
                replies: data.participation.totals.replies,
                exemplary: data.participation.totals.exemplary,
                hidden: data.participation.totals.hidden,
              })}
            </p>
            <TableRegion labelledBy="discussion-caption">
              <table>
                <caption id="discussion-caption">{t("results.discussionCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("results.col.name")}</th>
                    {data.participation.prompts.map((p, i) => (
                      <th scope="col" key={p.id}>
                        {t("results.promptN", { n: i + 1 })}
                      </th>
                    ))}
                    <th scope="col">{t("results.col.replies")}</th>
                    <th scope="col">{t("results.col.exemplary")}</th>
                    <th scope="col">{t("results.col.hidden")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.participation.pupils.map((p) => (
                    <tr key={p.pupilId}>
                      <th scope="row">{p.name}</th>
                      {data.participation.prompts.map((pr) => (
                        <td key={pr.id}>{(p.responses[pr.id] ?? 0) > 0 ? t("results.yes") : "—"}</td>
                      ))}
                      <td>{p.replies}</td>
                      <td>{p.exemplary}</td>
                      <td>{p.hidden}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          </>
        )}
      </section>
    </div>
  );
}
