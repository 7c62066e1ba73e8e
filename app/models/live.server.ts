// The live class view's data: each pupil's step and progress and the live option counts, kept per
// app instance and brought up to date from the database by what changed since it last looked.
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Lesson } from "~/content/schema";
import { row, rows, withTransaction } from "~/db.server";
import { getTeacherAssignment, type TeacherAssignment } from "~/models/assignment.server";
import { closeAssignmentAt, sweepIfDue } from "~/models/closing.server";
import { notFound } from "~/utils/http.server";
import { parseSubmission } from "~/utils/form.server";
import type { FormReply } from "~/utils/form-reply";
import { DEFAULT_HELP_MINUTES, HELP_MINUTES_MAX, type LiveStep } from "~/utils/live";

export { DEFAULT_HELP_MINUTES, mayNeedHelp, type LiveStep } from "~/utils/live";

export type LivePupil = {
  id: number;
  name: string;
  step: LiveStep;
  answered: number;
  /** The newest saved answer of the pupil's latest attempt (ms), else null. */
  lastSavedAt: number | null;
  /** When the latest attempt started (ms), else null. */
  startedAt: number | null;
  byClose: boolean;
};

/** Counts per option (quiz) or category (sorting), over each pupil's latest attempt. */
export type LiveCounts = Record<string, Record<string, number>>;

export type LiveSnapshot = {
  etag: string;
  serverNow: number;
  closedAt: number | null;
  total: number;
  pupils: LivePupil[];
  quiz: LiveCounts;
  sort: LiveCounts;
};

/** What the projector may see: counts only, never a name. */
export type LiveCountsSnapshot = Omit<LiveSnapshot, "pupils"> & { answeredPupils: number };

type CachedAttempt = {
  id: number;
  pupilId: number;
  number: number;
  startedAt: number;
  submittedAt: number | null;
  byClose: boolean;
  answers: Map<string, { choice: string; savedAt: number }>;
  lastSavedAt: number | null;
};

type Cache = {
  assignmentId: number;
  version: number;
  pupilMark: string;
  postMark: number;
  closedAt: number | null;
  attempts: Map<number, CachedAttempt>;
  latest: Map<number, number>; // pupil → attempt id
  pupils: { id: number; name: string }[];
  posters: Set<number>;
  quiz: Map<string, Map<string, number>>;
  sort: Map<string, Map<string, number>>;
  snapshot: { mark: string; value: Omit<LiveSnapshot, "serverNow"> } | null;
  /** The snapshot as JSON without `serverNow`, per view, made once per mark (decision 083). */
  bodies: Partial<Record<LiveView, string>>;
};

/** What a poll asks for: everything (the teacher's live view) or the counts only (projector). */
export type LiveView = "full" | "counts";

const MAX_CACHED = 500;
/** How often this instance built a snapshot and wrote one as JSON (tests check the sharing). */
export const liveWork = { snapshots: 0, bodies: 0 };
const caches = new Map<number, Cache>();

// The reads every poll makes, as raw SQL through the data layer (`rows`, `row`).
const reads = {
  mark: (assignmentId: number, classId: number) =>
    row<{ version: number | null; post: number | null; pupils: string }>(
      sql`SELECT (SELECT version FROM assignment_live WHERE assignment_id = ${assignmentId}) AS version,
              (SELECT max(id) FROM posts WHERE assignment_id = ${assignmentId}) AS post,
              (SELECT count(*) || ':' || coalesce(max(id), 0) FROM pupils WHERE class_id = ${classId}) AS pupils`,
    ),
  attempts: (assignmentId: number) =>
    rows<{
      id: number;
      pupilId: number;
      number: number;
      startedAt: number;
      submittedAt: number | null;
      byClose: number | boolean;
    }>(
      sql`SELECT id, pupil_id AS "pupilId", number, started_at AS "startedAt", submitted_at AS "submittedAt", submitted_by_close AS "byClose"
       FROM attempts WHERE assignment_id = ${assignmentId}`,
    ),
  changed: (since: number, assignmentId: number) =>
    rows<{
      attemptId: number;
      kind: "quiz" | "sort";
      itemId: string;
      choice: string;
      savedAt: number;
    }>(
      sql`SELECT an.attempt_id AS "attemptId", an.kind, an.item_id AS "itemId", an.choice, an.saved_at AS "savedAt"
       FROM attempts at JOIN answers an ON an.attempt_id = at.id AND an.change_seq > ${since}
       WHERE at.assignment_id = ${assignmentId}`,
    ),
  pupils: (classId: number) =>
    rows<{ id: number; name: string }>(
      sql`SELECT id, display_name AS name FROM pupils WHERE class_id = ${classId} ORDER BY name_key, id`,
    ),
  posters: (assignmentId: number) =>
    rows<{ authorId: number }>(
      sql`SELECT DISTINCT author_id AS "authorId" FROM posts WHERE assignment_id = ${assignmentId} AND author_id IS NOT NULL AND deleted_at IS NULL`,
    ),
  // the poll's first read: is it this teacher's (owner or co-teacher), may it be due a close,
  // and the mark, in one statement
  poll: (assignmentId: number, teacherId: number) =>
    row<{
      classId: number;
      dueAt: number;
      acceptLate: number | boolean;
      closedAt: number | null;
      version: number | null;
      post: number | null;
      pupils: string;
    }>(
      sql`SELECT a.class_id AS "classId", a.due_at AS "dueAt", a.accept_late AS "acceptLate", a.closed_at AS "closedAt",
              (SELECT version FROM assignment_live WHERE assignment_id = a.id) AS version,
              (SELECT max(id) FROM posts WHERE assignment_id = a.id) AS post,
              (SELECT count(*) || ':' || coalesce(max(id), 0) FROM pupils WHERE class_id = a.class_id) AS pupils
       FROM assignments a JOIN classes c ON c.id = a.class_id
       WHERE a.id = ${assignmentId} AND (c.teacher_id = ${teacherId} OR EXISTS
         (SELECT 1 FROM class_teachers ct WHERE ct.class_id = c.id AND ct.teacher_id = ${teacherId}))`,
    ),
  closedAt: (assignmentId: number) =>
    row<{ closedAt: number | null }>(
      sql`SELECT closed_at AS "closedAt" FROM assignments WHERE id = ${assignmentId}`,
    ),
};

