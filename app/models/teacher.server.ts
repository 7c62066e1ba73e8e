// Teacher accounts: sign-up and password sign-in, each attempt taking a throttle slot before the hash work.
import { eq } from "drizzle-orm";
import { teachers } from "~/db/tables.server";
import { db, first } from "~/db.server";
import { hashSecret, verifyAgainstDummy, verifySecret } from "~/utils/hash.server";
import { release, RULES, succeeded, takeSlot, takeSlotInTurn, type Check } from "./throttle.server";

type Ip = { key: string; direct: boolean };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const teacherAccountCheck = (email: string): Check => [
  `teacher:${normalizeEmail(email)}`,
  RULES.teacherAccount,
];
const signInAddress = (ip: Ip): Check => [
  `sign-in:${ip.key}`,
  ip.direct ? RULES.signInAddressDirect : RULES.signInAddress,
];
const signUpAddress = (ip: Ip): Check => [
  `sign-up:${ip.key}`,
  ip.direct ? RULES.signUpAddressDirect : RULES.signUpAddress,
];

export type SignUpResult =
  | { ok: true; teacherId: number; fresh: boolean }
  | { ok: false; reason: "unavailable" }
  | { ok: false; reason: "throttled"; retryAfterMs: number; wait: boolean };

/**
 * Every sign-up takes a slot of the per-address sign-up delay before hashing. An email that
 * already has an account is not announced: if the password typed is that account's, this is a
 * sign-in (counted against the account like one); otherwise the answer is the neutral
 * "unavailable" after the same argon2 work. Why this still is not enumeration-proof without an
 * email confirmation step: docs/decisions/032-sign-up-without-enumeration.md.
 */
export async function createTeacher(input: {
  name: string;
  email: string;
  password: string;
  ip?: Ip;
  now?: number;
}): Promise<SignUpResult> {
  const now = input.now ?? Date.now();
  const email = normalizeEmail(input.email);
  const ip = input.ip ?? { key: "ip:direct", direct: true };
  const existing = await first(
    db
      .select({ id: teachers.id, passwordHash: teachers.passwordHash })
      .from(teachers)
      .where(eq(teachers.email, email)),
  );
  const checks = existing ? [signUpAddress(ip), teacherAccountCheck(email)] : [signUpAddress(ip)];
  const slot = await takeSlot(checks, now);
  if (!slot.ok)
    return { ok: false, reason: "throttled", retryAfterMs: slot.retryAfterMs, wait: slot.wait };
  if (existing) {
    if (!(await verifySecret(existing.passwordHash, input.password)))
      return { ok: false, reason: "unavailable" };
    // The sign-up slot stays counted (a hash was spent); the account counter is cleared.
    await succeeded(slot.slot, { keep: [signUpAddress(ip)[0]] });
    return { ok: true, teacherId: existing.id, fresh: false };
  }
  const passwordHash = await hashSecret(input.password);
  // Two sign-ups with one email can both pass the check above while hashing; the unique index decides.
  const row = await first(
    db
      .insert(teachers)
      .values({ name: input.name, email, passwordHash })
      .onConflictDoNothing({ target: teachers.email })
      .returning({ id: teachers.id }),
  );
  return row ? { ok: true, teacherId: row.id, fresh: true } : { ok: false, reason: "unavailable" };
}

export type SignInResult =
  | { ok: true; teacherId: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterMs: number; wait: boolean };

/**
 * Checks a password. The attempt is counted (per account and per address) before the hash is
 * checked, so concurrent guesses cannot all slip in under the limit. Unknown email and wrong
 * password give the same result after the same work; the account counter is keyed by the email
 * typed, so it also exists for unknown emails.
 */
export async function signInTeacher(input: {
  email: string;
  password: string;
  ip: Ip;
  now?: number;
  /** The request's signal: a sign-in whose client has gone is dropped before its hash (085). */
  signal?: AbortSignal;
}): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  // staff signing in together behind one school address wait their turn (decision 083)
  const account = teacherAccountCheck(email);
  const slot = await takeSlotInTurn([account, signInAddress(input.ip)], input.now, input.signal);
  if (!slot.ok)
    return { ok: false, reason: "throttled", retryAfterMs: slot.retryAfterMs, wait: slot.wait };
  try {
    const teacher = await first(
      db
        .select({ id: teachers.id, passwordHash: teachers.passwordHash })
        .from(teachers)
        .where(eq(teachers.email, email)),
    );
    const valid = teacher
      ? await verifySecret(teacher.passwordHash, input.password, input.signal)
      : await verifyAgainstDummy(input.password, input.signal);
    if (!teacher || !valid) return { ok: false, reason: "invalid" };
    await succeeded(slot.slot);
    return { ok: true, teacherId: teacher.id };
  } catch (error) {
    // abandoned before the password was checked: the address gets its place back, the account not
    if (input.signal?.aborted) await succeeded(slot.slot, { keep: [account[0]] });
    throw error;
  } finally {
    release(slot.slot);
  }
}
