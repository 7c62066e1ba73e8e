// Online backup under write load, restore elsewhere, row counts up to the backup point; restore
// refused while the database is open elsewhere; the npm scripts behave the same way.
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import Database from "better-sqlite3";
import { openDatabase } from "../../app/db.server";
import {
  backupDatabase,
  databaseInUse,
  integrityCheck,
  restoreDatabase,
  RestoreRefused,
  tableCounts,
} from "../../app/models/backup.server";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "telaah-backup-"));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A migrated database with one class, pupil, assignment and open attempt to write answers into. */
function seededDatabase(name: string): { file: string; attemptId: number } {
  const file = path.join(dir, name);
  const { sqlite } = openDatabase(file);
  const teacher = sqlite
    .prepare(
      "INSERT INTO teachers (name, email, password_hash) VALUES ('Bu Sari', ?, 'x') RETURNING id",
    )
    .get(`${name}@sekolah.test`) as { id: number };
  const klass = sqlite
    .prepare(
      "INSERT INTO classes (teacher_id, name, grade, subject, join_code) VALUES (?, '8A', '8', 'BI', ?) RETURNING id",
    )
    .get(teacher.id, `CODE${name}`) as { id: number };
  const pupil = sqlite
    .prepare(
      "INSERT INTO pupils (class_id, display_name, name_key, pin_hash) VALUES (?, 'Budi', 'budi', 'x') RETURNING id",
    )
    .get(klass.id) as { id: number };
  const version = sqlite
    .prepare(
      "INSERT INTO lesson_versions (slug, content_hash, snapshot) VALUES ('l', 'h', '{}') RETURNING id",
    )
    .get() as { id: number };
  const assignment = sqlite
    .prepare(
      "INSERT INTO assignments (class_id, lesson_version_id, due_at) VALUES (?, ?, ?) RETURNING id",
    )
    .get(klass.id, version.id, Date.now() + 86_400_000) as { id: number };
  const attempt = sqlite
    .prepare(
      "INSERT INTO attempts (assignment_id, pupil_id, number, seed) VALUES (?, ?, 1, 7) RETURNING id",
    )
    .get(assignment.id, pupil.id) as { id: number };
  sqlite.close();
  return { file, attemptId: attempt.id };
}

/**
 * Another process writing as the app does: one small transaction per answer (and a session row
 * every tenth), as fast as it can, reporting its count, until its stdin closes.
 */
function startWriter(
  file: string,
  attemptId: number,
): { child: ChildProcess; written: () => number; stop: () => Promise<number> } {
  const code = `
    const Database = require("better-sqlite3");
    const db = new Database(${JSON.stringify(file)});
    db.pragma("journal_mode = WAL"); db.pragma("synchronous = NORMAL"); db.pragma("busy_timeout = 5000");
    const answer = db.prepare("INSERT INTO answers (attempt_id, kind, item_id, choice) VALUES (?, 'quiz', ?, 'a')");
    const session = db.prepare("INSERT INTO sessions (id_hash, role, expires_at) VALUES (?, 'pupil', 0)");
    let n = 0, stopping = false;
    process.stdin.on("end", () => { stopping = true; }); process.stdin.resume();
    (function burst() {
      for (let i = 0; i < 20; i++) {
        db.transaction(() => { answer.run(${attemptId}, "w" + n); if (n % 10 === 0) session.run("s" + n); })();
        n++;
      }
      process.stdout.write(n + "\\n");
      if (stopping) { db.close(); process.stdout.write("done " + n + "\\n"); return; }
      setImmediate(burst);
    })();`;
  const child = spawn(process.execPath, ["-e", code], {
    cwd: process.cwd(),
    stdio: ["pipe", "pipe", "inherit"],
  });
  let count = 0;
  let final: number | null = null;
  const finished = new Promise<number>((resolve, reject) => {
    child.stdout!.setEncoding("utf8");
    child.stdout!.on("data", (chunk: string) => {
      for (const line of chunk.split("\n")) {
        if (line.startsWith("done ")) final = Number(line.slice(5));
        else if (line) count = Number(line);
      }
    });
    child.on("exit", (exit) =>
      exit === 0 && final !== null ? resolve(final) : reject(new Error(`writer exited ${exit}`)),
    );
  });
  return {
    child,
    written: () => count,
    stop: () => {
      child.stdin!.end();
      return finished;
    },
  };
}

