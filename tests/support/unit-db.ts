// Raw SQL for the unit tests on either database (issue 16). The tests seed and inspect with
// better-sqlite3's calls (`prepare(sql).get/all/run(...args)` with `?` placeholders), as they
// always did; `unitDb()` answers them on the database this process uses:
// - SQLite (the default, `npm run test:unit`): the app's own connection, `sqlite()` from ~/db.server.
// - PostgreSQL (DATABASE_URL=postgres://…, the unit part of `npm run test:postgres`): the e2e
//   suites' synchronous handle (./pg-sync.ts) on the same database. It numbers the placeholders
//   and returns rows as better-sqlite3 would (booleans 1/0, INT8 as numbers, JSON as its text).
// The test SQL itself is written to mean the same on both: quoted camelCase aliases
// (`AS "submittedAt"`), `true`/`false` for booleans, `ON CONFLICT (<key>) DO …`, `RETURNING id`.
//
// The PostgreSQL handle is a connection of its own and blocks this thread while a statement runs,
// so it must not wait for a row lock that an unfinished (not yet awaited) app transaction holds;
// the tests use it between awaited model calls only.
import Database from "better-sqlite3";
import { sqlite } from "~/db.server";
import { SyncPg, type TestDb } from "./pg-sync";

export type { TestDb };

/** Which database this test process uses: the same rule as the app's `dialect()`. */
export const onPostgres = (): boolean => Boolean(process.env.DATABASE_URL);

let pgHandle: SyncPg | undefined;

/** The database this process uses, synchronously, with better-sqlite3's calls. */
export function unitDb(): TestDb {
  if (!onPostgres()) return sqlite();
  return (pgHandle ??= new SyncPg(process.env.DATABASE_URL!));
}

/**
 * A second connection to the same database, standing for another app instance: a new
 * better-sqlite3 handle on the file, or a new PostgreSQL connection. `close()` when done.
 */
export function secondConnection(): TestDb & { close(): void } {
  if (onPostgres()) return new SyncPg(process.env.DATABASE_URL!);
  const handle = new Database(sqlite().name);
  handle.pragma("busy_timeout = 5000");
  return handle;
}

/** Runs `body`'s statements on `db` as one transaction (better-sqlite3's `transaction`). */
export function transaction(db: TestDb, body: () => void): void {
  db.exec("BEGIN");
  try {
    body();
  } catch (error) {
    db.exec("ROLLBACK");
    throw error;
  }
  db.exec("COMMIT");
}