function bump(map: Map<string, Map<string, number>>, itemId: string, choice: string, by: number) {
  let item = map.get(itemId);
  if (!item) map.set(itemId, (item = new Map()));
  const n = (item.get(choice) ?? 0) + by;
  if (n > 0) item.set(choice, n);
  else item.delete(choice);
}

function countAttempt(cache: Cache, attempt: CachedAttempt, by: 1 | -1) {
  for (const [key, a] of attempt.answers) {
    const [kind, itemId] = splitKey(key);
    bump(kind === "quiz" ? cache.quiz : cache.sort, itemId, a.choice, by);
  }
}

const keyOf = (kind: string, itemId: string) => `${kind}:${itemId}`;
function splitKey(key: string): ["quiz" | "sort", string] {
  const i = key.indexOf(":");
  return [key.slice(0, i) as "quiz" | "sort", key.slice(i + 1)];
}

/** Reads what changed since the cache's version (everything, for a new cache) and applies it. */
async function refresh(cache: Cache, assignment: TeacherAssignment) {
  const r = await withTransaction(
    async () => {
      // one read snapshot: the version and the rows it covers
      const now = (await reads.mark(assignment.id, assignment.classId))!;
      const version = now.version ?? 0;
      const attempts = await reads.attempts(assignment.id);
      const changed =
        version !== cache.version ? await reads.changed(cache.version, assignment.id) : [];
      const pupils = now.pupils !== cache.pupilMark ? await reads.pupils(assignment.classId) : null;
      const post = now.post ?? 0;
      const posters = post !== cache.postMark || pupils ? await reads.posters(assignment.id) : null;
      const closedAt =
        version !== cache.version
          ? ((await reads.closedAt(assignment.id))?.closedAt ?? null)
          : cache.closedAt;
      return { version, rows: attempts, changed, pupils, posters, post, mark: now, closedAt };
    },
    { readOnly: true },
  );
  // attempts: new ones, changed status, removed ones (a pupil removed from the class)
  const seen = new Set<number>();
  for (const a of r.rows) {
    seen.add(a.id);
    const known = cache.attempts.get(a.id);
    if (known) {
      known.submittedAt = a.submittedAt;
      known.byClose = Boolean(a.byClose);
    } else
      cache.attempts.set(a.id, {
        id: a.id,
        pupilId: a.pupilId,
        number: a.number,
        startedAt: a.startedAt,
        submittedAt: a.submittedAt,
        byClose: Boolean(a.byClose),
        answers: new Map(),
        lastSavedAt: null,
      });
  }
  for (const id of cache.attempts.keys()) if (!seen.has(id)) cache.attempts.delete(id);
  const latest = new Map<number, number>();
  for (const a of cache.attempts.values()) {
    const current = latest.get(a.pupilId);
    if (current === undefined || cache.attempts.get(current)!.number < a.number)
      latest.set(a.pupilId, a.id);
  }
  const latestChanged =
    latest.size !== cache.latest.size || [...latest].some(([p, id]) => cache.latest.get(p) !== id);
  if (latestChanged) {
    // a new attempt (or a removed pupil): rare, so the counts are made again from the cache
    cache.quiz.clear();
    cache.sort.clear();
  }
  cache.latest = latest;
  const isLatest = (a: CachedAttempt) => latest.get(a.pupilId) === a.id;
  // answers that changed: only their old choice leaves the counts and the new one joins
  for (const change of r.changed) {
    const attempt = cache.attempts.get(change.attemptId);
    if (!attempt) continue;
    const key = keyOf(change.kind, change.itemId);
    const before = attempt.answers.get(key);
    const counts = change.kind === "quiz" ? cache.quiz : cache.sort;
    if (!latestChanged && isLatest(attempt)) {
      if (before) bump(counts, change.itemId, before.choice, -1);
      bump(counts, change.itemId, change.choice, 1);
    }
    attempt.answers.set(key, { choice: change.choice, savedAt: change.savedAt });
    if (attempt.lastSavedAt === null || change.savedAt > attempt.lastSavedAt)
      attempt.lastSavedAt = change.savedAt;
  }
  if (latestChanged)
    for (const a of cache.attempts.values()) if (isLatest(a)) countAttempt(cache, a, 1);
  if (r.pupils) cache.pupils = r.pupils;
  if (r.posters) cache.posters = new Set(r.posters.map((p) => p.authorId));
  cache.version = r.version;
  cache.postMark = r.post;
  cache.pupilMark = r.mark.pupils;
  cache.closedAt = r.closedAt;
  cache.snapshot = null;
  return markString(assignment.id, r.version, r.post, r.mark.pupils);
}

