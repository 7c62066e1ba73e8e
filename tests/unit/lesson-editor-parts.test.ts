// The editor's later parts as posted forms: CER rubric (all or nothing, CER only), outside
// information (all empty = none; complete facts), and accepting a warning that is really open.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { z } from "zod";
import { parseSubmission } from "../../app/utils/form.server";
import {
  acknowledgementSchema,
  factRows,
  metaSchema,
  outsideInfoSchema,
  questionSchema,
  sortingSchema,
  promptSchema,
  promptValues,
  RUBRIC_FIELDS,
} from "../../app/utils/lesson-editor-form";

/** A form posted with these fields, through the kit's parser: the value, or each field's message. */
function parse<S extends z.ZodTypeAny>(schema: S, fields: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const submission = parseSubmission(form, schema);
  if (submission.status === "success")
    return { ok: true as const, value: submission.value as z.output<S> };
  const errors: Record<string, string | undefined> = {};
  for (const [name, messages] of Object.entries(submission.error ?? {}))
    errors[name === "" ? "form" : name] = messages?.[0];
  return { ok: false as const, errors };
}
const parsePrompt = (fields: Record<string, string>, id: string) => parse(promptSchema(id), fields);
const parseOutsideInfo = (fields: Record<string, string>) => parse(outsideInfoSchema, fields);
const parseAcknowledgement = (
  fields: Record<string, string>,
  open: { check: string; item: string }[],
) => parse(acknowledgementSchema(open), fields);

const rubricForm = (text: (name: string) => string) =>
  Object.fromEntries(RUBRIC_FIELDS.map((f) => [f.name, text(f.name)]));

test("a CER prompt takes a full rubric, and gives it back as the same form values", () => {
  const raw = {
    mode: "cer",
    prompt: " Apakah terbukti? ",
    guidance: "Tuduhan bukan bukti.",
    ...rubricForm((n) => ` isi ${n} `),
  };
  const parsed = parsePrompt(raw, "d1");
  assert.ok(parsed.ok);
  assert.equal(parsed.value.prompt, "Apakah terbukti?");
  assert.equal(parsed.value.rubric?.evidence.developing, "isi rubric_evidence_developing");
  const values = promptValues(parsed.value);
  for (const f of RUBRIC_FIELDS) assert.equal(values[f.name], `isi ${f.name}`);
});

test("a rubric is all nine cells or none, and only on a CER prompt", () => {
  const partial = parsePrompt(
    { mode: "cer", prompt: "P", guidance: "G", rubric_claim_beginning: "x" },
    "d1",
  );
  assert.ok(!partial.ok);
  assert.equal(partial.errors.rubric, "le.err.rubricAll");
  assert.equal(partial.errors.rubric_reasoning_proficient, "ed.err.required");
  const open = parsePrompt(
    { mode: "open", prompt: "P", guidance: "G", ...rubricForm(() => "x") },
    "d1",
  );
  assert.ok(!open.ok);
  assert.equal(open.errors.rubric, "le.err.rubricCer");
  const none = parsePrompt({ mode: "cer", prompt: "P", guidance: "G" }, "d1");
  assert.ok(none.ok);
  assert.equal(none.value.rubric, undefined);
});

test("outside information: empty means none; otherwise a heading, a caveat and complete facts", () => {
  const empty = parseOutsideInfo({ outsideTitle: " ", caveat: "", fact_date_0: "" });
  assert.deepEqual(empty, { ok: true, value: undefined });
  const half = parseOutsideInfo({
    outsideTitle: "Di luar artikel",
    caveat: "Hanya untuk guru.",
    fact_date_0: "Juni 2024",
    fact_text_0: "Sebuah fakta.",
  });
  assert.ok(!half.ok);
  assert.equal(half.errors.fact_0, "le.err.factRow");
  const noFacts = parseOutsideInfo({
    outsideTitle: "Di luar artikel",
    caveat: "Hanya untuk guru.",
  });
  assert.ok(!noFacts.ok);
  assert.equal(noFacts.errors.facts, "le.err.facts");
  const full = parseOutsideInfo({
    outsideTitle: "Di luar artikel",
    caveat: "Hanya untuk guru.",
    fact_date_2: "19 Juni 2024",
    fact_source_2: "Pengumuman pemerintah",
    fact_text_2: "Perjanjian ditandatangani.",
  });
  assert.deepEqual(full, {
    ok: true,
    value: {
      title: "Di luar artikel",
      caveat: "Hanya untuk guru.",
      facts: [
        {
          date: "19 Juni 2024",
          source: "Pengumuman pemerintah",
          text: "Perjanjian ditandatangani.",
        },
      ],
    },
  });
  // the form shows every filled row and two empty ones
  assert.equal(factRows({ fact_text_2: "x" }), 5);
  assert.equal(factRows({}), 3);
});

