// The teacher's look at a lesson before assigning it: the pupil's view of every task, then the key.
// Rendered only when the loader sent the key, which it does for teachers alone.
import { useT } from "~/i18n/use-t";
import type { Lang } from "~/i18n";
import { optionLetter } from "~/utils/results-table";

export type LessonKey = {
  speakers: { id: string; label: string }[];
  questions: {
    id: string;
    skill: string;
    stem: string;
    options: { id: string; text: string }[];
    correct: string;
    explanation: string;
    evidence: number[];
  }[];
  sorting: {
    id: string;
    quote: string;
    paragraph: number;
    category: string;
    speaker?: string;
    explanation: string;
  }[];
  categories: string[];
  prompts: { id: string; mode: "open" | "cer"; prompt: string; guidance: string }[];
};

type T = ReturnType<typeof useT>;
type Key = Parameters<T>[0];

function ParagraphLinks({ numbers }: { numbers: number[] }) {
  const t = useT();
  return (
    <>
      {numbers.map((n, i) => (
        <span key={n}>
          {i > 0 ? ", " : null}
          <a href={`#p${n}`}>{t("key.paragraph", { n })}</a>
        </span>
      ))}
    </>
  );
}

/** What a pupil sees on the sort, quiz and discuss steps, without anything that gives the key away. */
export function PupilPreview({ data, language }: { data: LessonKey; language: Lang }) {
  const t = useT();
  return (
    <details className="teacher-tools preview no-print">
      <summary>
        <h2 id="preview-heading">{t("key.preview")}</h2>
      </summary>
      <p>{t("key.previewIntro")}</p>
      {data.sorting.length ? (
        <div>
          <h3 id="preview-sorting">{t("key.sorting")}</h3>
          <p>
            {t("key.sortingCategories")}{" "}
            {data.categories.map((c) => t(`cat.${c}` as Key)).join(" · ")}
          </p>
          <ol lang={language}>
            {data.sorting.map((s) => (
              <li key={s.id}>
                “{s.quote}”{" "}
                <span className="muted">({t("key.paragraph", { n: s.paragraph })})</span>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      <div>
        <h3 id="preview-quiz">{t("key.questions")}</h3>
        <ol className="preview-questions">
          {data.questions.map((q) => (
            <li key={q.id}>
              <p lang={language}>{q.stem}</p>
              <ol className="letters" type="A" lang={language}>
                {q.options.map((o) => (
                  <li key={o.id}>{o.text}</li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
      </div>
      {data.prompts.length ? (
        <div>
          <h3 id="preview-prompts">{t("key.prompts")}</h3>
          <ol lang={language}>
            {data.prompts.map((p) => (
              <li key={p.id}>{p.prompt}</li>
            ))}
          </ol>
        </div>
      ) : null}
    </details>
  );
}

/** The answers with explanations and evidence paragraphs, the sorting key, and the discussion guidance. */
export function AnswerKey({ data, language }: { data: LessonKey; language: Lang }) {
  const t = useT();
  const speaker = (id?: string) => data.speakers.find((s) => s.id === id)?.label;
  return (
    <details className="teacher-tools answer-key no-print">
      <summary>
        <h2 id="key-heading">{t("key.title")}</h2>
      </summary>
      <p className="note">{t("key.intro")}</p>
      <section aria-labelledby="key-quiz">
        <h3 id="key-quiz">{t("key.questions")}</h3>
        {data.questions.map((q, i) => {
          const index = q.options.findIndex((o) => o.id === q.correct);
          return (
            <article key={q.id} className="key-item" aria-labelledby={`key-q-${q.id}`}>
              <h4 id={`key-q-${q.id}`}>{t("key.questionN", { n: i + 1 })}</h4>
              <p lang={language}>{q.stem}</p>
              <dl>
                <dt>{t("key.correct")}</dt>
                <dd>
                  {optionLetter(index)}. <span lang={language}>{q.options[index]?.text}</span>
                </dd>
                <dt>{t("key.explanation")}</dt>
                <dd lang={language}>{q.explanation}</dd>
                <dt>{t("key.evidence")}</dt>
                <dd>
                  <ParagraphLinks numbers={q.evidence} />
                </dd>
                <dt>{t("key.skill")}</dt>
                <dd>{t(`results.skill.${q.skill}` as Key)}</dd>
              </dl>
            </article>
          );
        })}
      </section>
      {data.sorting.length ? (
        <section aria-labelledby="key-sorting">
          <h3 id="key-sorting">{t("key.sorting")}</h3>
          {data.sorting.map((s, i) => (
            <article key={s.id} className="key-item" aria-labelledby={`key-s-${s.id}`}>
              <h4 id={`key-s-${s.id}`}>{t("key.statementN", { n: i + 1 })}</h4>
              <p lang={language}>“{s.quote}”</p>
              <dl>
                <dt>{t("key.category")}</dt>
                <dd>{t(`cat.${s.category}` as Key)}</dd>
                {speaker(s.speaker) ? (
                  <>
                    <dt>{t("key.speaker")}</dt>
                    <dd lang={language}>{speaker(s.speaker)}</dd>
                  </>
                ) : null}
                <dt>{t("key.explanation")}</dt>
                <dd lang={language}>{s.explanation}</dd>
                <dt>{t("key.evidence")}</dt>
                <dd>
                  <ParagraphLinks numbers={[s.paragraph]} />
                </dd>
              </dl>
            </article>
          ))}
        </section>
      ) : null}
      {data.prompts.length ? (
        <section aria-labelledby="key-prompts">
          <h3 id="key-prompts">{t("key.prompts")}</h3>
          {data.prompts.map((p, i) => (
            <article key={p.id} className="key-item" aria-labelledby={`key-p-${p.id}`}>
              <h4 id={`key-p-${p.id}`}>
                {t("key.promptN", { n: i + 1 })} (
                {t(p.mode === "cer" ? "key.mode.cer" : "key.mode.open")})
              </h4>
              <p lang={language}>{p.prompt}</p>
              <p>
                <strong>{t("key.guidance")}</strong> <span lang={language}>{p.guidance}</span>
              </p>
            </article>
          ))}
        </section>
      ) : null}
    </details>
  );
}
