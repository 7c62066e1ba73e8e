// Lessons written in the app: drafts, validation through the file pipeline, publishing, sharing,
// copies, the library, and .md import/export. The other source of lessons is content/lessons/*.md.
import crypto from "node:crypto";
import { and, desc, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import { assignments, authoredLessons, lessonVersions, teachers } from "~/db/tables.server";
import { allLessons, getLesson, lessonHash } from "~/content/lessons.server";
import { parseLesson, splitParagraphs } from "~/content/parse";
import { qualityWarnings, type QualityWarning } from "~/content/quality";
import type { ContentProblem, Lesson } from "~/content/schema";
import { serializeLesson } from "~/content/serialize";
import { db, first, withTransaction } from "~/db.server";
import { notFound } from "~/utils/http.server";

export type AuthoredRow = typeof authoredLessons.$inferSelect;
/** A draft is the object a lesson file holds; it may be incomplete until it is published. */
export type Draft = Lesson;

export type SourceInput = {
  outlet: string | null;
  author: string | null;
  publishedAt: string | null;
  eventDate: string | null;
  url: string | null;
  note: string | null;
};

export type NewLessonInput = {
  title: string;
  article: string;
  language: "id" | "en";
  gradeBand: string;
  source: SourceInput;
};

/** A LIKE pattern matching `text` literally: backslash, `%` and `_` escaped with a backslash. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Lower-case ascii words joined by dashes, then a random tail so two titles never collide. */
export function makeSlug(title: string): string {
  const base =
    title
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 48)
      .replace(/-+$/, "") || "pelajaran";
  return `${base}-${crypto.randomBytes(4).toString("hex").slice(0, 6)}`;
}

async function freeSlug(title: string): Promise<string> {
  for (;;) {
    const slug = makeSlug(title);
    if (getLesson(slug)) continue;
    const taken = await first(
      db
        .select({ id: authoredLessons.id })
        .from(authoredLessons)
        .where(eq(authoredLessons.slug, slug)),
    );
    if (!taken) return slug;
  }
}

function sourceOf(input: SourceInput): Lesson["source"] {
  const source: Lesson["source"] = {
    outlet: input.outlet,
    author: input.author,
    publishedAt: input.publishedAt,
    eventDate: input.eventDate,
    url: input.url,
  };
  if (input.note) source.note = input.note;
  return source;
}

export function newDraft(slug: string, input: NewLessonInput): Draft {
  return {
    slug,
    title: input.title,
    language: input.language,
    source: sourceOf(input.source),
    gradeBand: input.gradeBand,
    estimatedMinutes: 45,
    objectives: [],
    glossary: [],
    speakers: [],
    questions: [],
    sorting: [],
    prompts: [],
    teacherNotes: [],
    acknowledged: [],
    paragraphs: splitParagraphs(input.article),
  };
}

export type Validation = {
  /** Errors from the lesson schema and cross-checks (the ones content:check prints); block publish. */
  problems: ContentProblem[];
  warnings: QualityWarning[];
  /** The lesson exactly as its file would load, when valid. */
  lesson?: Lesson;
};

/**
 * The draft goes through the same path as a file: written as file text, parsed and checked by
 * parseLesson. There is no second validator.
 */
export function validateDraft(draft: Draft): Validation {
  // Drafts change only when saved, and the YAML round trip of a 40-question lesson costs far more
  // than the 50 ms page budget, so results are kept per content (the save warms this cache).
  const key = crypto.createHash("sha256").update(JSON.stringify(draft)).digest("base64");
  const hit = validations.get(key);
  if (hit) return hit;
  const fresh = validateUncached(draft);
  if (validations.size >= 500) validations.delete(validations.keys().next().value!);
  validations.set(key, fresh);
  return fresh;
}

const validations = new Map<string, Validation>();

