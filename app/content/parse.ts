// Turns one lesson file's text into a validated Lesson or a list of problems (no file system here).
import { parse as parseYaml } from "yaml";
import {
  crossCheck,
  frontmatterSchema,
  zodProblems,
  type ContentProblem,
  type Lesson,
} from "./schema";

export type ParseResult = { ok: true; lesson: Lesson } | { ok: false; problems: ContentProblem[] };

export function parseLesson(source: string): ParseResult {
  const text = source.replace(/\r\n/g, "\n");
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
  if (!match)
    return {
      ok: false,
      problems: [{ path: "(file)", message: "must start with YAML frontmatter between --- lines" }],
    };
  let data: unknown;
  try {
    // No aliases at all: a lesson never needs them, and they are how "billion laughs" files blow up.
    data = parseYaml(match[1], { maxAliasCount: 0, uniqueKeys: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { ok: false, problems: [{ path: "(frontmatter)", message: `YAML: ${message}` }] };
  }
  const parsed = frontmatterSchema.safeParse(data);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const paragraphs = splitParagraphs(match[2]);
  const lesson: Lesson = { ...parsed.data, paragraphs };
  const problems = crossCheck(lesson);
  return problems.length ? { ok: false, problems } : { ok: true, lesson };
}

/** The article body as paragraphs: blank lines separate them, line breaks inside one are spaces. */
export function splitParagraphs(body: string): string[] {
  return body
    .replace(/\r\n/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
    .filter((p) => p.length > 0);
}
