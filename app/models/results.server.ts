// Class results: each pupil's counting attempt, answers and posts for an assignment (and across a class), fed to the statistics.
import { inArray, sql } from "drizzle-orm";
import type { Category, Lesson } from "~/content/schema";
import { db, row, rows } from "~/db.server";
import { answers } from "~/db/tables.server";
import { getTeacherAssignment, type TeacherAssignment } from "~/models/assignment.server";
import { getTaughtClass } from "~/models/class-access.server";
import { extensionsOf, extensionsOfClass } from "~/models/extension.server";
import { personalDue, type Extension } from "~/utils/extension";
import { getLessonVersion } from "~/models/lesson.server";
import { zonedDay } from "~/utils/download-name";
import { percent } from "~/utils/quiz";
import { partResponses, pointResponses, quizParts } from "~/utils/two-part";
import { rubricResults } from "~/models/discussion.server";

type RubricResults = Awaited<ReturnType<typeof rubricResults>>;
import { COMPLETION_STATUSES, type CompletionStatus } from "~/utils/results-table";
import {
  confusionTable,
  countingAttempt,
  histogram,
  itemAnalysis,
  mean,
  median,
  pupilSkillShares,
  skillShares,
  type ConfusionRow,
  type CountingRule,
  type HistogramBin,
  type ItemAnalysis,
  type PupilTotal,
  type QuizResponse,
  type SkillShare,
  type SortResponse,
} from "~/utils/stats";
import { notFound } from "~/utils/http.server";
import { classResultsView, pupilWorkView, resultsView } from "~/utils/results-view";
import type { SortDir, SortKey } from "~/utils/results-table";

export { COMPLETION_STATUSES, type CompletionStatus };

type AttemptFacts = {
  id: number;
  number: number;
  startedAt: number;
  submittedAt: number | null;
  /** 0/1 on SQLite, a boolean on PostgreSQL */
  late: number | boolean;
  quizScore: number | null;
  quizMax: number | null;
  sortScore: number | null;
  sortMax: number | null;
};

export type CountedAttempt = {
  id: number;
  number: number;
  quizScore: number;
  quizMax: number;
  sortScore: number;
  sortMax: number;
  percent: number;
  startedAt: Date;
  submittedAt: Date;
  late: boolean;
  spentMs: number;
};

function scored(a: AttemptFacts) {
  const score = {
    quizScore: a.quizScore ?? 0,
    quizMax: a.quizMax ?? 0,
    sortScore: a.sortScore ?? 0,
    sortMax: a.sortMax ?? 0,
  };
  return {
    ...a,
    ...score,
    submittedAt: a.submittedAt === null ? null : new Date(a.submittedAt),
    percent: percent(score),
  };
}

/** The attempt that counts under the assignment's rule (stats.countingAttempt), or null without a submission. */
export function pickCounting(attempts: AttemptFacts[], rule: CountingRule): CountedAttempt | null {
  const best = countingAttempt(attempts.map(scored), rule);
  if (!best || !best.submittedAt) return null;
  return {
    id: best.id,
    number: best.number,
    quizScore: best.quizScore,
    quizMax: best.quizMax,
    sortScore: best.sortScore,
    sortMax: best.sortMax,
    percent: best.percent,
    startedAt: new Date(best.startedAt),
    submittedAt: best.submittedAt,
    late: Boolean(best.late),
    spentMs: Math.max(0, best.submittedAt.getTime() - best.startedAt),
  };
}

/**
 * What the teacher reads per pupil: submitted on time or late (by the counting attempt); without a
 * submission, missed once the due time has passed (late work may still come in), else in progress
 * or not started.
 */
export function completionStatus(
  dueAt: Date,
  counting: Pick<CountedAttempt, "late"> | null,
  attemptsMade: number,
  now: number,
): CompletionStatus {
  if (counting) return counting.late ? "late" : "submitted";
  if (now > dueAt.getTime()) return "missed";
  return attemptsMade > 0 ? "in_progress" : "not_started";
}

export type PupilResult = {
  pupilId: number;
  name: string;
  status: CompletionStatus;
  attempts: number;
  counting: CountedAttempt | null;
  /**
   * The counting attempt's choices, item id → option id / category; without a submission, what the
   * latest attempt has saved so far (the statistics read submitted pupils only).
   */
  quiz: Record<string, string>;
  sort: Record<string, string>;
  /** How many items the shown attempt (counting, else latest) has answered. */
  answered: number;
  /** The teacher's extension for this pupil ("extended to …", "+1 attempt"), if any. */
  extension?: Extension | null;
};

