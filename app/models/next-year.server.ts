// Next year's classes: a class's assignments copied into a new class (no pupils, no work), one
// assignment copied to another class, and several classes archived in one step.
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { assignments, classes } from "~/db/tables.server";
import { db, first, withTransaction } from "~/db.server";
import { createClass, type TimeZone } from "~/models/class.server";
import { ownerOnly, teachesClass } from "~/models/class-access.server";
import { notFound } from "~/utils/http.server";

const WEEK = 7 * 24 * 3600_000;

/**
 * How far copied due times move: whole weeks (same weekday, same time of day), the fewest that put
 * the earliest of them after `now`; nothing when they are all ahead already. The spacing between
 * the assignments stays as it was. See docs/decisions/102-copied-due-times-move-by-whole-weeks.md.
 */
export function weeksForward(dueTimes: number[], now: number): number {
  if (dueTimes.length === 0) return 0;
  const earliest = Math.min(...dueTimes);
  if (earliest > now) return 0;
  return (Math.floor((now - earliest) / WEEK) + 1) * WEEK;
}

/** The settings a copy takes over: the rules, not the state (closing, discussion closed) nor the work. */
function copyValues(a: typeof assignments.$inferSelect, classId: number, shift: number) {
  return {
    classId,
    lessonVersionId: a.lessonVersionId,
    dueAt: new Date(a.dueAt.getTime() + shift),
    // a scheduled opening moves with its due time (docs/schedule.md)
    opensAt: a.opensAt ? new Date(a.opensAt.getTime() + shift) : null,
    acceptLate: a.acceptLate,
    maxAttempts: a.maxAttempts,
    counting: a.counting,
    feedback: a.feedback,
    shuffle: a.shuffle,
    postFirst: a.postFirst,
  };
}

/** A new class of this teacher with a copy of every assignment of one of their classes; its id. */
export async function copyClassWithAssignments(input: {
  teacherId: number;
  fromClassId: number;
  name: string;
  grade: string;
  subject: string;
  timeZone: TimeZone;
  now?: number;
}): Promise<{ classId: number; copied: number }> {
  const now = input.now ?? Date.now();
  return withTransaction(async (tx) => {
    const source = await first(
      tx
        .select({ id: classes.id })
        .from(classes)
        .where(and(eq(classes.id, input.fromClassId), teachesClass(input.teacherId))),
    );
    if (!source) notFound();
    const list = await tx
      .select()
      .from(assignments)
      .where(eq(assignments.classId, input.fromClassId))
      .orderBy(asc(assignments.id));
    const classId = await createClass({
      teacherId: input.teacherId,
      name: input.name,
      grade: input.grade,
      subject: input.subject,
      timeZone: input.timeZone,
    });
    const shift = weeksForward(
      list.map((a) => a.dueAt.getTime()),
      now,
    );
    for (const a of list) await tx.insert(assignments).values(copyValues(a, classId, shift));
    return { classId, copied: list.length };
  });
}

/** The teacher's other classes an assignment may be copied to (not archived, not its own class). */
export async function copyTargets(input: { teacherId: number; exceptClassId: number }) {
  const rows = await db
    .select({ id: classes.id, name: classes.name })
    .from(classes)
    .where(and(teachesClass(input.teacherId), isNull(classes.archivedAt)))
    .orderBy(asc(classes.name), asc(classes.id));
  return rows.filter((c) => c.id !== input.exceptClassId);
}

/** One of the teacher's assignments copied into another of their (unarchived) classes; the copy's id. */
export async function copyAssignmentToClass(input: {
  teacherId: number;
  assignmentId: number;
  toClassId: number;
  now?: number;
}): Promise<number> {
  const now = input.now ?? Date.now();
  return withTransaction(async (tx) => {
    const row = await first(
      tx
        .select({ a: assignments })
        .from(assignments)
        .innerJoin(classes, eq(classes.id, assignments.classId))
        .where(and(eq(assignments.id, input.assignmentId), teachesClass(input.teacherId))),
    );
    if (!row) notFound();
    const target = await first(
      tx
        .select({ id: classes.id })
        .from(classes)
        .where(
          and(
            eq(classes.id, input.toClassId),
            teachesClass(input.teacherId),
            isNull(classes.archivedAt),
          ),
        ),
    );
    if (!target || target.id === row!.a.classId) notFound();
    const shift = weeksForward([row!.a.dueAt.getTime()], now);
    const [copy] = await tx
      .insert(assignments)
      .values(copyValues(row!.a, target!.id, shift))
      .returning({ id: assignments.id });
    return copy.id;
  });
}

/**
 * Archives every listed class of this teacher at once, or none when any of them is not theirs.
 * Archived classes close to their pupils as one archived by hand does (decision record 042).
 */
export async function archiveClasses(input: {
  teacherId: number;
  classIds: number[];
  now?: number;
}): Promise<number> {
  const ids = [...new Set(input.classIds)];
  if (ids.length === 0) return 0;
  return withTransaction(async (tx) => {
    const owned = await tx
      .select({ id: classes.id, archivedAt: classes.archivedAt, ownerId: classes.teacherId })
      .from(classes)
      .where(and(teachesClass(input.teacherId), inArray(classes.id, ids)));
    // archiving is the owner's decision (decision 106): a co-teacher knows the class, so 403
    if (owned.some((c) => c.ownerId !== input.teacherId)) throw ownerOnly();
    if (owned.length !== ids.length) notFound();
    const open = owned.filter((c) => c.archivedAt === null).map((c) => c.id);
    if (open.length)
      await tx
        .update(classes)
        .set({ archivedAt: new Date(input.now ?? Date.now()) })
        .where(inArray(classes.id, open));
    return open.length;
  });
}
