// Lesson texts for tests: the seed lesson, edited in one targeted place to break exactly one rule.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";

export const SEED_SLUG = "ktt-putin-kim-2024";
export const SEED_FILE = path.resolve("content", "lessons", `${SEED_SLUG}.md`);
// CI lays shared/ beside the clone, exactly as on a developer's machine.
export const SEED_ARTICLE = path.resolve("..", "shared", "seed-article.id.txt");

export const seedSource = () => fs.readFileSync(SEED_FILE, "utf8");

/** The original article: the headline, then its paragraphs, one per non-empty line. */
export function seedArticle(): { headline: string; paragraphs: string[] } {
  if (!fs.existsSync(SEED_ARTICLE))
    throw new Error(`${SEED_ARTICLE} not found: the tests expect the shared/ folder beside the project folder`);
  const [headline, ...paragraphs] = fs
    .readFileSync(SEED_ARTICLE, "utf8")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return { headline, paragraphs };
}

/**
 * Replaces text that must occur exactly once, so a fixture can never silently stop being
 * broken when the seed lesson is edited.
 */
export function replaceOnce(source: string, from: string, to: string): string {
  const count = source.split(from).length - 1;
  if (count !== 1) throw new Error(`fixture edit: expected one "${from}", found ${count}`);
  return source.replace(from, () => to);
}

function split(source: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source.replace(/\r\n/g, "\n"));
  if (!match) throw new Error("fixture: no frontmatter");
  return { data: parseYaml(match[1]) as Record<string, unknown>, body: match[2] };
}

/** The seed lesson with its frontmatter changed by `edit`; the article body is kept as it is. */
export function editFrontmatter(edit: (data: any) => void, source = seedSource()): string {
  const { data, body } = split(source);
  edit(data);
  return `---\n${stringifyYaml(data)}---\n${body}`;
}

/** A fresh content folder (`<dir>/lessons/<name>`) holding the given lesson files. */
export function tempContentDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "telaah-content-"));
  fs.mkdirSync(path.join(dir, "lessons"));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, "lessons", name), text);
  return dir;
}
