// Pupils: joining a class by code, signing in with code + name + PIN, and the teacher's roster
// actions (reset a PIN, remove a pupil). Roster queries join on the class's teacher id, so a
// pupil of another teacher's class is "not found".
import { and, asc, eq, inArray, isNull, notExists } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { classes, postFeedback, posts, pupils, throttles } from "../../db/schema";
import { db } from "~/db.server";
import { hashSecret, verifyAgainstDummy, verifySecret } from "~/utils/hash.server";
import { cleanDisplayName, nameKey } from "~/utils/name-key";
import { generatePin } from "~/utils/pin";
import { deleteSessionsOf } from "~/utils/session.server";
import { findClassByCode } from "./class.server";
import { clearThrottle, firstBlocked, recordFailure, RULES, type Rule } from "./throttle.server";

type Ip = { key: string; direct: boolean };

const joinIp = (ip: Ip): [string, Rule] => [`join:${ip.key}`, ip.direct ? RULES.joinIpDirect : RULES.joinIp];
const signInIp = (ip: Ip): [string, Rule] => [`sign-in:${ip.key}`, ip.direct ? RULES.signInIpDirect : RULES.signInIp];
const pupilKey = (classId: number, key: string) => `pupil:${classId}:${key}`;

export type JoinResult =
  | { ok: true; pupilId: number }
  | { ok: false; reason: "throttled"; retryAfterMs: number }
  | { ok: false; reason: "unknownCode" | "joinDisabled" | "archived" | "nameTaken" };

/** Creates the pupil identity for a class code; wrong and closed codes count against the IP. */
export async function joinClass(input: {
  code: string;
  displayName: string;
  pin: string;
  ip: Ip;
  now?: number;
}): Promise<JoinResult> {
  const now = input.now ?? Date.now();
  const [ipKey, ipRule] = joinIp(input.ip);
  const status = firstBlocked([[ipKey, ipRule]], now);
  if (status.blocked) return { ok: false, reason: "throttled", retryAfterMs: status.retryAfterMs };

  const found = findClassByCode(input.code);
  if (!found.ok) {
    if (found.reason === "unknown") recordFailure(ipKey, ipRule, now);
    return { ok: false, reason: found.reason === "unknown" ? "unknownCode" : "archived" };
  }
  if (!found.joinEnabled) {
    recordFailure(ipKey, ipRule, now);
    return { ok: false, reason: "joinDisabled" };
  }

  const displayName = cleanDisplayName(input.displayName);
  const key = nameKey(displayName);
  const taken = db
    .select({ id: pupils.id })
    .from(pupils)
    .where(and(eq(pupils.classId, found.classId), eq(pupils.nameKey, key)))
    .get();
  if (taken) return { ok: false, reason: "nameTaken" };
  const pinHash = await hashSecret(input.pin);
  // Two pupils typing the same name at once: the unique index (class, name_key) decides.
  const row = db
    .insert(pupils)
    .values({ classId: found.classId, displayName, nameKey: key, pinHash, lastSeenAt: new Date(now) })
    .onConflictDoNothing()
    .returning({ id: pupils.id })
    .get();
  return row ? { ok: true, pupilId: row.id } : { ok: false, reason: "nameTaken" };
}

export type PupilSignInResult =
  | { ok: true; pupilId: number }
  | { ok: false; reason: "throttled"; retryAfterMs: number }
  | { ok: false; reason: "unknownCode" | "archived" | "invalid" };

/**
 * Class code + display name + PIN. An unknown name and a wrong PIN give the same answer after
 * the same work; failures count per pupil (class + name) and per IP.
 */
export async function signInPupil(input: {
  code: string;
  displayName: string;
  pin: string;
  ip: Ip;
  now?: number;
}): Promise<PupilSignInResult> {
  const now = input.now ?? Date.now();
  const [joinKey, joinRule] = joinIp(input.ip);
  const [ipKey, ipRule] = signInIp(input.ip);
  const ipStatus = firstBlocked([[ipKey, ipRule], [joinKey, joinRule]], now);
  if (ipStatus.blocked) return { ok: false, reason: "throttled", retryAfterMs: ipStatus.retryAfterMs };

  const found = findClassByCode(input.code);
  if (!found.ok) {
    // A wrong code here is as much a code guess as one on the join page.
    if (found.reason === "unknown") recordFailure(joinKey, joinRule, now);
    return { ok: false, reason: found.reason === "unknown" ? "unknownCode" : "archived" };
  }

  const key = nameKey(input.displayName);
  const accountKey = pupilKey(found.classId, key);
  const status = firstBlocked([[accountKey, RULES.pupilAccount]], now);
  if (status.blocked) return { ok: false, reason: "throttled", retryAfterMs: status.retryAfterMs };

  const pupil = db
    .select({ id: pupils.id, pinHash: pupils.pinHash })
    .from(pupils)
    .where(and(eq(pupils.classId, found.classId), eq(pupils.nameKey, key)))
    .get();
  const valid = pupil ? await verifySecret(pupil.pinHash, input.pin) : await verifyAgainstDummy(input.pin);
  if (!pupil || !valid) {
    recordFailure(accountKey, RULES.pupilAccount, now);
    recordFailure(ipKey, ipRule, now);
    return { ok: false, reason: "invalid" };
  }
  clearThrottle(accountKey);
  db.update(pupils).set({ lastSeenAt: new Date(now) }).where(eq(pupils.id, pupil.id)).run();
  return { ok: true, pupilId: pupil.id };
}

