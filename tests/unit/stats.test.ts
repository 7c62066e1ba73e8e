// Class-result statistics checked against a fixture whose every expected value is worked out by hand below.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  confusionTable,
  countingAttempt,
  discrimination,
  facility,
  histogram,
  itemAnalysis,
  mean,
  median,
  optionCounts,
  pointBiserial,
  pupilSkillShares,
  skillShares,
  topConfusions,
  type AnalysedQuestion,
  type PupilTotal,
  type QuizResponse,
  type SortResponse,
} from "~/utils/stats";
import type { Category } from "~/content/schema";

/*
 * THE FIXTURE
 * Questions (options a, b, c, d):
 *   q1 comprehension,        correct a, evidence [2]
 *   q2 allegation-evidence,  correct b, evidence [3]
 *   q3 comprehension,        correct c, evidence [1, 4]
 *
 *            q1     q2        q3     quiz  sorting  total/7
 *   P1       a ✓    b ✓       c ✓     3      4        7
 *   P2       a ✓    b ✓       d ✗     2      3        5
 *   P3       b ✗    c ✗       d ✗     0      3        3
 *   P4       b ✗    b ✓       d ✗     1      1        2
 *   P5       a ✓    c ✗       null ✗  1      1        2
 *   P6       a ✓    (no row)  b ✗     1      0        1
 *   P7       d ✗    d ✗       d ✗     not submitted: absent from totals, must be ignored
 *
 * N = 6 submitted pupils.
 */
const questions: AnalysedQuestion[] = [
  { id: "q1", skill: "comprehension", options: opts(), correct: "a", evidence: [2] },
  { id: "q2", skill: "allegation-evidence", options: opts(), correct: "b", evidence: [3] },
  { id: "q3", skill: "comprehension", options: opts(), correct: "c", evidence: [1, 4] },
];
function opts() {
  return ["a", "b", "c", "d"].map((id) => ({ id }));
}
const answers: [number, string, string | null][] = [
  [1, "q1", "a"],
  [1, "q2", "b"],
  [1, "q3", "c"],
  [2, "q1", "a"],
  [2, "q2", "b"],
  [2, "q3", "d"],
  [3, "q1", "b"],
  [3, "q2", "c"],
  [3, "q3", "d"],
  [4, "q1", "b"],
  [4, "q2", "b"],
  [4, "q3", "d"],
  [5, "q1", "a"],
  [5, "q2", "c"],
  [5, "q3", null],
  [6, "q1", "a"],
  /* P6 has no q2 row */ [6, "q3", "b"],
  [7, "q1", "d"],
  [7, "q2", "d"],
  [7, "q3", "d"],
];
const responses: QuizResponse[] = answers.map(([pupilId, questionId, choice]) => ({
  pupilId,
  questionId,
  choice,
  correct: choice === questions.find((q) => q.id === questionId)!.correct,
}));
const totals: PupilTotal[] = [
  { pupilId: 1, score: 7, max: 7 },
  { pupilId: 2, score: 5, max: 7 },
  { pupilId: 3, score: 3, max: 7 },
  { pupilId: 4, score: 2, max: 7 },
  { pupilId: 5, score: 2, max: 7 },
  { pupilId: 6, score: 1, max: 7 },
];
const submitted = totals.map((t) => t.pupilId);
const forQuestion = (id: string) =>
  responses.filter((r) => r.questionId === id && submitted.includes(r.pupilId));

// Fractions are compared with a tolerance: 2/3 has no exact binary form.
function close(actual: number | null, expected: number) {
  assert.ok(actual !== null, `expected ${expected}, got null`);
  assert.ok(Math.abs(actual - expected) < 1e-9, `expected ${expected}, got ${actual}`);
}

test("facility = pupils correct / submitted pupils, unanswered counting as wrong", () => {
  // q1: P1, P2, P5, P6 right → 4 / 6
  close(facility(forQuestion("q1"), 6), 4 / 6);
  // q2: P1, P2, P4 right; P6 has no row and still counts in the 6 → 3 / 6 = 0.5
  close(facility(forQuestion("q2"), 6), 0.5);
  // q3: only P1 right; P5 answered null → 1 / 6
  close(facility(forQuestion("q3"), 6), 1 / 6);
  // nobody submitted: nothing to divide by
  assert.equal(facility([], 0), null);
});

