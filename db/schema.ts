// The whole relational schema: accounts, classes, pinned lesson versions, attempts, answers, discussion.
import { sql } from "drizzle-orm";
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from "drizzle-orm/sqlite-core";

const RUBRIC_LEVEL_VALUES = ["beginning", "developing", "proficient"] as const;
const now = sql`(unixepoch('subsec') * 1000)`;
const createdAt = () => integer("created_at", { mode: "timestamp_ms" }).notNull().default(now);

export const teachers = sqliteTable("teachers", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  passwordHash: text("password_hash").notNull(),
  createdAt: createdAt(),
  // The dashboard's "new since your last visit": the latest visit, and the start of what counts as new.
  dashboardVisitAt: integer("dashboard_visit_at", { mode: "timestamp_ms" }),
  newsSince: integer("news_since", { mode: "timestamp_ms" }),
});

export const classes = sqliteTable(
  "classes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teacherId: integer("teacher_id")
      .notNull()
      .references(() => teachers.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    grade: text("grade").notNull(),
    subject: text("subject").notNull(),
    timeZone: text("time_zone", { enum: ["WIB", "WITA", "WIT"] })
      .notNull()
      .default("WIB"),
    joinCode: text("join_code").notNull().unique(),
    joinEnabled: integer("join_enabled", { mode: "boolean" }).notNull().default(true),
    archivedAt: integer("archived_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("classes_teacher_idx").on(t.teacherId)],
);

export const pupils = sqliteTable(
  "pupils",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    classId: integer("class_id")
      .notNull()
      .references(() => classes.id, { onDelete: "cascade" }),
    displayName: text("display_name").notNull(),
    // Case- and space-folded name, so "Budi" and " budi " cannot both join one class.
    nameKey: text("name_key").notNull(),
    pinHash: text("pin_hash").notNull(),
    joinedAt: integer("joined_at", { mode: "timestamp_ms" }).notNull().default(now),
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("pupils_class_name_key").on(t.classId, t.nameKey)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    // SHA-256 of the random id held in the cookie, so a copy of the DB cannot replay sessions.
    idHash: text("id_hash").primaryKey(),
    role: text("role", { enum: ["teacher", "pupil"] }).notNull(),
    teacherId: integer("teacher_id").references(() => teachers.id, { onDelete: "cascade" }),
    pupilId: integer("pupil_id").references(() => pupils.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }).notNull().default(now),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("sessions_teacher_idx").on(t.teacherId), index("sessions_pupil_idx").on(t.pupilId)],
);

export const throttles = sqliteTable("throttles", {
  key: text("key").primaryKey(),
  windowStart: integer("window_start", { mode: "timestamp_ms" }).notNull(),
  count: integer("count").notNull(),
});

