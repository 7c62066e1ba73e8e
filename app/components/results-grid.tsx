// The pupil × item grids of the results page: every answer right, wrong or missing, in colour and in text.
import { Name } from "~/components/name";
import { TableRegion } from "~/components/results";
import { StatusText } from "~/components/results-sections";
import { useT } from "~/i18n/use-t";
import type { GridCell, GridRow, ResultsView } from "~/utils/results-view";

type Key = Parameters<ReturnType<typeof useT>>[0];
const SYMBOL = { right: "✓", wrong: "✗", none: "–" } as const;

function Cell({
  cell,
  label,
}: {
  cell: GridCell;
  label: (choice: string) => { short: string; long: string };
}) {
  const t = useT();
  const choice = cell.choice === null ? null : label(cell.choice);
  return (
    <td className={`cell ${cell.state}`}>
      <span aria-hidden="true">{SYMBOL[cell.state]}</span>
      {choice ? ` ${choice.short}` : null}
      <span className="visually-hidden">
        {" "}
        ({t(`grid.${cell.state}`)}
        {choice && choice.long !== choice.short ? `: ${choice.long}` : null})
      </span>
    </td>
  );
}

function Grid({
  id,
  caption,
  rows,
  columns,
  total,
  label,
}: {
  id: string;
  caption: string;
  rows: GridRow[];
  columns: { short: string; long: string }[];
  total: number;
  label: (choice: string) => { short: string; long: string };
}) {
  const t = useT();
  return (
    <TableRegion labelledBy={`${id}-caption`}>
      <table className="grid">
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("results.col.name")}</th>
            {columns.map((c) => (
              <th scope="col" key={c.long}>
                <span aria-hidden="true">{c.short}</span>
                <span className="visually-hidden">{c.long}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.pupilId}>
              <th scope="row">
                <Name>{r.name}</Name>
                <span className="grid-status">
                  <StatusText status={r.status} answered={r.answered} total={total} />
                </span>
              </th>
              {r.cells.map((cell, i) => (
                <Cell key={i} cell={cell} label={label} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

export function AnswerGrid({ data }: { data: ResultsView }) {
  const t = useT();
  const categories = data.confusion.map((row) => row.trueCategory);
  const catName = (c: string) => t(`cat.${c}` as Key);
  return (
    <section aria-labelledby="grid-heading">
      <h2 id="grid-heading">{t("grid.heading")}</h2>
      <p className="hint">{t("grid.legend")}</p>
      <Grid
        id="grid-quiz"
        caption={t("grid.caption")}
        rows={data.grids.quiz}
        columns={data.items.map((i) => {
          const n = i.part ? `${i.n}${i.part}` : i.n;
          return { short: t("grid.questionShort", { n }), long: t("grid.questionLong", { n }) };
        })}
        total={data.itemsTotal}
        label={(letter) => ({ short: letter, long: letter })}
      />
      {data.grids.sort[0]?.cells.length ? (
        <>
          <h3 id="grid-sort-heading">{t("grid.sortHeading")}</h3>
          <ol className="legend">
            {categories.map((c) => (
              <li key={c}>{catName(c)}</li>
            ))}
          </ol>
          <Grid
            id="grid-sort"
            caption={t("grid.sortCaption")}
            rows={data.grids.sort}
            columns={data.grids.sort[0].cells.map((_, i) => ({
              short: t("grid.sortShort", { n: i + 1 }),
              long: t("grid.sortLong", { n: i + 1 }),
            }))}
            total={data.itemsTotal}
            label={(c) => ({
              short: String(categories.indexOf(c as (typeof categories)[number]) + 1),
              long: catName(c),
            })}
          />
        </>
      ) : null}
    </section>
  );
}
