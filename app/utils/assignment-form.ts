// The assignment settings form's schema, shared by "assign" and "edit" (messages are i18n keys).
import { z } from "zod";

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("1")])
  .optional()
  .transform((v) => v !== undefined);

export const settingsSchema = z.object({
  due: z
    .string({ required_error: "assign.err.due" })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "assign.err.due"),
  // empty: open at once (scheduled opening, docs/schedule.md)
  opens: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v === "" || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v), "sched.err.opens"),
  acceptLate: checkbox,
  maxAttempts: z
    .enum(["0", "1", "2", "3"], { errorMap: () => ({ message: "assign.err.choice" }) })
    .transform(Number),
  counting: z.enum(["highest", "last"], { errorMap: () => ({ message: "assign.err.choice" }) }),
  feedback: z.enum(["immediate", "after_due", "never"], {
    errorMap: () => ({ message: "assign.err.choice" }),
  }),
  shuffle: checkbox,
  postFirst: checkbox,
});

export const assignSchema = settingsSchema.extend({
  lesson: z
    .string({ required_error: "assign.err.lesson" })
    .regex(/^[a-z0-9-]{1,80}$/, "assign.err.lesson"),
  classId: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.coerce.number().int().positive({ message: "assign.err.classes" }))
      .min(1, "assign.err.classes")
      .max(50, "assign.err.classes"),
  ),
});

export type SettingsInput = z.infer<typeof settingsSchema>;

/** One pupil's extension (the pupil's page in results): a later due date and/or extra attempts. */
export const extensionSchema = z.object({
  due: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v === "" || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v), "ext.err.due"),
  extraAttempts: z
    .enum(["0", "1", "2", "3"], { errorMap: () => ({ message: "ext.err.choice" }) })
    .transform(Number),
});
