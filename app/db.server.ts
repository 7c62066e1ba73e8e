// The one data layer: SQLite by default (opened, tuned and migrated at start), PostgreSQL when
// DATABASE_URL is set (a pool, migrated under an advisory lock). Decisions 124 and 125.
import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { sql, type SQL } from "drizzle-orm";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "../db/schema";
import * as pgSchema from "../db/schema.pg";
import { migratePostgres } from "./db/pg-migrate.server";
import { installPgTypeParsers } from "./db/pg-types.server";
import { env } from "./utils/env.server";

/**
 * The type model code is written against. On PostgreSQL the handle is drizzle's node-postgres
 * client over `db/schema.pg.ts`, whose builders take the same calls (select/insert/update/delete,
 * onConflictDoUpdate, returning); model code awaits them and never uses what only one has.
 */
export type Db = BetterSQLite3Database<typeof schema>;
type PgDb = NodePgDatabase<typeof pgSchema>;

/** Which database this process uses: DATABASE_URL=postgres://… switches to PostgreSQL. */
export function dialect(): "sqlite" | "postgres" {
  return env().DATABASE_URL ? "postgres" : "sqlite";
}

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
  reuseOneTimeStatements(sqlite, db);
  return { sqlite, db };
}

/** How many one-time statements a connection keeps compiled (the app has a few hundred texts). */
export const ONE_TIME_STATEMENTS_KEPT = 500;

/**
 * Drizzle compiles every query that is not a `prepared()` one afresh each time it runs: SQLite
 * parses and plans the same text again, about 4 % of the server's busy time under bench:load
 * (`--profile`, eleventh session). Here the connection keeps the compiled statement per SQL text
 * and hands it out again. Safe because a one-time query runs to its end synchronously before the
 * next starts (better-sqlite3), so two never share one at once; a statement still busy (an open
 * iterator) is never handed out; and a reused one is set back to plain row objects, because
 * drizzle switches select statements to arrays (`raw()`) and raw SQL reads them as objects.
 * Statements from `prepared()` keep their own and are never shared. Decision 129.
 */
function reuseOneTimeStatements(sqlite: Database.Database, db: Db) {
  const session = (db as unknown as { session: OneTimeSession }).session;
  const prepareQuery = session.prepareQuery.bind(session);
  const compile = sqlite.prepare.bind(sqlite);
  const kept = new Map<string, Database.Statement>();
  let oneTime = false;
  sqlite.prepare = ((source: string) => {
    if (!oneTime) return compile(source);
    let statement = kept.get(source);
    if (statement && !statement.busy) {
      kept.delete(source);
      if (statement.reader) statement.raw(false).pluck(false).expand(false);
    } else {
      statement = compile(source);
    }
    kept.set(source, statement); // the newest at the end: the oldest goes first
    if (kept.size > ONE_TIME_STATEMENTS_KEPT) kept.delete(kept.keys().next().value as string);
    return statement;
  }) as Database.Database["prepare"];
  session.prepareOneTimeQuery = (...args) => {
    oneTime = true;
    try {
      return prepareQuery(...args);
    } finally {
      oneTime = false;
    }
  };
}
type OneTimeSession = {
  prepareQuery: (...args: unknown[]) => unknown;
  prepareOneTimeQuery: (...args: unknown[]) => unknown;
};

declare global {
  var __telaahDb: { sqlite: Database.Database; db: Db } | undefined;
  var __telaahPg: { pool: pg.Pool; db: PgDb } | undefined;
}

function connection() {
  if (dialect() === "postgres")
    throw new Error("SQLite-only code was reached with DATABASE_URL set (PostgreSQL mode)");
  if (!globalThis.__telaahDb) globalThis.__telaahDb = openDatabase(env().DATABASE_PATH);
  return globalThis.__telaahDb;
}

function pgConnection() {
  if (!globalThis.__telaahPg) {
    installPgTypeParsers();
    const pool = new pg.Pool({
      connectionString: env().DATABASE_URL,
      max: env().PG_POOL_SIZE,
      application_name: "telaah",
    });
    // An idle client's error (the server restarted, a network cut) must not end the process;
    // the pool drops that client and the next query opens a new one.
    pool.on("error", (error) => console.error("PostgreSQL pool:", error.message));
    globalThis.__telaahPg = { pool, db: drizzlePg(pool, { schema: pgSchema }) };
  }
  return globalThis.__telaahPg;
}

/** The handle outside any transaction, typed as model code sees it. */
function baseDb(): Db {
  return dialect() === "postgres" ? (pgConnection().db as unknown as Db) : connection().db;
}

/**
 * Opens the database before the first request: SQLite is opened and migrated; on PostgreSQL the
 * migrations run under an advisory lock (decision 122), then the pool answers one query.
 */
