// Building blocks of the results pages: scrollable labelled tables, SVG bars and the score histogram.
import type { ReactNode } from "react";
import { useT } from "~/i18n/use-t";

/** A wide table that scrolls sideways on a phone; focusable so keyboard users can scroll it too. */
export function TableRegion({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}

/** A horizontal bar for a share 0…1; decorative, the number beside it is the text. */
export function ShareBar({ share, correct = false }: { share: number; correct?: boolean }) {
  const width = Math.max(0, Math.min(1, share)) * 100;
  return (
    <svg
      className="bar-chart share-bar"
      viewBox="0 0 100 10"
      width="120"
      height="12"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <rect x="0" y="0" width="100" height="10" className="track" />
      <rect x="0" y="0" width={width} height="10" className={correct ? "correct" : undefined} />
    </svg>
  );
}

type Bin = { from: number; to: number; count: number };

/** The score distribution drawn as bars; the table that follows it on the page holds the same numbers. */
export function Histogram({ bins, id }: { bins: Bin[]; id: string }) {
  const t = useT();
  const max = Math.max(1, ...bins.map((b) => b.count));
  const barW = 30;
  const gap = 4;
  const top = 16;
  const plotH = 120;
  const width = bins.length * (barW + gap) + gap;
  const summary = bins
    .map((b) => t("results.hist.binText", { from: b.from, to: b.to, count: b.count }))
    .join("; ");
  return (
    <svg
      className="histogram"
      viewBox={`0 0 ${width} ${top + plotH + 20}`}
      width="100%"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
    >
      <title id={`${id}-title`}>{t("results.hist.title")}</title>
      <desc id={`${id}-desc`}>{summary}</desc>
      <line x1="0" y1={top + plotH} x2={width} y2={top + plotH} className="axis" />
      {bins.map((b, i) => {
        const h = (b.count / max) * plotH;
        const x = gap + i * (barW + gap);
        return (
          <g key={b.from}>
            <rect x={x} y={top + plotH - h} width={barW} height={h} />
            <text x={x + barW / 2} y={top + plotH - h - 3} textAnchor="middle" fontSize="11">
              {b.count}
            </text>
            <text x={x + barW / 2} y={top + plotH + 14} textAnchor="middle" fontSize="10">
              {b.from}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** A column header that re-sorts the table through a plain link (works without JavaScript). */
export function SortHeader({
  label,
  column,
  current,
  dir,
  defaultDir,
}: {
  label: string;
  column: string;
  current: string;
  dir: "asc" | "desc";
  defaultDir: "asc" | "desc";
}) {
  const t = useT();
  const active = current === column;
  const next = active ? (dir === "asc" ? "desc" : "asc") : defaultDir;
  return (
    <th scope="col" aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}>
      <a href={`?sort=${column}&dir=${next}#pupils-heading`} className="sort-link">
        {label}
        <span className="visually-hidden">
          {" "}
          {next === "asc" ? t("results.sortAsc") : t("results.sortDesc")}
        </span>
        {active ? <span aria-hidden="true">{dir === "asc" ? " ▲" : " ▼"}</span> : null}
      </a>
    </th>
  );
}
