// Classes: a teacher's own classes, their join codes, renaming and archiving. Every query that
// takes a class id also takes the teacher id, so another teacher's class is simply "not found".
import { and, asc, count, eq } from "drizzle-orm";
import { classes, pupils } from "../../db/schema";
import { db } from "~/db.server";
import { generateJoinCode, isJoinCodeShape, normalizeJoinCode } from "~/utils/join-code";
import { notFound } from "~/utils/http.server";

export type TimeZone = "WIB" | "WITA" | "WIT";

export { parseId } from "~/utils/ids";

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "SQLITE_CONSTRAINT_UNIQUE";
}

/** Runs an insert/update with a fresh code, retrying in the (astronomically rare) collision case. */
function withFreshCode<T>(write: (code: string) => T): T {
  for (let tries = 0; ; tries++) {
    try {
      return write(generateJoinCode());
    } catch (error) {
      if (!isUniqueViolation(error) || tries >= 5) throw error;
    }
  }
}

export function createClass(input: {
  teacherId: number;
  name: string;
  grade: string;
  subject: string;
  timeZone: TimeZone;
}): number {
  return withFreshCode((joinCode) =>
    db
      .insert(classes)
      .values({ ...input, joinCode })
      .returning({ id: classes.id })
      .get().id,
  );
}

export type ClassSummary = {
  id: number;
  name: string;
  grade: string;
  subject: string;
  timeZone: TimeZone;
  archived: boolean;
  pupilCount: number;
};

/** The teacher's classes with pupil counts; archived ones flagged so the page can list them apart. */
export function listClasses({ teacherId }: { teacherId: number }): ClassSummary[] {
  const rows = db
    .select({
      id: classes.id,
      name: classes.name,
      grade: classes.grade,
      subject: classes.subject,
      timeZone: classes.timeZone,
      archivedAt: classes.archivedAt,
      pupilCount: count(pupils.id),
    })
    .from(classes)
    .leftJoin(pupils, eq(pupils.classId, classes.id))
    .where(eq(classes.teacherId, teacherId))
    .groupBy(classes.id)
    .orderBy(asc(classes.name), asc(classes.id))
    .all();
  return rows.map(({ archivedAt, ...row }) => ({ ...row, archived: archivedAt !== null }));
}

/** One class of this teacher, or a 404 (missing and not-yours look the same). */
export function getOwnedClass({ classId, teacherId }: { classId: number; teacherId: number }) {
  const row = db
    .select()
    .from(classes)
    .where(and(eq(classes.id, classId), eq(classes.teacherId, teacherId)))
    .get();
  if (!row) notFound();
  return row;
}

const owned = (classId: number, teacherId: number) =>
  and(eq(classes.id, classId), eq(classes.teacherId, teacherId));

function updateOwned(classId: number, teacherId: number, values: Partial<typeof classes.$inferInsert>) {
  const result = db.update(classes).set(values).where(owned(classId, teacherId)).run();
  if (result.changes === 0) notFound();
}

export function renameClass(input: { classId: number; teacherId: number; name: string }) {
  updateOwned(input.classId, input.teacherId, { name: input.name });
}

/**
 * An archived class is closed to its pupils: their sessions stop working at once and are ended
 * on their next request (see getViewer), which sends them to the sign-in page with the reason.
 */
export function setArchived(input: { classId: number; teacherId: number; archived: boolean }) {
  db.transaction((tx) => {
    const result = tx
      .update(classes)
      .set({ archivedAt: input.archived ? new Date() : null })
      .where(owned(input.classId, input.teacherId))
      .run();
    if (result.changes === 0) notFound();
  }, { behavior: "immediate" });
}

export function setJoinEnabled(input: { classId: number; teacherId: number; enabled: boolean }) {
  updateOwned(input.classId, input.teacherId, { joinEnabled: input.enabled });
}

/** A new code; the old one stops working at once, for joining and for signing in. */
export function regenerateJoinCode(input: { classId: number; teacherId: number }) {
  withFreshCode((joinCode) => updateOwned(input.classId, input.teacherId, { joinCode }));
}

export type CodeLookup =
  | { ok: true; classId: number; joinEnabled: boolean }
  | { ok: false; reason: "unknown" | "archived" };

/** The class a typed code belongs to (after normalising the input). */
export function findClassByCode(input: string): CodeLookup {
  const code = normalizeJoinCode(input);
  if (!isJoinCodeShape(code)) return { ok: false, reason: "unknown" };
  const row = db
    .select({ id: classes.id, joinEnabled: classes.joinEnabled, archivedAt: classes.archivedAt })
    .from(classes)
    .where(eq(classes.joinCode, code))
    .get();
  if (!row) return { ok: false, reason: "unknown" };
  if (row.archivedAt) return { ok: false, reason: "archived" };
  return { ok: true, classId: row.id, joinEnabled: row.joinEnabled };
}
