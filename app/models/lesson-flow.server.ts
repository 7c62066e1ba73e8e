// What a pupil's lesson flow needs on every step: the assignment, their attempts, saved answers.
import { getPupilAssignment } from "~/models/assignment.server";
import { attemptAnswers, pupilAttempts } from "~/models/attempt.server";
import type { PupilViewer } from "~/utils/auth.server";
import { canStartNew, feedbackVisible, keysVisible, pupilStatus, workOpen } from "~/utils/quiz";
import { quizParts } from "~/utils/two-part";

export { parseId } from "~/utils/ids";

export async function loadFlow(pupil: PupilViewer, assignmentId: number, now = Date.now()) {
  const assignment = await getPupilAssignment({
    classId: pupil.classId,
    pupilId: pupil.pupilId,
    assignmentId,
    now,
  });
  const attempts = await pupilAttempts({ pupilId: pupil.pupilId, assignmentId });
  const latest = attempts.at(-1) ?? null;
  const open = latest && !latest.submittedAt ? latest : null;
  const lastSubmitted = [...attempts].reverse().find((a) => a.submittedAt) ?? null;
  const saved = latest ? await attemptAnswers(latest.id) : [];
  const { lesson } = assignment;
  return {
    assignment,
    lesson,
    attempts,
    latest,
    open,
    lastSubmitted,
    saved,
    status: pupilStatus(assignment, lastSubmitted ?? latest, now),
    canStart: !open && workOpen(assignment, now) && canStartNew(assignment, attempts.length),
    workOpen: workOpen(assignment, now),
    pastDue: now > assignment.dueAt.getTime(),
    feedbackVisible: feedbackVisible(assignment, lastSubmitted !== null, now),
    keysVisible: keysVisible(
      assignment,
      {
        submitted: lastSubmitted !== null,
        openAttempt: open !== null,
        attemptsMade: attempts.length,
      },
      now,
    ),
    counts: {
      sort: saved.filter((a) => a.kind === "sort").length,
      sortTotal: lesson.sorting.length,
      quiz: saved.filter((a) => a.kind === "quiz").length,
      // a two-part question's Part B is an answer of its own
      quizTotal: quizParts(lesson).length,
    },
  };
}

export type Flow = Awaited<ReturnType<typeof loadFlow>>;

/** Saved answers as a map `kind:itemId` → choice, for pre-filling the forms. */
export function savedChoices(flow: Flow, kind: "quiz" | "sort"): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of flow.saved) if (a.kind === kind) out[a.itemId] = a.choice;
  return out;
}
