// CER rubric: level fields validate, the distribution counts per component, the seed lesson's CER prompts have rubrics.
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseLesson } from "../../app/content/parse";
import { levelDistribution, levelsSchema } from "../../app/utils/rubric";
import { editFrontmatter, seedSource } from "../support/lesson-fixtures";

test("level fields: empty means not rated, anything but the three levels is refused", () => {
  assert.deepEqual(
    levelsSchema.parse({
      claimLevel: "proficient",
      evidenceLevel: "",
      reasoningLevel: "beginning",
    }),
    {
      claim: "proficient",
      evidence: null,
      reasoning: "beginning",
    },
  );
  assert.deepEqual(levelsSchema.parse({}), { claim: null, evidence: null, reasoning: null });
  assert.equal(levelsSchema.safeParse({ claimLevel: "excellent" }).success, false);
});

test("the distribution counts each component's levels; rated counts responses with any level", () => {
  const d = levelDistribution([
    { claim: "proficient", evidence: "developing", reasoning: null },
    { claim: "proficient", evidence: "beginning", reasoning: "beginning" },
    { claim: null, evidence: null, reasoning: null },
  ]);
  assert.deepEqual(d.claim, { beginning: 0, developing: 0, proficient: 2 });
  assert.deepEqual(d.evidence, { beginning: 1, developing: 1, proficient: 0 });
  assert.deepEqual(d.reasoning, { beginning: 1, developing: 0, proficient: 0 });
  assert.equal(d.rated, 2);
});

test("every CER prompt of the seed lesson has a three-level rubric for claim, evidence and reasoning", () => {
  const result = parseLesson(seedSource());
  assert.ok(result.ok);
  const cer = result.lesson.prompts.filter((p) => p.mode === "cer");
  assert.ok(cer.length >= 2);
  for (const p of cer) {
    assert.ok(p.rubric, `${p.id} has no rubric`);
    // proficient evidence names the paragraph and the kind of statement
    assert.match(p.rubric.evidence.proficient, /paragraf \d/);
  }
});

test("a rubric on an open prompt is an error", () => {
  const source = editFrontmatter((d) => {
    const open = d.prompts.find((p: { mode: string }) => p.mode === "open");
    // a copy: a shared object would be written as a YAML alias, which lesson files refuse
    open.rubric = structuredClone(
      d.prompts.find((p: { mode: string; rubric?: unknown }) => p.rubric).rubric,
    );
  });
  const result = parseLesson(source);
  assert.equal(result.ok, false);
  assert.ok(!result.ok && result.problems.some((p) => p.message === "a rubric needs mode: cer"));
});
