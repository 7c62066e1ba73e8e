// One pupil's own rules on an assignment: the class's rules with their extension applied (pure).
// Why a later personal date outlives the closes for everyone: docs/decisions/110-extensions-outlive-closes.md.

export type Extension = { dueAt: Date | null; extraAttempts: number };

type Rules = { dueAt: Date; maxAttempts: number; closedAt: Date | null };

/** The pupil's due date: the later of the class's and their own. */
export function personalDue(classDue: Date, ext: Extension | null): Date {
  return ext?.dueAt && ext.dueAt.getTime() > classDue.getTime() ? ext.dueAt : classDue;
}

/**
 * The rules as they act for this pupil: a later due date, more attempts (unlimited stays
 * unlimited), and a close for everyone that comes before their own due date moved to it — so
 * the pupil works until their date and their open attempt is handed in then.
 */
export function personalRules<T extends Rules>(a: T, ext: Extension | null): T {
  if (!ext) return a;
  const dueAt = personalDue(a.dueAt, ext);
  const maxAttempts = a.maxAttempts === 0 ? 0 : a.maxAttempts + Math.max(0, ext.extraAttempts);
  const closedAt = a.closedAt && dueAt.getTime() > a.closedAt.getTime() ? dueAt : a.closedAt;
  return { ...a, dueAt, maxAttempts, closedAt };
}

/** Is the assignment open to pupils at `now` (no opening time, or it has come)? */
export function isOpened(a: { opensAt: Date | null }, now: number): boolean {
  return a.opensAt === null || a.opensAt.getTime() <= now;
}

/** The extension as JSON-safe page data. */
export type ExtensionView = { dueAt: string | null; extraAttempts: number };

export function extensionView(ext: Extension | null | undefined): ExtensionView | null {
  return ext ? { dueAt: ext.dueAt?.toISOString() ?? null, extraAttempts: ext.extraAttempts } : null;
}