export async function ready(): Promise<void> {
  if (dialect() === "sqlite") {
    connection();
    return;
  }
  await migratePostgres({ connectionString: env().DATABASE_URL });
  await pgConnection().pool.query("SELECT 1");
}

/**
 * The transaction the current async call chain is inside, if any (see `withTransaction`). On
 * PostgreSQL also its pooled client and the statements it sends with its COMMIT (`atCommit`).
 */
type Tx = { db: Db; depth: number; client?: pg.PoolClient; tail?: SQL[] };
const current = new AsyncLocalStorage<Tx>();

/**
 * The data layer's one handle. Model code only awaits query builders through it (`await q`,
 * `first(q)`, `rows(sql)`, …); inside `withTransaction` it is that transaction's handle, so a
 * model function called from a transaction body takes part in it without being handed `tx`.
 */
export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const real = (current.getStore()?.db ?? baseDb()) as unknown as Record<
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
  // On PostgreSQL a statement belongs to the handle it was built on, and inside a transaction
  // that must be the transaction's connection: one per handle (the pool's, and each pooled
  // client's, which `pgTransaction` keeps for the client's life).
  const perHandle = new WeakMap<object, T>();
  return () => {
    if (dialect() === "postgres") {
      const handle = current.getStore()?.db ?? baseDb();
      let statement = perHandle.get(handle);
      if (statement === undefined) perHandle.set(handle, (statement = build(handle)));
      return statement;
    }
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
  const handle = current.getStore()?.db ?? baseDb();
  if (dialect() === "postgres")
    return ((await (handle as unknown as PgDb).execute(query)) as { rows: T[] }).rows;
  return handle.all<T>(query);
}

/** The first row of a raw SQL query, or undefined. */
export async function row<T>(query: SQL): Promise<T | undefined> {
  return (await rows<T>(query))[0];
}

/** Runs a raw SQL statement that returns nothing the caller needs. */
export async function exec(query: SQL): Promise<void> {
  const handle = current.getStore()?.db ?? baseDb();
  if (dialect() === "postgres") await (handle as unknown as PgDb).execute(query);
  else handle.run(query);
}

