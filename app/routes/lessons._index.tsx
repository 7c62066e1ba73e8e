// The lesson library: every valid lesson file, with its size and level.
import type { MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { listLessons } from "~/models/lesson.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => title(matches, "lessons.title");

export async function loader() {
  const lessons = listLessons().map((l) => ({
    slug: l.slug,
    title: l.title,
    language: l.language,
    gradeBand: l.gradeBand,
    minutes: l.estimatedMinutes,
    questions: l.questions.length,
    sorting: l.sorting.length,
    prompts: l.prompts.length,
  }));
  return json({ lessons });
}

export default function Lessons() {
  const { lessons } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("lessons.title")}</h1>
      <p className="lead">{t("lessons.lead")}</p>
      <ul className="lesson-list">
        {lessons.map((l) => (
          <li key={l.slug} className="card">
            <h2 lang={l.language}>
              <Link to={`/lessons/${l.slug}`}>{l.title}</Link>
            </h2>
            <p>
              {t("lessons.grade", { grade: l.gradeBand })} ·{" "}
              {t("lessons.minutes", { minutes: l.minutes })}
            </p>
            <p className="muted">
              {t("lessons.counts", {
                questions: l.questions,
                sorting: l.sorting,
                prompts: l.prompts,
              })}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
