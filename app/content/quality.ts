// Item-quality checks: warnings (never errors) about cues that let a pupil score without reading.
import { CATEGORIES, SKILLS, type Lesson } from "./schema";

export const QUALITY_CHECKS = [
  "longest-key",
  "longest-strategy",
  "only-hedged-key",
  "duplicate-options",
  "all-of-the-above",
  "vocabulary-glossary",
  "skill-without-question",
  "small-category",
  "evidence-words",
] as const;
export type QualityCheck = (typeof QUALITY_CHECKS)[number];

/** `item` is an item id (`q5`, `q16.partB`), a skill, a category, or `lesson` for lesson-wide checks. */
export type QualityWarning = { check: QualityCheck; item: string; message: string };

/** Thresholds from the issue: above these shares a lesson-wide cue is reported. */
export const LONGEST_KEY_MAX = 0.4;
export const LONGEST_STRATEGY_MAX = 0.4;
export const ONLY_HEDGED_MAX = 0.3;
/** Word-set overlap at or above which two options count as near-duplicates. */
export const NEAR_DUPLICATE_MIN = 0.8;
/** Share of a vocabulary key's words found in the glossary definition that counts as repeating it. */
export const GLOSSARY_OVERLAP_MIN = 0.6;

const ABSOLUTES = /\b(pasti|selalu|semua|tidak pernah|membuktikan|always|never|all|proves?)\b/i;
const ALL_OF_THE_ABOVE =
  /\b(semua (jawaban |pilihan )?(di atas )?(benar|salah)|semua jawaban|tidak ada (yang benar|jawaban yang benar)|all of the above|none of the above|both [a-e] and [a-e]|[a-e] dan [a-e] benar)\b/i;

/** One set of options with a key: a question's Part A or its Part B. */
export type ChoiceSet = { item: string; options: { id: string; text: string }[]; correct: string };

export function choiceSets(lesson: Pick<Lesson, "questions">): ChoiceSet[] {
  return lesson.questions.flatMap((q) => {
    const a: ChoiceSet = { item: q.id, options: q.options, correct: q.correct };
    if (!q.partB) return [a];
    const b: ChoiceSet = {
      item: `${q.id}.partB`,
      options: q.partB.options.map((o) => ({ id: o.id, text: o.quote })),
      correct: q.partB.correct,
    };
    return [a, b];
  });
}

const len = (text: string) => [...text.trim()].length;

/** The options of greatest length (more than one on a tie). */
function longest(set: ChoiceSet): string[] {
  const max = Math.max(...set.options.map((o) => len(o.text)));
  return set.options.filter((o) => len(o.text) === max).map((o) => o.id);
}

export const isAbsolute = (text: string) => ABSOLUTES.test(text);

/** The one option without an absolute word, or null when none or several are hedged. */
function onlyHedged(set: ChoiceSet): string | null {
  const hedged = set.options.filter((o) => !isAbsolute(o.text));
  return hedged.length === 1 ? hedged[0].id : null;
}

/**
 * Expected score (0…1) of always picking the longest option, guessing among ties; averaged over
 * every choice set (Part B counts as its own set).
 */
export function longestStrategyScore(lesson: Pick<Lesson, "questions">): number {
  const sets = choiceSets(lesson);
  if (sets.length === 0) return 0;
  const total = sets.reduce((sum, s) => {
    const top = longest(s);
    return sum + (top.includes(s.correct) ? 1 / top.length : 0);
  }, 0);
  return total / sets.length;
}

/**
 * Expected score of picking the only hedged option (no absolute word) when there is exactly one,
 * and guessing uniformly otherwise.
 */
export function hedgedStrategyScore(lesson: Pick<Lesson, "questions">): number {
  const sets = choiceSets(lesson);
  if (sets.length === 0) return 0;
  const total = sets.reduce((sum, s) => {
    const pick = onlyHedged(s);
    if (pick === null) return sum + 1 / s.options.length;
    return sum + (pick === s.correct ? 1 : 0);
  }, 0);
  return total / sets.length;
}

const STOPWORDS = new Set(
  (
    "yang dan atau di ke dari dalam untuk pada dengan ini itu adalah tidak bukan juga karena " +
    "sebagai oleh akan telah sudah bahwa para saat antara kedua serta tetapi hanya lebih " +
    "artikel paragraf penulis kalimat menurut menyebut disebut jawaban pilihan " +
    "the and or of to in on for with this that is are was were not but also because as by " +
    "will has have had article paragraph writer sentence says"
  ).split(" "),
);

/** Lower-case words of four letters or more, without stop words. */
export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? []).filter(
    (w) => w.length >= 4 && !STOPWORDS.has(w),
  );
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function jaccard(a: string, b: string): number {
  const x = new Set(normalise(a).split(" "));
  const y = new Set(normalise(b).split(" "));
  let both = 0;
  for (const w of x) if (y.has(w)) both++;
  const union = x.size + y.size - both;
  return union === 0 ? 1 : both / union;
}

const pct = (share: number) => `${Math.round(share * 100)} %`;

