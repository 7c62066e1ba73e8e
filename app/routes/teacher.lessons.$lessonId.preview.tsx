// The draft as a pupil sees it — read, sort, quiz (with Part B), feedback, discuss — with no
// attempt, answer or result written anywhere: checking answers is computed and thrown away.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Glossary, Paragraphs, SourceLine } from "~/components/article";
import { useT } from "~/i18n/use-t";
import { getOwnLesson, validateDraft, type Draft } from "~/models/lesson-editor.server";
import { requireTeacher } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";
import { parseHighlight } from "~/utils/highlight";
import { parseId } from "~/utils/ids";
import { rawTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => (data ? rawTitle(matches, data.lesson.title) : []);

function load(request: Request, teacherId: number, lessonId: number) {
  const row = getOwnLesson({ teacherId, lessonId });
  return { id: row.id, lesson: row.draft as Draft, valid: validateDraft(row.draft as Draft).problems.length === 0 };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const data = load(request, teacher.teacherId, parseId(params.lessonId));
  const highlight = parseHighlight(new URL(request.url).searchParams.get("highlight"), data.lesson.paragraphs.length);
  // Answer keys stay on the server: the page gets the items without them.
  const { lesson } = data;
  return json(
    {
      id: data.id,
      valid: data.valid,
      highlight,
      lesson: {
        title: lesson.title,
        language: lesson.language,
        source: lesson.source,
        glossary: lesson.glossary,
        paragraphs: lesson.paragraphs,
        questions: lesson.questions.map((q) => ({
          id: q.id,
          stem: q.stem,
          options: q.options,
          partB: q.partB ? { stem: q.partB.stem, options: q.partB.options.map((o) => ({ id: o.id, text: o.quote })) } : null,
        })),
        sorting: lesson.sorting.map((s) => ({ id: s.id, quote: s.quote, paragraph: s.paragraph })),
        prompts: lesson.prompts.map((p) => ({ id: p.id, mode: p.mode, prompt: p.prompt })),
      },
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const teacher = await requireTeacher(request);
  const { lesson } = load(request, teacher.teacherId, parseId(params.lessonId));
  const form = await readForm(request);
  const pick = (name: string) => String(form.get(name) ?? "");
  const text = (options: { id: string; text: string }[], id: string) => options.find((o) => o.id === id)?.text ?? null;
  const items = lesson.questions.flatMap((q) => {
    const a = {
      id: q.id,
      stem: q.stem,
      mine: text(q.options, pick(`q:${q.id}`)),
      right: text(q.options, q.correct),
      correct: pick(`q:${q.id}`) === q.correct,
      explanation: q.explanation,
      evidence: q.evidence,
    };
    if (!q.partB) return [a];
    const bOptions = q.partB.options.map((o) => ({ id: o.id, text: o.quote }));
    const b = {
      id: `${q.id}.b`,
      stem: q.partB.stem,
      mine: text(bOptions, pick(`q:${q.id}.b`)),
      right: text(bOptions, q.partB.correct),
      correct: pick(`q:${q.id}.b`) === q.partB.correct,
      explanation: q.partB.explanation,
      evidence: [...new Set(q.partB.options.filter((o) => o.id === q.partB!.correct).map((o) => o.paragraph))],
    };
    return [a, b];
  });
  const sorting = lesson.sorting.map((s) => ({
    id: s.id,
    quote: s.quote,
    correct: pick(`s:${s.id}`) === s.category,
    right: s.category,
    explanation: s.explanation,
    evidence: [s.paragraph],
  }));
  const score = items.filter((i) => i.correct).length + sorting.filter((s) => s.correct).length;
  return json({ items, sorting, score, max: items.length + sorting.length });
}

export default function Preview() {
  const { id, valid, highlight, lesson } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  const t = useT();
  const link = (n: number) => `/teacher/lessons/${id}/preview?highlight=${n}#p${n}`;
  return (
    <>
      <h1>{t("pv.title")}</h1>
      <p className="note">{t("pv.lead")}</p>
      {!valid ? <p className="note">{t("pv.invalid")}</p> : null}
      <p>
        <Link to={`/teacher/lessons/${id}`}>{t("pv.back")}</Link>
      </p>
      <article className="lesson">
        <h2 lang={lesson.language}>{lesson.title}</h2>
        <SourceLine source={lesson.source} language={lesson.language} headingLevel={3} />
        <Paragraphs paragraphs={lesson.paragraphs} language={lesson.language} highlight={highlight} headingLevel={3} />
        <Glossary glossary={lesson.glossary} language={lesson.language} headingLevel={3} />
      </article>
      {feedback ? (
        <section aria-labelledby="pv-feedback" className="card" role="region">
          <h2 id="pv-feedback">{t("pv.feedback")}</h2>
          <p>{t("pv.score", { score: feedback.score, max: feedback.max })}</p>
          <ul className="feedback-list">
            {[...feedback.items, ...feedback.sorting.map((s) => ({ ...s, stem: s.quote, mine: null as string | null, right: t(`cat.${s.right}`) }))].map((item) => (
              <li key={item.id} className={item.correct ? "correct" : "wrong"}>
                <p lang={lesson.language}>{item.stem}</p>
                <p>{item.mine ? t("pv.yourAnswer", { answer: item.mine }) : null}</p>
                <p>{t("pv.rightAnswer", { answer: item.right ?? "" })}</p>
                <p lang={lesson.language}>{item.explanation}</p>
                <p>
                  {item.evidence.map((n) => (
                    <Link key={n} to={link(n)}>
                      {t("pv.evidenceLink", { n })}
                    </Link>
                  ))}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Form method="post" className="card">
        {lesson.sorting.length ? (
          <section aria-labelledby="pv-sort">
            <h2 id="pv-sort">{t("sort.title")}</h2>
            {lesson.sorting.map((s) => (
              <div className="field" key={s.id}>
                <label htmlFor={`pv-s-${s.id}`} lang={lesson.language}>
                  {s.quote}
                </label>
                <select id={`pv-s-${s.id}`} name={`s:${s.id}`} defaultValue="">
                  <option value="">–</option>
                  {(["reported-event", "allegation", "denial", "unsourced-claim", "opinion"] as const).map((c) => (
                    <option key={c} value={c}>
                      {t(`cat.${c}`)}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </section>
        ) : null}
        <section aria-labelledby="pv-quiz">
          <h2 id="pv-quiz">{t("ed.questions")}</h2>
          {lesson.questions.map((q) => (
            <div key={q.id}>
              <fieldset>
                <legend lang={lesson.language}>{q.stem}</legend>
                {q.options.map((o) => (
                  <label key={o.id} lang={lesson.language}>
                    <input type="radio" name={`q:${q.id}`} value={o.id} /> {o.text}
                  </label>
                ))}
              </fieldset>
              {q.partB ? (
                <fieldset>
                  <legend lang={lesson.language}>{q.partB.stem}</legend>
                  {q.partB.options.map((o) => (
                    <label key={o.id} lang={lesson.language}>
                      <input type="radio" name={`q:${q.id}.b`} value={o.id} /> “{o.text}”
                    </label>
                  ))}
                </fieldset>
              ) : null}
            </div>
          ))}
        </section>
        <button type="submit">{t("pv.check")}</button>
      </Form>
      {lesson.prompts.length ? (
        <section aria-labelledby="pv-discuss" className="card">
          <h2 id="pv-discuss">{t("pv.discuss")}</h2>
          <ul>
            {lesson.prompts.map((p) => (
              <li key={p.id} lang={lesson.language}>
                {p.prompt} {p.mode === "cer" ? `(${t("ed.mode.cer")})` : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
