// The lesson editor's forms: posted fields → lesson parts as Zod schemas (messages are dictionary
// keys), lesson parts → form values, and content problems → translated messages. No server code here.
import { z } from "zod";
import {
  CATEGORIES,
  SKILLS,
  type Lesson,
  type Question,
  type SortingItem,
  type Prompt,
  type ContentProblem,
} from "~/content/schema";
import type { MessageKey, Vars } from "~/i18n";

/** A posted form's entries as Conform reads them (the page reads a refused form's typing so). */
export type Raw = Record<string, string | string[] | undefined>;

export const OPTION_IDS = ["a", "b", "c", "d", "e"] as const;
export const MAX_TEXT = 2000;
export const MAX_ARTICLE = 60_000;

/**
 * The entries of a posted form as the kit parsed them (Conform's payload): strings, or string
 * lists for repeated names; anything else (files, nested names) is dropped.
 */
export function rawOf(payload: unknown): Raw {
  const raw: Raw = {};
  if (!payload || typeof payload !== "object") return raw;
  for (const [key, value] of Object.entries(payload)) {
    if (typeof value === "string") raw[key] = value;
    else if (Array.isArray(value)) {
      const texts = value.filter((v): v is string => typeof v === "string");
      raw[key] = texts.length > 1 ? texts : texts[0];
    }
  }
  return raw;
}

// The editor's fields as Zod schemas, for the kit's `parseSubmission` (decisions 017, 019): every
// message is a dictionary key filed under the field it is about (a path of [] is the form's own).
// Posted values stay strings; a repeated name counts with its first value, like the browser sends.
const texts = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
    (x): x is string => typeof x === "string",
  );
/** A posted field exactly as sent: its first value ("" when absent). */
export const posted = z.unknown().transform((v) => texts(v)[0] ?? "");
/** A posted field: its first value, trimmed ("" when absent). */
export const text = z.unknown().transform((v) => (texts(v)[0] ?? "").trim());
/** Every value of a repeated field (checkboxes), trimmed. */
const list = z.unknown().transform((v) => texts(v).map((s) => s.trim()));
/** A checkbox: ticked when posted with a value. */
export const flag = text.transform((v) => v !== "");
/** A field that may be empty but not longer than `max`. */
const upTo = (max: number) => text.pipe(z.string().max(max, "ed.err.tooLong"));
/** A field that must be filled, up to `max` characters. */
const required = (max = MAX_TEXT) =>
  text.pipe(z.string().min(1, "ed.err.required").max(max, "ed.err.tooLong"));
/** A cross-field message, under the field `name` ("form": the whole form). */
const refuse = (ctx: z.RefinementCtx, name: string, message: MessageKey) =>
  ctx.addIssue({ code: z.ZodIssueCode.custom, path: name === "form" ? [] : [name], message });

/** A field's own message, from a rule on that field. */
const refuseField = (ctx: z.RefinementCtx, message: MessageKey) =>
  ctx.addIssue({ code: z.ZodIssueCode.custom, message });

/** The schema type every editor form's fields are read with on the page (`useAppForm`). */
export type EditorFormSchema = z.ZodType<unknown, z.ZodTypeDef, Record<string, unknown>>;

const DATE = z.string().date();

export type MetaValues = Pick<
  Lesson,
  "title" | "language" | "gradeBand" | "source" | "paragraphs"
> & {
  estimatedMinutes?: number;
};

const STATED = ["outlet", "author", "publishedAt", "eventDate", "url"] as const;
const statedChecks: Partial<Record<(typeof STATED)[number], (v: string) => MessageKey | null>> = {
  publishedAt: (v) => (DATE.safeParse(v).success ? null : "ed.err.date"),
  eventDate: (v) => (DATE.safeParse(v).success ? null : "ed.err.date"),
  url: (v) =>
    /^https?:\/\/[^\s]+$/i.test(v) && z.string().url().safeParse(v).success ? null : "ed.err.url",
};

/**
 * The article and its source (the "new lesson" form and the editor's first section). Each source
 * field is stated, or ticked as unknown (then null).
 */
