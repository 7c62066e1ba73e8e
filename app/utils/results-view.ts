import { extensionView } from "~/utils/extension";
import { dateToZonedLocal } from "~/utils/zones";
// Shapes results into what the results pages show (JSON-safe): for one assignment the pupil rows,
// items, the pupil × question grid and the sorting grid; one pupil's work; a class's overview.
// Pure: no database, no request (models/results.server.ts loads the data and calls these).
import type { AssignmentResults, ClassOverview, PupilWork } from "~/models/results.server";
import {
  COMPLETION_STATUSES,
  optionLetter,
  sortRows,
  type CompletionStatus,
  type SortDir,
  type SortKey,
} from "~/utils/results-table";
import { lessonMaxPoints, quizParts } from "~/utils/two-part";
import {
  DISCRIMINATION_MIN_PUPILS,
  FLAG_DISCRIMINATION_BELOW,
  FLAG_FACILITY_BELOW,
  topConfusions,
} from "~/utils/stats";

export type CellState = "right" | "wrong" | "none";
export type GridCell = { state: CellState; choice: string | null };
export type GridRow = {
  pupilId: number;
  name: string;
  status: CompletionStatus;
  answered: number;
  cells: GridCell[];
};

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
    thresholds: {
      facility: FLAG_FACILITY_BELOW,
      discrimination: FLAG_DISCRIMINATION_BELOW,
      minPupils: DISCRIMINATION_MIN_PUPILS,
    },
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
        lowFacility: item.lowFacility,
        lowDiscrimination: item.lowDiscrimination,
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
      .map((p) => ({
        pupilId: p.pupilId,
        name: p.name,
        skills: r.pupilSkills.get(p.pupilId) ?? [],
      })),
    confusion: r.confusion,
    topConfusions: topConfusions(r.confusion),
    rubric: {
      prompts: lesson.prompts
        .filter((p) => r.rubric?.promptIds.includes(p.id))
        .map((p) => ({ id: p.id, prompt: p.prompt })),
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

/** One pupil's work on one assignment as the teacher's pupil page shows it (JSON-safe). */
export function pupilWorkView(w: PupilWork) {
  const { lesson } = w.assignment;
  const speakers = new Map(lesson.speakers.map((s) => [s.id, s.label]));
  const promptIndex = new Map(lesson.prompts.map((p, i) => [p.id, i + 1]));
  const option = (q: (typeof lesson.questions)[number], id: string | undefined) => {
    const i = q.options.findIndex((o) => o.id === id);
    return i >= 0 ? { letter: optionLetter(i), text: q.options[i].text } : null;
  };
  return {
    id: w.assignment.id,
    classId: w.assignment.classId,
    timeZone: w.assignment.timeZone,
    title: lesson.title,
    language: lesson.language,
    name: w.pupil.name,
    status: w.status,
    classDueAt: w.assignment.dueAt.toISOString(),
    closed: w.assignment.closedAt !== null,
    extension: extensionView(w.extension),
    extensionForm: {
      due: w.extension?.dueAt ? dateToZonedLocal(w.extension.dueAt, w.assignment.timeZone) : "",
      extraAttempts: String(w.extension?.extraAttempts ?? 0),
    },
    counting: w.counting
      ? {
          number: w.counting.number,
          percent: w.counting.percent,
          quizScore: w.counting.quizScore,
          quizMax: w.counting.quizMax,
          sortScore: w.counting.sortScore,
          sortMax: w.counting.sortMax,
        }
      : null,
    attempts: w.attempts.map((a) => ({
      number: a.number,
      startedAt: a.startedAt.toISOString(),
      submittedAt: a.submittedAt?.toISOString() ?? null,
      late: a.late,
      percent: a.percent,
      counting: w.counting?.id === a.id,
    })),
    shown: w.shownAttempt,
    skills: w.skills,
    questions: lesson.questions.map((q, i) => {
      const mine = w.choices.quiz[q.id];
      return {
        n: i + 1,
        id: q.id,
        stem: q.stem,
        mine: option(q, mine),
        right: option(q, q.correct)!,
        correct: mine === q.correct,
      };
    }),
    sorting: lesson.sorting.map((s, i) => ({
      n: i + 1,
      id: s.id,
      quote: s.quote,
      paragraph: s.paragraph,
      speaker: s.speaker ? (speakers.get(s.speaker) ?? null) : null,
      mine: (w.choices.sort[s.id] as typeof s.category | undefined) ?? null,
      right: s.category,
      correct: w.choices.sort[s.id] === s.category,
    })),
    posts: w.posts.map((p) => ({
      id: p.id,
      prompt: promptIndex.get(p.promptId) ?? null,
      reply: p.parentId !== null,
      body: p.body,
      claim: p.claim,
      evidence: p.evidence,
      reasoning: p.reasoning,
      hidden: p.hidden,
      exemplary: p.exemplary,
      createdAt: p.createdAt.toISOString(),
      feedback: p.feedback,
    })),
  };
}

export type PupilWorkView = ReturnType<typeof pupilWorkView>;

/** A class's results overview with dates as ISO strings, as the class results page shows it. */
export function classResultsView(overview: ClassOverview) {
  return {
    klass: overview.klass,
    assignments: overview.assignments.map((a) => ({ ...a, dueAt: a.dueAt.toISOString() })),
    pupils: overview.pupils,
    statuses: COMPLETION_STATUSES,
  };
}
