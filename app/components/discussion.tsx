// Discussion pieces shared by the pupil and teacher pages: post text (citations and safe links as
// the only markup), CER parts, bylines, and the counted text field.
import { clipMarks } from "~/utils/display-name";
import { Name } from "~/components/name";
import { getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { useEffect, useState, type ReactNode } from "react";
import { FieldErrors } from "~/components/form";
import type { MessageKey } from "~/i18n";
import { useLang, useT } from "~/i18n/use-t";
import {
  LIMITS,
  normalizeText,
  segmentPost,
  textLength,
  type CerField,
  type LimitKind,
} from "~/utils/discussion";
import { formatDateTime, type ZoneCode } from "~/utils/format";

/**
 * A post's text. Every piece is a React text node, so markup written by a pupil is shown as
 * characters; the only elements made are links to http(s) addresses and to cited paragraphs.
 */
export function PostText({
  text,
  paragraphCount,
  citeHref,
  language,
}: {
  text: string;
  paragraphCount: number;
  citeHref: (paragraph: number) => string;
  language: string;
}) {
  return (
    <p className="post-text" lang={language}>
      {segmentPost(text, paragraphCount).map((s, i) =>
        s.kind === "text" ? (
          clipMarks(s.text)
        ) : s.kind === "cite" ? (
          <a key={i} href={citeHref(s.paragraph)} className="cite">
            {s.text}
          </a>
        ) : (
          <a key={i} href={s.href} rel="nofollow ugc noopener">
            {s.text}
          </a>
        ),
      )}
    </p>
  );
}

export const CER_LABELS: Record<CerField, MessageKey> = {
  claim: "discuss.field.claim",
  evidence: "discuss.field.evidence",
  reasoning: "discuss.field.reasoning",
};
export const CER_HINTS: Record<CerField, MessageKey> = {
  claim: "discuss.hint.claim",
  evidence: "discuss.hint.evidence",
  reasoning: "discuss.hint.reasoning",
};

/** The text of a post: its three CER parts when it has them, else the body. */
export function PostBody({
  body,
  cer,
  ...rest
}: {
  body: string;
  cer: Record<CerField, string> | null;
  paragraphCount: number;
  citeHref: (paragraph: number) => string;
  language: string;
}) {
  const t = useT();
  if (!cer) return <PostText text={body} {...rest} />;
  return (
    <dl className="cer">
      {(Object.keys(CER_LABELS) as CerField[]).map((field) => (
        <div key={field}>
          <dt>{t(CER_LABELS[field])}</dt>
          <dd>
            <PostText text={cer[field]} {...rest} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function Byline({
  name,
  at,
  edited,
  zone,
}: {
  name: string;
  at: string;
  edited: boolean;
  zone: ZoneCode;
}) {
  const t = useT();
  const lang = useLang();
  return (
    <p className="byline">
      <strong>
        <Name>{name}</Name>
      </strong>{" "}
      · <time dateTime={at}>{formatDateTime(lang, at, zone)}</time>
      {edited ? ` · ${t("discuss.edited")}` : null}
    </p>
  );
}

function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/**
 * A labelled textarea on the form kit (decision 017) with its limits, its error beside it, and
 * (with JavaScript) a live character count measured the way the server measures: trimmed, in
 * Unicode characters. Id, name, the entry kept after a refusal, aria-invalid and
 * aria-describedby come from Conform's field.
 */
export function CountedField({
  meta,
  label,
  hint,
  kind,
  language,
}: {
  meta: FieldMetadata<unknown, Record<string, unknown>, string[]>;
  label: string;
  hint?: string;
  kind: LimitKind;
  language?: string;
}) {
  const t = useT();
  const { min, max } = LIMITS[kind];
  const hydrated = useHydrated();
  const initial = typeof meta.initialValue === "string" ? meta.initialValue : "";
  const [count, setCount] = useState(() => textLength(normalizeText(initial)));
  const countId = `${meta.id}-count`;
  const { key, ...props } = getTextareaProps(meta as FieldMetadata<string>, {
    ariaDescribedBy: hydrated ? `${meta.descriptionId} ${countId}` : meta.descriptionId,
  });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <p className="hint field-hint" id={meta.descriptionId}>
        {hint ? `${hint} ` : null}
        {t("discuss.limits", { min, max })}
      </p>
      <textarea
        key={key}
        {...props}
        lang={language}
        onInput={(event) => setCount(textLength(normalizeText(event.currentTarget.value)))}
      />
      {hydrated ? (
        <p
          id={countId}
          className={count > max || (count > 0 && count < min) ? "counter outside" : "counter"}
        >
          {t("discuss.counter", { n: count, max })}
        </p>
      ) : null}
      <FieldErrors meta={meta} />
    </div>
  );
}

/** A post's replies as a labelled list, each drawn by `children`; nothing when there are none. */
export function Replies<P extends { id: number }>({
  replies,
  children,
}: {
  replies: readonly P[];
  children: (reply: P) => ReactNode;
}) {
  const t = useT();
  if (!replies.length) return null;
  return (
    <ul className="replies" aria-label={t("discuss.replies")}>
      {replies.map((r) => (
        <li key={r.id}>{children(r)}</li>
      ))}
    </ul>
  );
}