export const lessonVersions = sqliteTable(
  "lesson_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    contentHash: text("content_hash").notNull(),
    snapshot: text("snapshot", { mode: "json" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("lesson_versions_slug_hash").on(t.slug, t.contentHash)],
);

/**
 * Lessons written in the app (the other source is content/lessons/*.md). `draft` holds the same
 * object a lesson file holds (frontmatter + paragraphs), possibly incomplete; publishing adds a
 * lesson_versions row under this slug. title/language/gradeBand/searchText describe the newest
 * published version (the draft until the first publish), for the library list and search.
 */
export const authoredLessons = sqliteTable(
  "authored_lessons",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    ownerId: integer("owner_id")
      .notNull()
      .references(() => teachers.id, { onDelete: "cascade" }),
    draft: text("draft", { mode: "json" }).notNull(),
    title: text("title").notNull(),
    language: text("language", { enum: ["id", "en"] }).notNull(),
    gradeBand: text("grade_band").notNull(),
    searchText: text("search_text").notNull(),
    publishedVersionId: integer("published_version_id").references(() => lessonVersions.id),
    // The draft changed since the last publish (or was never published).
    dirty: integer("dirty", { mode: "boolean" }).notNull().default(true),
    shared: integer("shared", { mode: "boolean" }).notNull().default(false),
    withdrawnAt: integer("withdrawn_at", { mode: "timestamp_ms" }),
    copiedFrom: text("copied_from"),
    // Goes up by one with every saved change of the draft; a save must name the revision it was
    // made from, so a second tab (or a late autosave) cannot overwrite a newer draft unseen.
    revision: integer("revision").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [index("authored_lessons_owner_idx").on(t.ownerId)],
);

export const assignments = sqliteTable(
  "assignments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    classId: integer("class_id")
      .notNull()
      .references(() => classes.id, { onDelete: "cascade" }),
    lessonVersionId: integer("lesson_version_id")
      .notNull()
      .references(() => lessonVersions.id),
    dueAt: integer("due_at", { mode: "timestamp_ms" }).notNull(),
    // Scheduled opening: before it pupils do not see the assignment at all (null = open at once).
    opensAt: integer("opens_at", { mode: "timestamp_ms" }),
    acceptLate: integer("accept_late", { mode: "boolean" }).notNull().default(true),
    // 0 means unlimited.
    maxAttempts: integer("max_attempts").notNull().default(1),
    counting: text("counting", { enum: ["highest", "last"] })
      .notNull()
      .default("highest"),
    feedback: text("feedback", { enum: ["immediate", "after_due", "never"] })
      .notNull()
      .default("immediate"),
    shuffle: integer("shuffle", { mode: "boolean" }).notNull().default(false),
    postFirst: integer("post_first", { mode: "boolean" }).notNull().default(true),
    discussionClosed: integer("discussion_closed", { mode: "boolean" }).notNull().default(false),
    // Set when the teacher closes the work for everyone ("waktu habis"), or when the due time of
    // an assignment that refuses late work is swept; from then on no answer is taken.
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("assignments_class_idx").on(t.classId)],
);

export const attempts = sqliteTable(
  "attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    assignmentId: integer("assignment_id")
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    pupilId: integer("pupil_id")
      .notNull()
      .references(() => pupils.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    seed: integer("seed").notNull(),
    startedAt: integer("started_at", { mode: "timestamp_ms" }).notNull().default(now),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }),
    late: integer("late", { mode: "boolean" }).notNull().default(false),
    quizScore: integer("quiz_score"),
    quizMax: integer("quiz_max"),
    sortScore: integer("sort_score"),
    sortMax: integer("sort_max"),
    // Submitted by the assignment closing, not by the pupil (see app/models/closing.server.ts).
    submittedByClose: integer("submitted_by_close", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    uniqueIndex("attempts_assignment_pupil_number").on(t.assignmentId, t.pupilId, t.number),
    index("attempts_pupil_idx").on(t.pupilId),
  ],
);

/**
 * One pupil's extension on one assignment (illness, a lost connection): a personal due date
 * and/or extra attempts. How it acts on closing: docs/decisions/110-extensions-outlive-closes.md.
 */
export const extensions = sqliteTable(
  "extensions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    assignmentId: integer("assignment_id")
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    pupilId: integer("pupil_id")
      .notNull()
      .references(() => pupils.id, { onDelete: "cascade" }),
    // null: the class's due date stands
    dueAt: integer("due_at", { mode: "timestamp_ms" }),
    extraAttempts: integer("extra_attempts").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("extensions_assignment_pupil").on(t.assignmentId, t.pupilId),
    index("extensions_pupil_idx").on(t.pupilId),
  ],
);

export const answers = sqliteTable(
  "answers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    attemptId: integer("attempt_id")
      .notNull()
      .references(() => attempts.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["quiz", "sort"] }).notNull(),
    itemId: text("item_id").notNull(),
    choice: text("choice").notNull(),
    savedAt: integer("saved_at", { mode: "timestamp_ms" }).notNull().default(now),
    // The assignment's live version when this answer last changed (assignment_live.version), so
    // the live class view reads only what changed since it last looked.
    changeSeq: integer("change_seq").notNull().default(0),
    // When the pupil chose this, on the server's clock as far as it can tell (decision 087): a save
    // that is older than the stored one does not replace it. Null for answers saved before the rule.
    chosenAt: integer("chosen_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("answers_attempt_item").on(t.attemptId, t.kind, t.itemId),
    index("answers_attempt_change_idx").on(t.attemptId, t.changeSeq),
  ],
);

