// The teacher password rule (NIST SP 800-63B style): length 8–128, no composition rules, not common.
import { isCommonPassword } from "./common-passwords";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export type PasswordProblem =
  "accounts.v.passwordShort" | "accounts.v.passwordLong" | "accounts.v.passwordCommon";

/** Null when acceptable; otherwise the message key to show. Length counts characters, not bytes. */
export function passwordProblem(password: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return "accounts.v.passwordShort";
  if (length > PASSWORD_MAX) return "accounts.v.passwordLong";
  if (isCommonPassword(password)) return "accounts.v.passwordCommon";
  return null;
}
