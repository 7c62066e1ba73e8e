// The one lesson schema: every file under content/lessons is parsed and checked against it.
import { z } from "zod";

export const SKILLS = ["comprehension", "allegation-evidence", "sourcing", "vocabulary"] as const;
export const CATEGORIES = [
  "reported-event",
  "allegation",
  "denial",
  "unsourced-claim",
  "opinion",
] as const;
export type Skill = (typeof SKILLS)[number];
export type Category = (typeof CATEGORIES)[number];

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and dashes");
const text = z.string().trim().min(1, "must not be empty");

const option = z.object({ id, text }).strict();

/** Part B of a two-part question: which verbatim quotation best supports the answer to Part A. */
const quoteOption = z.object({ id, quote: text, paragraph: z.number().int().positive() }).strict();
const partB = z
  .object({
    stem: text,
    options: z.array(quoteOption).min(3, "needs 3 to 5 options").max(5, "needs 3 to 5 options"),
    correct: id,
    explanation: text,
  })
  .strict();

const question = z
  .object({
    id,
    skill: z.enum(SKILLS),
    stem: text,
    options: z.array(option).min(3, "needs 3 to 5 options").max(5, "needs 3 to 5 options"),
    correct: id,
    explanation: text,
    evidence: z.array(z.number().int().positive()).min(1, "needs at least one paragraph"),
    partB: partB.optional(),
  })
  .strict();

const sortingItem = z
  .object({
    id,
    quote: text,
    paragraph: z.number().int().positive(),
    category: z.enum(CATEGORIES),
    speaker: id.optional(),
    explanation: text,
  })
  .strict();

export const RUBRIC_COMPONENTS = ["claim", "evidence", "reasoning"] as const;
export const RUBRIC_LEVELS = ["beginning", "developing", "proficient"] as const;
export type RubricComponent = (typeof RUBRIC_COMPONENTS)[number];
export type RubricLevel = (typeof RUBRIC_LEVELS)[number];
const rubricRow = z.object({ beginning: text, developing: text, proficient: text }).strict();
const rubric = z.object({ claim: rubricRow, evidence: rubricRow, reasoning: rubricRow }).strict();

const prompt = z
  .object({
    id,
    mode: z.enum(["open", "cer"]).default("open"),
    prompt: text,
    guidance: text,
    rubric: rubric.optional(),
  })
  .strict();

/** Context from outside the article, for teachers only: every fact dated and attributed. */
const outsideInfo = z
  .object({
    title: text,
    facts: z
      .array(z.object({ date: text, source: text, text }).strict())
      .min(1, "needs at least one fact"),
    caveat: text,
  })
  .strict();

/** A check from quality.ts the authors looked at and accepted for one item, with the reason. */
const acknowledged = z.object({ check: text, item: text, reason: text }).strict();