test("discrimination: upper–lower 27 % groups, ties broken by the lower pupilId ranking higher", () => {
  /*
   * n = max(1, round(0.27 × 6)) = round(1.62) = 2.
   * Ranking by total/7: P1 7, P2 5, P3 3, P4 2, P5 2, P6 1. P4 and P5 tie at 2/7; P4 (lower id)
   * ranks higher, so upper = {P1, P2}, lower = {P5, P6}. (Had the tie gone the other way the
   * lower group would be {P4, P6} and q1, q2 below would come out 0.5.)
   */
  // q1: p_upper = 2/2 = 1 (P1 ✓ P2 ✓), p_lower = 2/2 = 1 (P5 ✓ P6 ✓) → D = 1 − 1 = 0
  close(discrimination(forQuestion("q1"), totals), 0);
  // q2: p_upper = 2/2 = 1, p_lower = 0/2 (P5 ✗, P6 no row ✗) → D = 1 − 0 = 1
  close(discrimination(forQuestion("q2"), totals), 1);
  // q3: p_upper = 1/2 (P1 ✓ P2 ✗), p_lower = 0/2 → D = 0.5 − 0 = 0.5
  close(discrimination(forQuestion("q3"), totals), 0.5);
});

test("discrimination with everyone tied is decided by pupilId, and is null below 4 pupils", () => {
  // 4 pupils all 3/5: n = max(1, round(0.27 × 4)) = round(1.08) = 1; order by id → upper {P1}, lower {P4}.
  const tied: PupilTotal[] = [4, 3, 2, 1].map((pupilId) => ({ pupilId, score: 3, max: 5 }));
  const rightOnly = (pupilId: number): QuizResponse[] => [
    { pupilId, questionId: "x", choice: "a", correct: true },
  ];
  // only P1 right: p_upper = 1/1, p_lower = 0/1 → D = 1
  close(discrimination(rightOnly(1), tied), 1);
  // only P4 right: p_upper = 0, p_lower = 1 → D = −1
  close(discrimination(rightOnly(4), tied), -1);
  // only P2 right: in neither group → D = 0 − 0 = 0
  close(discrimination(rightOnly(2), tied), 0);
  // N = 3 < 4: too few to say
  assert.equal(discrimination(rightOnly(1), tied.slice(0, 3)), null);
});

test("point-biserial on q2 matches the hand computation", () => {
  /*
   * r = (M1 − M0) / s × √(p q), totals as fractions of 7: 7, 5, 3, 2, 2, 1 (mean 20/6 = 10/3 sevenths).
   * Right on q2: P1, P2, P4 → M1 = (7+5+2)/3 = 14/3 sevenths; wrong: P3, P5, P6 → M0 = (3+2+1)/3 = 2 sevenths.
   * M1 − M0 = 8/3 sevenths. Deviations from 10/3: 11/3, 5/3, −1/3, −4/3, −4/3, −7/3;
   * squares sum = (121+25+1+16+16+49)/9 = 228/9; population variance = 228/54 = 38/9 → s = √38/3 sevenths.
   * p = q = 3/6 → √(pq) = 1/2. r = (8/3) / (√38/3) × 1/2 = 4/√38 ≈ 0.6489.
   */
  close(pointBiserial(forQuestion("q2"), totals), 4 / Math.sqrt(38));
  // everyone wrong → p = 0 → undefined
  assert.equal(pointBiserial([], totals), null);
});

test("option counts include zero options, null choices and missing rows as unanswered", () => {
  // q1 (submitted only): a = P1 P2 P5 P6 = 4, b = P3 P4 = 2, c = 0, d = 0 (P7's d excluded), unanswered 0
  assert.deepEqual(optionCounts(questions[0], forQuestion("q1"), 6), {
    options: [
      { id: "a", count: 4, correct: true },
      { id: "b", count: 2, correct: false },
      { id: "c", count: 0, correct: false },
      { id: "d", count: 0, correct: false },
    ],
    unanswered: 0,
    unknown: 0,
  });
  // q2: b = P1 P2 P4 = 3, c = P3 P5 = 2; P6 has no row → unanswered = 6 pupils − 5 rows = 1
  const q2 = optionCounts(questions[1], forQuestion("q2"), 6);
  assert.deepEqual(
    q2.options.map((o) => o.count),
    [0, 3, 2, 0],
  );
  assert.equal(q2.unanswered, 1);
  // q3 without nPupils: b = P6, c = P1, d = P2 P3 P4; P5's null → unanswered 1; 1+1+3+1 = 6 rows
  const q3 = optionCounts(questions[2], forQuestion("q3"));
  assert.deepEqual(
    q3.options.map((o) => o.count),
    [0, 1, 1, 3],
  );
  assert.equal(q3.unanswered, 1);
  // a choice of an option that no longer exists is kept apart rather than dropped
  const stale = optionCounts(questions[0], [
    { pupilId: 1, questionId: "q1", choice: "e", correct: false },
  ]);
  assert.equal(stale.unknown, 1);
});