function validateUncached(draft: Draft): Validation {
  const result = parseLesson(serializeLesson(draft));
  if (!result.ok) {
    // Quality checks need a complete lesson; run them on the draft when its shape allows.
    let warnings: QualityWarning[] = [];
    try {
      warnings = qualityWarnings(draft);
    } catch {
      warnings = [];
    }
    return { problems: result.problems, warnings };
  }
  return { problems: [], warnings: qualityWarnings(result.lesson), lesson: result.lesson };
}

function searchTextOf(lesson: Pick<Lesson, "title" | "paragraphs">): string {
  return `${lesson.title}\n${lesson.paragraphs.join("\n")}`.toLowerCase();
}

async function insertLesson(
  ownerId: number,
  draft: Draft,
  copiedFrom: string | null,
): Promise<number> {
  const [row] = await db
    .insert(authoredLessons)
    .values({
      slug: draft.slug,
      ownerId,
      draft,
      title: draft.title,
      language: draft.language,
      gradeBand: draft.gradeBand,
      searchText: searchTextOf(draft),
      copiedFrom,
    })
    .returning({ id: authoredLessons.id });
  return row.id;
}

export async function createLesson(ownerId: number, input: NewLessonInput): Promise<number> {
  return insertLesson(ownerId, newDraft(await freeSlug(input.title), input), null);
}

/** The teacher's own lesson, or 404 (someone else's lesson is indistinguishable from none). */
export async function getOwnLesson({
  teacherId,
  lessonId,
}: {
  teacherId: number;
  lessonId: number;
}): Promise<AuthoredRow> {
  const row = await first(
    db
      .select()
      .from(authoredLessons)
      .where(and(eq(authoredLessons.id, lessonId), eq(authoredLessons.ownerId, teacherId))),
  );
  if (!row) notFound();
  return row;
}

export type SaveResult = { ok: true; revision: number } | { ok: false; revision: number };

/**
 * Replaces the draft (the owner only), if it is still at `revision` (the one the teacher's page
 * showed): one conditional UPDATE, so of two saves made from the same revision exactly one is
 * written and the other is refused with the current revision. Library columns follow the draft
 * until the first publish.
 */
export async function saveDraft(input: {
  teacherId: number;
  lessonId: number;
  draft: Draft;
  revision: number;
}): Promise<SaveResult> {
  const row = await getOwnLesson(input);
  const draft = { ...input.draft, slug: row.slug };
  const listed = row.publishedVersionId
    ? {}
    : {
        title: draft.title,
        language: draft.language,
        gradeBand: draft.gradeBand,
        searchText: searchTextOf(draft),
      };
  const written = await first(
    db
      .update(authoredLessons)
      .set({
        draft,
        dirty: true,
        updatedAt: new Date(),
        revision: sql`${authoredLessons.revision} + 1`,
        ...listed,
      })
      .where(
        and(
          eq(authoredLessons.id, row.id),
          eq(authoredLessons.ownerId, input.teacherId),
          eq(authoredLessons.revision, input.revision),
        ),
      )
      .returning({ revision: authoredLessons.revision }),
  );
  if (!written) return { ok: false, revision: (await getOwnLesson(input)).revision };
  validateDraft(draft);
  return { ok: true, revision: written.revision };
}

/** Reads, changes and saves the draft (scripts, tests, benches): the change is made on the revision it read. */
export async function updateDraft(
  input: { teacherId: number; lessonId: number },
  change: (draft: Draft) => Draft,
): Promise<Draft> {
  const row = await getOwnLesson(input);
  const draft = change(structuredClone(row.draft as Draft));
  if (!(await saveDraft({ ...input, draft, revision: row.revision })).ok)
    throw new Error(`lesson ${row.id}: changed while it was being updated`);
  return draft;
}

export type PublishResult =
  | { ok: true; versionId: number }
  | { ok: false; problems: ContentProblem[] }
  | { ok: false; stale: true };

/**
 * Publishing = what start-up does for a file: canonical file text → parse → content hash →
 * one lesson_versions row per distinct hash. Earlier versions are never touched.
 */
