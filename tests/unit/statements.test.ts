// One-time queries reuse the connection's compiled statement for the same SQL text (decision 129).
// The same text is read as arrays by drizzle's select builder and as row objects by raw SQL, so a
// reused statement must come back in plain row mode every time.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, sql } from "drizzle-orm";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "telaah-statements-"));
process.env.DATABASE_PATH = path.join(dir, "statements.db");

const { db, rows, ONE_TIME_STATEMENTS_KEPT } = await import("~/db.server");
const { teachers } = await import("../../db/schema");

await db.insert(teachers).values([
  { name: "Guru Satu", email: "satu@x.test", passwordHash: "h" },
  { name: "Guru Dua", email: "dua@x.test", passwordHash: "h" },
]);

const builder = () =>
  db.select({ id: teachers.id, name: teachers.name }).from(teachers).orderBy(asc(teachers.id));

test("the same text read by the select builder and by raw SQL, in turns, keeps each one's shape", async () => {
  const text = builder().toSQL().sql;
  const expected = [
    { id: 1, name: "Guru Satu" },
    { id: 2, name: "Guru Dua" },
  ];
  for (let round = 0; round < 3; round++) {
    assert.deepEqual(await builder(), expected, `builder, round ${round}`);
    assert.deepEqual(await rows(sql.raw(text)), expected, `raw SQL, round ${round}`);
    assert.deepEqual(db.get(sql.raw(text)), expected[0], `raw SQL get, round ${round}`);
  }
});

test("more texts than are kept: the oldest are compiled again and answer the same", async () => {
  const many = ONE_TIME_STATEMENTS_KEPT + 20;
  for (let i = 0; i < many; i++) {
    const got = await rows(sql.raw(`SELECT ${i} AS n, count(*) AS teachers FROM teachers`));
    assert.deepEqual(got, [{ n: i, teachers: 2 }]);
  }
  assert.deepEqual(await rows(sql.raw(`SELECT 0 AS n, count(*) AS teachers FROM teachers`)), [
    { n: 0, teachers: 2 },
  ]);
  assert.deepEqual((await builder()).length, 2);
});