test("item analysis counts only submitted pupils and flags hard or non-discriminating questions", () => {
  const items = itemAnalysis(questions, responses, totals);
  assert.deepEqual(
    items.map((i) => i.id),
    ["q1", "q2", "q3"],
  );
  const [q1, q2, q3] = items;
  // Same numbers as the tests above: P7's all-d answers must not appear anywhere.
  close(q1.facility, 4 / 6);
  close(q1.discrimination, 0);
  assert.equal(q1.counts.options[3].count, 0);
  // q1: facility 0.67 ≥ 0.3 but D = 0 < 0.1 → flagged; most chosen wrong = b (2)
  assert.equal(q1.flagged, true);
  assert.deepEqual([q1.lowFacility, q1.lowDiscrimination], [false, true]);
  assert.equal(q1.topWrongOption, "b");
  // q2: facility 0.5, D = 1 → not flagged; wrong options a 0, c 2, d 0 → c; its unanswered = P6
  assert.equal(q2.flagged, false);
  assert.equal(q2.topWrongOption, "c");
  assert.equal(q2.counts.unanswered, 1);
  // q3: facility 1/6 ≈ 0.17 < 0.3 → flagged (D = 0.5); wrong a 0, b 1, d 3 → d; reread paragraphs 1 and 4
  close(q3.facility, 1 / 6);
  assert.equal(q3.flagged, true);
  assert.deepEqual([q3.lowFacility, q3.lowDiscrimination], [true, false]);
  assert.equal(q3.topWrongOption, "d");
  assert.deepEqual(q3.evidence, [1, 4]);
  assert.equal(q3.skill, "comprehension");
  // below 4 submitted pupils D is null, and a facility ≥ 0.3 alone does not flag
  const few = itemAnalysis(questions, responses, totals.slice(0, 3));
  assert.equal(few[0].discrimination, null);
  // q1 among P1..P3: right P1 P2 → 2/3 ≥ 0.3, D null → not flagged
  close(few[0].facility, 2 / 3);
  assert.equal(few[0].flagged, false);
  // nobody chose a wrong option → no hint
  const allRight = itemAnalysis(
    questions.slice(0, 1),
    forQuestion("q1").filter((r) => r.correct),
    totals.slice(0, 2),
  );
  assert.equal(allRight[0].topWrongOption, null);
});

test("skill shares for the class and each pupil, unanswered counting as wrong", () => {
  /*
   * share = correct / (pupils × questions of the skill), over the 6 submitted pupils.
   * comprehension (q1, q3): q1 right 4 + q3 right 1 = 5 of 6 × 2 = 12 → 5/12
   * allegation-evidence (q2): 3 of 6 × 1 = 6 → 0.5 (P6's missing row is one of the 3 wrong)
   * sourcing, vocabulary: no questions → 0 of 0, share null
   */
  assert.deepEqual(
    skillShares(questions, responses, submitted).map((s) => [s.skill, s.correct, s.total]),
    [
      ["comprehension", 5, 12],
      ["allegation-evidence", 3, 6],
      ["sourcing", 0, 0],
      ["vocabulary", 0, 0],
    ],
  );
  const byClass = skillShares(questions, responses, submitted);
  close(byClass[0].share, 5 / 12);
  assert.equal(byClass[2].share, null);
  // without a pupil list everyone with a row counts, P7 included: comprehension 5 of 7 × 2 = 14
  assert.deepEqual(skillShares(questions, responses)[0].total, 14);

  /*
   * Per pupil, [comprehension correct/total, allegation-evidence correct/total]:
   * P1 2/2 1/1 · P2 1/2 1/1 · P3 0/2 0/1 · P4 0/2 1/1 · P5 1/2 0/1 · P6 1/2 0/1 (no q2 row, still out of 1)
   */
  const perPupil = pupilSkillShares(questions, responses, submitted);
  assert.deepEqual(
    perPupil.map((p) => [
      p.pupilId,
      p.skills[0].correct,
      p.skills[0].total,
      p.skills[1].correct,
      p.skills[1].total,
    ]),
    [
      [1, 2, 2, 1, 1],
      [2, 1, 2, 1, 1],
      [3, 0, 2, 0, 1],
      [4, 0, 2, 1, 1],
      [5, 1, 2, 0, 1],
      [6, 1, 2, 0, 1],
    ],
  );
  close(perPupil[4].skills[0].share, 0.5);
});