export async function publishLesson(input: {
  teacherId: number;
  lessonId: number;
  /** The draft revision the teacher saw; publishing a newer one unseen is refused. */
  revision?: number;
}): Promise<PublishResult> {
  const row = await getOwnLesson(input);
  if (input.revision !== undefined && input.revision !== row.revision)
    return { ok: false, stale: true };
  const { problems, lesson } = validateDraft(row.draft as Draft);
  if (!lesson) return { ok: false, problems };
  const hash = lessonHash(lesson);
  const versionId = await withTransaction(async (tx) => {
    // What was validated is what is published: a save in between refuses this publish.
    const current = await first(
      tx
        .select({ revision: authoredLessons.revision })
        .from(authoredLessons)
        .where(eq(authoredLessons.id, row.id)),
    );
    if (current?.revision !== row.revision) return null;
    await tx
      .insert(lessonVersions)
      .values({ slug: lesson.slug, contentHash: hash, snapshot: lesson })
      .onConflictDoNothing({ target: [lessonVersions.slug, lessonVersions.contentHash] });
    const version = (await first(
      tx
        .select({ id: lessonVersions.id })
        .from(lessonVersions)
        .where(and(eq(lessonVersions.slug, lesson.slug), eq(lessonVersions.contentHash, hash))),
    ))!;
    await tx
      .update(authoredLessons)
      .set({
        publishedVersionId: version.id,
        dirty: false,
        title: lesson.title,
        language: lesson.language,
        gradeBand: lesson.gradeBand,
        searchText: searchTextOf(lesson),
        updatedAt: new Date(),
      })
      .where(eq(authoredLessons.id, row.id));
    return version.id;
  });
  return versionId === null ? { ok: false, stale: true } : { ok: true, versionId };
}

/** Sharing needs a published version: others only ever see published versions. */
export async function setShared(input: {
  teacherId: number;
  lessonId: number;
  shared: boolean;
}): Promise<boolean> {
  const row = await getOwnLesson(input);
  if (input.shared && !row.publishedVersionId) return false;
  await db
    .update(authoredLessons)
    .set({ shared: input.shared, withdrawnAt: input.shared ? null : row.withdrawnAt })
    .where(eq(authoredLessons.id, row.id));
  return true;
}

export async function assignmentCount(slug: string): Promise<number> {
  const row = await first(
    db
      .select({ n: sql<number>`count(*)` })
      .from(assignments)
      .innerJoin(lessonVersions, eq(lessonVersions.id, assignments.lessonVersionId))
      .where(eq(lessonVersions.slug, slug)),
  );
  return row?.n ?? 0;
}

/**
 * A lesson with assignments cannot be deleted (answers refer to it): only withdrawn. The count and
 * the delete are one transaction, as is assigning's read of the version and its insert, so a lesson
 * assigned at the same moment is either kept with its assignment or gone before it is assigned.
 */
export async function deleteLesson(input: {
  teacherId: number;
  lessonId: number;
}): Promise<"deleted" | "hasAssignments"> {
  const row = await getOwnLesson(input);
  return withTransaction(async (tx) => {
    if ((await assignmentCount(row.slug)) > 0) return "hasAssignments";
    await tx.delete(authoredLessons).where(eq(authoredLessons.id, row.id));
    await tx.delete(lessonVersions).where(eq(lessonVersions.slug, row.slug));
    return "deleted";
  });
}

/** Withdrawn: gone from the library and the assign list; existing assignments keep working. */
export async function withdrawLesson(input: {
  teacherId: number;
  lessonId: number;
  withdrawn: boolean;
}) {
  const row = await getOwnLesson(input);
  await db
    .update(authoredLessons)
    .set({
      withdrawnAt: input.withdrawn ? new Date() : null,
      shared: input.withdrawn ? false : row.shared,
    })
    .where(eq(authoredLessons.id, row.id));
}

