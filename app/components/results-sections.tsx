// The sections of one assignment's results page, each a component over the shaped view (utils/results-view).
import { Link } from "@remix-run/react";
import { Name } from "~/components/name";
import { ExtensionNote } from "~/components/extension-note";
import { itemLabel } from "~/components/two-part";
import { DataTable } from "~/components/data-table";
import { Histogram, ShareBar, SortHeader } from "~/components/results";
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
export function StatusText({
  status,
  answered,
  total,
}: {
  status: ResultsView["rows"][number]["status"];
  answered: number;
  total: number;
}) {
  const t = useT();
  return (
    <>
      {status === "in_progress" ? t("grid.inProgress", { answered, total }) : t(`status.${status}`)}
    </>
  );
}

function useFormat() {
  const t = useT();
  const lang = useLang();
  const pct = (share: number | null) => (share === null ? "—" : formatPercent(lang, share));
  const minutes = (ms: number | null) =>
    ms === null
      ? "—"
      : ms < 60_000
        ? t("results.underMinute")
        : t("results.minutes", { n: Math.round(ms / 60_000) });
  return { t, lang, pct, minutes };
}

export function CompletionSection({ data }: Props) {
  const { t } = useFormat();
  return (
    <section aria-labelledby="completion-heading">
      <h2 id="completion-heading">{t("results.completion")}</h2>
      <p>{t("results.submittedOf", { submitted: data.submitted, total: data.total })}</p>
      <DataTable
        id="completion"
        caption={t("results.completionCaption")}
        rows={COMPLETION_STATUSES}
        rowKey={(s) => s}
        columns={[
          { key: "status", header: t("results.col.status"), cell: (s) => t(`status.${s}`) },
          { key: "count", header: t("results.col.count"), cell: (s) => data.completion[s].count },
          {
            key: "names",
            header: t("results.col.names"),
            cell: (s) =>
              data.completion[s].names.length ? data.completion[s].names.join(", ") : "—",
          },
        ]}
      />
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
          <DataTable
            id="score-summary"
            className="compact"
            caption={t("results.scoreSummary")}
            scroll={false}
            head={false}
            rows={[
              {
                label: t("results.mean"),
                value: `${formatNumber(lang, data.scores.mean ?? 0, 1)} %`,
              },
              {
                label: t("results.median"),
                value: `${formatNumber(lang, data.scores.median ?? 0, 1)} %`,
              },
              { label: t("results.countedPupils"), value: data.submitted },
            ]}
            rowKey={(r) => r.label}
            columns={[
              { key: "label", header: null, cell: (r) => r.label },
              { key: "value", header: null, cell: (r) => r.value },
            ]}
          />
          <Histogram bins={data.scores.histogram} id="histogram" />
          <DataTable
            id="hist"
            className="compact"
            caption={t("results.hist.caption")}
            rows={data.scores.histogram}
            rowKey={(b) => b.from}
            columns={[
              {
                key: "range",
                header: t("results.hist.range"),
                cell: (b) => t("results.hist.bin", { from: b.from, to: b.to }),
              },
              { key: "pupils", header: t("results.hist.pupils"), cell: (b) => b.count },
            ]}
          />
        </>
      )}
    </section>
  );
}