async function until(condition: () => boolean, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

test("a backup taken while another process writes restores elsewhere with every table's rows up to the backup point", async () => {
  const { file, attemptId } = seededDatabase("live.db");
  const writer = startWriter(file, attemptId);
  await until(() => writer.written() >= 500, "the writer to get going");
  const before = writer.written();
  const backup = await backupDatabase(file, path.join(dir, "copies", "live-backup.db"));
  const atBackup = writer.written();
  await until(() => writer.written() >= atBackup + 500, "writes after the backup");
  const total = await writer.stop();

  assert.equal(backup.integrity, "ok");
  assert.equal(integrityCheck(backup.file), "ok");
  // The copy is one instant in the middle of the load: after the writes seen before it started,
  // before the ones that followed it.
  assert.ok(
    backup.counts.answers >= before,
    `backup holds ${backup.counts.answers} answers, ${before} were written before it`,
  );
  assert.ok(
    backup.counts.answers < total,
    `backup holds ${backup.counts.answers} answers of ${total}`,
  );

  const restored = path.join(dir, "elsewhere", "restored.db");
  const result = restoreDatabase(backup.file, restored);
  assert.equal(result.previous, null);
  assert.equal(integrityCheck(restored), "ok");

  const source = new Database(file, { readonly: true });
  const copy = new Database(restored, { readonly: true });
  const tables = Object.keys(tableCounts(file));
  assert.deepEqual(Object.keys(result.counts), tables, "the restored file has every table");
  assert.ok(
    tables.includes("answers") &&
      tables.includes("sessions") &&
      tables.includes("__drizzle_migrations"),
  );
  for (const table of tables) {
    const upTo =
      (copy.prepare(`SELECT coalesce(max(rowid), 0) FROM "${table}"`).pluck().get() as number) ?? 0;
    const inSource = source
      .prepare(`SELECT count(*) FROM "${table}" WHERE rowid <= ?`)
      .pluck()
      .get(upTo) as number;
    assert.equal(
      result.counts[table],
      inSource,
      `${table}: ${result.counts[table]} rows restored, ${inSource} in the source up to the backup point`,
    );
  }
  assert.ok(
    (source.prepare("SELECT count(*) FROM answers").pluck().get() as number) >
      result.counts.answers,
    "the source kept growing after the backup point",
  );
  source.close();
  copy.close();
});

test("restore refuses while the database is open elsewhere and leaves it untouched; once closed it replaces it and keeps the old file", async () => {
  const { file } = seededDatabase("target.db");
  const { file: other } = seededDatabase("other.db");
  const backup = await backupDatabase(other, path.join(dir, "copies", "other-backup.db"));

  const server = new Database(file);
  server.pragma("journal_mode = WAL");
  server.prepare("SELECT count(*) FROM teachers").get();
  assert.equal(databaseInUse(file), true);
  const before = fs.readFileSync(file);
  assert.throws(() => restoreDatabase(backup.file, file), RestoreRefused);
  assert.deepEqual(fs.readFileSync(file), before, "the refused restore changed nothing");
  server.close();

  assert.equal(databaseInUse(file), false);
  const result = restoreDatabase(backup.file, file);
  assert.ok(
    result.previous && fs.existsSync(result.previous),
    "the replaced database is kept beside it",
  );
  assert.equal(fs.existsSync(`${file}-wal`), false, "no log of the old database is left to replay");
  const restored = new Database(file, { readonly: true });
  assert.equal(
    restored.prepare("SELECT email FROM teachers").pluck().get(),
    "other.db@sekolah.test",
  );
  restored.close();
});

test("npm run db:backup copies a database in use; npm run db:restore refuses while it is open", () => {
  const { file } = seededDatabase("cli.db");
  const holder = new Database(file);
  holder.prepare("SELECT 1 FROM teachers").get();
  const copy = path.join(dir, "copies", "cli-backup.db");
  const env = { ...process.env, DATABASE_PATH: file };
  const tsx = path.resolve("node_modules/.bin/tsx");
  const backedUp = spawnSync(tsx, ["scripts/db-backup.ts", copy], { env, encoding: "utf8" });
  assert.equal(backedUp.status, 0, backedUp.stderr);
  assert.match(backedUp.stdout, /integrity_check ok/);
  assert.equal(integrityCheck(copy), "ok");

  const refused = spawnSync(tsx, ["scripts/db-restore.ts", copy], { env, encoding: "utf8" });
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /restore refused: .*stop it first/);
  holder.close();

  const restored = spawnSync(tsx, ["scripts/db-restore.ts", copy], { env, encoding: "utf8" });
  assert.equal(restored.status, 0, restored.stderr);
  assert.match(restored.stdout, /kept as .*before-restore/);
});
