// The projector view: large type, no pupil names, one question or statement at a time with the class's
// answers, then the key and its evidence paragraph; last, the responses the teacher marked exemplary.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useNavigate } from "@remix-run/react";
import { useEffect } from "react";
import { useLivePoll } from "~/components/live";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { teacherDiscussion } from "~/models/discussion.server";
import { countsOnly, liveClass } from "~/models/live.server";
import { readProjectorQuery } from "~/models/projector-query.server";
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
  const r = liveClass({ teacherId: teacher.teacherId, assignmentId: parseId(params.assignmentId) });
  if (r.notModified) throw new Error("unreachable: no If-None-Match was given");
  const a = r.assignment;
  const { lesson } = a;
  const hasPosts = lesson.prompts.length > 0;
  const count = lesson.questions.length + lesson.sorting.length + (hasPosts ? 1 : 0);
  const query = readProjectorQuery(url.searchParams);
  const asked = Number(query.item ?? "1");
  const item = asked >= 1 && asked <= count ? asked : 1;
  const { reveal, authors } = query;
  const paragraph = (n: number) => ({ n, text: lesson.paragraphs[n - 1] ?? "" });
  let shown:
    | {
        kind: "quiz";
        n: number;
        of: number;
        id: string;
        stem: string;
        options: { id: string; text: string }[];
        correct: string | null;
        evidence: { n: number; text: string }[];
      }
    | {
        kind: "sort";
        n: number;
        of: number;
        id: string;
        quote: string;
        correct: string | null;
        paragraph: { n: number; text: string } | null;
      }
    | {
        kind: "posts";
        posts: {
          id: number;
          prompt: string;
          body: string;
          cer: Record<string, string> | null;
          author: string | null;
        }[];
      };
  if (item <= lesson.questions.length) {
    const q = lesson.questions[item - 1];
    shown = {
      kind: "quiz",
      n: item,
      of: lesson.questions.length,
      id: q.id,
      stem: q.stem,
      options: q.options.map((o) => ({ id: o.id, text: o.text })),
      // the key leaves the server only once the teacher reveals it
      correct: reveal ? q.correct : null,
      evidence: reveal ? q.evidence.map(paragraph) : [],
    };
  } else if (item <= lesson.questions.length + lesson.sorting.length) {
    const index = item - lesson.questions.length - 1;
    const s = lesson.sorting[index];
    shown = {
      kind: "sort",
      n: index + 1,
      of: lesson.sorting.length,
      id: s.id,
      quote: s.quote,
      correct: reveal ? s.category : null,
      paragraph: reveal ? paragraph(s.paragraph) : null,
    };
  } else {
    const discussion = teacherDiscussion({ teacherId: teacher.teacherId, assignmentId: a.id });
    shown = {
      kind: "posts",
      posts: discussion.prompts.flatMap((p) =>
        p.responses
          .filter((r) => r.exemplary && !r.hidden && !r.deleted)
          .map((r) => ({
            id: r.id,
            prompt: p.prompt,
            body: r.body,
            cer: r.cer,
            author: authors ? r.authorName : null,
          })),
      ),
    };
  }
  return json(
    {
      id: a.id,
      title: lesson.title,
      language: lesson.language,
      item,
      count,
      reveal,
      authors,
      shown,
      counts: countsOnly(r.snapshot),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
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
  const answered = Object.values(itemCounts).reduce((a, b) => a + b, 0);
  const bars = (rows: { id: string; label: string; lang?: string }[], correct: string | null) => (
    <table className="projector-counts">
      <caption>
        {t("proj.distribution")} · {t("proj.answers", { n: answered })}
      </caption>
      <tbody>
        {rows.map((r) => {
          const n = itemCounts[r.id] ?? 0;
          const isKey = correct === r.id;
          return (
            <tr key={r.id} className={isKey ? "key" : undefined}>
              <th scope="row">
                <span lang={r.lang}>{r.label}</span>
                {isKey ? <strong className="key-mark"> ({t("proj.correct")})</strong> : null}
              </th>
              <td>
                <span className="live-count">{n}</span>{" "}
                <span
                  className={`bar${isKey ? " correct" : ""} w${answered ? Math.round((n / answered) * 10) : 0}`}
                  aria-hidden="true"
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );

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
          {bars(
            shown.options.map((o, i) => ({
              id: o.id,
              label: `${optionLetter(i)}. ${o.text}`,
              lang: data.language,
            })),
            shown.correct,
          )}
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
          {bars(
            CATEGORY_IDS.map((c) => ({ id: c, label: t(`cat.${c}` as MessageKey) })),
            shown.correct,
          )}
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

/** The paragraph with the statement's words marked (they are in it verbatim: content:check). */
function Highlighted({ text, part }: { text: string; part: string }) {
  const at = text.indexOf(part);
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <mark>{part}</mark>
      {text.slice(at + part.length)}
    </>
  );
}
