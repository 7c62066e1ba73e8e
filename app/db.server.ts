// The one database client: opens SQLite, sets pragmas, applies migrations at start.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "../db/schema";
import { env } from "./utils/env.server";

export type Db = BetterSQLite3Database<typeof schema>;

export function openDatabase(file: string): { sqlite: Database.Database; db: Db } {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  // NORMAL in WAL mode: a committed transaction survives an app crash (SIGKILL); only an
  // OS crash or power loss can lose the last moments. Quiz saves are small and frequent.
  sqlite.pragma("synchronous = NORMAL");
  // busy_timeout covers waiting for a lock, but not a read transaction that later wants to write
  // after another connection (a script, a test) wrote: that fails at once with BUSY_SNAPSHOT.
  // So every transaction that reads and then writes is opened with { behavior: "immediate" }.
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle(sqlite, { schema });
  // Foreign keys stay off while migrations run: a migration that rebuilds a table (SQLite cannot
  // alter a foreign key) drops the old table, and with them on that drop would cascade to rows
  // that point at it (feedback on posts, replies). The pragma is a no-op inside the migrator's
  // transaction, so it is set around it, and the result is checked before they go back on.
  sqlite.pragma("foreign_keys = OFF");
  migrate(db, { migrationsFolder: path.resolve("db/migrations") });
  const broken = sqlite.pragma("foreign_key_check") as unknown[];
  if (broken.length)
    throw new Error(`database migration left ${broken.length} broken foreign key(s)`);
  sqlite.pragma("foreign_keys = ON");
  return { sqlite, db };
}

declare global {
  var __telaahDb: { sqlite: Database.Database; db: Db } | undefined;
}

function connection() {
  if (!globalThis.__telaahDb) globalThis.__telaahDb = openDatabase(env().DATABASE_PATH);
  return globalThis.__telaahDb;
}

export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const real = connection().db as unknown as Record<string | symbol, unknown>;
    const value = real[prop];
    return typeof value === "function"
      ? (value as (...args: unknown[]) => unknown).bind(real)
      : value;
  },
});

/**
 * A drizzle prepared statement, built on first use for the current connection and reused.
 * Building a query through drizzle costs about 40 µs per call (and a fresh SQLite prepare); a
 * prepared one about 4 µs. The queries every request runs (session, viewer, attempt) use this;
 * values go in through `sql.placeholder(name)`.
 */
export function prepared<T>(build: (db: Db) => T): () => T {
  let cached: { conn: object; statement: T } | undefined;
  return () => {
    const conn = connection();
    if (cached?.conn !== conn) cached = { conn, statement: build(conn.db) };
    return cached.statement;
  };
}

export function sqlite(): Database.Database {
  return connection().sqlite;
}

export function closeDatabase() {
  const conn = globalThis.__telaahDb;
  if (!conn) return;
  conn.sqlite.pragma("wal_checkpoint(TRUNCATE)");
  conn.sqlite.close();
  globalThis.__telaahDb = undefined;
}
