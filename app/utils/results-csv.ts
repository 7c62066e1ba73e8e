// The per-assignment CSV export: one row per pupil, quoted by csv-stringify, safe to open in a spreadsheet.
import { stringify } from "csv-stringify/sync";
import { RUBRIC_COMPONENTS, SKILLS } from "~/content/schema";
import { translate, type Lang } from "~/i18n";
import type { AssignmentResults } from "~/models/results.server";
import { optionLetter } from "~/utils/results-table";
import { dateToZonedLocal, type Zone } from "~/utils/zones";
import { lessonMaxPoints, partBId, questionPoints } from "~/utils/two-part";

const oneDecimal = (share: number) => Math.round(share * 1000) / 10;

/**
 * Columns: name, status, late, score %, quiz score, sorting score, one per skill (%), then for each
 * question the chosen option's letter and 1/0 for correct. Pupils without a submission keep the
 * first three cells and leave the rest empty. BOM so spreadsheets read UTF-8; formulas escaped
 * because pupils choose their own display names.
 */
export function resultsCsv(results: AssignmentResults, lang: Lang): string {
  const { header, rows } = scoreTable(results, lang);
  return stringify([header, ...rows], {
    bom: true,
    escape_formulas: true,
    record_delimiter: "windows",
  });
}

/** The CSV's header and rows as values (numbers stay numbers), shared with the .xlsx download. */
export function scoreTable(
  results: AssignmentResults,
  lang: Lang,
): { header: string[]; rows: (string | number)[][] } {
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
    translate(lang, key, vars);
  const { lesson } = results.assignment;
  const header = [
    t("results.csv.name"),
    t("results.csv.status"),
    t("results.csv.late"),
    t("results.csv.percent"),
    t("results.csv.quiz", { max: lessonMaxPoints(lesson) }),
    t("results.csv.sort", { max: lesson.sorting.length }),
    ...SKILLS.map((s) => t("results.csv.skill", { skill: t(`results.skill.${s}`) })),
    // A two-part question: Part A's letter, Part B's letter, then its points 0–2.
    ...lesson.questions.flatMap((q, i) =>
      q.partB
        ? [
            t("results.csv.chosen", { n: i + 1, id: q.id }),
            t("twoPart.csvChosenB", { n: i + 1, id: q.id }),
            t("twoPart.csvPoints", { n: i + 1, id: q.id }),
          ]
        : [
            t("results.csv.chosen", { n: i + 1, id: q.id }),
            t("results.csv.correct", { n: i + 1, id: q.id }),
          ],
    ),
  ];
  // CER rubric: one column per prompt with a rubric and component, the level of the pupil's response.
  const rubricPrompts = results.rubric?.promptIds ?? [];
  header.push(
    ...rubricPrompts.flatMap((id) =>
      RUBRIC_COMPONENTS.map((c) =>
        t("rubric.csv", { prompt: id, component: t(`rubric.component.${c}`) }),
      ),
    ),
  );
  const rubricCells = (pupilId: number) =>
    rubricPrompts.flatMap((id) =>
      RUBRIC_COMPONENTS.map((c) => {
        const level = results.rubric?.byPupil.get(pupilId)?.[id]?.[c];
        return level ? t(`rubric.level.${level}`) : "";
      }),
    );
  // Extensions (issue 18): two columns at the end, only when some pupil has one.
  const withExtensions = results.pupils.some((p) => p.extension);
  const scoreColumns = header.length;
  if (withExtensions) header.push(t("ext.colDue"), t("ext.colExtra"));
  const extensionCells = (p: (typeof results.pupils)[number]) =>
    withExtensions
      ? [
          p.extension?.dueAt ? zonedLocal(p.extension.dueAt, results.assignment.timeZone) : "",
          p.extension?.extraAttempts ?? 0,
        ]
      : [];
  const rows = results.pupils.map((p) =>
    scoreRow(p).concat(
      withExtensions
        ? [...Array(scoreColumns - scoreRow(p).length).fill(""), ...extensionCells(p)]
        : [],
    ),
  );
  return { header, rows };

  function scoreRow(p: (typeof results.pupils)[number]): (string | number)[] {
    const c = p.counting;
    const base = [p.name, t(`status.${p.status}`), c?.late ? t("results.yes") : t("results.no")];
    if (!c)
      return rubricPrompts.length
        ? [
            ...base,
            ...Array(scoreColumns - base.length - rubricPrompts.length * 3).fill(""),
            ...rubricCells(p.pupilId),
          ]
        : base;
    const skills = results.pupilSkills.get(p.pupilId) ?? [];
    return [
      ...base,
      c.percent,
      c.quizScore,
      c.sortScore,
      ...SKILLS.map((s) => {
        const share = skills.find((x) => x.skill === s)?.share;
        return share === null || share === undefined ? "" : oneDecimal(share);
      }),
      ...lesson.questions.flatMap((q) => {
        const chosen = p.quiz[q.id];
        const index = q.options.findIndex((o) => o.id === chosen);
        const letter = index >= 0 ? optionLetter(index) : "";
        if (!q.partB) return [letter, chosen === q.correct ? 1 : 0];
        const chosenB = p.quiz[partBId(q.id)];
        const indexB = q.partB.options.findIndex((o) => o.id === chosenB);
        return [
          letter,
          indexB >= 0 ? optionLetter(indexB) : "",
          questionPoints(q, chosen, chosenB),
        ];
      }),
      ...rubricCells(p.pupilId),
    ];
  }
}

/** "2026-12-01 14:00 WIB": a date a spreadsheet shows as typed, in the class's zone. */
function zonedLocal(at: Date, zone: Zone): string {
  return `${dateToZonedLocal(at, zone).replace("T", " ")} ${zone}`;
}
