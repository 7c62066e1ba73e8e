// Step 1: the article, with its source, glossary and numbered paragraphs.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Glossary, Paragraphs, SourceLine } from "~/components/article";
import { useT } from "~/i18n/use-t";
import { loadFlow, parseId } from "~/models/lesson-flow.server";
import { requirePupil } from "~/utils/auth.server";
import { readingMinutes } from "~/utils/format";
import { parseHighlight } from "~/utils/highlight";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const pupil = await requirePupil(request);
  const flow = await loadFlow(pupil, parseId(params.assignmentId));
  const { lesson } = flow;
  return json(
    {
      id: flow.assignment.id,
      language: lesson.language,
      source: lesson.source,
      glossary: lesson.glossary,
      paragraphs: lesson.paragraphs,
      readingMinutes: readingMinutes(lesson.paragraphs),
      highlight: parseHighlight(
        new URL(request.url).searchParams.get("highlight"),
        lesson.paragraphs.length,
      ),
      hasOpenAttempt: flow.open !== null,
      canStart: flow.canStart,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function Read() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="read-heading" className="lesson">
      <h2 id="read-heading">{t("flow.read")}</h2>
      <p>{t("flow.readFirst")}</p>
      <p className="meta">{t("lesson.readingTime", { minutes: data.readingMinutes })}</p>
      <SourceLine source={data.source} language={data.language} headingLevel={3} />
      <Paragraphs
        paragraphs={data.paragraphs}
        language={data.language}
        highlight={data.highlight}
        headingLevel={3}
        glossary={data.glossary}
      />
      <Glossary glossary={data.glossary} language={data.language} headingLevel={3} />
      {/* a div, not a p: a form inside a p is invalid HTML, the parser splits it and hydration fails */}
      <div className="no-print">
        {data.hasOpenAttempt ? (
          <Link className="button" to={`/pupil/assignments/${data.id}/sort`}>
            {t("flow.next", { step: t("flow.sort") })}
          </Link>
        ) : data.canStart ? (
          <Form method="post" action={`/pupil/assignments/${data.id}?index`}>
            <input type="hidden" name="next" value="sort" />
            <button type="submit">{t("flow.start")}</button>
          </Form>
        ) : null}
      </div>
    </section>
  );
}
