// The lesson editor's forms: posted fields → lesson parts (or field errors as dictionary keys),
// lesson parts → form values, and content problems → translated messages. No server code here.
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

export type FormErrors = Partial<Record<string, MessageKey>>;
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FormErrors };
export type Raw = Record<string, string | string[] | undefined>;

export const OPTION_IDS = ["a", "b", "c", "d", "e"] as const;
export const MAX_TEXT = 2000;
export const MAX_ARTICLE = 60_000;

const str = (raw: Raw, key: string) => {
  const v = raw[key];
  return (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();
};
const all = (raw: Raw, key: string) => {
  const v = raw[key];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((s) => s.trim());
};
const checked = (raw: Raw, key: string) => raw[key] !== undefined && str(raw, key) !== "";

function need(errors: FormErrors, raw: Raw, key: string, max = MAX_TEXT): string {
  const value = str(raw, key);
  if (!value) errors[key] = "ed.err.required";
  else if (value.length > max) errors[key] = "ed.err.tooLong";
  return value;
}

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

/**
 * An editor form's rules as a Zod schema for the kit's `parseSubmission` (decision 017): the
 * posted entries in, the lesson part out, each refusal filed under its field as a dictionary key
 * (one named `form` is about the whole form: Conform's form-wide messages).
 */
export function editorSchema<T>(rules: (raw: Raw) => Parsed<T>) {
  return z.record(z.unknown()).transform((payload, ctx): T => {
    const parsed = rules(rawOf(payload));
    if (parsed.ok) return parsed.value;
    for (const [name, key] of Object.entries(parsed.errors))
      if (key)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: name === "form" ? [] : [name],
          message: key,
        });
    return z.NEVER;
  });
}

/** The schema type every editor form's fields are read with on the page (`useAppForm`). */
export type EditorFormSchema = ReturnType<typeof editorSchema<unknown>>;

const DATE = z.string().date();

export type MetaValues = Pick<
  Lesson,
  "title" | "language" | "gradeBand" | "source" | "paragraphs"
> & {
  estimatedMinutes?: number;
};

/** The article and its source (the "new lesson" form and the editor's first section). */
export function parseMeta(raw: Raw, withMinutes: boolean): Parsed<MetaValues> {
  const errors: FormErrors = {};
  const title = need(errors, raw, "title", 300);
  const language = str(raw, "language");
  if (language !== "id" && language !== "en") errors.language = "ed.err.required";
  const gradeBand = need(errors, raw, "gradeBand", 100);
  const article = str(raw, "article");
  const paragraphs = splitArticle(article);
  if (!paragraphs.length) errors.article = "ed.err.article";
  else if (article.length > MAX_ARTICLE) errors.article = "ed.err.tooLong";
  const stated = (key: string, check?: (v: string) => MessageKey | null): string | null => {
    if (checked(raw, `${key}Unknown`)) return null;
    const value = str(raw, key);
    if (!value) errors[key] = "ed.err.stated";
    else if (value.length > 300) errors[key] = "ed.err.tooLong";
    else {
      const problem = check?.(value);
      if (problem) errors[key] = problem;
    }
    return value;
  };
  const date = (v: string) => (DATE.safeParse(v).success ? null : "ed.err.date");
  const url = (v: string) =>
    /^https?:\/\/[^\s]+$/i.test(v) && z.string().url().safeParse(v).success ? null : "ed.err.url";
  const source: Lesson["source"] = {
    outlet: stated("outlet"),
    author: stated("author"),
    publishedAt: stated("publishedAt", date),
    eventDate: stated("eventDate", date),
    url: stated("url", url),
  };
  const note = str(raw, "note");
  if (note.length > MAX_TEXT) errors.note = "ed.err.tooLong";
  if (note) source.note = note;
  let estimatedMinutes: number | undefined;
  if (withMinutes) {
    estimatedMinutes = Number(str(raw, "estimatedMinutes"));
    if (!Number.isInteger(estimatedMinutes) || estimatedMinutes < 1 || estimatedMinutes > 240)
      errors.estimatedMinutes = "ed.err.minutes";
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      title,
      language: language as "id" | "en",
      gradeBand,
      source,
      paragraphs,
      estimatedMinutes,
    },
  };
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

