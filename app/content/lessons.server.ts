// The one content loader: reads content/lessons/*.md, validates each file, caches the result.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "~/utils/env.server";
import { parseLesson } from "./parse";
import { qualityWarnings, type QualityWarning } from "./quality";
import type { Lesson } from "./schema";

/** `warnings` are item-quality hints (never errors); the lesson editor shows them. */
export type LoadedLesson = {
  file: string;
  lesson: Lesson;
  hash: string;
  warnings: QualityWarning[];
};
export type LoadReport = { lessons: LoadedLesson[]; errors: string[] };

export function lessonHash(lesson: Lesson): string {
  return crypto.createHash("sha256").update(JSON.stringify(lesson)).digest("hex");
}

/** Reads and checks every lesson under `dir`; each error is `file: path: message`. */
export function loadLessonsFrom(dir: string): LoadReport {
  const lessonsDir = path.join(dir, "lessons");
  const lessons: LoadedLesson[] = [];
  const errors: string[] = [];
  if (!fs.existsSync(lessonsDir)) return { lessons, errors: [`${lessonsDir}: folder not found`] };
  const files = fs
    .readdirSync(lessonsDir)
    .filter((f) => f.endsWith(".md"))
    .sort();
  const slugs = new Map<string, string>();
  for (const name of files) {
    const file = path.join(lessonsDir, name);
    const result = parseLesson(fs.readFileSync(file, "utf8"));
    if (!result.ok) {
      for (const p of result.problems) errors.push(`${file}: ${p.path}: ${p.message}`);
      continue;
    }
    const { lesson } = result;
    if (name !== `${lesson.slug}.md`)
      errors.push(`${file}: slug: "${lesson.slug}" must match the file name`);
    const other = slugs.get(lesson.slug);
    if (other) errors.push(`${file}: slug: "${lesson.slug}" is also used by ${other}`);
    slugs.set(lesson.slug, file);
    lessons.push({ file, lesson, hash: lessonHash(lesson), warnings: qualityWarnings(lesson) });
  }
  return { lessons, errors };
}

let cache: LoadedLesson[] | undefined;

/** All valid lessons; throws with every problem listed when any file is invalid. */
export function allLessons(): LoadedLesson[] {
  if (!cache) {
    const report = loadLessonsFrom(env().CONTENT_DIR);
    if (report.errors.length) throw new ContentError(report.errors);
    cache = report.lessons;
  }
  return cache;
}

export function getLesson(slug: string): LoadedLesson | undefined {
  return allLessons().find((l) => l.lesson.slug === slug);
}

export class ContentError extends Error {
  constructor(public problems: string[]) {
    super(`Invalid lesson content:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "ContentError";
  }
}
