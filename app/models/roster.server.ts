// The roster the teacher keeps: pupils created from a pasted list with generated PINs, renaming,
// merging a duplicate into its twin, and new PINs for the whole class. Every function takes the
// teacher id and checks the class is theirs inside the same transaction as the change.
import { and, eq, inArray } from "drizzle-orm";
import {
  answers,
  attempts,
  classes,
  extensions,
  posts,
  pupils,
  throttles,
} from "~/db/tables.server";
import { db, first, withTransaction, type Db } from "~/db.server";
import { bumpLive } from "~/models/closing.server";
import { displayNameProblem, nameSkeleton, normalizeDisplayName } from "~/utils/display-name";
import { hashPin } from "~/utils/hash.server";
import { DISPLAY_NAME_MAX, nameKey } from "~/utils/name-key";
import { generatePin } from "~/utils/pin";
import { deleteSessionsOf } from "~/utils/session.server";
import { notFound } from "~/utils/http.server";
import { teachesClass } from "~/models/class-access.server";

/** At most this many names in one pasted list (a big class in an Indonesian school is ~40). */
export const ROSTER_MAX = 60;

export type NameRefusal = "empty" | "tooLong" | "invisible" | "marks" | "taken" | "twice";
export type LineProblem = { line: number; name: string; reason: NameRefusal };
export type NewCard = { id: number; displayName: string; pin: string };

/** The class is taught by this teacher (owner or co-teacher) and not archived; else a 404. */
async function ownedClassIn(tx: Db, classId: number, teacherId: number): Promise<void> {
  const row = await first(
    tx
      .select({ id: classes.id, archivedAt: classes.archivedAt })
      .from(classes)
      .where(and(eq(classes.id, classId), teachesClass(teacherId))),
  );
  // an archived class is read-only: no new pupils, names or PINs (its cards stay printable)
  if (!row || row.archivedAt) notFound();
}

/** The same rules as joining by code (decision record 033): NFKC, length, nothing invisible, few marks. */
export function checkName(
  raw: string,
): { ok: true; name: string } | { ok: false; reason: NameRefusal } {
  const name = normalizeDisplayName(raw);
  if (!name) return { ok: false, reason: "empty" };
  if ([...name].length > DISPLAY_NAME_MAX) return { ok: false, reason: "tooLong" };
  const problem = displayNameProblem(name);
  if (problem) return { ok: false, reason: problem };
  return { ok: true, name };
}

/** Skeletons and keys of the class's pupils (but one), which a new or changed name must not meet. */
async function classmates(tx: Db, classId: number, except?: number) {
  const rows = await tx
    .select({ id: pupils.id, displayName: pupils.displayName, nameKey: pupils.nameKey })
    .from(pupils)
    .where(eq(pupils.classId, classId));
  const others = rows.filter((r) => r.id !== except);
  return {
    keys: new Set(others.map((r) => r.nameKey)),
    skeletons: new Set(others.map((r) => nameSkeleton(r.displayName))),
  };
}

/** The pasted text as names, one per line; blank lines skipped; line numbers as the teacher sees them. */
export function splitList(text: string): { line: number; raw: string }[] {
  return text
    .split(/\r\n?|\n/)
    .map((raw, i) => ({ line: i + 1, raw }))
    .filter((l) => l.raw.trim() !== "");
}

/** A refused line as the teacher is shown it: at most 50 characters. */
const shown = (s: string) => ([...s].length > 50 ? `${[...s].slice(0, 49).join("")}…` : s);

/** Every refused line of the list against the class as it is now (empty when all can be added). */
async function listProblems(tx: Db, classId: number, lines: { line: number; raw: string }[]) {
  const { keys, skeletons } = await classmates(tx, classId);
  const seen = new Set<string>();
  const problems: LineProblem[] = [];
  const names: string[] = [];
  for (const { line, raw } of lines) {
    const checked = checkName(raw);
    if (!checked.ok) {
      problems.push({ line, name: shown(raw.trim()), reason: checked.reason });
      continue;
    }
    const skeleton = nameSkeleton(checked.name);
    if (keys.has(nameKey(checked.name)) || skeletons.has(skeleton))
      problems.push({ line, name: checked.name, reason: "taken" });
    else if (seen.has(skeleton)) problems.push({ line, name: checked.name, reason: "twice" });
    seen.add(skeleton);
    names.push(checked.name);
  }
  return { problems, names };
}

export type AddResult =
  | { ok: true; cards: NewCard[] }
  | { ok: false; reason: "empty" | "tooMany" }
  | { ok: false; reason: "lines"; problems: LineProblem[] };