export function parseLists(raw: Raw, previous: Lesson["speakers"]): Parsed<ListsValues> {
  const errors: FormErrors = {};
  const objectives = lines(str(raw, "objectives"));
  const glossary: Lesson["glossary"] = [];
  for (const line of lines(str(raw, "glossary"))) {
    const at = line.indexOf(":");
    const term = at > 0 ? line.slice(0, at).trim() : "";
    const definition = at > 0 ? line.slice(at + 1).trim() : "";
    if (!term || !definition) errors.glossary = "ed.err.glossary";
    else glossary.push({ term, definition });
  }
  // A speaker keeps its id while its label is unchanged, so sorting items keep pointing at it.
  const used = new Set<string>();
  const speakers = lines(str(raw, "speakers")).map((label) => {
    const old = previous.find((s) => s.label === label);
    let id = old?.id ?? speakerId(label);
    while (used.has(id)) id = `${id}-2`;
    used.add(id);
    return { id, label };
  });
  const teacherNotes = lines(str(raw, "teacherNotes"));
  for (const [key, value] of Object.entries({
    objectives: str(raw, "objectives"),
    teacherNotes: str(raw, "teacherNotes"),
    speakers: str(raw, "speakers"),
  }))
    if (value.length > 20_000) errors[key] = "ed.err.tooLong";
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { objectives, glossary, speakers, teacherNotes } };
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

export function parseQuestion(raw: Raw, id: string, paragraphs: string[]): Parsed<Question> {
  const errors: FormErrors = {};
  const skill = str(raw, "skill");
  if (!(SKILLS as readonly string[]).includes(skill)) errors.skill = "ed.err.required";
  const stem = need(errors, raw, "stem");
  const options = OPTION_IDS.map((o) => ({ id: o, text: str(raw, `option_${o}`) })).filter(
    (o) => o.text,
  );
  if (options.length < 3) errors.options = "ed.err.options";
  for (const o of options)
    if (o.text.length > MAX_TEXT) errors[`option_${o.id}`] = "ed.err.tooLong";
  const correct = str(raw, "correct");
  if (!options.some((o) => o.id === correct)) errors.correct = "ed.err.correct";
  const explanation = need(errors, raw, "explanation");
  const evidence = [
    ...new Set(all(raw, "evidence").map((v) => paragraphNumber(v, paragraphs.length))),
  ]
    .filter((n): n is number => n !== null)
    .sort((a, b) => a - b);
  if (!evidence.length) errors.evidence = "ed.err.evidence";
  const question: Question = {
    id,
    skill: skill as Question["skill"],
    stem,
    options,
    correct,
    explanation,
    evidence,
  };
  if (checked(raw, "twoPart")) {
    const bStem = need(errors, raw, "partBStem");
    const bOptions = OPTION_IDS.flatMap((o) => {
      const quote = str(raw, `partB_quote_${o}`);
      if (!quote) return [];
      const paragraph = paragraphNumber(str(raw, `partB_paragraph_${o}`), paragraphs.length);
      if (paragraph === null) errors[`partB_paragraph_${o}`] = "ed.err.paragraph";
      else if (!paragraphs[paragraph - 1].includes(quote))
        errors[`partB_quote_${o}`] = "ed.err.verbatim";
      return [{ id: o, quote, paragraph: paragraph ?? 1 }];
    });
    if (bOptions.length < 3) errors.partB = "ed.err.options";
    const bCorrect = str(raw, "partBCorrect");
    if (!bOptions.some((o) => o.id === bCorrect)) errors.partBCorrect = "ed.err.correct";
    const bExplanation = need(errors, raw, "partBExplanation");
    question.partB = {
      stem: bStem,
      options: bOptions,
      correct: bCorrect,
      explanation: bExplanation,
    };
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: question };
}

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