/**
 * One row per assignment with a counter bumped in the same transaction as every change the live
 * class view shows (answer saved, attempt started, submitted or closed). The counter is the
 * cheap "last change" value behind the live view's ETag, and the database is the channel between
 * app instances (docs/decisions/080-live-view-polling-with-etag.md).
 */
export const assignmentLive = sqliteTable("assignment_live", {
  assignmentId: integer("assignment_id")
    .primaryKey()
    .references(() => assignments.id, { onDelete: "cascade" }),
  version: integer("version").notNull().default(0),
});

export const posts = sqliteTable(
  "posts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    assignmentId: integer("assignment_id")
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    promptId: text("prompt_id").notNull(),
    // Null once the author is removed from the class: their words are blanked (as a deleted
    // post) and the row stays so classmates' replies keep their place.
    authorId: integer("author_id").references(() => pupils.id, { onDelete: "set null" }),
    parentId: integer("parent_id").references((): AnySQLiteColumn => posts.id, {
      onDelete: "cascade",
    }),
    body: text("body").notNull(),
    claim: text("claim"),
    evidence: text("evidence"),
    reasoning: text("reasoning"),
    hidden: integer("hidden", { mode: "boolean" }).notNull().default(false),
    exemplary: integer("exemplary", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
    editedAt: integer("edited_at", { mode: "timestamp_ms" }),
    deletedAt: integer("deleted_at", { mode: "timestamp_ms" }),
    // For a reply: when the author of the post it answers saw it (null = new to them).
    parentAuthorSeenAt: integer("parent_author_seen_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("posts_assignment_prompt_idx").on(t.assignmentId, t.promptId),
    index("posts_author_idx").on(t.authorId),
    index("posts_parent_idx").on(t.parentId),
  ],
);

export const postFeedback = sqliteTable(
  "post_feedback",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    seenAt: integer("seen_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    // CER rubric levels the teacher recorded with the feedback (null = not rated)
    claimLevel: text("claim_level", { enum: RUBRIC_LEVEL_VALUES }),
    evidenceLevel: text("evidence_level", { enum: RUBRIC_LEVEL_VALUES }),
    reasoningLevel: text("reasoning_level", { enum: RUBRIC_LEVEL_VALUES }),
  },
  (t) => [uniqueIndex("post_feedback_post").on(t.postId)],
);

/**
 * A teacher's recovery codes (a way back in without a mail server): SHA-256 of each random code,
 * shown once when made. A used code keeps its row with usedAt set; making new ones deletes all old.
 */
export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teacherId: integer("teacher_id")
      .notNull()
      .references(() => teachers.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("recovery_codes_teacher_hash").on(t.teacherId, t.codeHash)],
);

/** One-time password-reset links printed by `npm run teacher:reset-password` (SHA-256 of the token). */
export const passwordResets = sqliteTable(
  "password_resets",
  {
    tokenHash: text("token_hash").primaryKey(),
    teacherId: integer("teacher_id")
      .notNull()
      .references(() => teachers.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("password_resets_teacher_idx").on(t.teacherId)],
);

/** Co-teachers: other teachers of this installation who see and manage a class with its owner. */
export const classTeachers = sqliteTable(
  "class_teachers",
  {
    classId: integer("class_id")
      .notNull()
      .references(() => classes.id, { onDelete: "cascade" }),
    teacherId: integer("teacher_id")
      .notNull()
      .references(() => teachers.id, { onDelete: "cascade" }),
    addedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.classId, t.teacherId] }),
    index("class_teachers_teacher_idx").on(t.teacherId),
  ],
);