/**
 * Creates one pupil per line with a fresh random PIN, all or none: a refused line (empty after
 * cleaning, too long, invisible characters, a classmate's name or a look-alike of one, or twice in
 * the list) refuses the list and says which lines. The names are checked again inside the
 * inserting transaction, so the same list posted twice at once creates each pupil once.
 */
export async function addPupilsFromList(input: {
  classId: number;
  teacherId: number;
  text: string;
  now?: number;
}): Promise<AddResult> {
  await ownedClassIn(db, input.classId, input.teacherId);
  const lines = splitList(input.text);
  if (lines.length === 0) return { ok: false, reason: "empty" };
  if (lines.length > ROSTER_MAX) return { ok: false, reason: "tooMany" };
  const checked = await listProblems(db, input.classId, lines);
  if (checked.problems.length) return { ok: false, reason: "lines", problems: checked.problems };

  const pins = checked.names.map(() => generatePin());
  const hashes = await Promise.all(pins.map((pin) => hashPin(pin)));
  const joinedAt = new Date(input.now ?? Date.now());
  return withTransaction(async (tx): Promise<AddResult> => {
    await ownedClassIn(tx, input.classId, input.teacherId);
    const again = await listProblems(tx, input.classId, lines);
    if (again.problems.length) return { ok: false, reason: "lines", problems: again.problems };
    const cards: NewCard[] = [];
    for (const [i, displayName] of checked.names.entries()) {
      const [row] = await tx
        .insert(pupils)
        .values({
          classId: input.classId,
          displayName,
          nameKey: nameKey(displayName),
          pinHash: hashes[i],
          joinedAt,
        })
        .returning({ id: pupils.id });
      cards.push({ id: row.id, displayName, pin: pins[i] });
    }
    return { ok: true, cards };
  });
}

export type RenameResult = { ok: true } | { ok: false; reason: NameRefusal };

/** A new name for one pupil, by the joining rules; their PIN, sessions and work stay. */
export async function renamePupil(input: {
  classId: number;
  pupilId: number;
  teacherId: number;
  displayName: string;
}): Promise<RenameResult> {
  const checked = checkName(input.displayName);
  if (!checked.ok) return checked;
  return withTransaction(async (tx): Promise<RenameResult> => {
    await ownedClassIn(tx, input.classId, input.teacherId);
    const pupil = await first(
      tx
        .select({ nameKey: pupils.nameKey })
        .from(pupils)
        .where(and(eq(pupils.id, input.pupilId), eq(pupils.classId, input.classId))),
    );
    if (!pupil) notFound();
    const { keys, skeletons } = await classmates(tx, input.classId, input.pupilId);
    if (keys.has(nameKey(checked.name)) || skeletons.has(nameSkeleton(checked.name)))
      return { ok: false, reason: "taken" };
    await tx
      .update(pupils)
      .set({ displayName: checked.name, nameKey: nameKey(checked.name) })
      .where(eq(pupils.id, input.pupilId));
    // a sign-in throttle counted under the old name does not follow the pupil
    await tx.delete(throttles).where(eq(throttles.key, `pupil:${input.classId}:${pupil!.nameKey}`));
    return { ok: true };
  });
}

type Progress = { submitted: number; answers: number };

/** Submitted attempts first, then saved answers: the measure a merge keeps the larger of. */
export function moreProgress(a: Progress, b: Progress): boolean {
  return a.submitted !== b.submitted ? a.submitted > b.submitted : a.answers > b.answers;
}

export type MergeResult = { kept: string; removed: string; moved: number; dropped: number };

/**
 * Moves the duplicate's work to the pupil kept, then removes the duplicate (their sessions end).
 * Per assignment: when only the duplicate has attempts they move over; when both have, the pupil
 * with more progress keeps theirs (more submitted attempts, then more saved answers; a tie keeps
 * the kept pupil's) and the other's attempts on that assignment are deleted. Posts all move.
 * See docs/decisions/101-merging-duplicate-pupils.md.
 */
