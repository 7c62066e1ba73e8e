// How recovery codes and reset-link tokens are stored: SHA-256 of a purpose-prefixed string (both
// carry enough random bits that a fast hash is enough; docs/account-recovery.md). Pure, so the
// test support can store codes exactly as the app does.
import crypto from "node:crypto";

/** What a typed code is compared as: upper case, no spaces or dashes, look-alikes folded. */
export function normalizeRecoveryCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s\-_.]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
}

const sha256 = (s: string) => crypto.createHash("sha256").update(s).digest("hex");

/** The stored form of a recovery code (recovery_codes.code_hash). */
export const recoveryCodeHash = (code: string) => sha256(`recovery:${normalizeRecoveryCode(code)}`);

/** The stored form of a one-time reset link token (password_resets.token_hash). */
export const resetTokenHash = (token: string) => sha256(`reset:${token}`);