type PupilAttemptRow = { pupilId: number; name: string } & {
  [K in keyof AttemptFacts]: AttemptFacts[K] | null;
};

const ANSWER_ID_CHUNK = 10_000;

/** Every pupil of the class with their attempts at this assignment (one indexed join). */
async function loadPupils(a: TeacherAssignment, now: number): Promise<PupilResult[]> {
  const found = await rows<PupilAttemptRow>(sql`
    SELECT p.id AS "pupilId", p.display_name AS name,
      a.id AS id, a.number AS number, a.started_at AS "startedAt", a.submitted_at AS "submittedAt", a.late AS late,
      a.quiz_score AS "quizScore", a.quiz_max AS "quizMax", a.sort_score AS "sortScore", a.sort_max AS "sortMax"
    FROM pupils p
    LEFT JOIN attempts a ON a.assignment_id = ${a.id} AND a.pupil_id = p.id
    WHERE p.class_id = ${a.classId}
    ORDER BY lower(p.display_name), p.id, a.number`);
  const byPupil = new Map<number, { name: string; attempts: AttemptFacts[] }>();
  for (const r of found) {
    let entry = byPupil.get(r.pupilId);
    if (!entry) byPupil.set(r.pupilId, (entry = { name: r.name, attempts: [] }));
    if (r.id !== null) entry.attempts.push(r as AttemptFacts);
  }
  const pupilsOut: PupilResult[] = [];
  const owner = new Map<number, PupilResult>();
  const extensions = await extensionsOf(a.id);
  for (const [pupilId, { name, attempts }] of byPupil) {
    const counting = pickCounting(attempts, a.counting);
    const extension = extensions.get(pupilId) ?? null;
    const pupil: PupilResult = {
      pupilId,
      name,
      extension,
      status: completionStatus(personalDue(a.dueAt, extension), counting, attempts.length, now),
      attempts: attempts.length,
      counting,
      quiz: {},
      sort: {},
      answered: 0,
    };
    pupilsOut.push(pupil);
    // attempts come ordered by number: the last is the latest
    const shownId = counting?.id ?? attempts.at(-1)?.id;
    if (shownId !== undefined) owner.set(shownId, pupil);
  }
  if (owner.size) {
    // SQLite allows 32,766 bound values per statement; a class has tens of attempts
    const answerRows = [];
    const ids = [...owner.keys()];
    for (let i = 0; i < ids.length; i += ANSWER_ID_CHUNK)
      answerRows.push(
        ...(await db
          .select({
            attemptId: answers.attemptId,
            kind: answers.kind,
            itemId: answers.itemId,
            choice: answers.choice,
          })
          .from(answers)
          .where(inArray(answers.attemptId, ids.slice(i, i + ANSWER_ID_CHUNK)))),
      );
    for (const r of answerRows) {
      const p = owner.get(r.attemptId);
      if (p) {
        p[r.kind][r.itemId] = r.choice;
        p.answered++;
      }
    }
  }
  return pupilsOut;
}

export type Participation = {
  prompts: { id: string; prompt: string; responded: number }[];
  pupils: {
    pupilId: number;
    name: string;
    /** prompt id → top-level responses (0 = none) */
    responses: Record<string, number>;
    replies: number;
    exemplary: number;
    hidden: number;
  }[];
  totals: { responses: number; replies: number; exemplary: number; hidden: number };
};

