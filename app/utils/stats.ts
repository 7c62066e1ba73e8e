// Class-result statistics (facility, discrimination, option counts, skills, confusion, distribution) as pure functions.
import { CATEGORIES, SKILLS } from "~/content/schema";
import type { Category, Skill } from "~/content/schema";

export type QuizResponse = {
  pupilId: number;
  questionId: string;
  choice: string | null;
  correct: boolean;
};
/** The counting attempt's total (quiz + sorting); the ranking for discrimination uses score / max. */
export type PupilTotal = { pupilId: number; score: number; max: number };
export type SortResponse = {
  pupilId: number;
  itemId: string;
  trueCategory: Category;
  chosen: Category | null;
};

/** The question fields the statistics read; a lesson `Question` fits. */
export type AnalysedQuestion = {
  id: string;
  skill: Skill;
  options: { id: string }[];
  correct: string;
  evidence: number[];
};

/** Thresholds the results page states next to a flagged question. */
export const FLAG_FACILITY_BELOW = 0.3;
export const FLAG_DISCRIMINATION_BELOW = 0.1;
/** Below this many submitted pupils an upper and a lower group say nothing useful. */
export const DISCRIMINATION_MIN_PUPILS = 4;
/** Share of the class in each of the upper and lower groups (Kelley's 27 %). */
export const DISCRIMINATION_GROUP_SHARE = 0.27;

