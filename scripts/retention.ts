// `npm run db:retention [-- --days N]`: deletes archived classes past the retention period, expired
// sessions and stale throttle counters; prints what it deleted. Meant for a daily scheduler.
import { closeDatabase } from "~/db.server";
import { runRetention } from "~/models/retention.server";
import { env } from "~/utils/env.server";

function daysFromArgs(argv: readonly string[]): number | undefined {
  const at = argv.findIndex((a) => a === "--days" || a.startsWith("--days="));
  if (at === -1) return undefined;
  const raw = argv[at].includes("=") ? argv[at].split("=")[1] : argv[at + 1];
  if (!raw || !/^[0-9]{1,6}$/.test(raw)) {
    console.error(
      `db:retention: --days needs a whole number of days, got ${JSON.stringify(raw ?? "")}`,
    );
    process.exit(2);
  }
  return Number(raw);
}

const retentionDays = daysFromArgs(process.argv.slice(2)) ?? env().ARCHIVE_RETENTION_DAYS;
const report = await runRetention({ retentionDays });
closeDatabase();

console.log(`db:retention: archived classes older than ${retentionDays} day(s)`);
console.log(
  `  deleted ${report.classes} class(es) with ${report.pupils} pupil(s), ${report.assignments} assignment(s), ` +
    `${report.attempts} attempt(s), ${report.answers} answer(s), ${report.posts} post(s), ${report.feedback} feedback note(s)`,
);
console.log(
  `  deleted ${report.sessions} expired session(s), ${report.throttles} stale throttle counter(s)`,
);
