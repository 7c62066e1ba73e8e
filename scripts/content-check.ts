// `npm run content:check [dir]`: validates every lesson file; exits 1 naming file, field and reason.
import { loadLessonsFrom } from "../app/content/lessons.server";

const dir = process.argv[2] ?? process.env.CONTENT_DIR ?? "content";
const report = loadLessonsFrom(dir);
for (const error of report.errors) console.error(error);
// Warnings come after the errors and never change the exit code: `file: item: warning`.
const warnings = report.lessons.flatMap(({ file, warnings }) =>
  warnings.map((w) => `${file}: ${w.item}: warning: ${w.message}`),
);
for (const line of warnings) console.warn(line);
if (report.errors.length) {
  console.error(`content:check: ${report.errors.length} problem(s) found`);
  process.exit(1);
}
for (const { file, lesson } of report.lessons)
  console.log(
    `ok ${file}: ${lesson.paragraphs.length} paragraphs, ${lesson.questions.length} questions, ` +
      `${lesson.sorting.length} sorting items, ${lesson.prompts.length} prompts`,
  );
console.log(
  `content:check: ${report.lessons.length} lesson(s) valid` +
    (warnings.length ? `, ${warnings.length} warning(s)` : ""),
);
