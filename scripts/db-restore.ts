// `npm run db:restore -- <file>`: puts a backup in place of DATABASE_PATH (default data/telaah.db).
// Refuses while anything has the database open (the server holds it open while it runs).
import { restoreDatabase, RestoreRefused } from "../app/models/backup.server";

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
