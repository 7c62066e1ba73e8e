// The teacher's page of one class, shaped for it (JSON-safe): the class's facts, who owns it, its
// roster and its assignments. Each query checks the class is this teacher's (owner or co-teacher).
import { listClassAssignments } from "~/models/assignment.server";
import { listClassTeachers } from "~/models/class-access.server";
import { getTaughtClass } from "~/models/class.server";
import { listRoster } from "~/models/pupil.server";

export async function teacherClassPage({
  classId,
  teacherId,
  now = Date.now(),
}: {
  classId: number;
  teacherId: number;
  now?: number;
}) {
  const klass = await getTaughtClass({ classId, teacherId });
  const roster = (await listRoster({ classId, teacherId })).map((p) => ({
    id: p.id,
    displayName: p.displayName,
    joinedAt: p.joinedAt.toISOString(),
    lastSeenAt: p.lastSeenAt ? p.lastSeenAt.toISOString() : null,
  }));
  const assignments = (await listClassAssignments({ classId, teacherId })).map((a) => ({
    id: a.id,
    title: a.title,
    language: a.language,
    dueAt: a.dueAt.toISOString(),
    // a scheduled assignment says when it opens; one already open does not
    opensAt: a.opensAt && a.opensAt.getTime() > now ? a.opensAt.toISOString() : null,
    submitted: a.submitted,
    pupils: a.pupils,
  }));
  return {
    klass: {
      id: klass.id,
      name: klass.name,
      grade: klass.grade,
      subject: klass.subject,
      timeZone: klass.timeZone,
      joinCode: klass.joinCode,
      joinEnabled: klass.joinEnabled,
      archived: klass.archivedAt !== null,
      isOwner: klass.role === "owner",
    },
    // a co-teacher sees whose class it is
    owner:
      klass.role === "owner"
        ? null
        : ((await listClassTeachers({ classId, teacherId })).find((t) => t.owner)?.name ?? ""),
    roster,
    assignments,
  };
}

export type TeacherClassPage = Awaited<ReturnType<typeof teacherClassPage>>;