export type TransactionOptions = {
  /** Only reads, from one snapshot (the live view's version and the rows it covers). */
  readOnly?: boolean;
  /**
   * PostgreSQL only. Default "serializable": the transaction behaves as if it ran alone (as
   * SQLite's one writer does), and a conflict is retried. "read committed" is for the hot paths
   * whose guarantee comes from row locks they take themselves (`lockRows`), decision 125.
   */
  isolation?: "serializable" | "read committed";
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
  if (dialect() === "postgres") return pgTransaction(body, options, outer);
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

async function inSavepoint<T>(outer: Tx, body: (tx: Db) => Promise<T>): Promise<T> {
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

/** SQLSTATEs after which a PostgreSQL transaction is run again from the start. */
// serialization failure, deadlock, and a unique violation a concurrent transaction caused: the
// body runs again, re-reads, and answers as it would have had it run second (decision 125)
const RETRYABLE = new Set(["40001", "40P01", "23505"]);
const MAX_TRIES = 30;

/** The SQLSTATE of a database error, also when drizzle wraps it (`cause`). */
export function sqlState(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A unique constraint refused the write, on either database. */
export function isUniqueViolation(error: unknown): boolean {
  if (sqlState(error) === "23505") return true;
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY") return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

async function pgTransaction<T>(
  body: (tx: Db) => Promise<T>,
  options: TransactionOptions,
  outer: Tx | undefined,
): Promise<T> {
  // nested: a savepoint of the outer transaction, which retries as a whole
  if (outer) return pgSavepoint(outer, body);
  for (let tries = 1; ; tries++) {
    try {
      return await pgOnce(body, options);
    } catch (error) {
      const state = sqlState(error);
      if (!state || !RETRYABLE.has(state) || tries >= MAX_TRIES) throw error;
      // a short, growing, jittered pause so the racers do not collide again at once
      await new Promise((resolve) =>
        setTimeout(resolve, Math.random() * Math.min(200, 2 ** Math.min(tries, 8))),
      );
    }
  }
}

/** A drizzle handle per pooled client, kept for the client's life (its prepared statements too). */
const clientHandles = new WeakMap<pg.PoolClient, PgDb>();

async function pgOnce<T>(body: (tx: Db) => Promise<T>, options: TransactionOptions): Promise<T> {
  const client = await pgConnection().pool.connect();
  let handle = clientHandles.get(client);
  if (!handle) clientHandles.set(client, (handle = drizzlePg(client, { schema: pgSchema })));
  const level = options.readOnly
    ? "REPEATABLE READ READ ONLY"
    : `${options.isolation === "read committed" ? "READ COMMITTED" : "SERIALIZABLE"} READ WRITE`;
  const tx: Tx = { db: handle as unknown as Db, depth: 0, client, tail: [] };
  let broken: Error | undefined;
  // The pool listens for an idle client's errors only: a connection lost while checked out
  // (the server restarted, the network cut) would otherwise be an unhandled 'error' event that
  // ends the process. The query in flight fails with it; the client is then dropped.
  const lost = (error: Error) => (broken = error);
  client.on("error", lost);
  try {
    try {
      await client.query(`BEGIN ISOLATION LEVEL ${level}`);
      const result = await current.run(tx, () => body(tx.db));
      // The statements queued for the commit go with it in one round trip (simple protocol), so
      // the rows they lock (the live counter, decision 126) are held only while the server runs
      // them, not while this process gets round to sending COMMIT.
      const tail = tx.tail!.map(inlineSql);
      await client.query(tail.length ? `${tail.join(";\n")};\nCOMMIT` : "COMMIT");
      return result;
    } catch (error) {
      // after a failed COMMIT the transaction is already over: ROLLBACK then only warns
      await client.query("ROLLBACK").catch((e: Error) => (broken = e));
      throw error;
    }
  } finally {
    client.off("error", lost);
    client.release(broken);
  }
}

async function pgSavepoint<T>(outer: Tx, body: (tx: Db) => Promise<T>): Promise<T> {
  const client = outer.client!;
  const name = `sp${outer.depth + 1}`;
  const queued = outer.tail!.length;
  await client.query(`SAVEPOINT ${name}`);
  try {
    const result = await current.run({ ...outer, depth: outer.depth + 1 }, () => body(outer.db));
    await client.query(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    // what the savepoint queued for the commit is undone with it
    outer.tail!.length = queued;
    await client.query(`ROLLBACK TO SAVEPOINT ${name}`);
    throw error;
  }
}

/**
 * A statement with its values written in as literals, for the simple protocol (which takes no
 * parameters). Only the plain values `atCommit` statements use are accepted.
 */
function inlineSql(query: SQL): string {
  const { sql: text, params } = (
    pgConnection().db as unknown as {
      dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } };
    }
  ).dialect.sqlToQuery(query);
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const value = params[Number(n) - 1];
    if (typeof value === "number" && Number.isFinite(value)) return String(value);
    if (typeof value === "string") return pg.escapeLiteral(value);
    throw new Error(`atCommit: value of type ${typeof value} cannot be written into the statement`);
  });
}

/**
 * Runs `query` as part of the current transaction, at its end: on PostgreSQL it is sent together
 * with COMMIT, so a hot row it updates stays locked only for that last moment (decision 126). It
 * runs at once on SQLite, whose one writer makes the moment irrelevant, and inside a nested
 * transaction (a savepoint), whose caller may go on to read what it wrote (a class-code lookup
 * takes a throttle slot and gives it back in one transaction). A body must not read what it
 * queued itself. Values may be numbers and strings only. Its result is not returned.
 */
export async function atCommit(query: SQL): Promise<void> {
  const tx = current.getStore();
  if (!tx) throw new Error("atCommit outside a transaction");
  if (dialect() === "postgres" && tx.depth === 0) tx.tail!.push(query);
  else await exec(query);
}

/**
 * Locks the rows a SELECT finds until the transaction ends (PostgreSQL `FOR UPDATE`, or `FOR
 * SHARE`: many share-holders at once, each excluding an update-holder). On SQLite the IMMEDIATE
 * transaction is already the only writer, so nothing is needed. For the read-committed hot paths
 * (decision 125): lock first, then read and decide.
 */
export async function lockRows(select: SQL, mode: "update" | "share" = "update"): Promise<void> {
  if (dialect() !== "postgres") return;
  const handle = current.getStore()?.db;
  if (!handle) throw new Error("lockRows outside a transaction");
  await (handle as unknown as PgDb).execute(
    mode === "share" ? sql`${select} FOR SHARE` : sql`${select} FOR UPDATE`,
  );
}

/** The SQLite connection itself, for what only SQLite has (backup API, tests). */
export function sqlite(): Database.Database {
  return connection().sqlite;
}

export function closeDatabase() {
  const pgConn = globalThis.__telaahPg;
  if (pgConn) {
    globalThis.__telaahPg = undefined;
    pgConn.pool.end().catch(() => undefined);
  }
  const conn = globalThis.__telaahDb;
  if (!conn) return;
  conn.sqlite.pragma("wal_checkpoint(TRUNCATE)");
  conn.sqlite.close();
  globalThis.__telaahDb = undefined;
}