test("confusion table: rows are true categories, columns chosen ones, both in CATEGORIES order; the top mix-ups", () => {
  /*
   * Sorting items: s1 reported-event, s2 allegation, s3 denial, s4 opinion (RE AL DE UC OP).
   *          s1   s2   s3    s4
   *   P1     RE   AL   DE    OP
   *   P2     RE   RE   DE    OP
   *   P3     RE   AL   DE    UC
   *   P4     AL   RE   DE    null
   *   P5     RE   RE   AL    UC
   *   P6     AL   RE   null  RE
   * Row reported-event (s1): RE = P1 P2 P3 P5 = 4, AL = P4 P6 = 2 → total 6
   * Row allegation (s2):     AL = P1 P3 = 2, RE = P2 P4 P5 P6 = 4 → total 6 (allegations read as events)
   * Row denial (s3):         DE = P1..P4 = 4, AL = P5 = 1, unanswered P6 = 1 → total 6
   * Row unsourced-claim:     no item → all 0
   * Row opinion (s4):        OP = P1 P2 = 2, UC = P3 P5 = 2, RE = P6 = 1, unanswered P4 = 1 → total 6
   */
  const RE = "reported-event",
    AL = "allegation",
    DE = "denial",
    UC = "unsourced-claim",
    OP = "opinion";
  const truth: Record<string, Category> = { s1: RE, s2: AL, s3: DE, s4: OP };
  const grid: (Category | null)[][] = [
    [RE, AL, DE, OP],
    [RE, RE, DE, OP],
    [RE, AL, DE, UC],
    [AL, RE, DE, null],
    [RE, RE, AL, UC],
    [AL, RE, null, RE],
  ];
  const sorts: SortResponse[] = grid.flatMap((row, p) =>
    row.map((chosen, i) => ({
      pupilId: p + 1,
      itemId: `s${i + 1}`,
      trueCategory: truth[`s${i + 1}`],
      chosen,
    })),
  );
  const table = confusionTable(sorts);
  assert.deepEqual(
    table.map((row) => [row.trueCategory, ...Object.keys(row.counts)]),
    [RE, AL, DE, UC, OP].map((c) => [c, RE, AL, DE, UC, OP]),
  );
  assert.deepEqual(
    table.map((row) => [...Object.values(row.counts), row.unanswered, row.total]),
    [
      // RE AL DE UC OP  unanswered total
      [4, 2, 0, 0, 0, 0, 6],
      [4, 2, 0, 0, 0, 0, 6],
      [0, 1, 4, 0, 0, 1, 6],
      [0, 0, 0, 0, 0, 0, 0],
      [1, 0, 0, 2, 2, 1, 6],
    ],
  );
  // The mix-ups off the diagonal, most first; the tie at 2 keeps table order (RE row before OP row).
  assert.deepEqual(topConfusions(table), [
    { from: AL, to: RE, count: 4 },
    { from: RE, to: AL, count: 2 },
    { from: OP, to: UC, count: 2 },
  ]);
  assert.deepEqual(topConfusions(table, 10).slice(3), [
    { from: DE, to: AL, count: 1 },
    { from: OP, to: RE, count: 1 },
  ]);
  assert.deepEqual(topConfusions(confusionTable([])), [], "no answers, no mix-ups");
});

test("median and mean for odd, even and empty lists", () => {
  // odd: sorted 1 2 3 → middle 2
  assert.equal(median([3, 1, 2]), 2);
  // even: sorted 1 2 3 4 → (2 + 3) / 2 = 2.5
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([]), null);
  // the input is not reordered in place
  const input = [3, 1, 2];
  median(input);
  assert.deepEqual(input, [3, 1, 2]);
  // (1 + 2 + 3 + 4) / 4 = 2.5
  assert.equal(mean([1, 2, 3, 4]), 2.5);
  assert.equal(mean([]), null);
});