/** Posts counted in SQL per pupil and prompt; deleted posts do not count. */
async function loadParticipation(
  a: TeacherAssignment,
  pupilList: { pupilId: number; name: string }[],
): Promise<Participation> {
  const found = await rows<{
    pupilId: number;
    promptId: string;
    responses: number;
    replies: number;
    exemplary: number;
    hidden: number;
  }>(sql`
    SELECT author_id AS "pupilId", prompt_id AS "promptId",
      count(*) FILTER (WHERE parent_id IS NULL) AS responses,
      count(*) FILTER (WHERE parent_id IS NOT NULL) AS replies,
      count(*) FILTER (WHERE exemplary) AS exemplary,
      count(*) FILTER (WHERE hidden) AS hidden
    FROM posts
    WHERE assignment_id = ${a.id} AND deleted_at IS NULL
    GROUP BY author_id, prompt_id`);
  const byPupil = new Map(
    pupilList.map((p) => [
      p.pupilId,
      {
        pupilId: p.pupilId,
        name: p.name,
        responses: {} as Record<string, number>,
        replies: 0,
        exemplary: 0,
        hidden: 0,
      },
    ]),
  );
  const totals = { responses: 0, replies: 0, exemplary: 0, hidden: 0 };
  for (const r of found) {
    const p = byPupil.get(r.pupilId);
    if (!p) continue;
    p.responses[r.promptId] = (p.responses[r.promptId] ?? 0) + r.responses;
    p.replies += r.replies;
    p.exemplary += r.exemplary;
    p.hidden += r.hidden;
    totals.responses += r.responses;
    totals.replies += r.replies;
    totals.exemplary += r.exemplary;
    totals.hidden += r.hidden;
  }
  const list = [...byPupil.values()];
  return {
    prompts: a.lesson.prompts.map((pr) => ({
      id: pr.id,
      prompt: pr.prompt,
      responded: list.filter((p) => (p.responses[pr.id] ?? 0) > 0).length,
    })),
    pupils: list,
    totals,
  };
}

export type AssignmentResults = {
  assignment: TeacherAssignment;
  pupils: PupilResult[];
  completion: Record<CompletionStatus, { count: number; names: string[] }>;
  /** Pupils with a counting (submitted) attempt: the only ones in the statistics below. */
  submitted: number;
  scores: { histogram: HistogramBin[]; mean: number | null; median: number | null };
  items: ItemAnalysis[];
  skills: SkillShare[];
  pupilSkills: Map<number, SkillShare[]>;
  confusion: ConfusionRow[];
  participation: Participation;
  /** CER rubric levels: distribution per prompt and component, and each pupil's levels (for the CSV). */
  rubric?: RubricResults;
};

/** Everything the results page, the CSV and the class overview read for one assignment. */
export function summarise(a: TeacherAssignment, pupilList: PupilResult[]) {
  const lesson: Lesson = a.lesson;
  const done = pupilList.filter((p) => p.counting !== null);
  const totals: PupilTotal[] = done.map((p) => ({
    pupilId: p.pupilId,
    score: p.counting!.quizScore + p.counting!.sortScore,
    max: p.counting!.quizMax + p.counting!.sortMax,
  }));
  const quizResponses: QuizResponse[] = [];
  const pointResponsesAll: QuizResponse[] = [];
  const sortResponses: SortResponse[] = [];
  const parts = quizParts(lesson);
  for (const p of done) {
    quizResponses.push(...partResponses(lesson, p.pupilId, p.quiz));
    pointResponsesAll.push(...pointResponses(lesson, p.pupilId, p.quiz));
    for (const s of lesson.sorting)
      sortResponses.push({
        pupilId: p.pupilId,
        itemId: s.id,
        trueCategory: s.category,
        chosen: (p.sort[s.id] as Category | undefined) ?? null,
      });
  }
  const ids = done.map((p) => p.pupilId);
  const percents = done.map((p) => p.counting!.percent);
  const completion = Object.fromEntries(
    COMPLETION_STATUSES.map((s) => [s, { count: 0, names: [] as string[] }]),
  ) as AssignmentResults["completion"];
  for (const p of pupilList) {
    completion[p.status].count++;
    completion[p.status].names.push(p.name);
  }
  return {
    completion,
    submitted: done.length,
    scores: { histogram: histogram(percents), mean: mean(percents), median: median(percents) },
    // Item analysis per part (a two-part question's Part B is its own row); skills count points.
    items: itemAnalysis(parts, quizResponses, totals),
    skills: skillShares(parts, pointResponsesAll, ids),
    pupilSkills: new Map(
      pupilSkillShares(parts, pointResponsesAll, ids).map((r) => [r.pupilId, r.skills]),
    ),
    confusion: confusionTable(sortResponses),
  };
}

/** One of the teacher's assignments with its full class results, or 404. */
export async function assignmentResults({
  teacherId,
  assignmentId,
  now = Date.now(),
}: {
  teacherId: number;
  assignmentId: number;
  now?: number;
}): Promise<AssignmentResults> {
  const assignment = await getTeacherAssignment({ teacherId, assignmentId });
  const pupilList = await loadPupils(assignment, now);
  return {
    assignment,
    pupils: pupilList,
    ...summarise(assignment, pupilList),
    participation: await loadParticipation(assignment, pupilList),
    rubric: await rubricResults(assignment.id, assignment.lesson.prompts),
  };
}

