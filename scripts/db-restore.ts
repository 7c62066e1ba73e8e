// `npm run db:restore -- <file>`: puts a backup in place of DATABASE_PATH (default data/telaah.db).
// Refuses while anything has the database open (the server holds it open while it runs).
import { spawnSync } from "node:child_process";
import { restoreDatabase, RestoreRefused } from "../app/models/backup.server";

// PostgreSQL mode (DATABASE_URL): replaces every table's contents with the dump's, in one
// transaction. Stop every app instance first.
if (process.env.DATABASE_URL) {
  const file = process.argv[2];
  if (!file) {
    console.error(
      "usage: npm run db:restore -- <backup-file>   (pg_restore into DATABASE_URL; stop every instance first)",
    );
    process.exit(2);
  }
  const restore = spawnSync(
    "pg_restore",
    [
      "--clean",
      "--if-exists",
      "--no-owner",
      "--single-transaction",
      `--dbname=${process.env.DATABASE_URL}`,
      file,
    ],
    { stdio: "inherit" },
  );
  if (restore.error || restore.status !== 0) {
    console.error(
      `restore failed: pg_restore ${restore.error?.message ?? `exited ${restore.status}`}`,
    );
    process.exit(1);
  }
  console.log(`restored ${file} into DATABASE_URL`);
  process.exit(0);
}

const target = process.env.DATABASE_PATH || "data/telaah.db";
const backup = process.argv[2];
if (!backup) {
  console.error(
    "usage: npm run db:restore -- <backup-file>   (writes DATABASE_PATH, default data/telaah.db; stop the server first)",
  );
  process.exit(2);
}
try {
  const result = restoreDatabase(backup, target);
  console.log(`restored ${backup} to ${result.file}`);
  if (result.previous) console.log(`the database it replaced is kept as ${result.previous}`);
  console.log(
    `rows: ${Object.entries(result.counts)
      .map(([t, n]) => `${t} ${n}`)
      .join(", ")}`,
  );
} catch (error) {
  console.error(
    `${error instanceof RestoreRefused ? "restore refused" : "restore failed"}: ${(error as Error).message}`,
  );
  process.exit(1);
}