export function parseSorting(
  raw: Raw,
  id: string,
  paragraphs: string[],
  speakers: Lesson["speakers"],
): Parsed<SortingItem> {
  const errors: FormErrors = {};
  const quote = need(errors, raw, "quote");
  const paragraph = paragraphNumber(str(raw, "paragraph"), paragraphs.length);
  if (paragraph === null) errors.paragraph = "ed.err.paragraph";
  else if (quote && !paragraphs[paragraph - 1].includes(quote)) errors.quote = "ed.err.verbatim";
  const category = str(raw, "category");
  if (!(CATEGORIES as readonly string[]).includes(category)) errors.category = "ed.err.required";
  const speaker = str(raw, "speaker");
  if (speaker && !speakers.some((s) => s.id === speaker)) errors.speaker = "ed.err.required";
  const explanation = need(errors, raw, "explanation");
  if (Object.keys(errors).length) return { ok: false, errors };
  const item: SortingItem = {
    id,
    quote,
    paragraph: paragraph!,
    category: category as SortingItem["category"],
    explanation,
  };
  if (speaker) item.speaker = speaker;
  return { ok: true, value: item };
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

export function parsePrompt(raw: Raw, id: string): Parsed<Prompt> {
  const errors: FormErrors = {};
  const mode = str(raw, "mode") === "cer" ? "cer" : "open";
  const prompt = need(errors, raw, "prompt");
  const guidance = need(errors, raw, "guidance");
  // The rubric: all nine cells or none; only a CER prompt has one.
  const cells = RUBRIC_FIELDS.map((f) => ({ ...f, text: str(raw, f.name) }));
  const filled = cells.filter((c) => c.text);
  if (filled.length && mode !== "cer") errors.rubric = "le.err.rubricCer";
  else if (filled.length && filled.length < cells.length) {
    errors.rubric = "le.err.rubricAll";
    for (const c of cells) if (!c.text) errors[c.name] = "ed.err.required";
  }
  for (const c of filled) if (c.text.length > MAX_TEXT) errors[c.name] = "ed.err.tooLong";
  if (Object.keys(errors).length) return { ok: false, errors };
  const value: Prompt = { id, mode, prompt, guidance };
  if (filled.length) {
    const row = (c: (typeof RUBRIC_PARTS)[number]) =>
      Object.fromEntries(RUBRIC_STEPS.map((l) => [l, str(raw, `rubric_${c}_${l}`)])) as Record<
        (typeof RUBRIC_STEPS)[number],
        string
      >;
    value.rubric = { claim: row("claim"), evidence: row("evidence"), reasoning: row("reasoning") };
  }
  return { ok: true, value };
}

export function promptValues(p: Prompt): Record<string, string> {
  const v: Record<string, string> = { mode: p.mode, prompt: p.prompt, guidance: p.guidance };
  if (p.rubric) for (const f of RUBRIC_FIELDS) v[f.name] = p.rubric[f.component][f.level];
  return v;
}

export const MAX_FACTS = 20;
type OutsideInfo = NonNullable<Lesson["outsideInfo"]>;

/** Teacher-only facts from outside the article: every fact dated and attributed; all empty = none. */
export function parseOutsideInfo(raw: Raw): Parsed<OutsideInfo | undefined> {
  const errors: FormErrors = {};
  const title = str(raw, "outsideTitle");
  const caveat = str(raw, "caveat");
  const facts: OutsideInfo["facts"] = [];
  for (let i = 0; i < MAX_FACTS; i++) {
    const row = {
      date: str(raw, `fact_date_${i}`),
      source: str(raw, `fact_source_${i}`),
      text: str(raw, `fact_text_${i}`),
    };
    const parts = Object.values(row).filter(Boolean).length;
    if (parts === 0) continue;
    if (parts < 3) errors[`fact_${i}`] = "le.err.factRow";
    for (const [k, v] of Object.entries(row))
      if (v.length > MAX_TEXT) errors[`fact_${k}_${i}`] = "ed.err.tooLong";
    facts.push(row);
  }
  if (!title && !caveat && !facts.length) return { ok: true, value: undefined };
  if (!title) errors.outsideTitle = "ed.err.required";
  else if (title.length > 300) errors.outsideTitle = "ed.err.tooLong";
  if (!caveat) errors.caveat = "ed.err.required";
  else if (caveat.length > MAX_TEXT) errors.caveat = "ed.err.tooLong";
  if (!facts.length) errors.facts = "le.err.facts";
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { title, facts, caveat } };
}

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
export function parseAcknowledgement(
  raw: Raw,
  open: { check: string; item: string }[],
): Parsed<Lesson["acknowledged"][number]> {
  const errors: FormErrors = {};
  const check = str(raw, "check");
  const item = str(raw, "item");
  if (!open.some((w) => w.check === check && w.item === item)) errors.form = "v.invalid";
  const reason = need(errors, raw, "reason");
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { check, item, reason } };
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