test("histogram bins 0–9 … 90–100 with 100 in the last bin", () => {
  // 0, 9, 9.99 → 0–9 (floor(p/10) = 0); 10 → 10–19; 55 → 50–59; 99, 100 → 90–100 (100 clamped into bin 9)
  const bins = histogram([0, 9, 9.99, 10, 55, 99, 100]);
  assert.equal(bins.length, 10);
  assert.deepEqual(bins[0], { from: 0, to: 9, count: 3 });
  assert.deepEqual(bins[1], { from: 10, to: 19, count: 1 });
  assert.deepEqual(bins[5], { from: 50, to: 59, count: 1 });
  assert.deepEqual(bins[9], { from: 90, to: 100, count: 2 });
  assert.deepEqual(
    bins.map((b) => b.count),
    [3, 1, 0, 0, 0, 1, 0, 0, 0, 2],
  );
  // width 25: 0–24, 25–49, 50–74, 75–100; 24 → first, 25 → second, 100 → last
  assert.deepEqual(
    histogram([24, 25, 100], 25).map((b) => [b.from, b.to, b.count]),
    [
      [0, 24, 1],
      [25, 49, 1],
      [50, 74, 0],
      [75, 100, 1],
    ],
  );
  assert.throws(() => histogram([], 0), RangeError);
});

test("counting attempt: highest (ties → later) or last, submitted attempts only", () => {
  const at = new Date("2025-03-01T08:00:00Z");
  const attempts = [
    { number: 1, submittedAt: at, percent: 80 },
    { number: 2, submittedAt: at, percent: 60 },
    { number: 3, submittedAt: at, percent: 70 },
    { number: 4, submittedAt: null, percent: 100 }, // in progress: never counts
  ];
  // highest among 80, 60, 70 → #1; last submitted → #3
  assert.equal(countingAttempt(attempts, "highest")?.number, 1);
  assert.equal(countingAttempt(attempts, "last")?.number, 3);
  // 75 and 75 tie → the later #2
  const tie = [
    { number: 1, submittedAt: at, percent: 75 },
    { number: 2, submittedAt: at, percent: 75 },
    { number: 3, submittedAt: at, percent: 50 },
  ];
  assert.equal(countingAttempt(tie, "highest")?.number, 2);
  assert.equal(countingAttempt([attempts[3]], "highest"), null);
  assert.equal(countingAttempt([], "last"), null);
});

// Property tests: any class, any answers.
const classArb = fc
  .uniqueArray(fc.integer({ min: 1, max: 500 }), { minLength: 0, maxLength: 40 })
  .chain((ids) =>
    fc.record({
      totals: fc.tuple(
        ...ids.map((pupilId) =>
          fc
            .integer({ min: 0, max: 10 })
            .chain((max) => fc.integer({ min: 0, max }).map((score) => ({ pupilId, score, max }))),
        ),
      ),
      responses: fc.tuple(
        ...ids.map((pupilId) =>
          fc.option(
            fc.record({
              pupilId: fc.constant(pupilId),
              questionId: fc.constant("q"),
              choice: fc.option(fc.constantFrom("a", "b", "c", "d")),
              correct: fc.boolean(),
            }),
          ),
        ),
      ),
    }),
  )
  .map(({ totals, responses }) => ({
    totals: totals as PupilTotal[],
    responses: (responses as (QuizResponse | null)[]).filter((r): r is QuizResponse => r !== null),
  }));

test("property: facility lies in [0, 1] for any class", () => {
  fc.assert(
    fc.property(classArb, ({ totals, responses }) => {
      const f = facility(responses, totals.length);
      if (totals.length === 0) return f === null;
      return f !== null && f >= 0 && f <= 1;
    }),
  );
});

test("property: option counts plus unanswered and unknown sum to the number of responses", () => {
  const choice = fc.option(fc.constantFrom("a", "b", "c", "d", "zz"));
  fc.assert(
    fc.property(fc.array(choice, { maxLength: 60 }), (choices) => {
      const rs = choices.map((c, i) => ({
        pupilId: i,
        questionId: "q1",
        choice: c,
        correct: c === "a",
      }));
      const counts = optionCounts(questions[0], rs);
      const sum =
        counts.options.reduce((s, o) => s + o.count, 0) + counts.unanswered + counts.unknown;
      return sum === rs.length && counts.options.length === 4;
    }),
  );
});

test("property: discrimination lies in [-1, 1], and is null exactly when fewer than 4 pupils", () => {
  fc.assert(
    fc.property(classArb, ({ totals, responses }) => {
      const d = discrimination(responses, totals);
      if (totals.length < 4) return d === null;
      return d !== null && d >= -1 && d <= 1;
    }),
  );
});
