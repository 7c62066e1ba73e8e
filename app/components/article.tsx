// The article as a reader sees it: source line, reading time, glossary, numbered linkable paragraphs.
import type { Lang } from "~/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { formatDay } from "~/utils/format";
import { glossarySegments } from "~/utils/glossary";

export type ArticleView = {
  title: string;
  language: Lang;
  source: {
    outlet: string | null;
    author: string | null;
    publishedAt: string | null;
    eventDate: string | null;
    note?: string;
  };
  readingMinutes: number;
  glossary: { term: string; definition: string }[];
  paragraphs: string[];
};

type Level = { headingLevel?: 2 | 3 };

export function SourceLine({
  source,
  language,
  headingLevel = 2,
}: Pick<ArticleView, "source" | "language"> & Level) {
  const t = useT();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const lang = useLang();
  const unknown = <em>{t("lesson.unknown")}</em>;
  return (
    <section className="source" aria-labelledby="source-heading">
      <Heading id="source-heading">{t("lesson.source")}</Heading>
      <dl>
        <dt>{t("lesson.outlet")}</dt>
        <dd>{source.outlet ?? unknown}</dd>
        <dt>{t("lesson.author")}</dt>
        <dd>{source.author ?? unknown}</dd>
        <dt>{t("lesson.published")}</dt>
        <dd>{source.publishedAt ? formatDay(lang, source.publishedAt) : unknown}</dd>
        <dt>{t("lesson.eventDate")}</dt>
        <dd>{source.eventDate ? formatDay(lang, source.eventDate) : unknown}</dd>
      </dl>
      {source.note ? <p lang={language}>{source.note}</p> : null}
    </section>
  );
}

export function Glossary({
  glossary,
  language,
  headingLevel = 2,
}: Pick<ArticleView, "glossary" | "language"> & Level) {
  const t = useT();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  if (!glossary.length) return null;
  return (
    <section className="glossary" aria-labelledby="glossary-heading">
      <Heading id="glossary-heading">{t("lesson.glossary")}</Heading>
      <dl lang={language}>
        {glossary.map((g) => (
          <div key={g.term}>
            <dt>{g.term}</dt>
            <dd>{g.definition}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

type GlossaryEntry = { term: string; definition: string };

/**
 * A paragraph with its glossary terms as buttons that open the definition as a popover (the
 * browser's own `popover`, no JavaScript needed). The definitions follow the paragraph, outside
 * its text, so the paragraph stays verbatim (copying it for evidence copies only the article) and
 * `<mark>` still wraps a highlighted paragraph whole. A browser without popovers shows them as
 * footnotes under the paragraph.
 */
export function GlossaryText({
  n,
  text,
  glossary,
  marked = false,
}: {
  n: number;
  text: string;
  glossary: readonly GlossaryEntry[];
  marked?: boolean;
}) {
  const t = useT();
  const segments = glossarySegments(text, glossary);
  const terms = segments.flatMap((s, i) => ("term" in s ? [{ ...s, id: `g-p${n}-${i}` }] : []));
  const body = segments.map((s, i) =>
    "term" in s ? (
      <button key={i} type="button" className="term" popovertarget={`g-p${n}-${i}`}>
        {s.text}
      </button>
    ) : (
      s.text
    ),
  );
  return (
    <>
      {marked ? <mark>{body}</mark> : <p>{body}</p>}
      {terms.map((g) => (
        <div key={g.id} id={g.id} popover="auto" className="definition">
          <p>
            <dfn>{g.term}</dfn>: {g.definition}
          </p>
          <button
            type="button"
            className="secondary"
            popovertarget={g.id}
            popovertargetaction="hide"
          >
            {t("gloss.close")}
          </button>
        </div>
      ))}
    </>
  );
}

/** Paragraphs numbered from 1 with ids p1…pN; `highlight` marks evidence paragraphs; glossary terms open in place. */
export function Paragraphs({
  paragraphs,
  language,
  highlight = [],
  headingLevel = 2,
  glossary = [],
}: {
  paragraphs: string[];
  language: Lang;
  highlight?: number[];
  headingLevel?: 2 | 3;
  glossary?: readonly GlossaryEntry[];
}) {
  const t = useT();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="article" aria-labelledby="article-heading">
      <Heading id="article-heading">{t("lesson.article")}</Heading>
      {highlight.length ? <p className="note">{t("lesson.highlighted")}</p> : null}
      {glossary.length ? <p className="muted no-print">{t("gloss.seeList")}</p> : null}
      <ol className="paragraphs" lang={language}>
        {paragraphs.map((text, index) => {
          const n = index + 1;
          const marked = highlight.includes(n);
          return (
            <li
              key={n}
              id={`p${n}`}
              className={marked ? "paragraph highlighted" : "paragraph"}
              value={n}
            >
              <a className="pnum" href={`#p${n}`} aria-label={t("lesson.paragraphLink", { n })}>
                {n}
              </a>
              {glossary.length ? (
                <GlossaryText n={n} text={text} glossary={glossary} marked={marked} />
              ) : marked ? (
                <mark>{text}</mark>
              ) : (
                <p>{text}</p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