export const frontmatterSchema = z
  .object({
    slug: id,
    title: text,
    language: z.enum(["id", "en"]),
    source: z
      .object({
        outlet: z.string().trim().min(1).nullable(),
        author: z.string().trim().min(1).nullable(),
        publishedAt: z.string().date().nullable(),
        eventDate: z.string().date().nullable(),
        // The article's address, when known; only http(s) so it can be shown as a safe link.
        url: z
          .string()
          .trim()
          .url("must be a web address")
          .regex(/^https?:\/\//i, "must start with http:// or https://")
          .nullable()
          .optional(),
        note: z.string().trim().min(1).optional(),
      })
      .strict(),
    gradeBand: text,
    estimatedMinutes: z.number().int().positive().max(240),
    objectives: z.array(text).min(1),
    glossary: z.array(z.object({ term: text, definition: text }).strict()),
    speakers: z.array(z.object({ id, label: text }).strict()).default([]),
    questions: z.array(question).min(1),
    sorting: z.array(sortingItem).default([]),
    prompts: z.array(prompt).default([]),
    teacherNotes: z.array(text).default([]),
    outsideInfo: outsideInfo.optional(),
    acknowledged: z.array(acknowledged).default([]),
  })
  .strict();

export type LessonFrontmatter = z.infer<typeof frontmatterSchema>;
export type Lesson = LessonFrontmatter & { paragraphs: string[] };
export type Question = Lesson["questions"][number];
export type SortingItem = Lesson["sorting"][number];
export type Prompt = Lesson["prompts"][number];
export type PartB = NonNullable<Question["partB"]>;
export type Rubric = NonNullable<Prompt["rubric"]>;

export type ContentProblem = { path: string; message: string };

function duplicates(ids: string[]): Map<string, number> {
  const seen = new Map<string, number>();
  const dups = new Map<string, number>();
  ids.forEach((value, index) => {
    if (seen.has(value)) dups.set(value, index);
    else seen.set(value, index);
  });
  return dups;
}

/** Checks the rules a schema cannot express: references between fields and the article. */
export function crossCheck(lesson: Lesson): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const count = lesson.paragraphs.length;
  const para = (n: number) => n >= 1 && n <= count;

  for (const [dup, index] of duplicates(lesson.questions.map((q) => q.id)))
    problems.push({ path: `questions[${index}].id`, message: `duplicate id "${dup}"` });
  for (const [dup, index] of duplicates(lesson.sorting.map((s) => s.id)))
    problems.push({ path: `sorting[${index}].id`, message: `duplicate id "${dup}"` });
  for (const [dup, index] of duplicates(lesson.prompts.map((p) => p.id)))
    problems.push({ path: `prompts[${index}].id`, message: `duplicate id "${dup}"` });
  for (const [dup, index] of duplicates(lesson.speakers.map((s) => s.id)))
    problems.push({ path: `speakers[${index}].id`, message: `duplicate id "${dup}"` });

  lesson.questions.forEach((q, i) => {
    const optionIds = q.options.map((o) => o.id);
    for (const [dup, index] of duplicates(optionIds))
      problems.push({
        path: `questions[${i}].options[${index}].id`,
        message: `duplicate id "${dup}"`,
      });
    if (!optionIds.includes(q.correct))
      problems.push({
        path: `questions[${i}].correct`,
        message: `"${q.correct}" is not one of the option ids (${optionIds.join(", ")})`,
      });
    if (q.partB) {
      const b = q.partB;
      const bIds = b.options.map((o) => o.id);
      for (const [dup, index] of duplicates(bIds))
        problems.push({
          path: `questions[${i}].partB.options[${index}].id`,
          message: `duplicate id "${dup}"`,
        });
      if (!bIds.includes(b.correct))
        problems.push({
          path: `questions[${i}].partB.correct`,
          message: `"${b.correct}" is not one of the option ids (${bIds.join(", ")})`,
        });
      b.options.forEach((o, j) => {
        if (!para(o.paragraph))
          problems.push({
            path: `questions[${i}].partB.options[${j}].paragraph`,
            message: `paragraph ${o.paragraph} does not exist (the article has ${count})`,
          });
        else if (!lesson.paragraphs[o.paragraph - 1].includes(o.quote))
          problems.push({
            path: `questions[${i}].partB.options[${j}].quote`,
            message: `not found verbatim in paragraph ${o.paragraph}`,
          });
      });
    }
    q.evidence.forEach((n, j) => {
      if (!para(n))
        problems.push({
          path: `questions[${i}].evidence[${j}]`,
          message: `paragraph ${n} does not exist (the article has ${count})`,
        });
    });
  });

  const speakerIds = new Set(lesson.speakers.map((s) => s.id));
  lesson.sorting.forEach((s, i) => {
    if (!para(s.paragraph)) {
      problems.push({
        path: `sorting[${i}].paragraph`,
        message: `paragraph ${s.paragraph} does not exist (the article has ${count})`,
      });
    } else if (!lesson.paragraphs[s.paragraph - 1].includes(s.quote)) {
      problems.push({
        path: `sorting[${i}].quote`,
        message: `not found verbatim in paragraph ${s.paragraph}`,
      });
    }
    if (s.speaker && !speakerIds.has(s.speaker))
      problems.push({
        path: `sorting[${i}].speaker`,
        message: `"${s.speaker}" is not a speaker id`,
      });
  });
  lesson.prompts.forEach((p, i) => {
    if (p.rubric && p.mode !== "cer")
      problems.push({ path: `prompts[${i}].rubric`, message: "a rubric needs mode: cer" });
  });
  if (count === 0) problems.push({ path: "body", message: "the article has no paragraphs" });
  return problems;
}

/** Formats zod issues as `path: message` with array indexes in brackets. */
export function zodProblems(error: z.ZodError): ContentProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path
      .map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? part : `.${part}`))
      .join("");
    let message = issue.message;
    if (issue.code === "invalid_enum_value")
      message = `"${String(issue.received)}" is not one of ${issue.options.join(", ")}`;
    if (issue.code === "unrecognized_keys") message = `unknown field(s): ${issue.keys.join(", ")}`;
    return { path: path || "(root)", message };
  });
}
