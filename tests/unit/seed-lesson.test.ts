// The first lesson: the article verbatim, honest about its source, and enough items of each kind.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseLesson } from "../../app/content/parse";
import { CATEGORIES, type Lesson } from "../../app/content/schema";
import { seedArticleHashes, seedSource, sha256 } from "../support/lesson-fixtures";

function seed(): Lesson {
  const result = parseLesson(seedSource());
  assert.ok(result.ok, result.ok ? "" : JSON.stringify(result.problems));
  return result.lesson;
}

const count = <T>(items: T[], pick: (item: T) => boolean) => items.filter(pick).length;

test("the headline and all seven paragraphs equal the original article verbatim (by SHA-256)", () => {
  const lesson = seed();
  const original = seedArticleHashes();
  assert.equal(original.paragraphs.length, 7, "the original article has seven paragraphs");
  assert.equal(sha256(lesson.title), original.headline, "the headline differs from the original");
  assert.equal(lesson.paragraphs.length, original.paragraphs.length);
  lesson.paragraphs.forEach((text, index) =>
    assert.equal(
      sha256(text),
      original.paragraphs[index],
      `paragraph ${index + 1} differs from the original`,
    ),
  );
  assert.equal(lesson.language, "id");
});

test("the source records no invented publisher or author, and the date of the events", () => {
  const { source } = seed();
  assert.equal(source.outlet, null);
  assert.equal(source.author, null);
  assert.equal(source.publishedAt, null);
  assert.equal(source.eventDate, "2024-06-19");
  assert.ok(source.note && source.note.length > 0, "the missing publisher is explained");
});

test("at least 12 questions covering all four skills in the required numbers", () => {
  const { questions } = seed();
  assert.ok(questions.length >= 12, `${questions.length} questions`);
  assert.ok(count(questions, (q) => q.skill === "comprehension") >= 4, "comprehension ≥ 4");
  assert.ok(
    count(questions, (q) => q.skill === "allegation-evidence") >= 4,
    "allegation-evidence ≥ 4",
  );
  assert.ok(count(questions, (q) => q.skill === "sourcing") >= 2, "sourcing ≥ 2");
  assert.ok(count(questions, (q) => q.skill === "vocabulary") >= 2, "vocabulary ≥ 2");
});

test("at least 8 sorting items spanning all five categories", () => {
  const { sorting } = seed();
  assert.ok(sorting.length >= 8, `${sorting.length} sorting items`);
  for (const category of CATEGORIES)
    assert.ok(
      count(sorting, (s) => s.category === category) >= 1,
      `no sorting item of category ${category}`,
    );
});

test("at least 3 discussion prompts, at least one Claim/Evidence/Reasoning", () => {
  const { prompts } = seed();
  assert.ok(prompts.length >= 3, `${prompts.length} prompts`);
  assert.ok(count(prompts, (p) => p.mode === "cer") >= 1);
});

test("no option is an 'all of the above' or 'none of the above' escape", () => {
  const banned =
    /semua (benar|jawaban|pilihan)|tidak ada (yang benar|jawaban)|all of the above|none of the above|a dan b|b dan c/i;
  for (const q of seed().questions) {
    for (const o of q.options) assert.doesNotMatch(o.text, banned, `${q.id}.${o.id}: ${o.text}`);
    const texts = q.options.map((o) => o.text.trim().toLowerCase());
    assert.equal(new Set(texts).size, texts.length, `${q.id} has two options with the same text`);
  }
});

test("every point the first lesson must teach is reached by a sorting item", () => {
  const quotes = seed().sorting.map((s) => `${s.category}: ${s.quote}`);
  const needed: [string, RegExp][] = [
    ["the news agencies' report", /^reported-event: .*Interfax dan RIA Novosti/],
    ["Russian TV's airport welcome", /^reported-event: .*stasiun tv Rusia/],
    ["the US and allies' accusation", /^allegation: .*menuduh Korea Utara/],
    ["North Korea's denial", /^denial: .*membantah/],
    ["expected by whom?", /^unsourced-claim: .*diperkirakan/],
    ["considered by whom?", /^unsourced-claim: .*dianggap sebagai dua pemimpin otoriter/],
    ["which community?", /^unsourced-claim: .*komunitas internasional/],
    ["the writer's own 'no concrete evidence'", /^unsourced-claim: .*tidak ada bukti konkret/],
    [
      "arms trade as the summit's focus",
      /^unsourced-claim: .*perdagangan senjata menjadi fokus utama/,
    ],
    ["'penuh kehangatan' is judgement", /^opinion: .*penuh kehangatan/],
    [
      "'dianggap sebagai langkah penting' is unsourced, keyed like 'dianggap' above",
      /^unsourced-claim: .*dianggap sebagai langkah penting/,
    ],
    ["'simbol dari komitmen' is judgement", /^opinion: .*simbol dari komitmen/],
  ];
  for (const [point, pattern] of needed)
    assert.ok(
      quotes.some((q) => pattern.test(q)),
      `no sorting item teaches ${point}`,
    );
});

test("the allegation-vs-evidence questions point at paragraph 3, where the allegation and denial are", () => {
  const questions = seed().questions.filter((q) => q.skill === "allegation-evidence");
  for (const q of questions)
    assert.ok(q.evidence.includes(3), `${q.id} evidence ${q.evidence.join(",")}`);
});
