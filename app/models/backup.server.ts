// Backups of the SQLite database: an online copy while the app serves, and restoring a copy into
// a stopped instance. Works on file paths with its own connections, never through `~/db.server`.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** `PRAGMA integrity_check` of a database file: "ok", or SQLite's first problems. */
export function integrityCheck(file: string): string {
  const db = new Database(file, { fileMustExist: true });
  try {
    const rows = db.pragma("integrity_check") as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join("; ");
  } finally {
    db.close();
  }
}

/** Row count of every table (SQLite's own and drizzle's migration log included). */
export function tableCounts(file: string): Record<string, number> {
  // Not read-only: a read-only handle cannot open a WAL-mode file whose -shm does not exist yet.
  const db = new Database(file, { fileMustExist: true });
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]),
    );
  } finally {
    db.close();
  }
}

/**
 * True when another connection has the database open. A connection in WAL mode holds a shared
 * lock on the file for as long as it is open (the server opens it at start and keeps it), so
 * taking SQLite's exclusive lock fails exactly then. Nothing is written.
 */
export function databaseInUse(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 0");
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE");
    db.exec("COMMIT");
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") return true;
    throw error;
  } finally {
    db.close();
  }
}

function fsyncPath(file: string) {
  const fd = fs.openSync(file, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export type BackupResult = {
  file: string;
  pages: number;
  bytes: number;
  integrity: "ok";
  counts: Record<string, number>;
};

/**
 * Copies the live database to `target` with SQLite's backup API while the app keeps writing.
 * All pages are copied in one step, inside one read transaction: the copy is the database as it
 * was at one instant, and writers are not blocked (WAL). A copy taken in small steps would start
 * over each time the server commits, and at quiz-time write rates might never finish. The copy is
 * written beside the target, checked with integrity_check, then renamed into place.
 */
export async function backupDatabase(source: string, target: string): Promise<BackupResult> {
  const dest = path.resolve(target);
  if (path.resolve(source) === dest)
    throw new Error("the backup file must not be the database itself");
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  const partial = `${dest}.partial`;
  fs.rmSync(partial, { force: true });
  const db = new Database(source, { fileMustExist: true });
  let pages = 0;
  try {
    db.pragma("busy_timeout = 5000");
    const done = await db.backup(partial, { progress: () => 0x7fffffff });
    pages = done.totalPages;
  } finally {
    db.close();
  }
  const integrity = integrityCheck(partial);
  if (integrity !== "ok") {
    fs.rmSync(partial, { force: true });
    throw new Error(`the copy failed integrity_check: ${integrity}`);
  }
  const counts = tableCounts(partial);
  fsyncPath(partial);
  fs.renameSync(partial, dest);
  fsyncPath(path.dirname(dest));
  return { file: dest, pages, bytes: fs.statSync(dest).size, integrity: "ok", counts };
}

export class RestoreRefused extends Error {}

export type RestoreResult = {
  file: string;
  previous: string | null;
  counts: Record<string, number>;
};

/**
 * Puts a backup in place of the database at `target`, which must not be in use (see
 * `databaseInUse`): stop the server first. The backup is checked before anything is touched; the
 * database it replaces is kept beside it as `<name>.before-restore-<time>`, and its -wal/-shm
 * files are removed so SQLite cannot replay an old log onto the restored file.
 */
export function restoreDatabase(backup: string, target: string, now = new Date()): RestoreResult {
  const dest = path.resolve(target);
  if (!fs.existsSync(backup)) throw new RestoreRefused(`no backup file at ${backup}`);
  const integrity = integrityCheck(backup);
  if (integrity !== "ok")
    throw new RestoreRefused(`the backup failed integrity_check: ${integrity}`);
  if (databaseInUse(dest))
    throw new RestoreRefused(
      `${dest} is open in another process (is the server running?): stop it first`,
    );
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  const incoming = `${dest}.restoring`;
  fs.copyFileSync(backup, incoming);
  fsyncPath(incoming);
  let previous: string | null = null;
  if (fs.existsSync(dest)) {
    previous = `${dest}.before-restore-${now.toISOString().replace(/[:.]/g, "-")}`;
    fs.renameSync(dest, previous);
  }
  for (const suffix of ["-wal", "-shm", "-journal"]) fs.rmSync(`${dest}${suffix}`, { force: true });
  fs.renameSync(incoming, dest);
  fsyncPath(path.dirname(dest));
  return { file: dest, previous, counts: tableCounts(dest) };
}