export async function mergePupils(input: {
  classId: number;
  teacherId: number;
  fromId: number;
  intoId: number;
}): Promise<MergeResult> {
  if (input.fromId === input.intoId) notFound();
  return withTransaction(async (tx): Promise<MergeResult> => {
    await ownedClassIn(tx, input.classId, input.teacherId);
    const pair = await tx
      .select({
        id: pupils.id,
        displayName: pupils.displayName,
        nameKey: pupils.nameKey,
        lastSeenAt: pupils.lastSeenAt,
      })
      .from(pupils)
      .where(
        and(eq(pupils.classId, input.classId), inArray(pupils.id, [input.fromId, input.intoId])),
      );
    const from = pair.find((p) => p.id === input.fromId);
    const into = pair.find((p) => p.id === input.intoId);
    if (!from || !into) notFound();
    const work = await tx
      .select({
        id: attempts.id,
        assignmentId: attempts.assignmentId,
        pupilId: attempts.pupilId,
        submittedAt: attempts.submittedAt,
      })
      .from(attempts)
      .where(inArray(attempts.pupilId, [from!.id, into!.id]));
    const answerCounts = new Map<number, number>();
    if (work.length) {
      for (const a of await tx
        .select({ attemptId: answers.attemptId })
        .from(answers)
        .where(
          inArray(
            answers.attemptId,
            work.map((w) => w.id),
          ),
        ))
        answerCounts.set(a.attemptId, (answerCounts.get(a.attemptId) ?? 0) + 1);
    }
    const progress = (list: typeof work): Progress => ({
      submitted: list.filter((w) => w.submittedAt !== null).length,
      answers: list.reduce((n, w) => n + (answerCounts.get(w.id) ?? 0), 0),
    });
    let moved = 0;
    let dropped = 0;
    for (const assignmentId of new Set(work.map((w) => w.assignmentId))) {
      const theirs = work.filter((w) => w.assignmentId === assignmentId && w.pupilId === from!.id);
      const ours = work.filter((w) => w.assignmentId === assignmentId && w.pupilId === into!.id);
      if (theirs.length === 0) continue;
      if (ours.length && !moreProgress(progress(theirs), progress(ours))) {
        await tx.delete(attempts).where(
          inArray(
            attempts.id,
            theirs.map((w) => w.id),
          ),
        );
        dropped += theirs.length;
      } else {
        if (ours.length) {
          await tx.delete(attempts).where(
            inArray(
              attempts.id,
              ours.map((w) => w.id),
            ),
          );
          dropped += ours.length;
        }
        await tx
          .update(attempts)
          .set({ pupilId: into!.id })
          .where(
            inArray(
              attempts.id,
              theirs.map((w) => w.id),
            ),
          );
        moved += theirs.length;
      }
      await bumpLive(assignmentId);
    }
    await tx.update(posts).set({ authorId: into!.id }).where(eq(posts.authorId, from!.id));
    // the duplicate's extensions (docs/schedule.md) move where the staying pupil has none;
    // where both have one, the staying pupil's stays (the other goes with the duplicate)
    const kept = new Set(
      (
        await tx
          .select({ a: extensions.assignmentId })
          .from(extensions)
          .where(eq(extensions.pupilId, into!.id))
      ).map((r) => r.a),
    );
    for (const e of await tx.select().from(extensions).where(eq(extensions.pupilId, from!.id)))
      if (!kept.has(e.assignmentId))
        await tx.update(extensions).set({ pupilId: into!.id }).where(eq(extensions.id, e.id));
    const lastSeen = [from!.lastSeenAt, into!.lastSeenAt]
      .filter((d): d is Date => d !== null)
      .sort((a, b) => b.getTime() - a.getTime())[0];
    if (lastSeen)
      await tx.update(pupils).set({ lastSeenAt: lastSeen }).where(eq(pupils.id, into!.id));
    // sessions and anything else of the duplicate go with it (foreign keys cascade)
    await tx.delete(pupils).where(eq(pupils.id, from!.id));
    await tx.delete(throttles).where(eq(throttles.key, `pupil:${input.classId}:${from!.nameKey}`));
    return { kept: into!.displayName, removed: from!.displayName, moved, dropped };
  });
}

/** New PINs for every pupil of the class, for a fresh set of cards; everyone's sessions end. */
export async function resetAllPins(input: {
  classId: number;
  teacherId: number;
}): Promise<NewCard[]> {
  await ownedClassIn(db, input.classId, input.teacherId);
  const roster = await db
    .select({ id: pupils.id, displayName: pupils.displayName, nameKey: pupils.nameKey })
    .from(pupils)
    .where(eq(pupils.classId, input.classId));
  const pins = roster.map(() => generatePin());
  const hashes = await Promise.all(pins.map((pin) => hashPin(pin)));
  await withTransaction(async (tx) => {
    await ownedClassIn(tx, input.classId, input.teacherId);
    for (const [i, p] of roster.entries())
      await tx
        .update(pupils)
        .set({ pinHash: hashes[i] })
        .where(and(eq(pupils.id, p.id), eq(pupils.classId, input.classId)));
    await tx
      .delete(throttles)
      .where(
        inArray(
          throttles.key,
          roster.map((p) => `pupil:${input.classId}:${p.nameKey}`).concat(["-"]),
        ),
      );
  });
  for (const p of roster) await deleteSessionsOf({ pupilId: p.id });
  return roster
    .map((p, i) => ({ id: p.id, displayName: p.displayName, pin: pins[i] }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}
