// Zod schemas of the account forms; every message is a dictionary key shown beside its field.
import { z } from "zod";
import { displayNameProblem, normalizeDisplayName } from "./display-name";
import { cleanDisplayName, DISPLAY_NAME_MAX } from "./name-key";
import { normalizeJoinCode } from "./join-code";
import { passwordProblem } from "./password-policy";
import { PIN_PATTERN } from "./pin";

const text = () => z.string({ required_error: "v.required", invalid_type_error: "v.invalid" });
/** Characters as people count them (code points), not UTF-16 units. */
const chars = (s: string) => [...s].length;
// Control characters have no place in a name and would only confuse the roster and the cards.
const CONTROL = /\p{Cc}/u;

const label = (
  max: number,
  tooLong: "accounts.v.nameTooLong" | "accounts.v.classNameTooLong" | "accounts.v.subjectTooLong",
) =>
  text()
    .transform((s) => s.trim().replace(/\s+/g, " "))
    .refine((s) => s.length > 0, "v.required")
    .refine((s) => chars(s) <= max, tooLong)
    .refine((s) => !CONTROL.test(s), "v.invalid");

export const TEACHER_NAME_MAX = 80;
export const CLASS_NAME_MAX = 60;
export const SUBJECT_MAX = 60;
export const GRADES = ["7", "8", "9", "10", "11", "12"] as const;

export const teacherName = label(TEACHER_NAME_MAX, "accounts.v.nameTooLong");
export const className = label(CLASS_NAME_MAX, "accounts.v.classNameTooLong");
export const subject = label(SUBJECT_MAX, "accounts.v.subjectTooLong");

export const email = text()
  .transform((s) => s.trim().toLowerCase())
  .refine((s) => s.length > 0, "v.required")
  .pipe(z.string().max(254, "accounts.v.emailInvalid").email("accounts.v.emailInvalid"));

export const newPassword = text().superRefine((value, ctx) => {
  if (value.length === 0) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: "v.required" });
    return;
  }
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
});

export const password = text()
  .refine((s) => s.length > 0, "v.required")
  .refine((s) => s.length <= 1024, "v.invalid");

export const joinCode = text()
  .transform(normalizeJoinCode)
  .refine((s) => s.length > 0, "v.required");

/**
 * A new display name (joining): NFKC, and nothing invisible, no text-direction controls, no
 * stacked marks (utils/display-name.ts). Look-alikes of classmates are refused in joinClass.
 */
export const displayName = text()
  .transform(normalizeDisplayName)
  .refine((s) => s.length > 0, "v.required")
  .refine((s) => chars(s) <= DISPLAY_NAME_MAX, "accounts.v.displayNameTooLong")
  .superRefine((s, ctx) => {
    const problem = displayNameProblem(s);
    if (problem)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: problem === "invisible" ? "hardening.v.nameInvisible" : "hardening.v.nameMarks",
      });
  });

/** The name typed to sign in: only cleaned, so a pupil who joined before the rules above still can. */
export const signInDisplayName = text()
  .transform(cleanDisplayName)
  .refine((s) => s.length > 0, "v.required")
  .refine((s) => chars(s) <= DISPLAY_NAME_MAX, "accounts.v.displayNameTooLong")
  .refine((s) => !CONTROL.test(s), "accounts.v.displayNameChars");

export const pin = text()
  .refine((s) => s.length > 0, "v.required")
  .refine((s) => PIN_PATTERN.test(s), "accounts.v.pinFormat");

export const grade = z.enum(GRADES, { errorMap: () => ({ message: "accounts.v.grade" }) });
export const timeZone = z.enum(["WIB", "WITA", "WIT"], {
  errorMap: () => ({ message: "accounts.v.timeZone" }),
});

export const signUpSchema = z.object({ name: teacherName, email, password: newPassword });
export const teacherLoginSchema = z.object({ email, password });
export const classSchema = z.object({ name: className, grade, subject, timeZone });
export const joinSchema = z
  .object({ code: joinCode, displayName, pin, pinConfirm: text() })
  .refine((v) => v.pin === v.pinConfirm, {
    message: "accounts.v.pinMismatch",
    path: ["pinConfirm"],
  });
export const pupilLoginSchema = z.object({ code: joinCode, displayName: signInDisplayName, pin });

/** A recovery code as typed: 16 letters and digits once spaces and dashes are dropped. */
export const recoveryCode = text()
  .transform((s) => s.toUpperCase().replace(/[\s\-_.]/g, ""))
  .refine((s) => s.length > 0, "v.required")
  .refine((s) => /^[A-Z0-9]{16}$/.test(s), "rc.v.code");
export const recoverSchema = z.object({ email, code: recoveryCode, password: newPassword });
export const resetSchema = z.object({
  token: text().refine((s) => /^[A-Za-z0-9_-]{20,100}$/.test(s), "v.invalid"),
  password: newPassword,
});
