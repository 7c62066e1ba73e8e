// Lesson versions: each distinct content hash of a lesson is stored once, so assignments can pin it.
import { and, desc, eq } from "drizzle-orm";
import { lessonVersions } from "~/db/tables.server";
import { allLessons, getLesson } from "~/content/lessons.server";
import { CATEGORIES, type Lesson } from "~/content/schema";
import { db, first } from "~/db.server";
import { publishedVersion } from "~/models/lesson-editor.server";

/**
 * Records a new version row for every lesson whose content hash is not stored yet. Safe when
 * several instances start at once: the unique (slug, content_hash) index decides, and a row
 * another instance is inserting is waited for and then skipped (no error, no duplicate).
 */
export async function syncLessonVersions(): Promise<number> {
  let added = 0;
  for (const { lesson, hash } of allLessons()) {
    const inserted = await db
      .insert(lessonVersions)
      .values({ slug: lesson.slug, contentHash: hash, snapshot: lesson })
      .onConflictDoNothing({ target: [lessonVersions.slug, lessonVersions.contentHash] })
      .returning({ id: lessonVersions.id });
    added += inserted.length;
  }
  return added;
}

/**
 * The version to assign now: for a file, the stored version matching the file as it is now; for a
 * lesson written in the app, its newest published version. (Who may use it is checked by callers.)
 */
export async function currentLessonVersion(
  slug: string,
): Promise<{ id: number; lesson: Lesson } | undefined> {
  const loaded = getLesson(slug);
  if (!loaded) return await publishedVersion(slug);
  const row = await first(
    db
      .select({ id: lessonVersions.id })
      .from(lessonVersions)
      .where(and(eq(lessonVersions.slug, slug), eq(lessonVersions.contentHash, loaded.hash)))
      .orderBy(desc(lessonVersions.id)),
  );
  return row ? { id: row.id, lesson: loaded.lesson } : undefined;
}

const versionCache = new Map<number, Lesson>();

/** A pinned snapshot; immutable once written, so it is cached for the process lifetime. */
export async function getLessonVersion(id: number): Promise<Lesson | undefined> {
  const hit = versionCache.get(id);
  if (hit) return hit;
  const row = await first(
    db
      .select({ snapshot: lessonVersions.snapshot })
      .from(lessonVersions)
      .where(eq(lessonVersions.id, id)),
  );
  if (!row) return undefined;
  const lesson = row.snapshot as Lesson;
  versionCache.set(id, lesson);
  return lesson;
}

export function listLessons(): Lesson[] {
  return allLessons().map((l) => l.lesson);
}

/**
 * The answer key, explanations and discussion guidance of a lesson for its preview: only for a
 * signed-in teacher; null for pupils and visitors, so the key never leaves the server for them.
 */
export function lessonKeyFor(viewer: { role: "teacher" | "pupil" } | null, lesson: Lesson) {
  if (viewer?.role !== "teacher") return null;
  return {
    speakers: lesson.speakers,
    questions: lesson.questions.map((q) => ({
      id: q.id,
      skill: q.skill,
      stem: q.stem,
      options: q.options,
      correct: q.correct,
      explanation: q.explanation,
      evidence: q.evidence,
    })),
    sorting: lesson.sorting,
    categories: [...CATEGORIES],
    prompts: lesson.prompts,
  };
}