export type RosterEntry = { id: number; displayName: string; joinedAt: Date; lastSeenAt: Date | null };

/** The pupils of one of this teacher's classes, by name. */
export function listRoster({ classId, teacherId }: { classId: number; teacherId: number }): RosterEntry[] {
  return db
    .select({
      id: pupils.id,
      displayName: pupils.displayName,
      joinedAt: pupils.joinedAt,
      lastSeenAt: pupils.lastSeenAt,
    })
    .from(pupils)
    .innerJoin(classes, eq(classes.id, pupils.classId))
    .where(and(eq(pupils.classId, classId), eq(classes.teacherId, teacherId)))
    .orderBy(asc(pupils.nameKey))
    .all();
}

type PupilRef = { classId: number; pupilId: number; teacherId: number };

/** One pupil of one of this teacher's classes, or a 404. */
export function getOwnedPupil({ classId, pupilId, teacherId }: PupilRef) {
  const row = db
    .select({ id: pupils.id, displayName: pupils.displayName, nameKey: pupils.nameKey, classId: pupils.classId })
    .from(pupils)
    .innerJoin(classes, eq(classes.id, pupils.classId))
    .where(and(eq(pupils.id, pupilId), eq(pupils.classId, classId), eq(classes.teacherId, teacherId)))
    .get();
  if (!row) throw new Response("Not found", { status: 404 });
  return row;
}

/**
 * Gives the pupil a new random PIN, returned once for the teacher to hand over; their open
 * sessions end and their failure counter is cleared so they can sign in at once.
 */
export async function resetPin(ref: PupilRef): Promise<{ displayName: string; pin: string }> {
  const pupil = getOwnedPupil(ref);
  const pin = generatePin();
  const pinHash = await hashSecret(pin);
  db.update(pupils).set({ pinHash }).where(eq(pupils.id, pupil.id)).run();
  deleteSessionsOf({ pupilId: pupil.id });
  clearThrottle(pupilKey(pupil.classId, pupil.nameKey));
  return { displayName: pupil.displayName, pin };
}

/**
 * Hard delete in one transaction: foreign keys cascade to the pupil's sessions, attempts and
 * answers. Their discussion words go too, but classmates' work stays: a post nobody replied to
 * is deleted; one with replies is blanked like a deleted post (no text, no feedback) and keeps
 * its place with no author, so the replies under it survive.
 */
export function removePupil(ref: PupilRef): { displayName: string } {
  return db.transaction((tx) => {
    const pupil = tx
      .select({ id: pupils.id, displayName: pupils.displayName, nameKey: pupils.nameKey })
      .from(pupils)
      .innerJoin(classes, eq(classes.id, pupils.classId))
      .where(and(eq(pupils.id, ref.pupilId), eq(pupils.classId, ref.classId), eq(classes.teacherId, ref.teacherId)))
      .get();
    if (!pupil) throw new Response("Not found", { status: 404 });
    const reply = alias(posts, "reply");
    const hasReplies = tx.select({ id: reply.id }).from(reply).where(eq(reply.parentId, posts.id));
    tx.delete(posts).where(and(eq(posts.authorId, pupil.id), notExists(hasReplies))).run();
    const kept = tx.select({ id: posts.id }).from(posts).where(eq(posts.authorId, pupil.id)).all().map((r) => r.id);
    if (kept.length) {
      tx.delete(postFeedback).where(inArray(postFeedback.postId, kept)).run();
      tx.update(posts)
        .set({ body: "", claim: null, evidence: null, reasoning: null, exemplary: false, editedAt: null })
        .where(inArray(posts.id, kept))
        .run();
      tx.update(posts).set({ deletedAt: new Date() }).where(and(inArray(posts.id, kept), isNull(posts.deletedAt))).run();
    }
    // the foreign key sets the kept posts' author to null
    tx.delete(pupils).where(eq(pupils.id, pupil.id)).run();
    tx.delete(throttles).where(eq(throttles.key, pupilKey(ref.classId, pupil.nameKey))).run();
    return { displayName: pupil.displayName };
  }, { behavior: "immediate" });
}
