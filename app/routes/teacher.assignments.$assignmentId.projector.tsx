// The projector view: large type, no pupil names, one question or statement at a time with the class's
// answers, then the key and its evidence paragraph; last, the responses the teacher marked exemplary.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useNavigate } from "@remix-run/react";
import { useEffect } from "react";
import { useLivePoll } from "~/components/live";
import { CountsTable, Highlighted } from "~/components/projector";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { readProjectorQuery } from "~/models/projector-query.server";
import { projectorPage } from "~/models/projector.server";
import { requireTeacher } from "~/utils/auth.server";
import { parseId } from "~/utils/ids";
import { title } from "~/utils/meta";
import { CATEGORY_IDS } from "~/utils/quiz";
import { optionLetter } from "~/utils/results-table";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? title(matches, "proj.pageTitle", { title: data.title }) : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const url = new URL(request.url);
  const page = await projectorPage({
    teacherId: teacher.teacherId,
    assignmentId: parseId(params.assignmentId),
    ...readProjectorQuery(url.searchParams),
  });
  return json(page, { headers: { "Cache-Control": "no-store" } });
}

export default function Projector() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const navigate = useNavigate();
  const { data: counts } = useLivePoll(
    `/teacher/assignments/${data.id}/live.json?view=counts`,
    data.counts,
  );
  const base = `/teacher/assignments/${data.id}/projector`;
  const to = (item: number, reveal = false, authors = data.authors) => {
    const q = new URLSearchParams({ item: String(item) });
    if (reveal) q.set("reveal", "1");
    if (authors) q.set("authors", "1");
    return `${base}?${q.toString()}`;
  };
  const prev = data.item > 1 ? to(data.item - 1) : null;
  const next = data.item < data.count ? to(data.item + 1) : null;
  const toggle = to(data.item, !data.reveal);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      let goTo: string | null = null;
      if (event.key === "ArrowRight" || event.key === "PageDown") goTo = next;
      else if (event.key === "ArrowLeft" || event.key === "PageUp") goTo = prev;
      else if (event.key === "k" || event.key === "K" || event.key === "r" || event.key === "R")
        goTo = toggle;
      if (!goTo) return;
      event.preventDefault();
      navigate(goTo, { preventScrollReset: true });
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [navigate, next, prev, toggle]);

  const shown = data.shown;
  const itemCounts =
    shown.kind === "quiz"
      ? (counts.quiz[shown.id] ?? {})
      : shown.kind === "sort"
        ? (counts.sort[shown.id] ?? {})
        : {};
  return (
    <div className="projector">
      <p className="projector-top">
        <Link to={`/teacher/assignments/${data.id}/live`}>{t("proj.back")}</Link>
        <span className="muted"> · {t("proj.keys")}</span>
      </p>
      {shown.kind === "quiz" ? (
        <>
          <h1>{t("proj.questionOf", { n: shown.n, total: shown.of })}</h1>
          <p className="projector-stem" lang={data.language}>
            {shown.stem}
          </p>
          <CountsTable
            rows={shown.options.map((o, i) => ({
              id: o.id,
              label: `${optionLetter(i)}. ${o.text}`,
              lang: data.language,
            }))}
            correct={shown.correct}
            counts={itemCounts}
          />
          {shown.evidence.map((p) => (
            <figure key={p.n} className="projector-evidence">
              <figcaption>{t("proj.evidence", { n: p.n })}</figcaption>
              <blockquote lang={data.language}>
                <p>
                  <mark>{p.text}</mark>
                </p>
              </blockquote>
            </figure>
          ))}
        </>
      ) : shown.kind === "sort" ? (
        <>
          <h1>{t("proj.statementOf", { n: shown.n, total: shown.of })}</h1>
          <p className="projector-stem" lang={data.language}>
            “{shown.quote}”
          </p>
          <CountsTable
            rows={CATEGORY_IDS.map((c) => ({ id: c, label: t(`cat.${c}` as MessageKey) }))}
            correct={shown.correct}
            counts={itemCounts}
          />
          {shown.paragraph ? (
            <figure className="projector-evidence">
              <figcaption>{t("proj.statementParagraph", { n: shown.paragraph.n })}</figcaption>
              <blockquote lang={data.language}>
                <p>
                  <Highlighted text={shown.paragraph.text} part={shown.quote} />
                </p>
              </blockquote>
            </figure>
          ) : null}
        </>
      ) : (
        <>
          <h1>{t("proj.postsTitle")}</h1>
          {shown.posts.length === 0 ? <p>{t("proj.noPosts")}</p> : null}
          <ul className="projector-posts">
            {shown.posts.map((p) => (
              <li key={p.id}>
                <p className="muted" lang={data.language}>
                  {p.prompt}
                </p>
                {p.cer ? (
                  <dl>
                    <dt>{t("proj.claim")}</dt>
                    <dd>{p.cer.claim}</dd>
                    <dt>{t("proj.evidenceField")}</dt>
                    <dd>{p.cer.evidence}</dd>
                    <dt>{t("proj.reasoning")}</dt>
                    <dd>{p.cer.reasoning}</dd>
                  </dl>
                ) : (
                  <p className="projector-post">{p.body}</p>
                )}
                {p.author ? <p className="projector-author">— {p.author}</p> : null}
              </li>
            ))}
          </ul>
          <p>
            <Link to={to(data.item, false, !data.authors)}>
              {data.authors ? t("proj.hideAuthors") : t("proj.showAuthors")}
            </Link>
          </p>
        </>
      )}
      <nav aria-label={t("proj.nav")} className="projector-nav">
        {prev ? (
          <Link className="button secondary" to={prev} preventScrollReset>
            {t("proj.prev")}
          </Link>
        ) : null}
        {shown.kind !== "posts" ? (
          <Link className="button" to={toggle} preventScrollReset>
            {data.reveal ? t("proj.hide") : t("proj.reveal")}
          </Link>
        ) : null}
        {next ? (
          <Link className="button secondary" to={next} preventScrollReset>
            {t("proj.next")}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
