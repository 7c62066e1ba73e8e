// The lesson schema: a good file parses; each broken file names the field and the reason.
import fs from "node:fs";
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseLesson } from "../../app/content/parse";
import { editFrontmatter, replaceOnce, seedSource } from "../support/lesson-fixtures";

/** The problems of a source that must not parse, formatted as content:check prints them. */
function problemsOf(source: string): string[] {
  const result = parseLesson(source);
  assert.equal(result.ok, false, "expected the lesson to be rejected");
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
}

function assertProblem(source: string, expected: string) {
  const problems = problemsOf(source);
  assert.ok(
    problems.some((p) => p.startsWith(expected)),
    `expected a problem starting with ${JSON.stringify(expected)}, got:\n${problems.join("\n")}`,
  );
}

test("a small good lesson fixture parses into numbered paragraphs", () => {
  const result = parseLesson(fs.readFileSync("tests/fixtures/lessons/minimal-good.md", "utf8"));
  assert.ok(result.ok, result.ok ? "" : JSON.stringify(result.problems));
  assert.equal(result.lesson.slug, "minimal-good");
  assert.deepEqual(result.lesson.paragraphs, [
    "The bridge reopened on Monday.",
    "The mayor said the bridge is safe.",
  ]);
  assert.equal(result.lesson.source.outlet, null);
  assert.equal(result.lesson.prompts[0].mode, "cer");
});

test("the seed lesson parses, and defaults fill optional lists", () => {
  const result = parseLesson(seedSource());
  assert.ok(result.ok, result.ok ? "" : JSON.stringify(result.problems));
  assert.equal(result.lesson.paragraphs.length, 7);
  const noSorting = parseLesson(editFrontmatter((d) => delete d.sorting));
  assert.ok(noSorting.ok);
  assert.deepEqual(noSorting.lesson.sorting, []);
});

test("Windows line endings parse the same as Unix ones", () => {
  const unix = parseLesson(seedSource());
  const windows = parseLesson(seedSource().replace(/\n/g, "\r\n"));
  assert.ok(unix.ok && windows.ok);
  assert.deepEqual(windows.lesson, unix.lesson);
});

test("a correct-option id that is not an option id is refused", () => {
  const source = replaceOnce(
    seedSource(),
    '    correct: c\n    explanation: "Paragraf 1 menyebut upacara',
    '    correct: e\n    explanation: "Paragraf 1 menyebut upacara',
  );
  assertProblem(source, 'questions[0].correct: "e" is not one of the option ids');
});

test("an evidence paragraph that does not exist is refused", () => {
  const source = editFrontmatter((d) => (d.questions[1].evidence = [2, 9]));
  assertProblem(source, "questions[1].evidence[1]: paragraph 9 does not exist (the article has 7)");
});

test("a sorting item pointing at a missing paragraph is refused", () => {
  const source = editFrontmatter((d) => (d.sorting[0].paragraph = 8));
  assertProblem(source, "sorting[0].paragraph: paragraph 8 does not exist (the article has 7)");
});

test("a duplicate question id is refused", () => {
  const source = editFrontmatter((d) => (d.questions[2].id = d.questions[0].id));
  assertProblem(source, `questions[2].id: duplicate id "q1"`);
});

test("duplicate option, sorting and prompt ids are refused", () => {
  assertProblem(
    editFrontmatter((d) => (d.questions[0].options[1].id = "a")),
    'questions[0].options[1].id: duplicate id "a"',
  );
  assertProblem(
    editFrontmatter((d) => (d.sorting[3].id = "s1")),
    'sorting[3].id: duplicate id "s1"',
  );
  assertProblem(
    editFrontmatter((d) => (d.prompts[1].id = "d1")),
    'prompts[1].id: duplicate id "d1"',
  );
});

test("a sorting quote that is not in its paragraph is refused", () => {
  const paraphrased = editFrontmatter(
    (d) => (d.sorting[7].quote = "Pemerintah Korea Utara dengan tegas membantah tuduhan tersebut."),
  );
  assertProblem(paraphrased, "sorting[7].quote: not found verbatim in paragraph 3");
  // The quote exists in the article, but in paragraph 3, not 2.
  const wrongParagraph = editFrontmatter((d) => (d.sorting[7].paragraph = 2));
  assertProblem(wrongParagraph, "sorting[7].quote: not found verbatim in paragraph 2");
});