/** A DB lesson's newest published version, for anyone allowed to use it. */
export async function publishedVersion(
  slug: string,
): Promise<{ id: number; lesson: Lesson } | undefined> {
  const row = await first(
    db
      .select({ id: lessonVersions.id, snapshot: lessonVersions.snapshot })
      .from(authoredLessons)
      .innerJoin(lessonVersions, eq(lessonVersions.id, authoredLessons.publishedVersionId))
      .where(eq(authoredLessons.slug, slug)),
  );
  return row ? { id: row.id, lesson: row.snapshot as Lesson } : undefined;
}

/** Lesson the teacher may read, copy and assign: a file, their own published, or a shared one. */
export async function usableLesson(
  teacherId: number,
  slug: string,
): Promise<{ lesson: Lesson; source: "file" | "db" } | undefined> {
  const file = getLesson(slug);
  if (file) return { lesson: file.lesson, source: "file" };
  const row = await first(
    db
      .select({ snapshot: lessonVersions.snapshot })
      .from(authoredLessons)
      .innerJoin(lessonVersions, eq(lessonVersions.id, authoredLessons.publishedVersionId))
      .where(
        and(
          eq(authoredLessons.slug, slug),
          or(
            eq(authoredLessons.ownerId, teacherId),
            and(eq(authoredLessons.shared, true), isNull(authoredLessons.withdrawnAt)),
          ),
        ),
      ),
  );
  return row ? { lesson: row.snapshot as Lesson, source: "db" } : undefined;
}

/** "Make a copy to adapt": a new private draft of a file lesson or a usable published lesson. */
export async function copyLesson(input: { teacherId: number; slug: string }): Promise<number> {
  const found = await usableLesson(input.teacherId, input.slug);
  if (!found) notFound();
  const draft = structuredClone(found.lesson);
  draft.slug = await freeSlug(found.lesson.title);
  return insertLesson(input.teacherId, draft, input.slug);
}

export type LibraryFilter = {
  q?: string;
  language?: "id" | "en";
  grade?: string;
  owner?: "all" | "mine" | "shared" | "files";
};

export type LibraryEntry = {
  slug: string;
  id: number | null;
  title: string;
  language: "id" | "en";
  gradeBand: string;
  source: "file" | "mine" | "shared";
  ownerName: string | null;
  published: boolean;
  shared: boolean;
  withdrawn: boolean;
};