/** What a results download is named after: the class, the lesson and today's date in the class's zone. */
export function downloadName(r: AssignmentResults, now = new Date()) {
  const a = r.assignment;
  return {
    className: a.className,
    lesson: a.lesson.title,
    slug: a.lesson.slug,
    day: zonedDay(now, a.timeZone),
  };
}

export type PupilPost = {
  id: number;
  promptId: string;
  parentId: number | null;
  body: string;
  claim: string | null;
  evidence: string | null;
  reasoning: string | null;
  hidden: boolean;
  exemplary: boolean;
  createdAt: Date;
  feedback: string | null;
};

/** One pupil's work on one assignment for its teacher; the pupil must be in the assignment's class, else 404. */
export async function pupilWork({
  teacherId,
  assignmentId,
  pupilId,
  now = Date.now(),
}: {
  teacherId: number;
  assignmentId: number;
  pupilId: number;
  now?: number;
}) {
  const assignment = await getTeacherAssignment({ teacherId, assignmentId });
  const pupil = await row<{ id: number; name: string }>(
    sql`SELECT id, display_name AS name FROM pupils WHERE id = ${pupilId} AND class_id = ${assignment.classId}`,
  );
  if (!pupil) notFound();
  const attemptRows = await rows<AttemptFacts>(sql`
    SELECT id, number, started_at AS "startedAt", submitted_at AS "submittedAt", late,
      quiz_score AS "quizScore", quiz_max AS "quizMax", sort_score AS "sortScore", sort_max AS "sortMax"
    FROM attempts WHERE assignment_id = ${assignment.id} AND pupil_id = ${pupil.id} ORDER BY number`);
  const counting = pickCounting(attemptRows, assignment.counting);
  // Without a submission the teacher still sees what is saved so far in the latest attempt.
  const shown = counting
    ? attemptRows.find((r) => r.id === counting.id)!
    : (attemptRows.at(-1) ?? null);
  const choices = { quiz: {} as Record<string, string>, sort: {} as Record<string, string> };
  if (shown) {
    const answerRows = await rows<{ kind: "quiz" | "sort"; itemId: string; choice: string }>(
      sql`SELECT kind, item_id AS "itemId", choice FROM answers WHERE attempt_id = ${shown.id}`,
    );
    for (const r of answerRows) choices[r.kind][r.itemId] = r.choice;
  }
  const postRows = await rows<{
    id: number;
    promptId: string;
    parentId: number | null;
    body: string;
    claim: string | null;
    evidence: string | null;
    reasoning: string | null;
    hidden: number | boolean;
    exemplary: number | boolean;
    createdAt: number;
    feedback: string | null;
  }>(sql`
    SELECT p.id, p.prompt_id AS "promptId", p.parent_id AS "parentId", p.body, p.claim, p.evidence, p.reasoning,
      p.hidden, p.exemplary, p.created_at AS "createdAt", f.body AS feedback
    FROM posts p LEFT JOIN post_feedback f ON f.post_id = p.id
    WHERE p.assignment_id = ${assignment.id} AND p.author_id = ${pupil.id} AND p.deleted_at IS NULL
    ORDER BY p.created_at, p.id`);
  const posts: PupilPost[] = postRows.map((r) => ({
    ...r,
    hidden: Boolean(r.hidden),
    exemplary: Boolean(r.exemplary),
    createdAt: new Date(r.createdAt),
  }));
  const quizResponses: QuizResponse[] = counting
    ? pointResponses(assignment.lesson, pupil.id, choices.quiz)
    : [];
  const extension = (await extensionsOf(assignment.id)).get(pupil.id) ?? null;
  return {
    assignment,
    pupil,
    extension,
    status: completionStatus(
      personalDue(assignment.dueAt, extension),
      counting,
      attemptRows.length,
      now,
    ),
    attempts: attemptRows.map((r) => {
      const s = scored(r);
      return {
        id: r.id,
        number: r.number,
        startedAt: new Date(r.startedAt),
        submittedAt: s.submittedAt,
        late: Boolean(r.late),
        percent: s.submittedAt ? s.percent : null,
      };
    }),
    counting,
    shownAttempt: shown
      ? { id: shown.id, number: shown.number, submitted: shown.submittedAt !== null }
      : null,
    choices,
    skills: counting ? skillShares(quizParts(assignment.lesson), quizResponses, [pupil.id]) : null,
    posts,
  };
}