export function metaSchema(withMinutes: boolean) {
  return z
    .object({
      title: required(300),
      language: text.refine((v) => v === "id" || v === "en", "ed.err.required"),
      gradeBand: required(100),
      article: text.superRefine((article, ctx) => {
        if (!splitArticle(article).length) refuseField(ctx, "ed.err.article");
        else if (article.length > MAX_ARTICLE) refuseField(ctx, "ed.err.tooLong");
      }),
      ...Object.fromEntries(
        STATED.flatMap((k) => [
          [k, text],
          [`${k}Unknown`, flag],
        ]),
      ),
      note: upTo(MAX_TEXT),
      estimatedMinutes: withMinutes
        ? text
            .transform(Number)
            .refine((n) => Number.isInteger(n) && n >= 1 && n <= 240, "ed.err.minutes")
        : z.unknown().transform(() => undefined),
    })
    .superRefine((form, ctx) => {
      const fields = form as Record<string, string | boolean>;
      for (const key of STATED) {
        if (fields[`${key}Unknown`]) continue;
        const value = fields[key] as string;
        const problem = !value
          ? "ed.err.stated"
          : value.length > 300
            ? "ed.err.tooLong"
            : (statedChecks[key]?.(value) ?? null);
        if (problem) refuse(ctx, key, problem);
      }
    })
    .transform((form): MetaValues => {
      const fields = form as Record<string, string | boolean>;
      const source = Object.fromEntries(
        STATED.map((k) => [k, fields[`${k}Unknown`] ? null : fields[k]]),
      ) as Lesson["source"];
      if (form.note) source.note = form.note;
      return {
        title: form.title,
        language: form.language as "id" | "en",
        gradeBand: form.gradeBand,
        source,
        paragraphs: splitArticle(form.article),
        estimatedMinutes: form.estimatedMinutes,
      };
    });
}