/** The library: file lessons, the teacher's own lessons and lessons shared by others. */
export async function library(
  teacherId: number,
  filter: LibraryFilter = {},
): Promise<LibraryEntry[]> {
  const words = (filter.q ?? "").toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  const owner = filter.owner ?? "all";
  const result: LibraryEntry[] = [];
  if (owner === "all" || owner === "files") {
    for (const { lesson } of allLessons()) {
      const text = searchTextOf(lesson);
      if (!words.every((w) => text.includes(w))) continue;
      if (filter.language && lesson.language !== filter.language) continue;
      if (filter.grade && lesson.gradeBand !== filter.grade) continue;
      result.push({
        slug: lesson.slug,
        id: null,
        title: lesson.title,
        language: lesson.language,
        gradeBand: lesson.gradeBand,
        source: "file",
        ownerName: null,
        published: true,
        shared: true,
        withdrawn: false,
      });
    }
  }
  if (owner === "files") return result;
  const mine = eq(authoredLessons.ownerId, teacherId);
  const others = and(
    sql`${authoredLessons.ownerId} <> ${teacherId}`,
    eq(authoredLessons.shared, true),
    isNull(authoredLessons.withdrawnAt),
    isNotNull(authoredLessons.publishedVersionId),
  );
  const conditions = [owner === "mine" ? mine : owner === "shared" ? others : or(mine, others)];
  // search_text is stored lower-case, so a plain substring test does: LIKE with the word's own
  // wildcards escaped (the same on SQLite and PostgreSQL; instr() is SQLite's only)
  for (const w of words)
    conditions.push(sql`${authoredLessons.searchText} LIKE ${`%${escapeLike(w)}%`} ESCAPE '\\'`);
  if (filter.language) conditions.push(eq(authoredLessons.language, filter.language));
  if (filter.grade) conditions.push(eq(authoredLessons.gradeBand, filter.grade));
  const rows = await db
    .select({
      id: authoredLessons.id,
      slug: authoredLessons.slug,
      title: authoredLessons.title,
      language: authoredLessons.language,
      gradeBand: authoredLessons.gradeBand,
      ownerId: authoredLessons.ownerId,
      ownerName: teachers.name,
      published: authoredLessons.publishedVersionId,
      shared: authoredLessons.shared,
      withdrawnAt: authoredLessons.withdrawnAt,
    })
    .from(authoredLessons)
    .innerJoin(teachers, eq(teachers.id, authoredLessons.ownerId))
    .where(and(...conditions))
    .orderBy(desc(authoredLessons.updatedAt))
    .limit(200);
  for (const r of rows)
    result.push({
      slug: r.slug,
      id: r.ownerId === teacherId ? r.id : null,
      title: r.title,
      language: r.language,
      gradeBand: r.gradeBand,
      source: r.ownerId === teacherId ? "mine" : "shared",
      ownerName: r.ownerId === teacherId ? null : r.ownerName,
      published: r.published !== null,
      shared: r.shared,
      withdrawn: r.withdrawnAt !== null,
    });
  return result;
}

/** Grade bands present in the library, for the filter's choices. */
export async function gradeBands(teacherId: number): Promise<string[]> {
  const bands = new Set(allLessons().map((l) => l.lesson.gradeBand));
  const rows = await db
    .selectDistinct({ g: authoredLessons.gradeBand })
    .from(authoredLessons)
    .where(or(eq(authoredLessons.ownerId, teacherId), eq(authoredLessons.shared, true)))
    .limit(100);
  for (const r of rows) bands.add(r.g);
  return [...bands].sort();
}

/**
 * Lessons the teacher can assign: files, own published (not withdrawn) and shared published.
 * `wanted` (the "assign the newest" link) is always in the list when it may be assigned, even
 * when the library's newest-first cut would leave it out, so the form can preselect it.
 */
export async function assignableLessons(teacherId: number, wanted?: string) {
  const list = (await library(teacherId))
    .filter((l) => l.published && !l.withdrawn)
    .map((l) => ({ slug: l.slug, title: l.title, language: l.language }));
  if (wanted && !list.some((l) => l.slug === wanted)) {
    const row = await first(
      db
        .select({ withdrawnAt: authoredLessons.withdrawnAt })
        .from(authoredLessons)
        .where(eq(authoredLessons.slug, wanted)),
    );
    const found = await usableLesson(teacherId, wanted);
    if (found && !row?.withdrawnAt)
      list.unshift({ slug: wanted, title: found.lesson.title, language: found.lesson.language });
  }
  return list;
}

export type VersionInfo = { id: number; number: number; createdAt: Date };

/** Every version of a lesson (file or DB), numbered from 1 in the order they were stored. */
export async function versionsOf(slug: string): Promise<VersionInfo[]> {
  const rows = await db
    .select({ id: lessonVersions.id, createdAt: lessonVersions.createdAt })
    .from(lessonVersions)
    .where(eq(lessonVersions.slug, slug))
    .orderBy(lessonVersions.id);
  return rows.map((v, i) => ({ ...v, number: i + 1 }));
}

/** Which version an assignment uses, out of how many, and the slug to assign the newest. */
export async function versionLabel(
  versionId: number,
): Promise<{ slug: string; number: number; latest: number } | undefined> {
  const row = await first(
    db
      .select({ slug: lessonVersions.slug })
      .from(lessonVersions)
      .where(eq(lessonVersions.id, versionId)),
  );
  if (!row) return undefined;
  const all = await versionsOf(row.slug);
  const index = all.findIndex((v) => v.id === versionId);
  return { slug: row.slug, number: index + 1, latest: all.length };
}