const markString = (assignmentId: number, version: number, post: number, pupils: string) =>
  `W/"live-${assignmentId}-${version}-${post}-${pupils}"`;

function stepOf(cache: Cache, attempt: CachedAttempt | undefined, pupilId: number): LiveStep {
  if (!attempt) return "not_started";
  if (attempt.submittedAt !== null) return cache.posters.has(pupilId) ? "discussing" : "submitted";
  let quiz = 0;
  let sort = 0;
  for (const key of attempt.answers.keys()) {
    if (key.startsWith("quiz:")) quiz++;
    else sort++;
  }
  if (quiz > 0) return "quiz";
  if (sort > 0) return "sorting";
  return "reading";
}

function toSnapshot(cache: Cache, lesson: Lesson, etag: string): Omit<LiveSnapshot, "serverNow"> {
  const pupils: LivePupil[] = cache.pupils.map((p) => {
    const id = cache.latest.get(p.id);
    const attempt = id === undefined ? undefined : cache.attempts.get(id);
    return {
      id: p.id,
      name: p.name,
      step: stepOf(cache, attempt, p.id),
      answered: attempt?.answers.size ?? 0,
      lastSavedAt: attempt?.lastSavedAt ?? null,
      startedAt: attempt?.startedAt ?? null,
      byClose: attempt?.byClose ?? false,
    };
  });
  const table = (items: { id: string }[], map: Map<string, Map<string, number>>): LiveCounts =>
    Object.fromEntries(items.map((item) => [item.id, Object.fromEntries(map.get(item.id) ?? [])]));
  return {
    etag,
    closedAt: cache.closedAt,
    total: lesson.questions.length + lesson.sorting.length,
    pupils,
    quiz: table(lesson.questions, cache.quiz),
    sort: table(lesson.sorting, cache.sort),
  };
}

/**
 * The live view of one of the teacher's assignments. With `ifNoneMatch` equal to the current
 * mark it answers `notModified` after one small read; otherwise it reads only the answers that
 * changed since this instance last looked (answers.change_seq > the version it has).
 */
export async function liveClass(input: {
  teacherId: number;
  assignmentId: number;
  ifNoneMatch?: string | null;
  now?: number;
}): Promise<
  | { assignment: TeacherAssignment; notModified: true; etag: string }
  | { assignment: TeacherAssignment; notModified: false; etag: string; snapshot: LiveSnapshot }
> {
  const assignment = await getTeacherAssignment(input);
  const m = (await reads.mark(assignment.id, assignment.classId))!;
  const etag = markString(assignment.id, m.version ?? 0, m.post ?? 0, m.pupils);
  if (input.ifNoneMatch && input.ifNoneMatch === etag)
    return { assignment, notModified: true, etag };
  let cache = caches.get(assignment.id);
  if (!cache || (m.version ?? 0) < cache.version) {
    cache = {
      assignmentId: assignment.id,
      version: -1,
      pupilMark: "",
      postMark: -1,
      closedAt: null,
      attempts: new Map(),
      latest: new Map(),
      pupils: [],
      posters: new Set(),
      quiz: new Map(),
      sort: new Map(),
      snapshot: null,
      bodies: {},
    };
    caches.delete(assignment.id);
    caches.set(assignment.id, cache);
    if (caches.size > MAX_CACHED) caches.delete(caches.keys().next().value!);
  }
  let current = cache.snapshot?.mark ?? "";
  if (current !== etag) {
    current = await refresh(cache, assignment);
    cache.snapshot = { mark: current, value: toSnapshot(cache, assignment.lesson, current) };
    liveWork.snapshots++;
    cache.bodies = {};
  }
  return {
    assignment,
    notModified: false,
    etag: current,
    snapshot: { ...cache.snapshot!.value, serverNow: input.now ?? Date.now() },
  };
}