/** Same rule as the file parser: blank lines separate paragraphs, line breaks inside are spaces. */
export function splitArticle(text: string): string[] {
  return text
    .replace(/\r\n/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
    .filter((p) => p.length > 0);
}

export function metaValues(
  lesson: Pick<
    Lesson,
    "title" | "language" | "gradeBand" | "source" | "paragraphs" | "estimatedMinutes"
  >,
): Record<string, string> {
  const v: Record<string, string> = {
    title: lesson.title,
    language: lesson.language,
    gradeBand: lesson.gradeBand,
    estimatedMinutes: String(lesson.estimatedMinutes),
    article: lesson.paragraphs.join("\n\n"),
    note: lesson.source.note ?? "",
  };
  for (const key of ["outlet", "author", "publishedAt", "eventDate", "url"] as const) {
    const value = lesson.source[key];
    if (value === null || value === undefined) v[`${key}Unknown`] = "on";
    else v[key] = value;
  }
  return v;
}

const lines = (text: string) =>
  text
    .replace(/\r\n/g, "\n")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

export function speakerId(label: string): string {
  return (
    label
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "pihak"
  );
}

export type ListsValues = Pick<Lesson, "objectives" | "glossary" | "speakers" | "teacherNotes">;

/** A glossary line is "term: definition". */
const glossaryOf = (text: string) =>
  lines(text).map((line) => {
    const at = line.indexOf(":");
    return at > 0
      ? { term: line.slice(0, at).trim(), definition: line.slice(at + 1).trim() }
      : { term: "", definition: "" };
  });

/** The lesson's four lists, one entry a line; `previous`: the draft's speakers, whose ids stay. */
export function listsSchema(previous: Lesson["speakers"]) {
  return z
    .object({
      objectives: upTo(20_000),
      glossary: text.superRefine((v, ctx) => {
        if (glossaryOf(v).some((g) => !g.term || !g.definition))
          refuseField(ctx, "ed.err.glossary");
      }),
      speakers: upTo(20_000),
      teacherNotes: upTo(20_000),
    })
    .transform((form): ListsValues => {
      // A speaker keeps its id while its label is unchanged, so sorting items keep pointing at it.
      const used = new Set<string>();
      const speakers = lines(form.speakers).map((label) => {
        const old = previous.find((s) => s.label === label);
        let id = old?.id ?? speakerId(label);
        while (used.has(id)) id = `${id}-2`;
        used.add(id);
        return { id, label };
      });
      return {
        objectives: lines(form.objectives),
        glossary: glossaryOf(form.glossary),
        speakers,
        teacherNotes: lines(form.teacherNotes),
      };
    });
}

export function listsValues(lesson: ListsValues): Record<string, string> {
  return {
    objectives: lesson.objectives.join("\n"),
    glossary: lesson.glossary.map((g) => `${g.term}: ${g.definition}`).join("\n"),
    speakers: lesson.speakers.map((s) => s.label).join("\n"),
    teacherNotes: lesson.teacherNotes.join("\n"),
  };
}

/** The next unused id like q1, q2 … */
export function nextId(prefix: string, taken: string[]): string {
  let n = taken.length + 1;
  while (taken.includes(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

const paragraphNumber = (value: string, count: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= count ? n : null;
};

const optionFields = (prefix: string, field: z.ZodTypeAny) =>
  Object.fromEntries(OPTION_IDS.map((o) => [`${prefix}${o}`, field])) as Record<
    string,
    typeof field
  >;

/** A multiple-choice question (and its optional Part B of quotations) in a draft of `paragraphs`. */
export function questionSchema(id: string, paragraphs: string[]) {
  const paragraph = text.transform((v) => paragraphNumber(v, paragraphs.length));
  return z
    .object({
      skill: text.refine((v) => (SKILLS as readonly string[]).includes(v), "ed.err.required"),
      stem: required(),
      ...optionFields("option_", upTo(MAX_TEXT)),
      correct: text,
      explanation: required(),
      evidence: list
        .transform((values) =>
          [...new Set(values.map((v) => paragraphNumber(v, paragraphs.length)))]
            .filter((n): n is number => n !== null)
            .sort((a, b) => a - b),
        )
        .refine((numbers) => numbers.length > 0, "ed.err.evidence"),
      twoPart: flag,
      partBStem: text,
      ...optionFields("partB_quote_", text),
      ...optionFields("partB_paragraph_", paragraph),
      partBCorrect: text,
      partBExplanation: text,
    })
    .superRefine((form, ctx) => {
      const fields = form as Record<string, unknown>;
      const options = choices(fields);
      if (options.length < 3) refuse(ctx, "options", "ed.err.options");
      if (!options.some((o) => o.id === form.correct)) refuse(ctx, "correct", "ed.err.correct");
      if (!form.twoPart) return;
      const stem = requiredText(form.partBStem);
      if (stem) refuse(ctx, "partBStem", stem);
      const quotes = quotations(fields);
      for (const o of quotes) {
        if (o.paragraph === null) refuse(ctx, `partB_paragraph_${o.id}`, "ed.err.paragraph");
        else if (!paragraphs[o.paragraph - 1].includes(o.quote))
          refuse(ctx, `partB_quote_${o.id}`, "ed.err.verbatim");
      }
      if (quotes.length < 3) refuse(ctx, "partB", "ed.err.options");
      if (!quotes.some((o) => o.id === form.partBCorrect))
        refuse(ctx, "partBCorrect", "ed.err.correct");
      const explanation = requiredText(form.partBExplanation);
      if (explanation) refuse(ctx, "partBExplanation", explanation);
    })
    .transform((form): Question => {
      const fields = form as Record<string, unknown>;
      const question: Question = {
        id,
        skill: form.skill as Question["skill"],
        stem: form.stem,
        options: choices(fields),
        correct: form.correct,
        explanation: form.explanation,
        evidence: form.evidence,
      };
      if (form.twoPart)
        question.partB = {
          stem: form.partBStem,
          options: quotations(fields).map((o) => ({ ...o, paragraph: o.paragraph ?? 1 })),
          correct: form.partBCorrect,
          explanation: form.partBExplanation,
        };
      return question;
    });
}

/** The message of a required field, or null. */
const requiredText = (value: string, max = MAX_TEXT): MessageKey | null =>
  !value ? "ed.err.required" : value.length > max ? "ed.err.tooLong" : null;
/** The filled options of a question form. */
const choices = (fields: Record<string, unknown>) =>
  OPTION_IDS.map((o) => ({ id: o, text: fields[`option_${o}`] as string })).filter((o) => o.text);
/** The filled Part B quotations (with their paragraph number, null if not one of the article's). */
const quotations = (fields: Record<string, unknown>) =>
  OPTION_IDS.flatMap((o) => {
    const quote = fields[`partB_quote_${o}`] as string;
    return quote
      ? [{ id: o, quote, paragraph: fields[`partB_paragraph_${o}`] as number | null }]
      : [];
  });

export function questionValues(q: Question): Record<string, string | string[]> {
  const v: Record<string, string | string[]> = {
    skill: q.skill,
    stem: q.stem,
    correct: q.correct,
    explanation: q.explanation,
    evidence: q.evidence.map(String),
  };
  for (const o of q.options) v[`option_${o.id}`] = o.text;
  if (q.partB) {
    v.twoPart = "on";
    v.partBStem = q.partB.stem;
    v.partBCorrect = q.partB.correct;
    v.partBExplanation = q.partB.explanation;
    for (const o of q.partB.options) {
      v[`partB_quote_${o.id}`] = o.quote;
      v[`partB_paragraph_${o.id}`] = String(o.paragraph);
    }
  }
  return v;
}

/** A statement to sort, quoted verbatim from one paragraph, maybe said by one of `speakers`. */
export function sortingSchema(id: string, paragraphs: string[], speakers: Lesson["speakers"]) {
  return z
    .object({
      quote: text,
      paragraph: text
        .transform((v) => paragraphNumber(v, paragraphs.length))
        .refine((n) => n !== null, "ed.err.paragraph"),
      category: text.refine(
        (v) => (CATEGORIES as readonly string[]).includes(v),
        "ed.err.required",
      ),
      speaker: text.refine((v) => !v || speakers.some((s) => s.id === v), "ed.err.required"),
      explanation: required(),
    })
    .superRefine((form, ctx) => {
      // Not in its paragraph outweighs too long: the quotation is what needs fixing.
      const { quote, paragraph } = form;
      if (!quote) refuse(ctx, "quote", "ed.err.required");
      else if (paragraph !== null && !paragraphs[paragraph - 1].includes(quote))
        refuse(ctx, "quote", "ed.err.verbatim");
      else if (quote.length > MAX_TEXT) refuse(ctx, "quote", "ed.err.tooLong");
    })
    .transform((form): SortingItem => {
      const item: SortingItem = {
        id,
        quote: form.quote,
        paragraph: form.paragraph!,
        category: form.category as SortingItem["category"],
        explanation: form.explanation,
      };
      if (form.speaker) item.speaker = form.speaker;
      return item;
    });
}

export function sortingValues(s: SortingItem): Record<string, string> {
  return {
    quote: s.quote,
    paragraph: String(s.paragraph),
    category: s.category,
    speaker: s.speaker ?? "",
    explanation: s.explanation,
  };
}

const RUBRIC_PARTS = ["claim", "evidence", "reasoning"] as const;
const RUBRIC_STEPS = ["beginning", "developing", "proficient"] as const;
export const RUBRIC_FIELDS = RUBRIC_PARTS.flatMap((c) =>
  RUBRIC_STEPS.map((l) => ({ component: c, level: l, name: `rubric_${c}_${l}` })),
);

/** A discussion prompt; a CER prompt may have a rubric: all nine cells or none. */
export function promptSchema(id: string) {
  return z
    .object({
      mode: text.transform((v): Prompt["mode"] => (v === "cer" ? "cer" : "open")),
      prompt: required(),
      guidance: required(),
      ...Object.fromEntries(RUBRIC_FIELDS.map((f) => [f.name, upTo(MAX_TEXT)])),
    })
    .superRefine((form, ctx) => {
      const cells = RUBRIC_FIELDS.map((f) => ({ ...f, text: rubricCell(form, f.name) }));
      const filled = cells.filter((c) => c.text);
      if (filled.length && form.mode !== "cer") refuse(ctx, "rubric", "le.err.rubricCer");
      else if (filled.length && filled.length < cells.length) {
        refuse(ctx, "rubric", "le.err.rubricAll");
        for (const c of cells) if (!c.text) refuse(ctx, c.name, "ed.err.required");
      }
    })
    .transform((form): Prompt => {
      const value: Prompt = { id, mode: form.mode, prompt: form.prompt, guidance: form.guidance };
      if (RUBRIC_FIELDS.some((f) => rubricCell(form, f.name))) {
        const row = (c: (typeof RUBRIC_PARTS)[number]) =>
          Object.fromEntries(
            RUBRIC_STEPS.map((l) => [l, rubricCell(form, `rubric_${c}_${l}`)]),
          ) as Record<(typeof RUBRIC_STEPS)[number], string>;
        value.rubric = {
          claim: row("claim"),
          evidence: row("evidence"),
          reasoning: row("reasoning"),
        };
      }
      return value;
    });
}

const rubricCell = (form: object, name: string) =>
  (form as Record<string, unknown>)[name] as string;

export function promptValues(p: Prompt): Record<string, string> {
  const v: Record<string, string> = { mode: p.mode, prompt: p.prompt, guidance: p.guidance };
  if (p.rubric) for (const f of RUBRIC_FIELDS) v[f.name] = p.rubric[f.component][f.level];
  return v;
}

export const MAX_FACTS = 20;
type OutsideInfo = NonNullable<Lesson["outsideInfo"]>;

/** Teacher-only facts from outside the article: every fact dated and attributed; all empty = none. */
const FACT_PARTS = ["date", "source", "text"] as const;
const factRowsOf = (form: object) =>
  Array.from({ length: MAX_FACTS }, (_, i) => {
    const fields = form as Record<string, string>;
    return {
      i,
      date: fields[`fact_date_${i}`],
      source: fields[`fact_source_${i}`],
      text: fields[`fact_text_${i}`],
    };
  }).filter((row) => row.date || row.source || row.text);

/** Teacher-only facts from outside the article: every fact dated and attributed; all empty = none. */
export const outsideInfoSchema = z
  .object({
    outsideTitle: upTo(300),
    caveat: upTo(MAX_TEXT),
    ...Object.fromEntries(
      Array.from({ length: MAX_FACTS }, (_, i) =>
        FACT_PARTS.map((k) => [`fact_${k}_${i}`, upTo(MAX_TEXT)]),
      ).flat(),
    ),
  })
  .superRefine((form, ctx) => {
    const facts = factRowsOf(form);
    for (const row of facts)
      if (!row.date || !row.source || !row.text) refuse(ctx, `fact_${row.i}`, "le.err.factRow");
    if (!form.outsideTitle && !form.caveat && !facts.length) return;
    if (!form.outsideTitle) refuse(ctx, "outsideTitle", "ed.err.required");
    if (!form.caveat) refuse(ctx, "caveat", "ed.err.required");
    if (!facts.length) refuse(ctx, "facts", "le.err.facts");
  })
  .transform((form): OutsideInfo | undefined => {
    const facts = factRowsOf(form).map(({ date, source, text }) => ({ date, source, text }));
    if (!form.outsideTitle && !form.caveat && !facts.length) return undefined;
    return { title: form.outsideTitle, facts, caveat: form.caveat };
  });

export function outsideInfoValues(info: Lesson["outsideInfo"]): Record<string, string> {
  const v: Record<string, string> = { outsideTitle: info?.title ?? "", caveat: info?.caveat ?? "" };
  info?.facts.forEach((f, i) => {
    v[`fact_date_${i}`] = f.date;
    v[`fact_source_${i}`] = f.source;
    v[`fact_text_${i}`] = f.text;
  });
  return v;
}

/** Fact rows to show: every filled row plus two empty ones (so a form without JavaScript can add). */
export function factRows(values: Record<string, string | string[] | undefined>): number {
  let last = -1;
  for (let i = 0; i < MAX_FACTS; i++)
    if (["date", "source", "text"].some((k) => values[`fact_${k}_${i}`])) last = i;
  return Math.min(MAX_FACTS, Math.max(last + 3, 3));
}

/** A quality warning the teacher accepts, with the reason (kept in the lesson's `acknowledged`). */
export function acknowledgementSchema(open: { check: string; item: string }[]) {
  return z
    .object({ check: text, item: text, reason: required() })
    .superRefine((form, ctx) => {
      if (!open.some((w) => w.check === form.check && w.item === form.item))
        refuse(ctx, "form", "v.invalid");
    })
    .transform((form): Lesson["acknowledged"][number] => form);
}

/** A content problem (English, from the schema) as a dictionary key and variables. */
export function problemMessage(problem: ContentProblem): { key: MessageKey; vars: Vars } {
  const { path, message } = problem;
  let m: RegExpExecArray | null;
  if (message === "must not be empty" || message.startsWith("Required"))
    return { key: "prob.empty", vars: { path } };
  if (message === "needs 3 to 5 options") return { key: "prob.options", vars: { path } };
  if ((m = /^not found verbatim in paragraph (\d+)$/.exec(message)))
    return { key: "prob.verbatim", vars: { path, n: m[1] } };
  if ((m = /^paragraph (\d+) does not exist/.exec(message)))
    return { key: "prob.noParagraph", vars: { path, n: m[1] } };
  if (message.startsWith("duplicate id")) return { key: "prob.duplicate", vars: { path } };
  if ((m = /^unknown field\(s\): (.*)$/.exec(message)))
    return { key: "prob.unknownField", vars: { path, fields: m[1] } };
  if (message.includes("is not one of the option ids"))
    return { key: "prob.notOption", vars: { path } };
  if (/at least 1|needs at least one/i.test(message))
    return { key: "prob.atLeastOne", vars: { path } };
  if (/alias/i.test(message)) return { key: "prob.alias", vars: { path } };
  if (message === "larger than 256 KB") return { key: "prob.tooLarge", vars: { path } };
  return { key: "prob.other", vars: { path, message } };
}

/** Which editor item a problem path belongs to: `questions[2].stem` → { kind: "questions", index: 2 }. */
export function problemItem(
  path: string,
): { kind: "questions" | "sorting" | "prompts"; index: number } | null {
  const m = /^(questions|sorting|prompts)\[(\d+)\]/.exec(path);
  return m ? { kind: m[1] as "questions" | "sorting" | "prompts", index: Number(m[2]) } : null;
}
