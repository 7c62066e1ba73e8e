// Extensions: one pupil's later due date and/or extra attempts on one assignment, set by its teacher.
import { and, eq, sql } from "drizzle-orm";
import { extensions, pupils } from "~/db/tables.server";
import { db, first, rows, withTransaction } from "~/db.server";
import { getTeacherAssignment } from "~/models/assignment.server";
import { bumpLive, closeAssignmentAt } from "~/models/closing.server";
import type { Extension } from "~/utils/extension";
import { notFound } from "~/utils/http.server";

/** At most this many extra attempts for one pupil (the form offers 0–3). */
export const MAX_EXTRA_ATTEMPTS = 3;

async function requirePupilOfAssignment(input: {
  teacherId: number;
  assignmentId: number;
  pupilId: number;
}) {
  const a = await getTeacherAssignment(input);
  const pupil = await first(
    db
      .select({ id: pupils.id })
      .from(pupils)
      .where(and(eq(pupils.id, input.pupilId), eq(pupils.classId, a.classId))),
  );
  if (!pupil) notFound();
  return a;
}

/**
 * Gives (or replaces) the pupil's extension. `dueAt` null keeps the class's due date; the caller
 * has checked that a given date is after the class's. Replaces rather than adds, so a form sent
 * twice gives one extra attempt, not two. When the assignment is already closed, the close is
 * applied again, as for a cleared extension: an attempt the old date had spared is handed in as of
 * the close if the new one no longer spares it.
 */
export async function setExtension(input: {
  teacherId: number;
  assignmentId: number;
  pupilId: number;
  dueAt: Date | null;
  extraAttempts: number;
}) {
  const a = await requirePupilOfAssignment(input);
  const extra = Math.min(MAX_EXTRA_ATTEMPTS, Math.max(0, Math.trunc(input.extraAttempts)));
  await withTransaction(async (tx) => {
    await tx
      .insert(extensions)
      .values({
        assignmentId: input.assignmentId,
        pupilId: input.pupilId,
        dueAt: input.dueAt,
        extraAttempts: extra,
      })
      .onConflictDoUpdate({
        target: [extensions.assignmentId, extensions.pupilId],
        set: { dueAt: sql`excluded.due_at`, extraAttempts: sql`excluded.extra_attempts` },
      });
    // the live view shows who has an extension
    await bumpLive(input.assignmentId);
  });
  if (a.closedAt) await closeAssignmentAt(a.id, a.closedAt.getTime());
}

/**
 * Removes the pupil's extension. When the assignment is already closed, the close then applies to
 * them too: an attempt it had spared is handed in as of the close (closeAssignmentAt is idempotent).
 */
export async function clearExtension(input: {
  teacherId: number;
  assignmentId: number;
  pupilId: number;
}) {
  const a = await requirePupilOfAssignment(input);
  await db
    .delete(extensions)
    .where(
      and(eq(extensions.assignmentId, input.assignmentId), eq(extensions.pupilId, input.pupilId)),
    );
  if (a.closedAt) await closeAssignmentAt(a.id, a.closedAt.getTime());
}

/** Every extension on an assignment, by pupil id (for the results, downloads and live view). */
export async function extensionsOf(assignmentId: number): Promise<Map<number, Extension>> {
  const found = await db
    .select({
      pupilId: extensions.pupilId,
      dueAt: extensions.dueAt,
      extraAttempts: extensions.extraAttempts,
    })
    .from(extensions)
    .where(eq(extensions.assignmentId, assignmentId));
  return new Map(found.map((r) => [r.pupilId, { dueAt: r.dueAt, extraAttempts: r.extraAttempts }]));
}

/** Every extension in a class's assignments, keyed `assignmentId:pupilId` (the class overview). */
export async function extensionsOfClass(classId: number): Promise<Map<string, Extension>> {
  const found = await rows<{
    assignmentId: number;
    pupilId: number;
    dueAt: number | null;
    extraAttempts: number;
  }>(sql`
    SELECT e.assignment_id AS "assignmentId", e.pupil_id AS "pupilId", e.due_at AS "dueAt", e.extra_attempts AS "extraAttempts"
    FROM extensions e JOIN assignments a ON a.id = e.assignment_id WHERE a.class_id = ${classId}`);
  return new Map(
    found.map((r) => [
      `${r.assignmentId}:${r.pupilId}`,
      { dueAt: r.dueAt === null ? null : new Date(r.dueAt), extraAttempts: r.extraAttempts },
    ]),
  );
}
