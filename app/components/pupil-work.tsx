// The sections of one pupil's work page for the teacher (routes/teacher.assignments.$assignmentId.pupils.$pupilId):
// the attempts, the shown attempt's answers and sorting choices, and the pupil's posts with feedback.
import { DataTable } from "~/components/data-table";
import { useLang, useT } from "~/i18n/use-t";
import { formatDateTime, formatNumber, formatPercent } from "~/utils/format";
import type { PupilWorkView } from "~/utils/results-view";

type Props = { data: PupilWorkView };

/** An item the pupil has not answered (yet) is "not answered", not "wrong". */
function Verdict({ ok, answered }: { ok: boolean; answered: boolean }) {
  const t = useT();
  return !answered ? (
    <span className="muted">{t("pf.fb.notAnswered")}</span>
  ) : (
    <span className={ok ? "right" : "wrong"}>{ok ? t("feedback.right") : t("feedback.wrong")}</span>
  );
}

export function AttemptsSection({ data }: Props) {
  const t = useT();
  const lang = useLang();
  return (
    <section aria-labelledby="attempts-heading">
      <h2 id="attempts-heading">{t("results.attempts")}</h2>
      {data.attempts.length === 0 ? (
        <p>{t("results.noAttempts")}</p>
      ) : (
        <DataTable
          id="attempts"
          captionHidden
          caption={t("results.attemptsCaption")}
          rows={data.attempts}
          rowKey={(a) => a.number}
          columns={[
            {
              key: "attempt",
              header: t("results.col.attempt"),
              cell: (a) => (
                <>
                  {a.number}
                  {a.counting ? ` (${t("results.counts")})` : ""}
                </>
              ),
            },
            {
              key: "started",
              header: t("results.col.startedAt"),
              cell: (a) => formatDateTime(lang, a.startedAt, data.timeZone),
            },
            {
              key: "submitted",
              header: t("results.col.submittedAt"),
              cell: (a) =>
                a.submittedAt
                  ? formatDateTime(lang, a.submittedAt, data.timeZone)
                  : t("status.in_progress"),
            },
            {
              key: "score",
              header: t("results.col.score"),
              cell: (a) => (a.percent === null ? "—" : `${formatNumber(lang, a.percent, 1)} %`),
            },
            {
              key: "late",
              header: t("results.col.late"),
              cell: (a) => (a.submittedAt ? (a.late ? t("results.yes") : t("results.no")) : "—"),
            },
          ]}
        />
      )}
    </section>
  );
}

