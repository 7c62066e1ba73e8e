// Who in a class has done an assignment: one status per pupil, counted, in one query.
import { sql } from "drizzle-orm";
import { db } from "~/db.server";
import { pupilStatus, type PupilStatus } from "~/utils/quiz";

export type ProgressRow = { pupilId: number; name: string; status: PupilStatus };
export type ClassProgress = Record<PupilStatus, number> & { total: number; pupils: ProgressRow[] };

/** Status per pupil: submitted (on time if any attempt was), else in progress/not started/late/missed. */
export function classProgress({
  assignmentId,
  classId,
  now = Date.now(),
}: {
  assignmentId: number;
  classId: number;
  now?: number;
}): ClassProgress {
  const policy = db.get<{ due_at: number; accept_late: number }>(
    sql`SELECT due_at, accept_late FROM assignments WHERE id = ${assignmentId} AND class_id = ${classId}`,
  );
  const rows = db.all<{ id: number; name: string; started: number; submitted: number; onTime: number }>(sql`
    SELECT p.id AS id, p.display_name AS name,
      count(a.id) AS started,
      count(a.submitted_at) AS submitted,
      coalesce(sum(CASE WHEN a.submitted_at IS NOT NULL AND a.late = 0 THEN 1 ELSE 0 END), 0) AS onTime
    FROM pupils p
    LEFT JOIN attempts a ON a.pupil_id = p.id AND a.assignment_id = ${assignmentId}
    WHERE p.class_id = ${classId}
    GROUP BY p.id
    ORDER BY p.display_name COLLATE NOCASE`);
  const result: ClassProgress = {
    total: rows.length,
    not_started: 0,
    in_progress: 0,
    submitted: 0,
    late: 0,
    missed: 0,
    pupils: [],
  };
  if (!policy) return result;
  const rules = { dueAt: new Date(policy.due_at), acceptLate: policy.accept_late === 1 };
  for (const r of rows) {
    const attempt = r.started
      ? { submittedAt: r.submitted ? new Date(0) : null, late: r.submitted > 0 && r.onTime === 0 }
      : null;
    const status = pupilStatus(rules, attempt, now);
    result[status] += 1;
    result.pupils.push({ pupilId: r.id, name: r.name, status });
  }
  return result;
}
