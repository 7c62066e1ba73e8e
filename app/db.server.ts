// The one database client: opens SQLite, sets pragmas, applies migrations at start.
import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { SQL } from "drizzle-orm";
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

/** The transaction the current async call chain is inside, if any (see `withTransaction`). */
const current = new AsyncLocalStorage<{ db: Db; depth: number }>();

/**
 * The data layer's one handle. Model code only awaits query builders through it (`await q`,
 * `first(q)`, `rows(sql)`, …); inside `withTransaction` it is that transaction's handle, so a
 * model function called from a transaction body takes part in it without being handed `tx`.
 */
export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const real = (current.getStore()?.db ?? connection().db) as unknown as Record<
      string | symbol,
      unknown
    >;
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

/** The first row of a query, or undefined (the async form of SQLite's `.get()`). */
export async function first<T>(query: PromiseLike<T[]>): Promise<T | undefined> {
  return (await query)[0];
}

/** Rows of a raw SQL query. Column aliases must be quoted (`AS "pupilId"`) to survive PostgreSQL. */
export async function rows<T>(query: SQL): Promise<T[]> {
  return (current.getStore()?.db ?? connection().db).all<T>(query);
}

/** The first row of a raw SQL query, or undefined. */
export async function row<T>(query: SQL): Promise<T | undefined> {
  return (await rows<T>(query))[0];
}

/** Runs a raw SQL statement that returns nothing the caller needs. */
export async function exec(query: SQL): Promise<void> {
  (current.getStore()?.db ?? connection().db).run(query);
}

export type TransactionOptions = {
  /** Only reads, from one snapshot (the live view's version and the rows it covers). */
  readOnly?: boolean;
};

let queue: Promise<unknown> = Promise.resolve();
let savepoints = 0;

/**
 * Runs `body` as one transaction: all of its writes or none (decision 124). On SQLite every
 * transaction that writes is `BEGIN IMMEDIATE`, so it is the only writer while it reads and
 * decides; transactions of this process take turns on the one connection (a queue). A body may
 * await only the data layer: on SQLite those awaits settle at once (better-sqlite3 is
 * synchronous), so the body ends before the event loop turns, and no other request's query can
 * run inside it. A body that waits for real I/O (a timer, the network, an async hash) would let
 * other requests in, so that is refused: the transaction is rolled back and an error thrown.
 * Called inside another transaction, the body runs in a savepoint of it.
 */
export async function withTransaction<T>(
  body: (tx: Db) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const outer = current.getStore();
  if (outer) return inSavepoint(outer, body);
  const run = () => sqliteTransaction(body, options);
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

async function sqliteTransaction<T>(
  body: (tx: Db) => Promise<T>,
  options: TransactionOptions,
): Promise<T> {
  const conn = connection();
  conn.sqlite.exec(options.readOnly ? "BEGIN DEFERRED" : "BEGIN IMMEDIATE");
  let waitedForIo = false;
  const turn = setImmediate(() => {
    waitedForIo = true;
  });
  try {
    const result = await current.run({ db: conn.db, depth: 0 }, () => body(conn.db));
    if (waitedForIo) throw new Error("a SQLite transaction body waited for I/O (decision 124)");
    conn.sqlite.exec("COMMIT");
    return result;
  } catch (error) {
    if (conn.sqlite.inTransaction) conn.sqlite.exec("ROLLBACK");
    throw error;
  } finally {
    clearImmediate(turn);
  }
}

async function inSavepoint<T>(
  outer: { db: Db; depth: number },
  body: (tx: Db) => Promise<T>,
): Promise<T> {
  const conn = connection();
  const name = `sp${++savepoints}`;
  conn.sqlite.exec(`SAVEPOINT ${name}`);
  try {
    const result = await current.run({ db: outer.db, depth: outer.depth + 1 }, () =>
      body(outer.db),
    );
    conn.sqlite.exec(`RELEASE ${name}`);
    return result;
  } catch (error) {
    if (conn.sqlite.inTransaction) {
      conn.sqlite.exec(`ROLLBACK TO ${name}`);
      conn.sqlite.exec(`RELEASE ${name}`);
    }
    throw error;
  }
}

/** The SQLite connection itself, for what only SQLite has (backup API, tests). */
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
