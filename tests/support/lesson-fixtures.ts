// Lesson texts for tests: the seed lesson, edited in one targeted place to break exactly one rule.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { parseLesson } from "../../app/content/parse";

export const SEED_SLUG = "ktt-putin-kim-2024";
export const SEED_FILE = path.resolve("content", "lessons", `${SEED_SLUG}.md`);
// The original article is not in the repository: its fingerprint is (one SHA-256 per line).
export const SEED_ARTICLE_HASHES = path.resolve("tests", "fixtures", "seed-article.sha256.json");

export const seedSource = () => fs.readFileSync(SEED_FILE, "utf8");

export const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** SHA-256 of the original headline and of each original paragraph, in order. */
export function seedArticleHashes(): { headline: string; paragraphs: string[] } {
  const { headline, paragraphs } = JSON.parse(fs.readFileSync(SEED_ARTICLE_HASHES, "utf8")) as {
    headline: string;
    paragraphs: string[];
  };
  return { headline, paragraphs };
}

/**
 * The original article as the seed lesson holds it: headline and paragraphs, each checked
 * against the stored fingerprint, so a test using it fails if the lesson stops being verbatim.
 */
export function seedArticle(): { headline: string; paragraphs: string[] } {
  const result = parseLesson(seedSource());
  if (!result.ok) throw new Error(`seed lesson does not parse: ${JSON.stringify(result.problems)}`);
  const { title, paragraphs } = result.lesson;
  const hashes = seedArticleHashes();
  if (
    sha256(title) !== hashes.headline ||
    paragraphs.length !== hashes.paragraphs.length ||
    paragraphs.some((p, i) => sha256(p) !== hashes.paragraphs[i])
  )
    throw new Error("the seed lesson's headline or paragraphs differ from the original article");
  return { headline: title, paragraphs };
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
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into parsed YAML freely
export function editFrontmatter(edit: (data: any) => void, source = seedSource()): string {
  const { data, body } = split(source);
  edit(data);
  return `---\n${stringifyYaml(data)}---\n${body}`;
}

/** A fresh content folder (`<dir>/lessons/<name>`) holding the given lesson files. */
export function tempContentDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "telaah-content-"));
  fs.mkdirSync(path.join(dir, "lessons"));
  for (const [name, text] of Object.entries(files))
    fs.writeFileSync(path.join(dir, "lessons", name), text);
  return dir;
}
