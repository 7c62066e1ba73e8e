// `npm run content:check` and the start-up check: file + field + reason, exit 1, no stack trace.
import path from "node:path";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import assert from "node:assert/strict";
import { ContentError, loadLessonsFrom } from "../../app/content/lessons.server";
import {
  editFrontmatter,
  replaceOnce,
  SEED_SLUG,
  seedSource,
  tempContentDir,
} from "../support/lesson-fixtures";

const FILE = `${SEED_SLUG}.md`;

function contentCheck(...args: string[]) {
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "scripts/content-check.ts", ...args],
    {
      encoding: "utf8",
      env: { ...process.env, CONTENT_DIR: undefined },
    },
  );
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

// Each case: one broken copy of the seed lesson and the `field: reason` content:check must print.
const broken: { name: string; source: () => string; expected: string }[] = [
  {
    name: "a wrong correct-option id",
    source: () =>
      replaceOnce(
        seedSource(),
        '    correct: c\n    explanation: "Paragraf 1 menyebut upacara',
        '    correct: e\n    explanation: "Paragraf 1 menyebut upacara',
      ),
    expected: 'questions[0].correct: "e" is not one of the option ids',
  },
  {
    name: "a missing evidence paragraph",
    source: () =>
      replaceOnce(
        seedSource(),
        'bukan tempat upacara."\n    evidence: [1]',
        'bukan tempat upacara."\n    evidence: [1, 12]',
      ),
    expected: "questions[0].evidence[1]: paragraph 12 does not exist (the article has 7)",
  },
  {
    name: "a duplicate question id",
    source: () => replaceOnce(seedSource(), "  - id: q2\n", "  - id: q1\n"),
    expected: 'questions[1].id: duplicate id "q1"',
  },
  {
    name: "a sorting quote not in the article",
    source: () =>
      replaceOnce(
        seedSource(),
        'quote: "Pemerintah Korea Utara langsung membantah tuduhan tersebut."',
        'quote: "Pemerintah Korea Utara dengan tegas membantah tuduhan tersebut."',
      ),
    expected: "sorting[7].quote: not found verbatim in paragraph 3",
  },
];

test("content:check passes on the repository's lessons", () => {
  const run = contentCheck();
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, new RegExp(`ok content/lessons/${FILE}: 7 paragraphs`));
  assert.match(run.stdout, /content:check: 1 lesson\(s\) valid/);
});

for (const { name, source, expected } of broken) {
  test(`content:check fails on ${name}, naming file, field and reason`, () => {
    const dir = tempContentDir({ [FILE]: source() });
    const run = contentCheck(dir);
    assert.equal(run.code, 1, run.stdout);
    const line = `${path.join(dir, "lessons", FILE)}: ${expected}`;
    assert.ok(run.stderr.includes(line), `expected ${JSON.stringify(line)} in:\n${run.stderr}`);
    assert.doesNotMatch(run.stderr, /^\s+at /m, "no stack trace");
  });
}

test("content:check lists every problem of every file, not only the first", () => {
  const dir = tempContentDir({
    [FILE]: broken[0].source(),
    "second.md": editFrontmatter((d) => {
      d.slug = "second";
      d.questions[1].id = "q1";
    }, broken[3].source()),
  });
  const run = contentCheck(dir);
  assert.equal(run.code, 1);
  assert.ok(
    run.stderr.includes(`${path.join(dir, "lessons", FILE)}: ${broken[0].expected}`),
    run.stderr,
  );
  assert.ok(
    run.stderr.includes(`${path.join(dir, "lessons", "second.md")}: ${broken[2].expected}`),
    run.stderr,
  );
  assert.ok(
    run.stderr.includes(`${path.join(dir, "lessons", "second.md")}: ${broken[3].expected}`),
    run.stderr,
  );
  assert.match(run.stderr, /content:check: 3 problem\(s\) found/);
});

test("the loader's ContentError carries the same lines content:check prints", () => {
  const dir = tempContentDir({ [FILE]: broken[1].source() });
  const report = loadLessonsFrom(dir);
  assert.equal(report.lessons.length, 0);
  assert.deepEqual(report.errors, [`${path.join(dir, "lessons", FILE)}: ${broken[1].expected}`]);
  const error = new ContentError(report.errors);
  assert.equal(error.message, `Invalid lesson content:\n  ${report.errors[0]}`);
});

test("the app's start-up refuses invalid content with the message and exit code 1, no stack trace", () => {
  const dir = tempContentDir({ [FILE]: broken[2].source() });
  const run = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "--input-type=module",
      "-e",
      "const m = await import('./app/startup.server.ts'); m.startup();",
    ],
    {
      encoding: "utf8",
      env: { ...process.env, CONTENT_DIR: dir, DATABASE_PATH: path.join(dir, "telaah.db") },
    },
  );
  assert.equal(run.status, 1, run.stderr);
  assert.ok(run.stderr.includes("Invalid lesson content:"), run.stderr);
  assert.ok(
    run.stderr.includes(`${path.join(dir, "lessons", FILE)}: ${broken[2].expected}`),
    run.stderr,
  );
  assert.match(run.stderr, /refuses to start/);
  assert.doesNotMatch(run.stderr, /^\s+at /m, "no stack trace");
});
