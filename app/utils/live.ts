// Rules of the live class view shared by the server and the page: steps, "may need help", the poll.
export type LiveStep = "not_started" | "reading" | "sorting" | "quiz" | "submitted" | "discussing";
export const LIVE_STEPS: readonly LiveStep[] = [
  "not_started",
  "reading",
  "sorting",
  "quiz",
  "submitted",
  "discussing",
];

/** Minutes without a saved answer before a working pupil is marked "may need help", unless the teacher picks another. */
export const DEFAULT_HELP_MINUTES = 5;
export const HELP_MINUTES_MAX = 90;
/** How often the page asks whether anything changed (decisions 080 and 084: why 2 s, not 4 s). */
export const LIVE_POLL_MS = 2000;

/** Has this working pupil saved nothing for `minutes`? (Not started or submitted: no.) */
export function mayNeedHelp(
  p: { step: LiveStep; lastSavedAt: number | null; startedAt: number | null },
  minutes: number,
  now: number,
): boolean {
  if (p.step !== "reading" && p.step !== "sorting" && p.step !== "quiz") return false;
  const since = Math.max(p.lastSavedAt ?? 0, p.startedAt ?? 0);
  return since > 0 && now - since >= minutes * 60_000;
}

/** Whole minutes since `at` (never negative), for "3 min ago". */
export const minutesSince = (at: number, now: number) =>
  Math.max(0, Math.floor((now - at) / 60_000));
