// Pieces of the projector view (routes/teacher.assignments.$assignmentId.projector): the class's
// answer counts as a table of bars, and a paragraph with a statement's words marked.
import { useT } from "~/i18n/use-t";

/** How many pupils chose each option or category, the key marked once revealed (`correct`). */
export function CountsTable({
  rows,
  correct,
  counts: itemCounts,
}: {
  rows: { id: string; label: string; lang?: string }[];
  correct: string | null;
  counts: Record<string, number>;
}) {
  const t = useT();
  const answered = Object.values(itemCounts).reduce((a, b) => a + b, 0);
  return (
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
}

export /** The paragraph with the statement's words marked (they are in it verbatim: content:check). */
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