export function PupilsSection({ data }: Props) {
  const { t, lang, minutes } = useFormat();
  const header = (key: SortKey, label: string) => ({
    key,
    th: true,
    header: (
      <SortHeader
        label={label}
        column={key}
        current={data.sort.key}
        dir={data.sort.dir}
        defaultDir={DEFAULT_DIR[key]}
      />
    ),
  });
  return (
    <section aria-labelledby="pupils-heading">
      <h2 id="pupils-heading">{t("results.pupils")}</h2>
      <p className="hint no-print">{t("results.sortHint")}</p>
      <DataTable
        id="pupils"
        caption={t("results.pupilsCaption")}
        rows={data.rows}
        rowKey={(r) => r.pupilId}
        columns={[
          {
            ...header("name", t("results.col.name")),
            cell: (r) => (
              <Link to={`/teacher/assignments/${data.id}/pupils/${r.pupilId}`}>
                <Name>{r.name}</Name>
              </Link>
            ),
          },
          {
            ...header("status", t("results.col.status")),
            cell: (r) => (
              <>
                <StatusText status={r.status} answered={r.answered} total={data.itemsTotal} />
                {r.extension ? (
                  <>
                    <br />
                    <ExtensionNote extension={r.extension} zone={data.timeZone} />
                  </>
                ) : null}
              </>
            ),
          },
          {
            ...header("score", t("results.col.score")),
            cell: (r) => (r.percent === null ? "—" : `${formatNumber(lang, r.percent, 1)} %`),
          },
          {
            ...header("quiz", t("results.col.quiz")),
            cell: (r) =>
              r.quizScore === null
                ? "—"
                : t("results.outOf", { score: r.quizScore, max: r.quizMax }),
          },
          {
            ...header("sort", t("results.col.sort")),
            cell: (r) =>
              r.sortScore === null
                ? "—"
                : t("results.outOf", { score: r.sortScore, max: r.sortMax }),
          },
          { ...header("attempts", t("results.col.attempts")), cell: (r) => r.attempts },
          { ...header("time", t("results.col.time")), cell: (r) => minutes(r.spentMs) },
          {
            ...header("submitted", t("results.col.submittedAt")),
            cell: (r) => (r.submittedAt ? formatDateTime(lang, r.submittedAt, data.timeZone) : "—"),
          },
          {
            ...header("late", t("results.col.late")),
            cell: (r) => (r.submittedAt ? (r.late ? t("results.yes") : t("results.no")) : "—"),
          },
        ]}
      />
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
          <DataTable
            id="items"
            caption={t("results.itemsCaption")}
            rows={data.items}
            rowKey={(i) => i.id}
            columns={[
              {
                key: "question",
                header: t("results.col.question"),
                cell: (i) => <a href={`#item-${i.id}`}>{itemLabel(t, i)}</a>,
              },
              {
                key: "skill",
                header: t("results.col.skill"),
                cell: (i) => t(`results.skill.${i.skill}`),
              },
              { key: "facility", header: t("results.col.facility"), cell: (i) => pct(i.facility) },
              {
                key: "discrimination",
                header: t("results.col.discrimination"),
                cell: (i) =>
                  i.discrimination === null ? "—" : formatNumber(lang, i.discrimination, 2),
              },
              {
                key: "flag",
                header: t("results.col.flag"),
                cell: (i) => (i.flagged ? t("results.flagged") : "—"),
              },
            ]}
          />
          {data.items.map((i) => (
            <article
              key={i.id}
              className={i.flagged ? "item flagged" : "item"}
              id={`item-${i.id}`}
              aria-labelledby={`item-${i.id}-h`}
            >
              <h3 id={`item-${i.id}-h`}>
                {itemLabel(t, i)}
                {i.flagged ? ` — ${t("results.flagged")}` : ""}
              </h3>
              <p lang={data.language}>{i.stem}</p>
              <p>
                {t("results.itemFacts", {
                  skill: t(`results.skill.${i.skill}`),
                  facility: pct(i.facility),
                  discrimination:
                    i.discrimination === null
                      ? t("results.tooFew")
                      : formatNumber(lang, i.discrimination, 2),
                })}
              </p>
              {i.flagged ? (
                <div className="note">
                  {i.lowFacility ? <p>{t("results.reason.facility")}</p> : null}
                  {i.lowDiscrimination ? <p>{t("results.reason.discrimination")}</p> : null}
                  <p>
                    <strong>
                      {i.topWrong
                        ? t("results.hint.wrong", {
                            option: i.topWrong,
                            paragraphs: i.evidence.join(", "),
                          })
                        : t("results.hint.none", { paragraphs: i.evidence.join(", ") })}
                    </strong>
                  </p>
                </div>
              ) : null}
              <DataTable
                id={`options-${i.id}`}
                className="options"
                scroll={false}
                captionHidden
                caption={t("results.optionsCaption", { n: i.part ? `${i.n}${i.part}` : i.n })}
                rows={i.options}
                rowKey={(o) => o.letter}
                rowClassName={(o) => (o.correct ? "correct-option" : undefined)}
                columns={[
                  {
                    key: "option",
                    header: t("results.col.option"),
                    cell: (o) => (
                      <>
                        {o.letter}. <span lang={data.language}>{o.text}</span>
                        {o.correct ? <strong> ({t("results.correctOption")})</strong> : null}
                      </>
                    ),
                  },
                  { key: "pupils", header: t("results.col.pupils"), cell: (o) => o.count },
                  {
                    key: "bar",
                    header: t("results.col.bar"),
                    cell: (o) => (
                      <ShareBar
                        share={data.submitted ? o.count / data.submitted : 0}
                        correct={o.correct}
                      />
                    ),
                  },
                ]}
                after={
                  i.unanswered > 0 ? (
                    <tr>
                      <th scope="row">{t("results.unanswered")}</th>
                      <td>{i.unanswered}</td>
                      <td>
                        <ShareBar share={i.unanswered / data.submitted} />
                      </td>
                    </tr>
                  ) : null
                }
              />
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
          <DataTable
            id="skills"
            caption={t("results.skillsCaption")}
            rows={data.skills}
            rowKey={(s) => s.skill}
            columns={[
              {
                key: "skill",
                header: t("results.col.skill"),
                cell: (s) => t(`results.skill.${s.skill}`),
              },
              {
                key: "right",
                header: t("results.col.right"),
                cell: (s) => t("results.outOf", { score: s.correct, max: s.total }),
              },
              { key: "share", header: t("results.col.share"), cell: (s) => pct(s.share) },
              {
                key: "bar",
                header: t("results.col.bar"),
                cell: (s) => (s.share === null ? null : <ShareBar share={s.share} />),
              },
            ]}
          />
          <h3 id="pupil-skills-heading">{t("results.pupilSkills")}</h3>
          <DataTable
            id="pupil-skills"
            captionHidden
            caption={t("results.pupilSkillsCaption")}
            rows={data.pupilSkills}
            rowKey={(p) => p.pupilId}
            columns={[
              { key: "name", header: t("results.col.name"), cell: (p) => <Name>{p.name}</Name> },
              ...SKILLS.map((skill, n) => ({
                key: skill,
                header: t(`results.skill.${skill}`),
                cell: (p: (typeof data.pupilSkills)[number]) => pct(p.skills[n].share),
              })),
            ]}
          />
        </>
      )}
    </section>
  );
}

type Row = ResultsView["confusion"][number];

export function ConfusionSection({ data }: Props) {
  const { t } = useFormat();
  // The statistics return categories in their canonical order; reading them from the data keeps
  // the lesson schema (and zod) out of the browser bundle.
  const CATEGORIES = data.confusion.map((row) => row.trueCategory);
  const confusions = data.topConfusions;
  return (
    <section aria-labelledby="confusion-heading">
      <h2 id="confusion-heading">{t("results.confusion")}</h2>
      {data.submitted === 0 ? (
        <p>{t("results.noSubmissions")}</p>
      ) : (
        <>
          <DataTable
            id="confusion"
            className="confusion"
            caption={t("results.confusionCaption")}
            rows={data.confusion}
            rowKey={(row) => row.trueCategory}
            columns={[
              {
                key: "true",
                header: t("results.col.trueCategory"),
                cell: (row) => t(`cat.${row.trueCategory}`),
              },
              ...CATEGORIES.map((c) => ({
                key: c,
                header: t("results.chosenAs", { category: t(`cat.${c}`) }),
                cellClassName: (row: Row) =>
                  c === row.trueCategory ? "diagonal" : row.counts[c] > 0 ? "mixup" : undefined,
                cell: (row: Row) =>
                  c === row.trueCategory ? (
                    <>
                      <strong>{row.counts[c]}</strong>
                      <span className="visually-hidden"> ({t("results.rightSorts")})</span>
                    </>
                  ) : (
                    row.counts[c]
                  ),
              })),
              { key: "unanswered", header: t("results.unanswered"), cell: (row) => row.unanswered },
            ]}
          />
          {confusions.length ? (
            <>
              <h3>{t("results.topConfusions")}</h3>
              <ul>
                {confusions.map((c) => (
                  <li key={`${c.from}-${c.to}`}>
                    {t("results.readAs", {
                      from: t(`cat.${c.from}`),
                      to: t(`cat.${c.to}`),
                      count: c.count,
                    })}
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

type Participant = ResultsView["participation"]["pupils"][number];

export function DiscussionSection({ data }: Props) {
  const { t } = useFormat();
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
                <span className="muted">
                  — {t("results.respondedOf", { count: p.responded, total: data.total })}
                </span>
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
          <DataTable
            id="discussion"
            caption={t("results.discussionCaption")}
            rows={data.participation.pupils}
            rowKey={(p) => p.pupilId}
            columns={[
              { key: "name", header: t("results.col.name"), cell: (p) => <Name>{p.name}</Name> },
              ...data.participation.prompts.map((pr, i) => ({
                key: pr.id,
                header: t("results.promptN", { n: i + 1 }),
                cell: (p: Participant) => ((p.responses[pr.id] ?? 0) > 0 ? t("results.yes") : "—"),
              })),
              { key: "replies", header: t("results.col.replies"), cell: (p) => p.replies },
              { key: "exemplary", header: t("results.col.exemplary"), cell: (p) => p.exemplary },
              { key: "hidden", header: t("results.col.hidden"), cell: (p) => p.hidden },
            ]}
          />
        </>
      )}
    </section>
  );
}
