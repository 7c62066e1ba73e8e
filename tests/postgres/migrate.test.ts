// PostgreSQL (npm run test:postgres): instances starting together migrate once; rows go in and counts come back as numbers.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { count, eq, is, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { migratePostgres } from "~/db/pg-migrate.server";
import { installPgTypeParsers } from "~/db/pg-types.server";
import * as schema from "../../db/schema.pg";
import { freshDatabase } from "./support";

installPgTypeParsers();

const journal = JSON.parse(
  fs.readFileSync(path.resolve("db/migrations-pg/meta/_journal.json"), "utf8"),
) as { entries: { tag: string; when: number }[] };
const tableNames = Object.values(schema)
  .filter((v) => is(v, PgTable))
  .map((t) => getTableConfig(t as PgTable).name)
  .sort();

let database: Awaited<ReturnType<typeof freshDatabase>>;
let pool: pg.Pool;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "telaah-pg-migrations-"));

before(async () => {
  database = await freshDatabase("migrate");
  pool = new pg.Pool({ connectionString: database.url, max: 4 });
});

after(async () => {
  await pool?.end();
  await database?.drop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function migrationRows() {
  const { rows } = await pool.query<{ hash: string; n: number }>(
    `SELECT hash, count(*) AS n FROM drizzle.__drizzle_migrations GROUP BY hash ORDER BY min(id)`,
  );
  return rows;
}

test("three instances starting at once: all succeed, each migration runs once, every table exists", async () => {
  const results = await Promise.all(
    [1, 2, 3].map(() => migratePostgres({ connectionString: database.url })),
  );
  const n = journal.entries.length;
  assert.deepEqual(
    results.map((r) => r.total),
    [n, n, n],
  );
  assert.equal(
    results.reduce((sum, r) => sum + r.applied, 0),
    n,
    "the migrations were applied by exactly one call",
  );
  const rows = await migrationRows();
  assert.equal(rows.length, n);
  assert.ok(rows.every((r) => r.n === 1));

  const { rows: tables } = await pool.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  assert.deepEqual(
    tables.map((t) => t.name),
    tableNames,
  );

  // a later start finds nothing to do
  assert.deepEqual(await migratePostgres({ connectionString: database.url }), {
    applied: 0,
    total: n,
  });
});

test("a deploy that brings a new migration: three instances apply it once", async () => {
  // a copy of db/migrations-pg with one more migration, as the next release would have
  fs.cpSync(path.resolve("db/migrations-pg"), tmp, { recursive: true });
  const tag = "9999_probe";
  const when = Math.max(...journal.entries.map((e) => e.when)) + 1;
  fs.writeFileSync(
    path.join(tmp, `${tag}.sql`),
    `CREATE TABLE "probe" ("id" integer PRIMARY KEY);--> statement-breakpoint\nINSERT INTO "probe" VALUES (1);`,
  );
  const copy = structuredClone(journal) as { entries: Record<string, unknown>[] };
  copy.entries.push({ idx: copy.entries.length, version: "7", when, tag, breakpoints: true });
  fs.writeFileSync(path.join(tmp, "meta", "_journal.json"), JSON.stringify(copy));

  const results = await Promise.all(
    [1, 2, 3].map(() => migratePostgres({ connectionString: database.url, migrationsFolder: tmp })),
  );
  assert.equal(
    results.reduce((sum, r) => sum + r.applied, 0),
    1,
  );
  assert.equal((await migrationRows()).length, journal.entries.length + 1);
  const { rows } = await pool.query(`SELECT count(*) AS n FROM probe`);
  assert.deepEqual(rows, [{ n: 1 }], "the new migration's insert ran once");
  await pool.query(`DROP TABLE probe`);
});

test("a teacher, class, pupil, assignment and attempt go in; counts, times, booleans and JSON come back typed", async () => {
  const db = drizzle(pool, { schema });
  const [teacher] = await db
    .insert(schema.teachers)
    .values({ name: "Bu Sari", email: "sari@sekolah.test", passwordHash: "x" })
    .returning();
  const [klass] = await db
    .insert(schema.classes)
    .values({ teacherId: teacher.id, name: "8A", grade: "8", subject: "IPA", joinCode: "ABC123" })
    .returning();
  const pupils = await db
    .insert(schema.pupils)
    .values(
      ["Budi", "Citra", "Dewi"].map((name) => ({
        classId: klass.id,
        displayName: name,
        nameKey: name.toLowerCase(),
        pinHash: "h",
      })),
    )
    .returning();
  // key order as written: json keeps it (jsonb would not)
  const snapshot = { title: "Air", zeta: 1, alpha: [1, 2] };
  const [version] = await db
    .insert(schema.lessonVersions)
    .values({ slug: "air", contentHash: "abc", snapshot })
    .returning();
  const due = new Date(Date.UTC(2026, 11, 1, 7, 30, 0, 123));
  const [assignment] = await db
    .insert(schema.assignments)
    .values({ classId: klass.id, lessonVersionId: version.id, dueAt: due })
    .returning();
  const [attempt] = await db
    .insert(schema.attempts)
    .values({ assignmentId: assignment.id, pupilId: pupils[0].id, number: 1, seed: 2 ** 31 - 1 })
    .returning();
  await db.insert(schema.answers).values([
    { attemptId: attempt.id, kind: "quiz", itemId: "q1", choice: "a" },
    { attemptId: attempt.id, kind: "quiz", itemId: "q2", choice: "b" },
  ]);

  // types through drizzle
  assert.equal(typeof teacher.id, "number");
  assert.ok(teacher.createdAt instanceof Date);
  assert.ok(Math.abs(teacher.createdAt.getTime() - Date.now()) < 60_000, "default time is now");
  assert.equal(klass.joinEnabled, true);
  assert.equal(klass.timeZone, "WIB");
  assert.equal(assignment.acceptLate, true);
  assert.equal(assignment.dueAt.getTime(), due.getTime(), "milliseconds survive");
  assert.equal(attempt.late, false);
  const [readBack] = await db
    .select()
    .from(schema.lessonVersions)
    .where(eq(schema.lessonVersions.id, version.id));
  assert.deepEqual(Object.keys(readBack.snapshot as object), ["title", "zeta", "alpha"]);
  assert.deepEqual(readBack.snapshot, snapshot);

  // counts: drizzle's count() and raw SQL count(*) (INT8) both as numbers
  const [{ n: pupilCount }] = await db
    .select({ n: count() })
    .from(schema.pupils)
    .where(eq(schema.pupils.classId, klass.id));
  assert.equal(pupilCount, 3);
  const raw = await db.execute<{ answers: unknown; attempts: unknown; due: unknown }>(sql`
    SELECT (SELECT count(*) FROM answers) AS answers, (SELECT count(*) FROM attempts) AS attempts,
      (SELECT due_at FROM assignments WHERE id = ${assignment.id}) AS due`);
  assert.deepEqual(raw.rows, [{ answers: 2, attempts: 1, due: due.getTime() }]);
  const grouped = await pool.query(
    `SELECT class_id, count(*) AS n, sum(seed) AS seeds FROM attempts JOIN pupils p ON p.id = pupil_id GROUP BY class_id`,
  );
  assert.deepEqual(grouped.rows, [{ class_id: klass.id, n: 1, seeds: 2 ** 31 - 1 }]);
  // raw SQL comparing a time with a Date.now()-style number, as the models' SQL does
  const open = await pool.query(`SELECT count(*) AS n FROM assignments WHERE due_at > $1`, [
    due.getTime() - 1,
  ]);
  assert.equal(open.rows[0].n, 1);

  // the unique index the later work relies on: a second attempt number 1 is refused (23505)
  await assert.rejects(
    db
      .insert(schema.attempts)
      .values({ assignmentId: assignment.id, pupilId: pupils[0].id, number: 1, seed: 1 }),
    (error: unknown) => {
      const cause = (error as { cause?: { code?: string } }).cause ?? error;
      return (cause as { code?: string }).code === "23505";
    },
  );

  // cascades as in SQLite: removing the class removes its pupils, assignments, attempts, answers
  await db.delete(schema.classes).where(eq(schema.classes.id, klass.id));
  const left = await pool.query(
    `SELECT (SELECT count(*) FROM pupils) + (SELECT count(*) FROM assignments)
      + (SELECT count(*) FROM attempts) + (SELECT count(*) FROM answers) AS n`,
  );
  assert.equal(left.rows[0].n, 0);
});
