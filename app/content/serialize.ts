// Writes a lesson object back as the text of a content/lessons/*.md file (the canonical form).
import { stringify } from "yaml";
import type { Lesson } from "./schema";

/**
 * Frontmatter in YAML (plain, no folding, no aliases), then one paragraph per block.
 * parseLesson(serializeLesson(x)) gives back x for every valid lesson, so the content hash of an
 * exported lesson equals the hash of the lesson it came from.
 */
export function serializeLesson(lesson: Lesson): string {
  const { paragraphs, ...frontmatter } = lesson;
  const yaml = stringify(frontmatter, {
    lineWidth: 0,
    aliasDuplicateObjects: false,
    defaultStringType: "QUOTE_DOUBLE",
    defaultKeyType: "PLAIN",
  });
  const body = paragraphs.map((p) => p.replace(/\s*\n\s*/g, " ").trim()).join("\n\n");
  return `---\n${yaml}---\n\n${body}\n`;
}