/** The pupil's share right per reading skill, when the assignment counts skills. */
export function SkillsSection({ data }: Props) {
  const t = useT();
  const lang = useLang();
  if (!data.skills) return null;
  return (
    <section aria-labelledby="pupil-skill-heading">
      <h2 id="pupil-skill-heading">{t("results.skills")}</h2>
      <ul>
        {data.skills.map((s) => (
          <li key={s.skill}>
            {t(`results.skill.${s.skill}`)}:{" "}
            {t("results.outOf", { score: s.correct, max: s.total })}
            {s.share === null ? "" : ` (${formatPercent(lang, s.share)})`}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The shown attempt's answers and sorting choices, or nothing before a first attempt. */
export function AnswersSections({ data }: Props) {
  const t = useT();
  if (!data.shown) return null;
  return (
    <>
      {data.shown.submitted ? null : (
        <p className="note">{t("results.notSubmittedYet", { n: data.shown.number })}</p>
      )}
      <section aria-labelledby="answers-heading">
        <h2 id="answers-heading">{t("results.answers", { n: data.shown.number })}</h2>
        <DataTable
          id="answers"
          captionHidden
          caption={t("results.answersCaption")}
          rows={data.questions}
          rowKey={(q) => q.id}
          columns={[
            {
              key: "question",
              header: t("results.col.question"),
              cell: (q) => (
                <>
                  {t("results.questionN", { n: q.n })}: <span lang={data.language}>{q.stem}</span>
                </>
              ),
            },
            {
              key: "mine",
              header: t("results.col.pupilChoice"),
              cell: (q) =>
                q.mine ? (
                  <>
                    {q.mine.letter}. <span lang={data.language}>{q.mine.text}</span>
                  </>
                ) : (
                  t("feedback.noAnswer")
                ),
            },
            {
              key: "right",
              header: t("results.col.rightAnswer"),
              cell: (q) => (
                <>
                  {q.right.letter}. <span lang={data.language}>{q.right.text}</span>
                </>
              ),
            },
            {
              key: "result",
              header: t("results.col.result"),
              cell: (q) => <Verdict ok={q.correct} answered={q.mine !== null} />,
            },
          ]}
        />
      </section>
      <section aria-labelledby="sorting-heading">
        <h2 id="sorting-heading">{t("results.sortingChoices")}</h2>
        <DataTable
          id="sorting"
          captionHidden
          caption={t("results.sortingCaption")}
          rows={data.sorting}
          rowKey={(s) => s.id}
          columns={[
            {
              key: "statement",
              header: t("results.col.statement"),
              cell: (s) => (
                <>
                  {t("sort.item", { n: s.n, p: s.paragraph })}:{" "}
                  <q lang={data.language}>{s.quote}</q>
                  {s.speaker ? <span className="muted"> — {s.speaker}</span> : null}
                </>
              ),
            },
            {
              key: "mine",
              header: t("results.col.pupilChoice"),
              cell: (s) => (s.mine ? t(`cat.${s.mine}`) : t("feedback.noAnswer")),
            },
            {
              key: "right",
              header: t("results.col.trueCategory"),
              cell: (s) => t(`cat.${s.right}`),
            },
            {
              key: "result",
              header: t("results.col.result"),
              cell: (s) => <Verdict ok={s.correct} answered={s.mine !== null} />,
            },
          ]}
        />
      </section>
    </>
  );
}

export function PostsSection({ data }: Props) {
  const t = useT();
  const lang = useLang();
  return (
    <section aria-labelledby="posts-heading">
      <h2 id="posts-heading">{t("results.posts")}</h2>
      {data.posts.length === 0 ? (
        <p>{t("results.noPosts")}</p>
      ) : (
        data.posts.map((p) => (
          <article
            key={p.id}
            className={`post${p.exemplary ? " exemplary" : ""}${p.hidden ? " hidden-post" : ""}`}
            aria-labelledby={`post-${p.id}-h`}
          >
            <h3 id={`post-${p.id}-h`}>
              {p.reply
                ? t("results.replyOn", { n: p.prompt ?? "?" })
                : t("results.responseTo", { n: p.prompt ?? "?" })}
            </h3>
            <p className="byline">
              {formatDateTime(lang, p.createdAt, data.timeZone)}
              {p.exemplary ? ` · ${t("results.markExemplary")}` : ""}
              {p.hidden ? ` · ${t("results.markHidden")}` : ""}
            </p>
            {p.claim || p.evidence || p.reasoning ? (
              <dl>
                {p.claim ? (
                  <>
                    <dt>{t("results.cer.claim")}</dt>
                    <dd>{p.claim}</dd>
                  </>
                ) : null}
                {p.evidence ? (
                  <>
                    <dt>{t("results.cer.evidence")}</dt>
                    <dd>{p.evidence}</dd>
                  </>
                ) : null}
                {p.reasoning ? (
                  <>
                    <dt>{t("results.cer.reasoning")}</dt>
                    <dd>{p.reasoning}</dd>
                  </>
                ) : null}
              </dl>
            ) : (
              <p>{p.body}</p>
            )}
            <p className="byline">
              <strong>{t("results.teacherFeedback")}</strong>{" "}
              {p.feedback ?? t("results.noFeedback")}
            </p>
          </article>
        ))
      )}
    </section>
  );
}
