// Who may work on a class: its owner or a co-teacher (one shared check), and the owner-only variant
// for what only the owner decides (deleting or archiving the class, removing co-teachers).
// Every model that takes a class or assignment id with a teacher id puts `teachesClass` in its query.
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import { classes, classTeachers, teachers } from "~/db/tables.server";
import { db, first, withTransaction } from "~/db.server";
import { RULES, takeSlot } from "./throttle.server";
import { notFound } from "~/utils/http.server";

export type ClassRole = "owner" | "coTeacher";
export type TaughtClass = typeof classes.$inferSelect & { role: ClassRole };

/**
 * SQL condition on the `classes` table in the query: this teacher owns the class or co-teaches it.
 * Written as raw SQL on purpose: it must also work inside UPDATEs of `classes`.
 */
export function teachesClass(teacherId: number): SQL {
  return sql`("classes"."teacher_id" = ${teacherId} OR EXISTS (SELECT 1 FROM "class_teachers" ct WHERE ct."class_id" = "classes"."id" AND ct."teacher_id" = ${teacherId}))`;
}

/** The owner-only condition, for the few things only the owner may do. */
export function ownsClass(teacherId: number): SQL {
  return eq(classes.teacherId, teacherId) as SQL;
}

/** A co-teacher asking for an owner-only action: they know the class, so this is a refusal, not a 404. */
export const ownerOnly = () =>
  new Response("Only the owner of the class may do this", { status: 403 });

/** One class this teacher teaches (owner or co-teacher) with their role; anything else is a 404. */
export async function getTaughtClass({
  classId,
  teacherId,
}: {
  classId: number;
  teacherId: number;
}): Promise<TaughtClass> {
  const row = await first(
    db
      .select()
      .from(classes)
      .where(and(eq(classes.id, classId), teachesClass(teacherId))),
  );
  if (!row) notFound();
  return { ...row, role: row.teacherId === teacherId ? "owner" : "coTeacher" };
}

/** The class if this teacher owns it; a co-teacher gets 403, anyone else 404. */
export async function requireClassOwner(ref: {
  classId: number;
  teacherId: number;
}): Promise<TaughtClass> {
  const klass = await getTaughtClass(ref);
  if (klass.role !== "owner") throw ownerOnly();
  return klass;
}

export type ClassTeacher = { id: number; name: string; email: string; owner: boolean };

/** The owner first, then co-teachers in the order they were added. */
export async function listClassTeachers({
  classId,
  teacherId,
}: {
  classId: number;
  teacherId: number;
}): Promise<ClassTeacher[]> {
  const klass = await getTaughtClass({ classId, teacherId });
  const owner = await first(
    db
      .select({ id: teachers.id, name: teachers.name, email: teachers.email })
      .from(teachers)
      .where(eq(teachers.id, klass.teacherId)),
  );
  const co = await db
    .select({ id: teachers.id, name: teachers.name, email: teachers.email })
    .from(classTeachers)
    .innerJoin(teachers, eq(teachers.id, classTeachers.teacherId))
    .where(eq(classTeachers.classId, classId))
    .orderBy(asc(classTeachers.addedAt), asc(teachers.id));
  return [
    ...(owner ? [{ ...owner, owner: true }] : []),
    ...co.map((t) => ({ ...t, owner: false })),
  ];
}

export type InviteResult =
  | { ok: true; coTeacherId: number }
  | { ok: false; reason: "noSuchTeacher" | "already" | "self" }
  | { ok: false; reason: "throttled"; retryAfterMs: number };

/**
 * The owner adds another teacher of this installation, found by the email of their account.
 * Whether an email has an account is told to the owner (decision 106), so every lookup counts
 * against the owner's invitation limit (RULES.coTeacherInvite), found or not.
 */
export async function addCoTeacher(input: {
  classId: number;
  teacherId: number;
  email: string;
  now?: number;
}): Promise<InviteResult> {
  await requireClassOwner(input);
  const email = input.email.trim().toLowerCase();
  const slot = await takeSlot([[`co-invite:${input.teacherId}`, RULES.coTeacherInvite]], input.now);
  if (!slot.ok) return { ok: false, reason: "throttled", retryAfterMs: slot.retryAfterMs };
  return withTransaction(async (tx): Promise<InviteResult> => {
    const found = await first(
      tx
        .select({ id: teachers.id, name: teachers.name })
        .from(teachers)
        .where(eq(teachers.email, email)),
    );
    if (!found) return { ok: false as const, reason: "noSuchTeacher" as const };
    if (found.id === input.teacherId) return { ok: false as const, reason: "self" as const };
    const added = await tx
      .insert(classTeachers)
      .values({ classId: input.classId, teacherId: found.id })
      .onConflictDoNothing()
      .returning({ classId: classTeachers.classId });
    return added.length === 0
      ? { ok: false as const, reason: "already" as const }
      : { ok: true as const, coTeacherId: found.id };
  });
}

/** Owner only: takes a co-teacher off the class (404 when they are not one). */
export async function removeCoTeacher(input: {
  classId: number;
  teacherId: number;
  coTeacherId: number;
}): Promise<void> {
  await requireClassOwner(input);
  const gone = await db
    .delete(classTeachers)
    .where(
      and(eq(classTeachers.classId, input.classId), eq(classTeachers.teacherId, input.coTeacherId)),
    )
    .returning({ classId: classTeachers.classId });
  if (gone.length === 0) notFound();
}

/** A co-teacher leaves the class; the owner cannot (they delete or keep it). */
export async function leaveClass(input: { classId: number; teacherId: number }): Promise<void> {
  const klass = await getTaughtClass(input);
  if (klass.role === "owner")
    throw new Response("The owner cannot leave their own class", { status: 403 });
  await db
    .delete(classTeachers)
    .where(
      and(eq(classTeachers.classId, input.classId), eq(classTeachers.teacherId, input.teacherId)),
    );
}
