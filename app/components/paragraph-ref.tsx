// A "paragraph N" reference that opens the paragraph where the pupil is, so the article stays
// at hand while sorting, answering and reading feedback. Without JavaScript it is a <details>
// that unfolds in place; with it, the same summary opens the paragraph in a sheet (a modal
// <dialog> at the bottom of the screen) that closes back to where the pupil was.
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useT } from "~/i18n/use-t";

/** Paragraph numbers a text refers to ("paragraf 3", "paragraph 3"), in order, each once. */
export function referencedParagraphs(text: string, count: number): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/\b(?:paragraf|paragraph)\s+(\d{1,3})\b/gi)) {
    const n = Number(m[1]);
    if (n >= 1 && n <= count && !out.includes(n)) out.push(n);
  }
  return out;
}

/** The texts of the given paragraph numbers (1-based), for a loader to send only what is referenced. */
export function paragraphTexts(
  paragraphs: readonly string[],
  numbers: Iterable<number>,
): Record<number, string> {
  const out: Record<number, string> = {};
  for (const n of numbers) if (paragraphs[n - 1] !== undefined) out[n] = paragraphs[n - 1];
  return out;
}

export function ParagraphRef({
  n,
  text,
  language,
  idPrefix,
  label,
  more,
}: {
  n: number;
  text: string;
  language: string;
  idPrefix: string;
  /** The summary's words; "Baca paragraf N" unless given. */
  label?: string;
  /** Shown under the paragraph, e.g. a link to it in the whole article. */
  more?: ReactNode;
}) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const headingId = `${idPrefix}-p${n}-h`;
  return (
    <>
      <details className="para-ref">
        <summary
          onClick={(event) => {
            if (!hydrated || !dialog.current?.showModal) return;
            event.preventDefault();
            dialog.current.showModal();
          }}
        >
          {label ?? t("pf.paragraphRef", { p: n })}
        </summary>
        <blockquote lang={language}>
          <p>{text}</p>
        </blockquote>
        {more ? <p>{more}</p> : null}
      </details>
      {hydrated ? (
        <dialog ref={dialog} className="sheet" aria-labelledby={headingId}>
          <p className="sheet-title" id={headingId}>
            {t("pf.paragraphTitle", { p: n })}
          </p>
          <p lang={language}>{text}</p>
          {more ? <p>{more}</p> : null}
          <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
            {t("pf.close")}
          </button>
        </dialog>
      ) : null}
    </>
  );
}

/** Every paragraph a text refers to, as ParagraphRefs in a row under it. */
export function ParagraphRefs(props: {
  numbers: number[];
  texts: Record<number, string>;
  language: string;
  idPrefix: string;
}) {
  const refs = props.numbers.filter((n) => props.texts[n] !== undefined);
  if (!refs.length) return null;
  return (
    <div className="para-refs">
      {refs.map((n) => (
        <ParagraphRef
          key={n}
          n={n}
          text={props.texts[n]}
          language={props.language}
          idPrefix={props.idPrefix}
        />
      ))}
    </div>
  );
}
