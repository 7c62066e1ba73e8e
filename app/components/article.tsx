// The article as a reader sees it: source line, reading time, glossary, numbered linkable paragraphs.
import type { Lang } from "~/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { formatDay } from "~/utils/format";

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

export function SourceLine({ source, language, headingLevel = 2 }: Pick<ArticleView, "source" | "language"> & Level) {
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

export function Glossary({ glossary, language, headingLevel = 2 }: Pick<ArticleView, "glossary" | "language"> & Level) {
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

/** Paragraphs numbered from 1 with ids p1…pN; `highlight` marks evidence paragraphs. */
export function Paragraphs({
  paragraphs,
  language,
  highlight = [],
  headingLevel = 2,
}: {
  paragraphs: string[];
  language: Lang;
  highlight?: number[];
  headingLevel?: 2 | 3;
}) {
  const t = useT();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="article" aria-labelledby="article-heading">
      <Heading id="article-heading">{t("lesson.article")}</Heading>
      {highlight.length ? <p className="note">{t("lesson.highlighted")}</p> : null}
      <ol className="paragraphs" lang={language}>
        {paragraphs.map((text, index) => {
          const n = index + 1;
          const marked = highlight.includes(n);
          return (
            <li key={n} id={`p${n}`} className={marked ? "paragraph highlighted" : "paragraph"} value={n}>
              <a className="pnum" href={`#p${n}`} aria-label={t("lesson.paragraphLink", { n })}>
                {n}
              </a>
              {marked ? <mark>{text}</mark> : <p>{text}</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