export type ClassOverview = Awaited<ReturnType<typeof classResults>>;
export type PupilWork = Awaited<ReturnType<typeof pupilWork>>;

/** All assignments of one of the teacher's classes with completion and average, and each pupil across them; else 404. */
export async function classResults({
  teacherId,
  classId,
  now = Date.now(),
}: {
  teacherId: number;
  classId: number;
  now?: number;
}) {
  const klass = await getTaughtClass({ classId, teacherId });
  const assignmentRows = await rows<{
    id: number;
    dueAt: number;
    counting: CountingRule;
    lessonVersionId: number;
  }>(sql`
    SELECT id, due_at AS "dueAt", counting, lesson_version_id AS "lessonVersionId"
    FROM assignments WHERE class_id = ${klass.id} ORDER BY due_at, id`);
  const pupilRows = await rows<{ id: number; name: string }>(
    sql`SELECT id, display_name AS name FROM pupils WHERE class_id = ${klass.id} ORDER BY lower(display_name), id`,
  );
  const attemptRows = await rows<AttemptFacts & { assignmentId: number; pupilId: number }>(sql`
    SELECT t.assignment_id AS "assignmentId", t.pupil_id AS "pupilId", t.id, t.number, t.started_at AS "startedAt",
      t.submitted_at AS "submittedAt", t.late, t.quiz_score AS "quizScore", t.quiz_max AS "quizMax",
      t.sort_score AS "sortScore", t.sort_max AS "sortMax"
    FROM attempts t JOIN assignments a ON a.id = t.assignment_id
    WHERE a.class_id = ${klass.id}`);
  const grouped = new Map<string, AttemptFacts[]>();
  for (const r of attemptRows) {
    const key = `${r.assignmentId}:${r.pupilId}`;
    const list = grouped.get(key);
    if (list) list.push(r);
    else grouped.set(key, [r]);
  }
  const extensions = await extensionsOfClass(klass.id);
  type Cell = { status: CompletionStatus; percent: number | null };
  const cells = new Map<string, Cell>();
  const assignmentsOut = [];
  for (const a of assignmentRows) {
    const lesson = await getLessonVersion(a.lessonVersionId);
    const dueAt = new Date(a.dueAt);
    const completion = Object.fromEntries(COMPLETION_STATUSES.map((s) => [s, 0])) as Record<
      CompletionStatus,
      number
    >;
    const percents: number[] = [];
    for (const p of pupilRows) {
      const attempts = grouped.get(`${a.id}:${p.id}`) ?? [];
      const counting = pickCounting(attempts, a.counting);
      const status = completionStatus(
        personalDue(dueAt, extensions.get(`${a.id}:${p.id}`) ?? null),
        counting,
        attempts.length,
        now,
      );
      completion[status]++;
      if (counting) percents.push(counting.percent);
      cells.set(`${a.id}:${p.id}`, { status, percent: counting?.percent ?? null });
    }
    assignmentsOut.push({
      id: a.id,
      title: lesson?.title ?? "",
      language: lesson?.language ?? "id",
      dueAt,
      completion,
      submitted: percents.length,
      mean: mean(percents),
    });
  }
  return {
    klass: { id: klass.id, name: klass.name, timeZone: klass.timeZone },
    assignments: assignmentsOut,
    pupils: pupilRows.map((p) => {
      const cellsOfPupil = assignmentRows.map((a) => cells.get(`${a.id}:${p.id}`)!);
      return {
        pupilId: p.id,
        name: p.name,
        cells: cellsOfPupil,
        mean: mean(cellsOfPupil.flatMap((c) => (c.percent === null ? [] : [c.percent]))),
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// The three results pages: load, then shape with the pure helpers in ~/utils/results-view.

/** The assignment results page's data, its pupil table in the order the address asks for. */
export async function assignmentResultsPage(input: {
  teacherId: number;
  assignmentId: number;
  sort: { key: SortKey; dir: SortDir };
  now?: number;
}) {
  return resultsView(await assignmentResults(input), input.sort);
}

/** The teacher's page about one pupil's work on one assignment. */
export async function pupilWorkPage(input: {
  teacherId: number;
  assignmentId: number;
  pupilId: number;
  now?: number;
}) {
  return pupilWorkView(await pupilWork(input));
}

/** The class results overview page. */
export async function classResultsPage(input: {
  teacherId: number;
  classId: number;
  now?: number;
}) {
  return classResultsView(await classResults(input));
}
