// The per-assignment .xlsx download (exceljs): one sheet of scores (the CSV's columns) and one of item analysis.
import ExcelJS from "exceljs";
import { translate, type Lang, type MessageKey } from "~/i18n";
import type { AssignmentResults } from "~/models/results.server";
import { scoreTable } from "~/utils/results-csv";
import { optionLetter } from "~/utils/results-table";
import { quizParts } from "~/utils/two-part";

/**
 * Numbers are written as numbers (a spreadsheet in any locale shows its own decimal separator) and
 * text as text: a cell value is never a formula, so a display name like `=HYPERLINK(…)` stays a
 * string and needs no escaping. Sheet names come from the dictionary.
 */
export async function resultsXlsx(results: AssignmentResults, lang: Lang): Promise<ArrayBuffer> {
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Telaah";
  workbook.created = new Date();

  const scores = workbook.addWorksheet(t("xlsx.scores"), {
    views: [{ state: "frozen", xSplit: 1, ySplit: 1 }],
  });
  const { header, rows } = scoreTable(results, lang);
  scores.addRow(header).font = { bold: true };
  for (const row of rows) scores.addRow(row);
  scores.getColumn(1).width = 28;

  const { lesson } = results.assignment;
  // one row per answerable part: Part B of a two-part question is an item of its own
  const parts = new Map(quizParts(lesson).map((q) => [q.id, q]));
  const maxOptions = Math.max(0, ...[...parts.values()].map((q) => q.options.length));
  const items = workbook.addWorksheet(t("xlsx.items"), {
    views: [{ state: "frozen", xSplit: 1, ySplit: 1 }],
  });
  items.addRow([
    t("xlsx.question"),
    t("xlsx.stem"),
    t("xlsx.skill"),
    t("xlsx.facility"),
    t("xlsx.discrimination"),
    t("xlsx.flagged"),
    t("xlsx.correctOption"),
    ...Array.from({ length: maxOptions }, (_, i) =>
      t("xlsx.optionCount", { letter: optionLetter(i) }),
    ),
    t("xlsx.unanswered"),
  ]).font = { bold: true };
  results.items.forEach((item) => {
    const q = parts.get(item.id)!;
    items.addRow([
      q.part ? `${q.n}${q.part}` : q.n,
      q.stem,
      t(`results.skill.${item.skill}` as MessageKey),
      item.facility,
      item.discrimination,
      item.flagged ? t("results.yes") : t("results.no"),
      optionLetter(q.options.findIndex((o) => o.id === q.correct)),
      ...Array.from({ length: maxOptions }, (_, i) => item.counts.options[i]?.count ?? null),
      item.counts.unanswered,
    ]);
  });
  items.getColumn(2).width = 60;
  items.getColumn(4).numFmt = "0%";
  items.getColumn(5).numFmt = "0.00";

  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  // a copy into a plain ArrayBuffer, which `Response` takes as a body
  const out = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(out).set(bytes);
  return out;
}
