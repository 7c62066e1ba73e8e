// A way back in without a mail server: recovery codes (shown once, each usable once) and the
// one-time reset links the person who runs the server prints with `npm run teacher:reset-password`.
// Design and numbers: docs/account-recovery.md, docs/decisions/105-recovery-codes-and-reset-links.md.
import crypto from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { passwordResets, recoveryCodes, sessions, teachers } from "~/db/tables.server";
import { db, first, withTransaction, type Db } from "~/db.server";
import { hashSecret, verifyAgainstDummy, verifySecret } from "~/utils/hash.server";
import { normalizeEmail, teacherAccountCheck } from "./teacher.server";
import { RULES, succeeded, takeSlot, type Check } from "./throttle.server";
import { notFound } from "~/utils/http.server";
import {
  normalizeRecoveryCode,
  recoveryCodeHash,
  resetTokenHash,
} from "~/utils/recovery-hash.server";

type Ip = { key: string; direct: boolean };

export const RECOVERY_CODE_COUNT = 8;
/** 16 characters of a 31-letter alphabet: about 79 random bits, so a fast hash (SHA-256) is enough. */
const CODE_LENGTH = 16;
// No 0/O, 1/I/L: codes are copied by hand from paper.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const RESET_LINK_TTL_MS = 60 * 60_000;

const recoverAddress = (ip: Ip): Check => [
  `recover:${ip.key}`,
  ip.direct ? RULES.recoverAddressDirect : RULES.recoverAddress,
];

/** Random code in groups of four, as printed: "ABCD-EFGH-JKMN-PQRS". */
function newCode(): string {
  const chars: string[] = [];
  while (chars.length < CODE_LENGTH) {
    // 256 is not a multiple of 31: bytes from 248 up are dropped so every letter is equally likely.
    for (const b of crypto.randomBytes(CODE_LENGTH * 2)) {
      if (b < 248 && chars.length < CODE_LENGTH) chars.push(ALPHABET[b % ALPHABET.length]);
    }
  }
  return chars.join("").match(/.{4}/g)!.join("-");
}

export { normalizeRecoveryCode };

const codeHash = recoveryCodeHash;

/** Makes a fresh set of codes for the teacher (every older code stops working); returns them once. */
export async function issueRecoveryCodes(teacherId: number): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await withTransaction(async (tx) => {
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.teacherId, teacherId));
    await tx.insert(recoveryCodes).values(codes.map((c) => ({ teacherId, codeHash: codeHash(c) })));
  });
  return codes;
}

/** How many unused codes the teacher has (for the account page). */
export async function unusedRecoveryCodes(teacherId: number): Promise<number> {
  const unused = await db
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.teacherId, teacherId), isNull(recoveryCodes.usedAt)));
  return unused.length;
}

export type RegenerateResult =
  | { ok: true; codes: string[] }
  | { ok: false; reason: "wrongPassword" }
  | { ok: false; reason: "throttled"; retryAfterMs: number; wait: boolean };

/**
 * New codes from the account page: the current password is checked first (a borrowed session
 * must not be enough), counted against the account like a sign-in.
 */
export async function regenerateRecoveryCodes(input: {
  teacherId: number;
  password: string;
  now?: number;
}): Promise<RegenerateResult> {
  const teacher = await first(
    db
      .select({ email: teachers.email, passwordHash: teachers.passwordHash })
      .from(teachers)
      .where(eq(teachers.id, input.teacherId)),
  );
  if (!teacher) notFound();
  const slot = await takeSlot([teacherAccountCheck(teacher.email)], input.now);
  if (!slot.ok)
    return { ok: false, reason: "throttled", retryAfterMs: slot.retryAfterMs, wait: slot.wait };
  if (!(await verifySecret(teacher.passwordHash, input.password)))
    return { ok: false, reason: "wrongPassword" };
  await succeeded(slot.slot);
  return { ok: true, codes: await issueRecoveryCodes(input.teacherId) };
}

export type RecoverResult =
  | { ok: true; teacherId: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterMs: number; wait: boolean };

/** Sets the new password, ends every session of the teacher and every open reset link. */
async function setPassword(tx: Db, teacherId: number, passwordHash: string): Promise<void> {
  await tx.update(teachers).set({ passwordHash }).where(eq(teachers.id, teacherId));
  await tx.delete(sessions).where(eq(sessions.teacherId, teacherId));
  await tx.delete(passwordResets).where(eq(passwordResets.teacherId, teacherId));
}

/**
 * "Forgot password": email + one recovery code + a new password. The attempt takes a slot of the
 * account's sign-in limit and of the address's recovery counter before any work (decision 030);
 * the new password is hashed in every case, so an unknown email, a wrong code and a right one
 * cost the same and answer alike (decision 032). The code is spent in the same IMMEDIATE
 * transaction that changes the password, so one code cannot be used twice by parallel posts.
 */
