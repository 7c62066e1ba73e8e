// The one table of the results pages: a caption, column headers, one row per item whose first cell
// is the row header, optionally inside a labelled region that scrolls sideways on a phone.
import type { ReactNode } from "react";
import { TableRegion } from "~/components/results";

export type Column<R> = {
  /** React key of the column. */
  key: string;
  /** The header text, or a whole header cell (e.g. a SortHeader) when `th` is set. */
  header: ReactNode;
  /** Set when `header` is already a complete `<th>`. */
  th?: boolean;
  cell: (row: R) => ReactNode;
  cellClassName?: (row: R) => string | undefined;
};

export function DataTable<R>({
  id,
  caption,
  captionHidden = false,
  className,
  columns,
  rows,
  rowKey,
  rowClassName,
  after,
  scroll = true,
  head = true,
}: {
  /** The caption's id is `${id}-caption`; the scrolling region is labelled by it. */
  id: string;
  caption: ReactNode;
  captionHidden?: boolean;
  className?: string;
  /** The first column is the row header (`<th scope="row">`). */
  columns: Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string | number;
  rowClassName?: (row: R) => string | undefined;
  /** Extra rows after the data rows (e.g. a total or an "unanswered" line). */
  after?: ReactNode;
  /** Wrap in a focusable region that scrolls sideways (TableRegion). */
  scroll?: boolean;
  /** Show the column headers (a two-column key/value table may go without). */
  head?: boolean;
}) {
  const [first, ...rest] = columns;
  const table = (
    <table className={className}>
      <caption id={`${id}-caption`} className={captionHidden ? "visually-hidden" : undefined}>
        {caption}
      </caption>
      {head ? (
        <thead>
          <tr>
            {columns.map((c) =>
              c.th ? (
                <HeaderCell key={c.key}>{c.header}</HeaderCell>
              ) : (
                <th scope="col" key={c.key}>
                  {c.header}
                </th>
              ),
            )}
          </tr>
        </thead>
      ) : null}
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} className={rowClassName?.(row)}>
            <th scope="row" className={first.cellClassName?.(row)}>
              {first.cell(row)}
            </th>
            {rest.map((c) => (
              <td key={c.key} className={c.cellClassName?.(row)}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
        {after}
      </tbody>
    </table>
  );
  return scroll ? <TableRegion labelledBy={`${id}-caption`}>{table}</TableRegion> : table;
}

function HeaderCell({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