test("a sorting speaker that is not declared is refused", () => {
  assertProblem(
    editFrontmatter((d) => (d.sorting[0].speaker = "cnn")),
    'sorting[0].speaker: "cnn" is not a speaker id',
  );
});

test("unknown fields are refused at the top and inside items", () => {
  assertProblem(
    editFrontmatter((d) => (d.publisher = "Kompas")),
    "(root): unknown field(s): publisher",
  );
  assertProblem(
    editFrontmatter((d) => (d.questions[4].hint = "lihat paragraf 3")),
    "questions[4]: unknown field(s): hint",
  );
  assertProblem(
    editFrontmatter((d) => (d.source.website = "https://example.org")),
    "source: unknown field(s): website",
  );
});

test("the source link is optional and only http(s)", () => {
  assertProblem(
    editFrontmatter((d) => (d.source.url = "javascript:alert(1)")),
    "source.url: must start with http:// or https://",
  );
});

test("an unknown skill or category names the allowed values", () => {
  assertProblem(
    editFrontmatter((d) => (d.questions[0].skill = "grammar")),
    'questions[0].skill: "grammar" is not one of comprehension, allegation-evidence, sourcing, vocabulary',
  );
  assertProblem(
    editFrontmatter((d) => (d.sorting[2].category = "fact")),
    'sorting[2].category: "fact" is not one of reported-event, allegation, denial, unsourced-claim, opinion',
  );
  assertProblem(
    editFrontmatter((d) => (d.prompts[0].mode = "essay")),
    'prompts[0].mode: "essay" is not one of open, cer',
  );
});

test("a question needs 3 to 5 options", () => {
  const two = editFrontmatter((d) => (d.questions[3].options = d.questions[3].options.slice(0, 2)));
  assertProblem(two, "questions[3].options: needs 3 to 5 options");
  const six = editFrontmatter((d) => {
    const options = d.questions[3].options;
    options.push({ id: "e", text: "Pilihan kelima" }, { id: "f", text: "Pilihan keenam" });
  });
  assertProblem(six, "questions[3].options: needs 3 to 5 options");
  const five = editFrontmatter((d) =>
    d.questions[3].options.push({ id: "e", text: "Pilihan kelima" }),
  );
  assert.ok(parseLesson(five).ok, "five options are allowed");
});

test("missing required fields and bad values are named", () => {
  assertProblem(
    editFrontmatter((d) => delete d.title),
    "title: Required",
  );
  assertProblem(
    editFrontmatter((d) => (d.questions[0].stem = "   ")),
    "questions[0].stem: must not be empty",
  );
  assertProblem(
    editFrontmatter((d) => (d.slug = "KTT Putin")),
    "slug: must be lower-case letters, digits and dashes",
  );
  assertProblem(
    editFrontmatter((d) => (d.source.eventDate = "19/6/2024")),
    "source.eventDate: Invalid date",
  );
  assertProblem(
    editFrontmatter((d) => (d.questions[0].evidence = [])),
    "questions[0].evidence: needs at least one paragraph",
  );
});

test("a file without frontmatter is refused", () => {
  const body = seedSource().split("\n---\n").slice(1).join("\n---\n");
  assert.deepEqual(problemsOf(body), [
    "(file): must start with YAML frontmatter between --- lines",
  ]);
});

test("frontmatter that is not valid YAML is refused with the parser's reason", () => {
  const source = replaceOnce(seedSource(), "estimatedMinutes: 90", "estimatedMinutes: [45");
  const problems = problemsOf(source);
  assert.equal(problems.length, 1);
  assert.match(problems[0], /^\(frontmatter\): YAML: \S/);
});

test("a lesson with no article paragraphs is refused", () => {
  const frontmatterOnly = seedSource().split("\n---\n")[0] + "\n---\n";
  const problems = problemsOf(editFrontmatter((d) => (d.sorting = []), frontmatterOnly));
  assert.ok(problems.includes("body: the article has no paragraphs"), problems.join("\n"));
});
