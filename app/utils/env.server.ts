// Validated process environment: read once, typed everywhere.
import path from "node:path";
import { z } from "zod";

const schema = z
  .object({
    NODE_ENV: z.enum(["production", "development", "test"]).default("development"),
    DATABASE_PATH: z.string().min(1).default(path.join("data", "telaah.db")),
    // Set: PostgreSQL instead of the SQLite file (several app instances on one database, issue 16).
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional(),
    PG_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    CONTENT_DIR: z.string().min(1).default("content"),
    SESSION_SECRET: z.string().optional(),
    // Unset: the session cookie is Secure exactly when the request came over HTTPS (transport.ts).
    COOKIE_SECURE: z.enum(["true", "false"]).optional(),
    // "true" only behind a reverse proxy you run: X-Forwarded-For/-Proto/-Host then count (server/).
    TRUST_PROXY: z.enum(["true", "false"]).default("false"),
    ARCHIVE_RETENTION_DAYS: z.coerce.number().int().positive().default(365),
  })
  .superRefine((value, ctx) => {
    // Instances behind a load balancer must sign sessions with one shared secret: one kept in a
    // file beside a SQLite database would differ per machine.
    if (value.DATABASE_URL && (!value.SESSION_SECRET || value.SESSION_SECRET.length < 32))
      ctx.addIssue({
        code: "custom",
        path: ["SESSION_SECRET"],
        message:
          "required with DATABASE_URL (at least 32 characters, the same on every instance), e.g. `openssl rand -hex 32`",
      });
  });

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;
export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
      console.error(`Invalid environment:\n${lines.join("\n")}`);
      process.exit(1);
    }
    cached = parsed.data;
  }
  return cached;
}