export async function recoverWithCode(input: {
  email: string;
  code: string;
  newPassword: string;
  ip: Ip;
  now?: number;
}): Promise<RecoverResult> {
  const now = input.now ?? Date.now();
  const email = normalizeEmail(input.email);
  const slot = await takeSlot([teacherAccountCheck(email), recoverAddress(input.ip)], now);
  if (!slot.ok)
    return { ok: false, reason: "throttled", retryAfterMs: slot.retryAfterMs, wait: slot.wait };
  const passwordHash = await hashSecret(input.newPassword);
  const teacherId = await withTransaction(async (tx) => {
    const teacher = await first(
      tx.select({ id: teachers.id }).from(teachers).where(eq(teachers.email, email)),
    );
    if (!teacher) return null;
    const spent = await tx
      .update(recoveryCodes)
      .set({ usedAt: new Date(now) })
      .where(
        and(
          eq(recoveryCodes.teacherId, teacher.id),
          eq(recoveryCodes.codeHash, codeHash(input.code)),
          isNull(recoveryCodes.usedAt),
        ),
      )
      .returning({ id: recoveryCodes.id });
    if (spent.length !== 1) return null;
    await setPassword(tx, teacher.id, passwordHash);
    return teacher.id;
  });
  if (teacherId === null) return { ok: false, reason: "invalid" };
  await succeeded(slot.slot);
  return { ok: true, teacherId };
}

const tokenHash = resetTokenHash;

/**
 * For the command line: a one-time link token for the teacher with this email (null when there is
 * none; the person at the server's console may know that). Older open links of the teacher stop
 * working, so only the newest printed link counts.
 */
export async function createResetToken(input: {
  email: string;
  now?: number;
}): Promise<{ token: string; name: string; expiresAt: Date } | null> {
  const now = input.now ?? Date.now();
  const teacher = await first(
    db
      .select({ id: teachers.id, name: teachers.name })
      .from(teachers)
      .where(eq(teachers.email, normalizeEmail(input.email))),
  );
  if (!teacher) return null;
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(now + RESET_LINK_TTL_MS);
  await withTransaction(async (tx) => {
    await tx.delete(passwordResets).where(eq(passwordResets.teacherId, teacher.id));
    await tx.insert(passwordResets).values({
      tokenHash: tokenHash(token),
      teacherId: teacher.id,
      expiresAt,
      createdAt: new Date(now),
    });
  });
  return { token, name: teacher.name, expiresAt };
}

export type ResetLinkState = { ok: true; name: string } | { ok: false; reason: "expired" | "used" };

/** What the reset page shows for a token: the form, or why not (an unknown token reads as used). */
export async function resetLinkState(token: string, now = Date.now()): Promise<ResetLinkState> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { ok: false, reason: "used" };
  const row = await first(
    db
      .select({
        expiresAt: passwordResets.expiresAt,
        usedAt: passwordResets.usedAt,
        name: teachers.name,
      })
      .from(passwordResets)
      .innerJoin(teachers, eq(teachers.id, passwordResets.teacherId))
      .where(eq(passwordResets.tokenHash, tokenHash(token))),
  );
  if (!row || row.usedAt) return { ok: false, reason: "used" };
  if (row.expiresAt.getTime() <= now) return { ok: false, reason: "expired" };
  return { ok: true, name: row.name };
}

export type ResetResult =
  | { ok: true; teacherId: number }
  | { ok: false; reason: "expired" | "used" }
  | { ok: false; reason: "throttled"; retryAfterMs: number; wait: boolean };

/**
 * Sets a new password through a reset link. Posts are throttled per address (the token itself is
 * 256 random bits: guessing is not the risk, load is). The link is spent in the transaction that
 * changes the password, so two posts with one link change it once.
 */
export async function resetWithToken(input: {
  token: string;
  newPassword: string;
  ip: Ip;
  now?: number;
}): Promise<ResetResult> {
  const now = input.now ?? Date.now();
  const slot = await takeSlot([recoverAddress(input.ip)], now);
  if (!slot.ok)
    return { ok: false, reason: "throttled", retryAfterMs: slot.retryAfterMs, wait: slot.wait };
  const state = await resetLinkState(input.token, now);
  if (!state.ok) {
    await verifyAgainstDummy(input.newPassword);
    return state;
  }
  const passwordHash = await hashSecret(input.newPassword);
  const result = await withTransaction(async (tx): Promise<ResetResult> => {
    const row = await first(
      tx
        .select({ teacherId: passwordResets.teacherId })
        .from(passwordResets)
        .where(
          and(
            eq(passwordResets.tokenHash, tokenHash(input.token)),
            isNull(passwordResets.usedAt),
            gt(passwordResets.expiresAt, new Date(now)),
          ),
        ),
    );
    if (!row) return { ok: false, reason: "used" };
    await tx
      .update(passwordResets)
      .set({ usedAt: new Date(now) })
      .where(eq(passwordResets.tokenHash, tokenHash(input.token)));
    await tx.update(teachers).set({ passwordHash }).where(eq(teachers.id, row.teacherId));
    await tx.delete(sessions).where(eq(sessions.teacherId, row.teacherId));
    return { ok: true, teacherId: row.teacherId };
  });
  if (result.ok) await succeeded(slot.slot);
  return result;
}
