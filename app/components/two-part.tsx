// Small pieces for two-part questions: a part's label, and a quotation marked inside its paragraph.
import type { MessageKey, Vars } from "~/i18n";

type T = (key: MessageKey, vars?: Vars) => string;

/** "Soal 5" for a single question, "Soal 5, Bagian B" for a part. */
export function itemLabel(t: T, item: { n: number; part: "A" | "B" | null }): string {
  return item.part
    ? t("twoPart.questionPart", { n: item.n, part: item.part })
    : t("results.questionN", { n: item.n });
}

/** The whole paragraph with the supporting quotation highlighted (<mark>), so the pupil sees it in context. */
export function QuoteInParagraph({
  paragraph,
  quote,
  language,
  label,
}: {
  paragraph: string;
  quote: string;
  language: string;
  label: string;
}) {
  const at = paragraph.indexOf(quote);
  return (
    <figure className="quote-in-paragraph">
      <figcaption>{label}</figcaption>
      <blockquote lang={language}>
        {at < 0 ? (
          <p>{paragraph}</p>
        ) : (
          <p>
            {paragraph.slice(0, at)}
            <mark>{quote}</mark>
            {paragraph.slice(at + quote.length)}
          </p>
        )}
      </blockquote>
    </figure>
  );
}