export type LivePoll = { status: 304; etag: string } | { status: 200; etag: string; body: string };

/**
 * One poll of the live view (`live.json`), as cheap as it can be: one read checks that
 * the assignment is this teacher's and gives its mark; an unchanged mark is a 304 with nothing
 * else done. A changed one is answered from the JSON made once per (assignment, mark, view) and
 * shared by every poll of this instance — the laptop and the projector, several co-teachers —
 * only `serverNow` is put in front of it. Decision 083.
 */
export async function livePoll(input: {
  teacherId: number;
  assignmentId: number;
  ifNoneMatch?: string | null;
  view: LiveView;
  now?: number;
}): Promise<LivePoll> {
  const now = input.now ?? Date.now();
  const read = () => reads.poll(input.assignmentId, input.teacherId);
  let found = await read();
  if (!found) notFound();
  const closable = {
    id: input.assignmentId,
    dueAt: new Date(found.dueAt),
    acceptLate: Boolean(found.acceptLate),
    closedAt: found.closedAt === null ? null : new Date(found.closedAt),
  };
  // past the due time of work that refuses lateness: the close comes first (decision 081)
  if (await sweepIfDue(closable, now)) found = (await read()) ?? notFound();
  const etag = markString(input.assignmentId, found.version ?? 0, found.post ?? 0, found.pupils);
  if (input.ifNoneMatch && input.ifNoneMatch === etag) return { status: 304, etag };
  let cache = caches.get(input.assignmentId);
  if (!cache || cache.snapshot?.mark !== etag) {
    await liveClass({ teacherId: input.teacherId, assignmentId: input.assignmentId, now });
    cache = caches.get(input.assignmentId)!;
  }
  const value = cache.snapshot!.value;
  let rest = cache.bodies[input.view];
  if (rest === undefined) {
    rest = JSON.stringify(input.view === "counts" ? countsOf(value) : value);
    cache.bodies[input.view] = rest;
    liveWork.bodies++;
  }
  // `rest` is an object's JSON with fields ("{…}"); serverNow goes in front of them
  const body = `{"serverNow":${now},${rest.slice(1)}`;
  return { status: 200, etag: cache.snapshot!.mark, body };
}

/** Drops this instance's cached views (benchmarks time a first, full build with it). */
export function forgetLiveCaches() {
  caches.clear();
}

/** The projector's share of a snapshot: counts, no pupil. */
export function countsOnly(snapshot: LiveSnapshot): LiveCountsSnapshot {
  return { ...countsOf(snapshot), serverNow: snapshot.serverNow };
}

function countsOf(
  snapshot: Omit<LiveSnapshot, "serverNow">,
): Omit<LiveCountsSnapshot, "serverNow"> {
  // listed field by field: what the projector may see is an allow-list, never "all but names"
  return {
    etag: snapshot.etag,
    closedAt: snapshot.closedAt,
    total: snapshot.total,
    quiz: snapshot.quiz,
    sort: snapshot.sort,
    answeredPupils: snapshot.pupils.filter((p) => p.answered > 0).length,
  };
}

/** The teacher closes the assignment for everyone now ("waktu habis"); open attempts are submitted. */
export async function closeForEveryone(input: {
  teacherId: number;
  assignmentId: number;
  now?: number;
}) {
  const assignment = await getTeacherAssignment(input);
  return await closeAssignmentAt(assignment.id, input.now ?? Date.now());
}

/**
 * `?help=N` (the live view's GET form): whole minutes 1…90. Missing means the default; a bad value
 * also uses the default, and comes back as the form's reply so the page says why next to the field.
 */
export const helpQuerySchema = z.object({
  help: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, "live.err.help")
    .transform(Number)
    .refine((n) => n >= 1 && n <= HELP_MINUTES_MAX, "live.err.help")
    .optional(),
});

export function readHelpQuery(query: URLSearchParams): {
  minutes: number;
  reply: FormReply | null;
} {
  const submission = parseSubmission(query, helpQuerySchema);
  if (submission.status === "success")
    return { minutes: submission.value.help ?? DEFAULT_HELP_MINUTES, reply: null };
  return {
    minutes: DEFAULT_HELP_MINUTES,
    reply: { ok: false, intent: "help", result: submission.reply() },
  };
}
