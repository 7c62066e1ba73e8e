// PostgreSQL migrations under an advisory lock, so instances started together migrate once (issue 16; not used by the app yet).
import path from "node:path";
import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";

/**
 * The key of the session-level advisory lock held while migrating. Any fixed number works as long
 * as nothing else in the database uses it; this one spells "tlh" + 16 (the issue) so it is easy to
 * recognise in pg_locks. Other advisory locks of the app must pick different keys
 * (docs/decisions/122-migrations-under-an-advisory-lock.md).
 */
export const MIGRATION_LOCK_KEY = 0x746c6816;

export type MigrateOptions = {
  /** postgres://… (default: DATABASE_URL) */
  connectionString?: string;
  /** default: db/migrations-pg under the working folder, as db.server.ts finds db/migrations */
  migrationsFolder?: string;
  /** How long to wait for another instance's migration (or for a table lock) before failing. */
  lockTimeoutMs?: number;
};

export type MigrateResult = {
  /** migrations this call applied (0 when another instance had already done them) */
  applied: number;
  /** migrations recorded in the database afterwards */
  total: number;
};

async function recorded(client: pg.Client): Promise<number> {
  const table = await client.query<{ exists: boolean }>(
    `SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS exists`,
  );
  if (!table.rows[0].exists) return 0;
  const rows = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`,
  );
  return rows.rows[0].n;
}

/**
 * Applies db/migrations-pg on one dedicated connection while holding pg_advisory_lock. A second
 * instance starting at the same moment waits on the lock, then finds every migration recorded
 * and applies none. The lock belongs to the connection, so it is released when the connection
 * ends, even if a migration fails or the process dies.
 */
export async function migratePostgres(options: MigrateOptions = {}): Promise<MigrateResult> {
  const connectionString = options.connectionString ?? process.env.DATABASE_URL;
  if (!connectionString) throw new Error("migratePostgres needs DATABASE_URL");
  const client = new pg.Client({ connectionString, application_name: "telaah-migrate" });
  await client.connect();
  try {
    // lock_timeout bounds the wait for the advisory lock and for the DDL's table locks
    await client.query(`SELECT set_config('lock_timeout', $1, false)`, [
      `${options.lockTimeoutMs ?? 300_000}ms`,
    ]);
    await client.query(`SELECT pg_advisory_lock($1)`, [MIGRATION_LOCK_KEY]);
    try {
      const before = await recorded(client);
      await migrate(drizzle(client), {
        migrationsFolder: options.migrationsFolder ?? path.resolve("db/migrations-pg"),
      });
      const total = await recorded(client);
      return { applied: total - before, total };
    } finally {
      // if the connection broke, ending it below releases the lock anyway
      await client
        .query(`SELECT pg_advisory_unlock($1)`, [MIGRATION_LOCK_KEY])
        .catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}
