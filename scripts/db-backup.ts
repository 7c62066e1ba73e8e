// `npm run db:backup -- <file>`: an online backup of DATABASE_PATH (default data/telaah.db), safe
// while the app is serving; the copy is verified with integrity_check before it is kept.
import { spawnSync } from "node:child_process";
import { backupDatabase } from "../app/models/backup.server";

// PostgreSQL mode (DATABASE_URL): PostgreSQL's own dump, custom format, consistent while serving.
if (process.env.DATABASE_URL) {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: npm run db:backup -- <backup-file>   (pg_dump of DATABASE_URL)");
    process.exit(2);
  }
  const dump = spawnSync(
    "pg_dump",
    ["--format=custom", "--no-owner", `--file=${file}`, process.env.DATABASE_URL],
    { stdio: "inherit" },
  );
  if (dump.error || dump.status !== 0) {
    console.error(`backup failed: pg_dump ${dump.error?.message ?? `exited ${dump.status}`}`);
    process.exit(1);
  }
  console.log(`pg_dump of DATABASE_URL written to ${file}`);
  process.exit(0);
}

const source = process.env.DATABASE_PATH || "data/telaah.db";
const target = process.argv[2];
if (!target) {
  console.error(
    "usage: npm run db:backup -- <backup-file>   (reads DATABASE_PATH, default data/telaah.db)",
  );
  process.exit(2);
}
try {
  const started = Date.now();
  const result = await backupDatabase(source, target);
  const rows = Object.entries(result.counts)
    .map(([table, n]) => `${table} ${n}`)
    .join(", ");
  console.log(
    `backup of ${source} written to ${result.file}: ${result.pages} pages, ${result.bytes} bytes, integrity_check ok, ${Date.now() - started} ms`,
  );
  console.log(`rows: ${rows}`);
} catch (error) {
  console.error(`backup failed: ${(error as Error).message}`);
  process.exit(1);
}