/** The .md text of a lesson: own draft for its author, otherwise the published version. */
export async function exportLesson(input: {
  teacherId: number;
  slug: string;
  draft?: boolean;
}): Promise<string> {
  if (input.draft) {
    const row = await first(
      db
        .select()
        .from(authoredLessons)
        .where(
          and(eq(authoredLessons.slug, input.slug), eq(authoredLessons.ownerId, input.teacherId)),
        ),
    );
    if (!row) notFound();
    return serializeLesson(row.draft as Draft);
  }
  const found = await usableLesson(input.teacherId, input.slug);
  if (!found) notFound();
  return serializeLesson(found.lesson);
}

export const MAX_UPLOAD_BYTES = 256 * 1024;

export type ImportResult =
  { ok: true; lessonId: number; slug: string } | { ok: false; problems: ContentProblem[] };

/**
 * A .md file becomes a new private draft. The file must pass the same checks as content/lessons;
 * its slug is kept when free, otherwise the draft gets a new one.
 */
export async function importLesson(input: {
  teacherId: number;
  text: string;
}): Promise<ImportResult> {
  if (Buffer.byteLength(input.text, "utf8") > MAX_UPLOAD_BYTES)
    return { ok: false, problems: [{ path: "(file)", message: "larger than 256 KB" }] };
  const parsed = parseLesson(input.text);
  if (!parsed.ok) return parsed;
  const draft = structuredClone(parsed.lesson);
  const taken =
    getLesson(draft.slug) ||
    (await first(
      db
        .select({ id: authoredLessons.id })
        .from(authoredLessons)
        .where(eq(authoredLessons.slug, draft.slug)),
    ));
  if (taken) draft.slug = await freeSlug(draft.title);
  const lessonId = await insertLesson(input.teacherId, draft, null);
  return { ok: true, lessonId, slug: draft.slug };
}

/** Ids of authored lessons among these slugs (for showing links on assignment pages). */
export async function authoredSlugs(slugs: string[]): Promise<Set<string>> {
  if (!slugs.length) return new Set();
  const rows = await db
    .select({ slug: authoredLessons.slug })
    .from(authoredLessons)
    .where(inArray(authoredLessons.slug, slugs));
  return new Set(rows.map((r) => r.slug));
}

export type ItemKind = "questions" | "sorting" | "prompts";
type ItemOf<K extends ItemKind> = Lesson[K][number];

/** Replaces the item with this id, or appends it when the id is new. */
export function putItem<K extends ItemKind>(draft: Draft, kind: K, item: ItemOf<K>): Draft {
  const list = [...(draft[kind] as ItemOf<K>[])];
  const at = list.findIndex((x) => x.id === item.id);
  if (at >= 0) list[at] = item;
  else list.push(item);
  return { ...draft, [kind]: list };
}

export function removeItem(draft: Draft, kind: ItemKind, id: string): Draft {
  return { ...draft, [kind]: (draft[kind] as { id: string }[]).filter((x) => x.id !== id) };
}

export function moveItem(draft: Draft, kind: ItemKind, id: string, delta: -1 | 1): Draft {
  const list = [...(draft[kind] as { id: string }[])];
  const at = list.findIndex((x) => x.id === id);
  const to = at + delta;
  if (at < 0 || to < 0 || to >= list.length) return draft;
  [list[at], list[to]] = [list[to], list[at]];
  return { ...draft, [kind]: list };
}

/** The next unused id like q1, q2 … (ids are never typed by the teacher). */
export function nextItemId(prefix: string, items: { id: string }[]): string {
  const taken = new Set(items.map((x) => x.id));
  let n = items.length + 1;
  while (taken.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}