/** mean = Σx / n; null for no values. */
export function mean(values: number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** median = middle of the sorted values, or the mean of the two middle ones when n is even; null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function correctPupils(responses: QuizResponse[]): Set<number> {
  // A set, so a duplicated answer row cannot count a pupil twice.
  return new Set(responses.filter((r) => r.correct).map((r) => r.pupilId));
}

/**
 * facility = (pupils who answered correctly) / nPupils, nPupils = submitted pupils; a question left
 * unanswered in a submitted attempt counts as wrong. `responses` are one question's, from submitted
 * pupils only. Null when nobody submitted.
 */
export function facility(responses: QuizResponse[], nPupils: number): number | null {
  if (nPupils <= 0) return null;
  return correctPupils(responses).size / nPupils;
}

/**
 * Submitted pupils from strongest to weakest by score / max (max 0 counts as 0). Ties go to the
 * lower pupilId first: arbitrary, but it keeps group membership (and so D) the same on every load.
 */
export function rankPupils(totals: PupilTotal[]): PupilTotal[] {
  const fraction = (t: PupilTotal) => (t.max > 0 ? t.score / t.max : 0);
  return [...totals].sort((a, b) => fraction(b) - fraction(a) || a.pupilId - b.pupilId);
}

/**
 * Upper–lower index D = p_upper − p_lower, where the groups are the top and bottom
 * n = max(1, round(0.27 × N)) pupils ranked by total score / max (ties → lower pupilId ranks higher)
 * and p is the share of each group answering this question correctly. Range −1…1; null when N < 4.
 */
export function discrimination(responses: QuizResponse[], totals: PupilTotal[]): number | null {
  const N = totals.length;
  if (N < DISCRIMINATION_MIN_PUPILS) return null;
  const n = Math.max(1, Math.round(DISCRIMINATION_GROUP_SHARE * N));
  const ranked = rankPupils(totals);
  const right = correctPupils(responses);
  const share = (group: PupilTotal[]) =>
    group.filter((t) => right.has(t.pupilId)).length / group.length;
  return share(ranked.slice(0, n)) - share(ranked.slice(N - n));
}

/**
 * Point-biserial r = (M₁ − M₀) / s × √(p·q): M₁, M₀ the mean score / max of pupils right and wrong
 * on this question, s the population standard deviation of score / max over all N pupils, p the
 * facility, q = 1 − p. The total includes this question (uncorrected). Null when N < 2, when
 * everyone or no one was right, or when all totals are equal.
 */
export function pointBiserial(responses: QuizResponse[], totals: PupilTotal[]): number | null {
  const N = totals.length;
  if (N < 2) return null;
  const right = correctPupils(responses);
  const fraction = (t: PupilTotal) => (t.max > 0 ? t.score / t.max : 0);
  const all = totals.map(fraction);
  const ones = totals.filter((t) => right.has(t.pupilId)).map(fraction);
  const zeros = totals.filter((t) => !right.has(t.pupilId)).map(fraction);
  if (ones.length === 0 || zeros.length === 0) return null;
  const m = mean(all)!;
  const s = Math.sqrt(all.reduce((sum, x) => sum + (x - m) ** 2, 0) / N);
  if (s === 0) return null;
  const p = ones.length / N;
  return ((mean(ones)! - mean(zeros)!) / s) * Math.sqrt(p * (1 - p));
}

export type OptionCount = { id: string; count: number; correct: boolean };
export type OptionCounts = {
  /** Every option in the lesson's order, zeros included. */
  options: OptionCount[];
  /** Null choices, plus submitted pupils with no answer row when `nPupils` is given. */
  unanswered: number;
  /** Choices naming no current option: the lesson was edited after pupils answered. */
  unknown: number;
};

/**
 * count(option) = responses choosing it; unanswered = null choices (+ nPupils − pupils with a row,
 * when nPupils is given); unknown = choices matching no option. Without nPupils they sum to the
 * number of responses.
 */
export function optionCounts(
  question: { options: { id: string }[]; correct: string },
  responses: QuizResponse[],
  nPupils?: number,
): OptionCounts {
  const counts = new Map(question.options.map((o) => [o.id, 0]));
  let unanswered = 0;
  let unknown = 0;
  for (const r of responses) {
    if (r.choice === null) unanswered++;
    else if (counts.has(r.choice)) counts.set(r.choice, counts.get(r.choice)! + 1);
    else unknown++;
  }
  if (nPupils !== undefined) {
    const withRow = new Set(responses.map((r) => r.pupilId)).size;
    unanswered += Math.max(0, nPupils - withRow);
  }
  return {
    options: question.options.map((o) => ({
      id: o.id,
      count: counts.get(o.id)!,
      correct: o.id === question.correct,
    })),
    unanswered,
    unknown,
  };
}

export type ItemAnalysis = {
  id: string;
  skill: Skill;
  facility: number | null;
  discrimination: number | null;
  counts: OptionCounts;
  /** Facility below FLAG_FACILITY_BELOW: most of the class got it wrong. */
  lowFacility: boolean;
  /** Discrimination below FLAG_DISCRIMINATION_BELOW: strong and weak pupils did about as well. */
  lowDiscrimination: boolean;
  /** Either of the two above. */
  flagged: boolean;
  /** The wrong option most pupils chose (the earlier option on a tie), or null if nobody chose a wrong one. */
  topWrongOption: string | null;
  /** Paragraphs to reread with the class when the question is flagged. */
  evidence: number[];
};

/**
 * Per question: facility, upper–lower D, option counts, and flagged = facility < 0.3 or D < 0.1.
 * Only pupils in `totals` (those with a submitted, counting attempt) are counted.
 */
export function itemAnalysis(
  questions: AnalysedQuestion[],
  responses: QuizResponse[],
  totals: PupilTotal[],
): ItemAnalysis[] {
  const submitted = new Set(totals.map((t) => t.pupilId));
  const nPupils = submitted.size;
  const counted = responses.filter((r) => submitted.has(r.pupilId));
  return questions.map((q) => {
    const mine = counted.filter((r) => r.questionId === q.id);
    const f = facility(mine, nPupils);
    const d = discrimination(mine, totals);
    const counts = optionCounts(q, mine, nPupils);
    let topWrongOption: string | null = null;
    let topCount = 0;
    for (const o of counts.options) {
      if (!o.correct && o.count > topCount) {
        topWrongOption = o.id;
        topCount = o.count;
      }
    }
    const lowFacility = f !== null && f < FLAG_FACILITY_BELOW;
    const lowDiscrimination = d !== null && d < FLAG_DISCRIMINATION_BELOW;
    return {
      id: q.id,
      skill: q.skill,
      facility: f,
      discrimination: d,
      counts,
      lowFacility,
      lowDiscrimination,
      flagged: lowFacility || lowDiscrimination,
      topWrongOption,
      evidence: q.evidence,
    };
  });
}

export type SkillShare = { skill: Skill; correct: number; total: number; share: number | null };

function sharesFor(
  questions: { id: string; skill: Skill }[],
  responses: QuizResponse[],
  pupils: Set<number>,
): SkillShare[] {
  const skillOf = new Map(questions.map((q) => [q.id, q.skill]));
  const right = new Set<string>();
  for (const r of responses) {
    // Keyed by pupil and question so a duplicated row cannot count twice.
    if (r.correct && pupils.has(r.pupilId) && skillOf.has(r.questionId))
      right.add(`${r.pupilId}\u0000${r.questionId}`);
  }
  return SKILLS.map((skill) => {
    const ids = questions.filter((q) => q.skill === skill).map((q) => q.id);
    const total = ids.length * pupils.size;
    let correct = 0;
    for (const pupil of pupils)
      for (const id of ids) if (right.has(`${pupil}\u0000${id}`)) correct++;
    return { skill, correct, total, share: total > 0 ? correct / total : null };
  });
}

/**
 * Per skill (SKILLS order): correct = right answers to its questions, total = pupils × its questions
 * (unanswered counts as wrong), share = correct / total (null when total is 0). Pupils are
 * `pupilIds` when given, else everyone with a response.
 */
export function skillShares(
  questions: { id: string; skill: Skill }[],
  responses: QuizResponse[],
  pupilIds?: number[],
): SkillShare[] {
  return sharesFor(questions, responses, new Set(pupilIds ?? responses.map((r) => r.pupilId)));
}

/** The same shares for each pupil alone (total = that skill's questions), pupils in ascending id. */
export function pupilSkillShares(
  questions: { id: string; skill: Skill }[],
  responses: QuizResponse[],
  pupilIds?: number[],
): { pupilId: number; skills: SkillShare[] }[] {
  const ids = [...new Set(pupilIds ?? responses.map((r) => r.pupilId))].sort((a, b) => a - b);
  return ids.map((pupilId) => ({
    pupilId,
    skills: sharesFor(
      questions,
      responses.filter((r) => r.pupilId === pupilId),
      new Set([pupilId]),
    ),
  }));
}

export type ConfusionRow = {
  trueCategory: Category;
  /** chosen category → count, keys in CATEGORIES order; the diagonal is the right answers. */
  counts: Record<Category, number>;
  unanswered: number;
  total: number;
};

/** Row per true category, cell = sorting answers whose true category is the row and choice the column (CATEGORIES order). */
export function confusionTable(responses: SortResponse[]): ConfusionRow[] {
  const rows = CATEGORIES.map((trueCategory) => ({
    trueCategory,
    counts: Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>,
    unanswered: 0,
    total: 0,
  }));
  const byCategory = new Map(rows.map((row) => [row.trueCategory, row]));
  for (const r of responses) {
    const row = byCategory.get(r.trueCategory);
    if (!row) continue;
    row.total++;
    if (r.chosen === null || !(r.chosen in row.counts)) row.unanswered++;
    else row.counts[r.chosen]++;
  }
  return rows;
}

export type Confusion = { from: Category; to: Category; count: number };

/**
 * The most frequent mix-ups in a confusion table (off the diagonal, count > 0), most first; ties
 * keep table order (true category, then chosen category, both in CATEGORIES order).
 */
export function topConfusions(rows: readonly ConfusionRow[], limit = 3): Confusion[] {
  const categories = rows.map((row) => row.trueCategory);
  return rows
    .flatMap((row) =>
      categories
        .filter((c) => c !== row.trueCategory && row.counts[c] > 0)
        .map((c) => ({ from: row.trueCategory, to: c, count: row.counts[c] })),
    )
    .sort((a, b) => b.count - a.count)
    .slice(0, limit);
}

export type HistogramBin = { from: number; to: number; count: number };

/**
 * Bins [0, w), [w, 2w), … with the last bin closed at 100 (bin = min(floor(p / w), last)); labels
 * from–to are whole percents, e.g. 0–9 … 90–100. Values outside 0–100 are clamped; non-numbers dropped.
 */
export function histogram(percentages: number[], binWidth = 10): HistogramBin[] {
  if (!Number.isInteger(binWidth) || binWidth < 1 || binWidth > 100)
    throw new RangeError("binWidth must be a whole number from 1 to 100");
  const nBins = Math.ceil(100 / binWidth);
  const bins = Array.from({ length: nBins }, (_, i) => ({
    from: i * binWidth,
    to: i === nBins - 1 ? 100 : (i + 1) * binWidth - 1,
    count: 0,
  }));
  for (const p of percentages) {
    if (!Number.isFinite(p)) continue;
    const clamped = Math.min(100, Math.max(0, p));
    bins[Math.min(nBins - 1, Math.floor(clamped / binWidth))].count++;
  }
  return bins;
}

export type CountingRule = "highest" | "last";

/**
 * Among submitted attempts: "highest" → the highest percent, a tie going to the later (higher
 * number) attempt; "last" → the highest number. Null when none is submitted.
 */
export function countingAttempt<
  A extends { number: number; submittedAt: Date | null; percent: number },
>(attempts: A[], rule: CountingRule): A | null {
  let best: A | null = null;
  for (const a of attempts) {
    if (a.submittedAt === null) continue;
    if (best === null) best = a;
    else if (rule === "last") {
      if (a.number > best.number) best = a;
    } else if (a.percent > best.percent || (a.percent === best.percent && a.number > best.number))
      best = a;
  }
  return best;
}
