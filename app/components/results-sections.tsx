// The sections of one assignment's results page, each a component over the shaped view (utils/results-view).
import { Link } from "@remix-run/react";
import { Name } from "~/components/name";
import { ExtensionNote } from "~/components/extension-note";
import { itemLabel } from "~/components/two-part";
import { Histogram, ShareBar, SortHeader, TableRegion } from "~/components/results";
import { useLang, useT } from "~/i18n/use-t";
import { formatDateTime, formatNumber, formatPercent } from "~/utils/format";
import { COMPLETION_STATUSES, type SortKey } from "~/utils/results-table";
import type { ResultsView } from "~/utils/results-view";

type Props = { data: ResultsView };

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

/** A pupil's status; "in progress" says how far they are, e.g. "in progress: 7 of 29 answered". */
export function StatusText({ status, answered, total }: { status: ResultsView["rows"][number]["status"]; answered: number; total: number }) {
  const t = useT();
  return <>{status === "in_progress" ? t("grid.inProgress", { answered, total }) : t(`status.${status}`)}</>;
}

function useFormat() {
  const t = useT();
  const lang = useLang();
  const pct = (share: number | null) => (share === null ? "—" : formatPercent(lang, share));
  const minutes = (ms: number | null) =>
    ms === null ? "—" : ms < 60_000 ? t("results.underMinute") : t("results.minutes", { n: Math.round(ms / 60_000) });
  return { t, lang, pct, minutes };
}

export function CompletionSection({ data }: Props) {
  const { t } = useFormat();
  return (
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
  );
}

export function ScoresSection({ data }: Props) {
  const { t, lang } = useFormat();
  return (
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
  );
}

export function PupilsSection({ data }: Props) {
  const { t, lang, minutes } = useFormat();
  const header = (key: SortKey, label: string) => (
    <SortHeader key={key} label={label} column={key} current={data.sort.key} dir={data.sort.dir} defaultDir={DEFAULT_DIR[key]} />
  );
  return (
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
                      <Link to={`/teacher/assignments/${data.id}/pupils/${r.pupilId}`}><Name>{r.name}</Name></Link>
                    </th>
                    <td>
                      <StatusText status={r.status} answered={r.answered} total={data.itemsTotal} />
                      {r.extension ? (
                        <>
                          <br />
                          <ExtensionNote extension={r.extension} zone={data.timeZone} />
                        </>
                      ) : null}
                    </td>
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
  );
}

export function ItemsSection({ data }: Props) {
  const { t, lang, pct } = useFormat();
  const flagged = data.items.filter((i) => i.flagged);
  return (
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
  );
}

export function SkillsSection({ data }: Props) {
  const { t, pct } = useFormat();
  const SKILLS = data.skills.map((s) => s.skill);
  return (
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
                        <th scope="row"><Name>{p.name}</Name></th>
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
  );
}

export function ConfusionSection({ data }: Props) {
  const { t } = useFormat();
  // The statistics return categories in their canonical order; reading them from the data keeps
  // the lesson schema (and zod) out of the browser bundle.
  const CATEGORIES = data.confusion.map((row) => row.trueCategory);
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
  return (
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
  );
}

export function DiscussionSection({ data }: Props) {
  const { t, lang } = useFormat();
  return (
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
                        <th scope="row"><Name>{p.name}</Name></th>
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
  );
}
