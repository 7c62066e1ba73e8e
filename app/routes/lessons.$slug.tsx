// A lesson's article for anyone to read; a signed-in teacher also gets the pupil's view and the answer key.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Glossary, Paragraphs, SourceLine } from "~/components/article";
import { AnswerKey, PupilPreview } from "~/components/lesson-key";
import { useT } from "~/i18n/use-t";
import { getLesson } from "~/content/lessons.server";
import { lessonKeyFor } from "~/models/lesson.server";
import { getViewer } from "~/utils/auth.server";
import { parseHighlight } from "~/utils/highlight";
import { readingMinutes } from "~/utils/format";
import { rawTitle } from "~/utils/meta";
import { TeacherNotes, teacherOnly } from "~/components/teacher-notes";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? rawTitle(matches, data.title) : [];

export async function loader({ params, request }: LoaderFunctionArgs) {
  const loaded = getLesson(params.slug ?? "");
  if (!loaded) notFound();
  const { lesson } = loaded;
  const url = new URL(request.url);
  // The key and the teacher's notes are decided here, on the server: pupils and visitors never
  // receive them, not even hidden.
  const viewer = await getViewer(request);
  const key = lessonKeyFor(viewer, lesson);
  return json(
    {
      teacherOnly: viewer?.role === "teacher" ? teacherOnly(lesson) : null,
      slug: lesson.slug,
      title: lesson.title,
      language: lesson.language,
      source: lesson.source,
      gradeBand: lesson.gradeBand,
      objectives: lesson.objectives,
      readingMinutes: readingMinutes(lesson.paragraphs),
      glossary: lesson.glossary,
      paragraphs: lesson.paragraphs,
      highlight: parseHighlight(url.searchParams.get("highlight"), lesson.paragraphs.length),
      key,
    },
    // A teacher's copy holds the key: never cache it where a pupil on the same computer could get it.
    key ? { headers: { "Cache-Control": "no-store" } } : undefined,
  );
}

export default function LessonPage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <article className="lesson">
      <h1 lang={data.language}>{data.title}</h1>
      <p className="meta">
        {t("lesson.readingTime", { minutes: data.readingMinutes })} ·{" "}
        {t("lessons.grade", { grade: data.gradeBand })}
      </p>
      <p className="muted no-print">{t("lesson.languageNote")}</p>
      {data.key ? (
        <p className="no-print">
          <Link className="button" to={`/teacher/assign?lesson=${data.slug}`}>
            {t("assign.title")}
          </Link>
        </p>
      ) : null}
      <SourceLine source={data.source} language={data.language} />
      {data.teacherOnly ? <TeacherNotes data={data.teacherOnly} language={data.language} /> : null}
      <section aria-labelledby="objectives-heading" className="objectives">
        <h2 id="objectives-heading">{t("lesson.objectives")}</h2>
        <ul lang={data.language}>
          {data.objectives.map((o) => (
            <li key={o}>{o}</li>
          ))}
        </ul>
      </section>
      {data.key ? (
        <>
          <PupilPreview data={data.key} language={data.language} />
          <AnswerKey data={data.key} language={data.language} />
        </>
      ) : null}
      <Paragraphs
        paragraphs={data.paragraphs}
        language={data.language}
        highlight={data.highlight}
        glossary={data.glossary}
      />
      <Glossary glossary={data.glossary} language={data.language} />
    </article>
  );
}