test("only a warning that is open can be accepted, and only with a reason", () => {
  const open = [{ check: "small-category", item: "opinion" }];
  assert.deepEqual(
    parseAcknowledgement({ check: "small-category", item: "opinion", reason: " Sengaja. " }, open),
    {
      ok: true,
      value: { check: "small-category", item: "opinion", reason: "Sengaja." },
    },
  );
  const other = parseAcknowledgement(
    { check: "small-category", item: "denial", reason: "x" },
    open,
  );
  assert.ok(!other.ok);
  assert.equal(other.errors.form, "v.invalid");
  const noReason = parseAcknowledgement(
    { check: "small-category", item: "opinion", reason: "" },
    open,
  );
  assert.ok(!noReason.ok);
  assert.equal(noReason.errors.reason, "ed.err.required");
});

test("the article, question and statement rules: each message on its field", () => {
  const meta = parse(metaSchema(true), {
    title: " ",
    language: "fr",
    gradeBand: "SMP",
    article: "\n \n",
    outlet: "Kabar",
    authorUnknown: "on",
    publishedAt: "kemarin",
    eventDate: "2024-06-19",
    url: "javascript:alert(1)",
    estimatedMinutes: "0",
  });
  assert.deepEqual(meta, {
    ok: false,
    errors: {
      title: "ed.err.required",
      language: "ed.err.required",
      article: "ed.err.article",
      publishedAt: "ed.err.date",
      url: "ed.err.url",
      estimatedMinutes: "ed.err.minutes",
    },
  });
  const paragraphs = ["Pasar dibuka bulan depan.", "Warga menolak."];
  const question = parse(questionSchema("q1", paragraphs), {
    skill: "comprehension",
    stem: "Kapan?",
    option_a: "Besok",
    option_b: "x".repeat(2001),
    correct: "c",
    explanation: "P1",
    evidence: "9",
    twoPart: "on",
    partBStem: "Bukti?",
    partB_quote_a: "bulan depan",
    partB_paragraph_a: "2",
    partB_quote_b: "Warga",
    partB_paragraph_b: "7",
  });
  assert.deepEqual(question, {
    ok: false,
    errors: {
      option_b: "ed.err.tooLong",
      evidence: "ed.err.evidence",
      options: "ed.err.options",
      correct: "ed.err.correct",
      partB_quote_a: "ed.err.verbatim",
      partB_paragraph_b: "ed.err.paragraph",
      partB: "ed.err.options",
      partBCorrect: "ed.err.correct",
      partBExplanation: "ed.err.required",
    },
  });
  // a quotation not in its paragraph says so, even when it is also too long
  const sorting = parse(sortingSchema("s1", paragraphs, []), {
    quote: "y".repeat(2001),
    paragraph: "1",
    category: "fakta",
    speaker: "pak-lurah",
    explanation: "",
  });
  assert.deepEqual(sorting, {
    ok: false,
    errors: {
      quote: "ed.err.verbatim",
      category: "ed.err.required",
      speaker: "ed.err.required",
      explanation: "ed.err.required",
    },
  });
  const statement = parse(sortingSchema("s1", paragraphs, [{ id: "warga", label: "Warga" }]), {
    quote: "Warga menolak",
    paragraph: "2",
    category: "allegation",
    speaker: "warga",
    explanation: "Kata kerja laporan.",
  });
  assert.deepEqual(statement, {
    ok: true,
    value: {
      id: "s1",
      quote: "Warga menolak",
      paragraph: 2,
      category: "allegation",
      explanation: "Kata kerja laporan.",
      speaker: "warga",
    },
  });
});