/** Every quality warning for one lesson, in a stable order; `acknowledged` entries are left out. */
export function qualityWarnings(lesson: Lesson): QualityWarning[] {
  const warnings: QualityWarning[] = [];
  const sets = choiceSets(lesson);

  // Length cue
  const keyLongest = sets.filter((s) => longest(s).includes(s.correct));
  if (sets.length && keyLongest.length / sets.length > LONGEST_KEY_MAX)
    warnings.push({
      check: "longest-key",
      item: "lesson",
      message: `the key is the longest option in ${keyLongest.length} of ${sets.length} questions (${pct(keyLongest.length / sets.length)}, at most ${pct(LONGEST_KEY_MAX)}): ${keyLongest.map((s) => s.item).join(", ")}`,
    });
  const longestScore = longestStrategyScore(lesson);
  if (longestScore > LONGEST_STRATEGY_MAX)
    warnings.push({
      check: "longest-strategy",
      item: "lesson",
      message: `"pick the longest option" scores ${pct(longestScore)} (at most ${pct(LONGEST_STRATEGY_MAX)})`,
    });

  // Hedging cue
  const hedgedKey = sets.filter((s) => onlyHedged(s) === s.correct);
  if (sets.length && hedgedKey.length / sets.length > ONLY_HEDGED_MAX)
    warnings.push({
      check: "only-hedged-key",
      item: "lesson",
      message: `the key is the only option without an absolute word in ${hedgedKey.length} of ${sets.length} questions (${pct(hedgedKey.length / sets.length)}, at most ${pct(ONLY_HEDGED_MAX)}): ${hedgedKey.map((s) => s.item).join(", ")}`,
    });

  for (const s of sets) {
    for (let i = 0; i < s.options.length; i++)
      for (let j = i + 1; j < s.options.length; j++) {
        const a = s.options[i];
        const b = s.options[j];
        const same = normalise(a.text) === normalise(b.text);
        if (same || jaccard(a.text, b.text) >= NEAR_DUPLICATE_MIN)
          warnings.push({
            check: "duplicate-options",
            item: s.item,
            message: `options ${a.id} and ${b.id} are ${same ? "the same" : "near-duplicates"}`,
          });
      }
    for (const o of s.options)
      if (ALL_OF_THE_ABOVE.test(o.text))
        warnings.push({
          check: "all-of-the-above",
          item: s.item,
          message: `option ${o.id} is an "all/none of the above" option`,
        });
  }

  // Vocabulary: a glossary term named in the stem whose definition the key repeats.
  for (const q of lesson.questions) {
    if (q.skill !== "vocabulary") continue;
    const key = q.options.find((o) => o.id === q.correct);
    if (!key) continue;
    const keyWords = [...new Set(contentWords(key.text))];
    for (const g of lesson.glossary) {
      const term = g.term.toLowerCase();
      if (!q.stem.toLowerCase().includes(term)) continue;
      const defWords = new Set(contentWords(g.definition));
      const shared = keyWords.filter((w) => defWords.has(w)).length;
      // A one- or two-word key cannot "repeat" a definition; it is the ordinary short answer.
      if (keyWords.length >= 3 && shared / keyWords.length >= GLOSSARY_OVERLAP_MIN)
        warnings.push({
          check: "vocabulary-glossary",
          item: q.id,
          message: `the key repeats the glossary definition of "${g.term}" (${shared} of ${keyWords.length} words): it tests look-up, not meaning in context`,
        });
    }
  }

  for (const skill of SKILLS)
    if (!lesson.questions.some((q) => q.skill === skill))
      warnings.push({
        check: "skill-without-question",
        item: skill,
        message: `no question tests the skill "${skill}"`,
      });

  if (lesson.sorting.length > 0)
    for (const category of CATEGORIES) {
      const n = lesson.sorting.filter((s) => s.category === category).length;
      if (n < 2)
        warnings.push({
          check: "small-category",
          item: category,
          message: `the sorting category "${category}" has ${n} statement(s), fewer than two`,
        });
    }

  // Evidence: a paragraph sharing no distinctive word with the explanation hints at a wrong link.
  // Words found in more than half of the paragraphs (names, the topic) say nothing about the link.
  const frequency = new Map<string, number>();
  for (const p of lesson.paragraphs)
    for (const w of new Set(contentWords(p))) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const distinctive = (w: string) => (frequency.get(w) ?? 0) <= lesson.paragraphs.length / 2;
  for (const q of lesson.questions) {
    const words = new Set(
      contentWords(`${q.explanation} ${q.partB?.explanation ?? ""}`).filter(distinctive),
    );
    for (const n of q.evidence) {
      const paragraph = lesson.paragraphs[n - 1];
      if (paragraph === undefined) continue;
      if (!contentWords(paragraph).some((w) => words.has(w)))
        warnings.push({
          check: "evidence-words",
          item: q.id,
          message: `evidence paragraph ${n} contains none of the words of the explanation: is the link right?`,
        });
    }
  }

  const accepted = (w: QualityWarning) =>
    lesson.acknowledged.some((a) => a.check === w.check && a.item === w.item);
  return warnings.filter((w) => !accepted(w));
}
