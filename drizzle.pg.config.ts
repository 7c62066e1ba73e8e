// PostgreSQL migrations (issue 16): same tables as drizzle.config.ts, generated into db/migrations-pg.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.pg.ts",
  out: "./db/migrations-pg",
});
