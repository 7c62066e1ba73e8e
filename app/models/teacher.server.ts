// Teacher accounts: sign-up and password sign-in with per-account and per-IP throttling.
import { eq } from "drizzle-orm";
import { teachers } from "../../db/schema";
import { db } from "~/db.server";
import { hashSecret, verifyAgainstDummy, verifySecret } from "~/utils/hash.server";
import { clearThrottle, firstBlocked, recordFailure, RULES, type Rule } from "./throttle.server";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function createTeacher(input: {
  name: string;
  email: string;
  password: string;
}): Promise<{ ok: true; teacherId: number } | { ok: false; reason: "emailTaken" }> {
  const email = normalizeEmail(input.email);
  const existing = db.select({ id: teachers.id }).from(teachers).where(eq(teachers.email, email)).get();
  if (existing) return { ok: false, reason: "emailTaken" };
  const passwordHash = await hashSecret(input.password);
  // Two sign-ups with one email can both pass the check above while hashing; the unique index decides.
  const row = db
    .insert(teachers)
    .values({ name: input.name, email, passwordHash })
    .onConflictDoNothing({ target: teachers.email })
    .returning({ id: teachers.id })
    .get();
  return row ? { ok: true, teacherId: row.id } : { ok: false, reason: "emailTaken" };
}

export type SignInResult =
  | { ok: true; teacherId: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterMs: number };

/**
 * Checks a password. Unknown email and wrong password give the same result after the same work;
 * the account counter is keyed by the email typed, so it also exists for unknown emails.
 */
export async function signInTeacher(input: {
  email: string;
  password: string;
  ip: { key: string; direct: boolean };
  now?: number;
}): Promise<SignInResult> {
  const now = input.now ?? Date.now();
  const email = normalizeEmail(input.email);
  const accountKey = `teacher:${email}`;
  const ipKey = `sign-in:${input.ip.key}`;
  const ipRule: Rule = input.ip.direct ? RULES.signInIpDirect : RULES.signInIp;
  const status = firstBlocked(
    [
      [accountKey, RULES.teacherAccount],
      [ipKey, ipRule],
    ],
    now,
  );
  if (status.blocked) return { ok: false, reason: "throttled", retryAfterMs: status.retryAfterMs };

  const teacher = db
    .select({ id: teachers.id, passwordHash: teachers.passwordHash })
    .from(teachers)
    .where(eq(teachers.email, email))
    .get();
  const valid = teacher
    ? await verifySecret(teacher.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);
  if (!teacher || !valid) {
    recordFailure(accountKey, RULES.teacherAccount, now);
    recordFailure(ipKey, ipRule, now);
    return { ok: false, reason: "invalid" };
  }
  clearThrottle(accountKey);
  return { ok: true, teacherId: teacher.id };
}
