// Classes: the classes a teacher owns or co-teaches, their join codes, renaming, archiving and
// deleting. Every query that takes a class id also takes the teacher id and the shared access check
// (class-access.server.ts), so another teacher's class is simply "not found".
import { and, asc, count, eq, like } from "drizzle-orm";
import { classes, pupils, teachers, throttles } from "~/db/tables.server";
import { db, first, isUniqueViolation, withTransaction } from "~/db.server";
import {
  getTaughtClass,
  ownsClass,
  requireClassOwner,
  teachesClass,
  type ClassRole,
} from "./class-access.server";
import { generateJoinCode, isJoinCodeShape, normalizeJoinCode } from "~/utils/join-code";
import { notFound } from "~/utils/http.server";

export type TimeZone = "WIB" | "WITA" | "WIT";

export { parseId } from "~/utils/ids";

/**
 * Runs an insert/update with a fresh code, retrying in the (astronomically rare) collision case.
 * Each try is its own transaction, or a savepoint inside the caller's (next-year copies): on
 * PostgreSQL a failed statement would otherwise abort the whole enclosing transaction.
 */
async function withFreshCode<T>(write: (code: string) => Promise<T>): Promise<T> {
  for (let tries = 0; ; tries++) {
    try {
      return await withTransaction(() => write(generateJoinCode()));
    } catch (error) {
      if (!isUniqueViolation(error) || tries >= 5) throw error;
    }
  }
}

export async function createClass(input: {
  teacherId: number;
  name: string;
  grade: string;
  subject: string;
  timeZone: TimeZone;
}): Promise<number> {
  return withFreshCode(async (joinCode) => {
    const [row] = await db
      .insert(classes)
      .values({ ...input, joinCode })
      .returning({ id: classes.id });
    return row.id;
  });
}

export type ClassSummary = {
  id: number;
  name: string;
  grade: string;
  subject: string;
  timeZone: TimeZone;
  archived: boolean;
  pupilCount: number;
  /** "coTeacher": another teacher owns it (their name in ownerName). */
  role: ClassRole;
  ownerName: string;
};

/** The classes the teacher owns or co-teaches, with pupil counts; archived ones flagged so the page can list them apart. */
export async function listClasses({ teacherId }: { teacherId: number }): Promise<ClassSummary[]> {
  const rows = await db
    .select({
      id: classes.id,
      name: classes.name,
      grade: classes.grade,
      subject: classes.subject,
      timeZone: classes.timeZone,
      archivedAt: classes.archivedAt,
      ownerId: classes.teacherId,
      ownerName: teachers.name,
      pupilCount: count(pupils.id),
    })
    .from(classes)
    .innerJoin(teachers, eq(teachers.id, classes.teacherId))
    .leftJoin(pupils, eq(pupils.classId, classes.id))
    .where(teachesClass(teacherId))
    // teachers.id too: PostgreSQL accepts teachers.name only when its key is grouped
    .groupBy(classes.id, teachers.id)
    .orderBy(asc(classes.name), asc(classes.id));
  return rows.map(({ archivedAt, ownerId, ...row }) => ({
    ...row,
    archived: archivedAt !== null,
    role: ownerId === teacherId ? ("owner" as const) : ("coTeacher" as const),
  }));
}

export { getTaughtClass };

const taught = (classId: number, teacherId: number) =>
  and(eq(classes.id, classId), teachesClass(teacherId));

async function updateTaught(
  classId: number,
  teacherId: number,
  values: Partial<typeof classes.$inferInsert>,
): Promise<void> {
  const result = await db
    .update(classes)
    .set(values)
    .where(taught(classId, teacherId))
    .returning({ id: classes.id });
  if (result.length === 0) notFound();
}

export async function renameClass(input: {
  classId: number;
  teacherId: number;
  name: string;
}): Promise<void> {
  await updateTaught(input.classId, input.teacherId, { name: input.name });
}

/**
 * An archived class is closed to its pupils: their sessions stop working at once and are ended
 * on their next request (see getViewer), which sends them to the sign-in page with the reason.
 * Owner only (decision 106): archiving ends the class for its pupils, like deleting it.
 */
export async function setArchived(input: {
  classId: number;
  teacherId: number;
  archived: boolean;
}): Promise<void> {
  await requireClassOwner(input);
  await withTransaction(async (tx) => {
    const result = await tx
      .update(classes)
      .set({ archivedAt: input.archived ? new Date() : null })
      .where(and(eq(classes.id, input.classId), ownsClass(input.teacherId)))
      .returning({ id: classes.id });
    if (result.length === 0) notFound();
  });
}

/**
 * Owner only: deletes the class with its pupils, their sessions, assignments, attempts, answers,
 * posts and co-teachers (foreign keys cascade), and the pupils' throttle counters.
 */
export async function deleteClass(input: {
  classId: number;
  teacherId: number;
}): Promise<{ name: string }> {
  const klass = await requireClassOwner(input);
  await withTransaction(async (tx) => {
    await tx.delete(throttles).where(like(throttles.key, `pupil:${klass.id}:%`));
    await tx.delete(classes).where(and(eq(classes.id, klass.id), ownsClass(input.teacherId)));
  });
  return { name: klass.name };
}

export async function setJoinEnabled(input: {
  classId: number;
  teacherId: number;
  enabled: boolean;
}): Promise<void> {
  await updateTaught(input.classId, input.teacherId, { joinEnabled: input.enabled });
}

/** A new code; the old one stops working at once, for joining and for signing in. */
export async function regenerateJoinCode(input: {
  classId: number;
  teacherId: number;
}): Promise<void> {
  await withFreshCode((joinCode) => updateTaught(input.classId, input.teacherId, { joinCode }));
}

export type CodeLookup =
  | { ok: true; classId: number; joinEnabled: boolean }
  | { ok: false; reason: "unknown" | "archived" };

/** The class a typed code belongs to (after normalising the input). */
export async function findClassByCode(input: string): Promise<CodeLookup> {
  const code = normalizeJoinCode(input);
  if (!isJoinCodeShape(code)) return { ok: false, reason: "unknown" };
  const row = await first(
    db
      .select({ id: classes.id, joinEnabled: classes.joinEnabled, archivedAt: classes.archivedAt })
      .from(classes)
      .where(eq(classes.joinCode, code)),
  );
  if (!row) return { ok: false, reason: "unknown" };
  if (row.archivedAt) return { ok: false, reason: "archived" };
  return { ok: true, classId: row.id, joinEnabled: row.joinEnabled };
}
