// Pupils: joining a class by code, signing in with code + name + PIN, and the teacher's roster
// actions (reset a PIN, remove a pupil). Roster queries join on the class's teacher id, so a
// pupil of another teacher's class is "not found".
import { and, asc, eq, inArray, isNull, notExists, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { classes, postFeedback, posts, pupils, throttles } from "~/db/tables.server";
import { teachesClass } from "./class-access.server";
import { db, first, lockRows, withTransaction, type Db } from "~/db.server";
import { nameSkeleton, normalizeDisplayName } from "~/utils/display-name";
import { hashPin, pinHashOutdated, verifyPin, verifyPinAgainstDummy } from "~/utils/hash.server";
import { nameKey } from "~/utils/name-key";
import { generatePin } from "~/utils/pin";
import { deleteSessionsOf } from "~/utils/session.server";
import { findClassByCode, type CodeLookup } from "./class.server";
import {
  clearThrottle,
  release,
  RULES,
  succeeded,
  takeSlot,
  takeSlotInTurn,
  type Check,
} from "./throttle.server";
import { notFound } from "~/utils/http.server";

type Ip = { key: string; direct: boolean };

const joinAddress = (ip: Ip): Check => [
  `join:${ip.key}`,
  ip.direct ? RULES.joinAddressDirect : RULES.joinAddress,
];
const signInAddress = (ip: Ip): Check => [
  `sign-in:${ip.key}`,
  ip.direct ? RULES.signInAddressDirect : RULES.signInAddress,
];
const classSignIn = (classId: number): Check => [`class-sign-in:${classId}`, RULES.classSignIn];
const pupilKey = (classId: number, key: string) => `pupil:${classId}:${key}`;

type Throttled = { ok: false; reason: "throttled"; retryAfterMs: number; wait: boolean };

/**
 * Looks a typed class code up as one counted guess of this address: the slot is taken before
 * the lookup and given back when the code turns out to be a real one (a closed class's code
 * counts on the join page, where it is as useless to a guesser as a wrong one). One transaction
 * (the slot's own ones nest in it), so lookups of one address do not overlap: a real code's
 * slot, given back at once, never counts against the others arriving with it.
 */
function lookUpCode(
  code: string,
  ip: Ip,
  now: number,
  countClosed: boolean,
): Promise<CodeLookup | Throttled> {
  // read committed: the address's counter row is locked by takeSlot until this ends (decision 125)
  return withTransaction(
    async (): Promise<CodeLookup | Throttled> => {
      const slot = await takeSlot([joinAddress(ip)], now);
      if (!slot.ok)
        return { ok: false, reason: "throttled", retryAfterMs: slot.retryAfterMs, wait: slot.wait };
      const found = await findClassByCode(code);
      const guess = !found.ok ? found.reason === "unknown" : countClosed && !found.joinEnabled;
      if (!guess) await succeeded(slot.slot);
      return found;
    },
    { isolation: "read committed" },
  );
}

/** True when a pupil of the class already has this name, or one that looks the same. */
async function nameTaken(tx: Db, classId: number, displayName: string): Promise<boolean> {
  const skeleton = nameSkeleton(displayName);
  const key = nameKey(displayName);
  const classmates = await tx
    .select({ displayName: pupils.displayName, nameKey: pupils.nameKey })
    .from(pupils)
    .where(eq(pupils.classId, classId));
  return classmates.some((p) => p.nameKey === key || nameSkeleton(p.displayName) === skeleton);
}

export type JoinResult =
  | { ok: true; pupilId: number }
  | Throttled
  | { ok: false; reason: "unknownCode" | "joinDisabled" | "archived" | "nameTaken" };

/**
 * Creates the pupil identity for a class code. Wrong and closed codes count against the
 * address (growing delays, never a long lockout); the name must differ from every classmate's,
 * also in its confusable skeleton ("Budi" and Cyrillic "Budі" are one name).
 */
export async function joinClass(input: {
  code: string;
  displayName: string;
  pin: string;
  ip: Ip;
  now?: number;
}): Promise<JoinResult> {
  const now = input.now ?? Date.now();
  const found = await lookUpCode(input.code, input.ip, now, true);
  if (!found.ok) {
    if (found.reason === "throttled") return found;
    return { ok: false, reason: found.reason === "unknown" ? "unknownCode" : "archived" };
  }
  if (!found.joinEnabled) return { ok: false, reason: "joinDisabled" };

  const displayName = normalizeDisplayName(input.displayName);
  if (await nameTaken(db, found.classId, displayName)) return { ok: false, reason: "nameTaken" };
  const pinHash = await hashPin(input.pin);
  // Checked again with the insert in one transaction: two look-alikes joining at once cannot both
  // pass (the unique index (class, name_key) only knows exact keys).
  const row = await withTransaction(
    async (tx) => {
      // joins of one class one at a time (PostgreSQL; decision 125)
      await lockRows(sql`SELECT id FROM classes WHERE id = ${found.classId}`);
      if (await nameTaken(tx, found.classId, displayName)) return undefined;
      return first(
        tx
          .insert(pupils)
          .values({
            classId: found.classId,
            displayName,
            nameKey: nameKey(displayName),
            pinHash,
            lastSeenAt: new Date(now),
          })
          .onConflictDoNothing()
          .returning({ id: pupils.id }),
      );
    },
    { isolation: "read committed" },
  );
  return row ? { ok: true, pupilId: row.id } : { ok: false, reason: "nameTaken" };
}

export type PupilSignInResult =
  | { ok: true; pupilId: number }
  | Throttled
  | { ok: false; reason: "unknownCode" | "archived" | "invalid" };

/**
 * Class code + display name + PIN. The attempt takes its slot (per pupil, per class, per
 * address) before the PIN is checked, so a burst of guesses gets at most the limit evaluated.
 * An unknown name and a wrong PIN give the same answer after the same work.
 */
export async function signInPupil(input: {
  code: string;
  displayName: string;
  pin: string;
  ip: Ip;
  now?: number;
  /** The request's signal: a sign-in whose client has gone is dropped before its hash (085). */
  signal?: AbortSignal;
}): Promise<PupilSignInResult> {
  const now = input.now ?? Date.now();
  const found = await lookUpCode(input.code, input.ip, now, false);
  if (!found.ok) {
    if (found.reason === "throttled") return found;
    return { ok: false, reason: found.reason === "unknown" ? "unknownCode" : "archived" };
  }

  const key = nameKey(input.displayName);
  const accountKey = pupilKey(found.classId, key);
  // a class signing in together behind one school address waits its turn instead of a 429 (083)
  const slot = await takeSlotInTurn(
    [[accountKey, RULES.pupilAccount], classSignIn(found.classId), signInAddress(input.ip)],
    input.now,
    input.signal,
  );
  if (!slot.ok)
    return { ok: false, reason: "throttled", retryAfterMs: slot.retryAfterMs, wait: slot.wait };
  try {
    const pupil = await first(
      db
        .select({ id: pupils.id, pinHash: pupils.pinHash })
        .from(pupils)
        .where(and(eq(pupils.classId, found.classId), eq(pupils.nameKey, key))),
    );
    const valid = pupil
      ? await verifyPin(pupil.pinHash, input.pin, input.signal)
      : await verifyPinAgainstDummy(input.pin, input.signal);
    if (!pupil || !valid) return { ok: false, reason: "invalid" };
    await succeeded(slot.slot);
    await db
      .update(pupils)
      .set({ lastSeenAt: new Date(input.now ?? Date.now()) })
      .where(eq(pupils.id, pupil.id));
    // A PIN hashed at the old password cost is hashed again at the PIN cost, once (decision 086);
    // only if it is still the hash just checked (a reset meanwhile wins).
    if (pinHashOutdated(pupil.pinHash)) {
      const pinHash = await hashPin(input.pin);
      await db
        .update(pupils)
        .set({ pinHash })
        .where(and(eq(pupils.id, pupil.id), eq(pupils.pinHash, pupil.pinHash)));
    }
    return { ok: true, pupilId: pupil.id };
  } catch (error) {
    // abandoned before its PIN was checked: the school's counters get their place back, the
    // pupil's own counter keeps it (fails closed for the account)
    if (input.signal?.aborted) await succeeded(slot.slot, { keep: [accountKey] });
    throw error;
  } finally {
    release(slot.slot);
  }
}

export type RosterEntry = {
  id: number;
  displayName: string;
  joinedAt: Date;
  lastSeenAt: Date | null;
};

/** The pupils of one of this teacher's classes, by name. */
export async function listRoster({
  classId,
  teacherId,
}: {
  classId: number;
  teacherId: number;
}): Promise<RosterEntry[]> {
  return db
    .select({
      id: pupils.id,
      displayName: pupils.displayName,
      joinedAt: pupils.joinedAt,
      lastSeenAt: pupils.lastSeenAt,
    })
    .from(pupils)
    .innerJoin(classes, eq(classes.id, pupils.classId))
    .where(and(eq(pupils.classId, classId), teachesClass(teacherId)))
    .orderBy(asc(pupils.nameKey));
}

type PupilRef = { classId: number; pupilId: number; teacherId: number };

/** One pupil of a class this teacher owns or co-teaches, or a 404. */
export async function getTaughtPupil({ classId, pupilId, teacherId }: PupilRef) {
  const row = await first(
    db
      .select({
        id: pupils.id,
        displayName: pupils.displayName,
        nameKey: pupils.nameKey,
        classId: pupils.classId,
      })
      .from(pupils)
      .innerJoin(classes, eq(classes.id, pupils.classId))
      .where(and(eq(pupils.id, pupilId), eq(pupils.classId, classId), teachesClass(teacherId))),
  );
  if (!row) notFound();
  return row;
}

/**
 * Gives the pupil a new random PIN, returned once for the teacher to hand over; their open
 * sessions end and their failure counter is cleared so they can sign in at once.
 */
export async function resetPin(ref: PupilRef): Promise<{ displayName: string; pin: string }> {
  const pupil = await getTaughtPupil(ref);
  const pin = generatePin();
  const pinHash = await hashPin(pin);
  await db.update(pupils).set({ pinHash }).where(eq(pupils.id, pupil.id));
  await deleteSessionsOf({ pupilId: pupil.id });
  await clearThrottle(pupilKey(pupil.classId, pupil.nameKey));
  return { displayName: pupil.displayName, pin };
}

/**
 * Hard delete in one transaction: foreign keys cascade to the pupil's sessions, attempts and
 * answers. Their discussion words go too, but classmates' work stays: a post nobody replied to
 * is deleted; one with replies is blanked like a deleted post (no text, no feedback) and keeps
 * its place with no author, so the replies under it survive.
 */
export async function removePupil(ref: PupilRef): Promise<{ displayName: string }> {
  return withTransaction(async (tx) => {
    const pupil = await first(
      tx
        .select({ id: pupils.id, displayName: pupils.displayName, nameKey: pupils.nameKey })
        .from(pupils)
        .innerJoin(classes, eq(classes.id, pupils.classId))
        .where(
          and(
            eq(pupils.id, ref.pupilId),
            eq(pupils.classId, ref.classId),
            teachesClass(ref.teacherId),
          ),
        ),
    );
    if (!pupil) notFound();
    const reply = alias(posts, "reply");
    const hasReplies = tx.select({ id: reply.id }).from(reply).where(eq(reply.parentId, posts.id));
    await tx.delete(posts).where(and(eq(posts.authorId, pupil.id), notExists(hasReplies)));
    const kept = (
      await tx.select({ id: posts.id }).from(posts).where(eq(posts.authorId, pupil.id))
    ).map((r) => r.id);
    if (kept.length) {
      await tx.delete(postFeedback).where(inArray(postFeedback.postId, kept));
      await tx
        .update(posts)
        .set({
          body: "",
          claim: null,
          evidence: null,
          reasoning: null,
          exemplary: false,
          editedAt: null,
        })
        .where(inArray(posts.id, kept));
      await tx
        .update(posts)
        .set({ deletedAt: new Date() })
        .where(and(inArray(posts.id, kept), isNull(posts.deletedAt)));
    }
    // the foreign key sets the kept posts' author to null
    await tx.delete(pupils).where(eq(pupils.id, pupil.id));
    await tx.delete(throttles).where(eq(throttles.key, pupilKey(ref.classId, pupil.nameKey)));
    return { displayName: pupil.displayName };
  });
}
