// Shapes one assignment's results into what the results page shows (JSON-safe): pupil rows, items,
// the pupil × question grid and the sorting grid. Pure: no database, no request.
import { extensionView } from "~/utils/extension";
import type { AssignmentResults } from "~/models/results.server";
import { optionLetter, sortRows, type CompletionStatus, type SortDir, type SortKey } from "~/utils/results-table";
import { lessonMaxPoints, quizParts } from "~/utils/two-part";
import { DISCRIMINATION_MIN_PUPILS, FLAG_DISCRIMINATION_BELOW, FLAG_FACILITY_BELOW } from "~/utils/stats";

export type CellState = "right" | "wrong" | "none";
export type GridCell = { state: CellState; choice: string | null };
export type GridRow = { pupilId: number; name: string; status: CompletionStatus; answered: number; cells: GridCell[] };

/** Each pupil's answers to each item: right, wrong or not answered, with what they chose (a letter or a category). */
export function answerGrids(r: AssignmentResults) {
  const { lesson } = r.assignment;
  const quiz: GridRow[] = [];
  const sort: GridRow[] = [];
  for (const p of r.pupils) {
    const base = { pupilId: p.pupilId, name: p.name, status: p.status, answered: p.answered };
    quiz.push({
      ...base,
      // one column per answerable part: a single question, or Part A and Part B of a two-part one
      cells: quizParts(lesson).map((q) => {
        const chosen = p.quiz[q.id];
        const index = q.options.findIndex((o) => o.id === chosen);
        if (chosen === undefined || index < 0) return { state: "none", choice: null };
        return { state: chosen === q.correct ? "right" : "wrong", choice: optionLetter(index) };
      }),
    });
    sort.push({
      ...base,
      cells: lesson.sorting.map((s) => {
        const chosen = p.sort[s.id];
        if (chosen === undefined) return { state: "none", choice: null };
        return { state: chosen === s.category ? "right" : "wrong", choice: chosen };
      }),
    });
  }
  return { quiz, sort };
}

/** Everything the results page renders, for a sort order read from the address. */
export function resultsView(r: AssignmentResults, sort: { key: SortKey; dir: SortDir }) {
  const a = r.assignment;
  const { lesson } = a;
  const itemsTotal = quizParts(lesson).length + lesson.sorting.length;
  const rows = sortRows(
    r.pupils.map((p) => ({
      pupilId: p.pupilId,
      name: p.name,
      status: p.status,
      answered: p.answered,
      percent: p.counting?.percent ?? null,
      quizScore: p.counting?.quizScore ?? null,
      quizMax: p.counting?.quizMax ?? lessonMaxPoints(lesson),
      sortScore: p.counting?.sortScore ?? null,
      sortMax: p.counting?.sortMax ?? lesson.sorting.length,
      attempts: p.attempts,
      spentMs: p.counting?.spentMs ?? null,
      submittedAt: p.counting?.submittedAt.toISOString() ?? null,
      late: p.counting?.late ?? false,
      extension: extensionView(p.extension),
    })),
    sort.key,
    sort.dir,
  );
  const byId = new Map(quizParts(lesson).map((q) => [q.id, q]));
  const names = new Map(r.pupils.map((p) => [p.pupilId, p.name]));
  return {
    id: a.id,
    classId: a.classId,
    className: a.className,
    timeZone: a.timeZone,
    title: lesson.title,
    language: lesson.language,
    dueAt: a.dueAt.toISOString(),
    counting: a.counting,
    total: r.pupils.length,
    itemsTotal,
    submitted: r.submitted,
    thresholds: { facility: FLAG_FACILITY_BELOW, discrimination: FLAG_DISCRIMINATION_BELOW, minPupils: DISCRIMINATION_MIN_PUPILS },
    completion: r.completion,
    scores: r.scores,
    sort,
    rows,
    grids: answerGrids(r),
    items: r.items.map((item) => {
      const q = byId.get(item.id)!;
      const letterOf = (optionId: string | null) => {
        const i = q.options.findIndex((o) => o.id === optionId);
        return i >= 0 ? optionLetter(i) : null;
      };
      return {
        n: q.n,
        part: q.part,
        id: item.id,
        stem: q.stem,
        skill: item.skill,
        facility: item.facility,
        discrimination: item.discrimination,
        flagged: item.flagged,
        lowFacility: item.facility !== null && item.facility < FLAG_FACILITY_BELOW,
        lowDiscrimination: item.discrimination !== null && item.discrimination < FLAG_DISCRIMINATION_BELOW,
        topWrong: letterOf(item.topWrongOption),
        evidence: item.evidence,
        options: item.counts.options.map((o, i) => ({
          letter: optionLetter(i),
          text: q.options[i].text,
          count: o.count,
          correct: o.correct,
        })),
        unanswered: item.counts.unanswered,
        unknown: item.counts.unknown,
      };
    }),
    skills: r.skills,
    pupilSkills: r.pupils
      .filter((p) => p.counting)
      .map((p) => ({ pupilId: p.pupilId, name: p.name, skills: r.pupilSkills.get(p.pupilId) ?? [] })),
    confusion: r.confusion,
    rubric: {
      prompts: lesson.prompts.filter((p) => r.rubric?.promptIds.includes(p.id)).map((p) => ({ id: p.id, prompt: p.prompt })),
      distribution: r.rubric?.distribution ?? {},
    },
    participation: {
      prompts: r.participation.prompts,
      pupils: r.participation.pupils.map((p) => ({ ...p, name: names.get(p.pupilId) ?? p.name })),
      totals: r.participation.totals,
    },
  };
}

export type ResultsView = ReturnType<typeof resultsView>;
