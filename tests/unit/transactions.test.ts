// The data layer's transactions on SQLite (decision 124): all or nothing, one at a time, nested
// ones as savepoints, and a body that waits for real I/O refused before it could let others in.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "telaah-tx-"));
process.env.DATABASE_PATH = path.join(dir, "tx.db");

const { atCommit, db, exec, first, row, rows, withTransaction, sqlite } =
  await import("~/db.server");
const { teachers } = await import("../../db/schema");

const count = () =>
  (sqlite().prepare("SELECT count(*) AS n FROM teachers").get() as { n: number }).n;
let n = 0;
const addTeacher = () =>
  db
    .insert(teachers)
    .values({ name: "Guru", email: `g${++n}@x.test`, passwordHash: "h" })
    .returning({ id: teachers.id });

test("a transaction's writes land together, and none of them when the body throws", async () => {
  const before = count();
  await withTransaction(async () => {
    await addTeacher();
    await addTeacher();
  });
  assert.equal(count(), before + 2);
  await assert.rejects(
    withTransaction(async () => {
      await addTeacher();
      throw new Error("refused");
    }),
    /refused/,
  );
  assert.equal(count(), before + 2);
  assert.equal(sqlite().inTransaction, false);
});

test("a nested transaction is a savepoint: its failure undoes only its own writes", async () => {
  const before = count();
  await withTransaction(async () => {
    await addTeacher();
    await assert.rejects(
      withTransaction(async () => {
        await addTeacher();
        throw new Error("inner");
      }),
      /inner/,
    );
    await addTeacher();
  });
  assert.equal(count(), before + 2);
});

test("transactions started at once take turns and all commit", async () => {
  const before = count();
  const results = await Promise.all(
    Array.from({ length: 20 }, () =>
      withTransaction(async (tx) => {
        const seen = await first(tx.select({ id: teachers.id }).from(teachers).limit(1));
        const [added] = await addTeacher();
        return { seen: seen?.id, added: added.id };
      }),
    ),
  );
  assert.equal(count(), before + 20);
  assert.equal(new Set(results.map((r) => r.added)).size, 20);
});

test("a body that waits for real I/O is rolled back and refused", async () => {
  const before = count();
  await assert.rejects(
    withTransaction(async () => {
      await addTeacher();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }),
    /waited for I\/O/,
  );
  assert.equal(count(), before);
  // the queue goes on after a refused transaction
  await withTransaction(async () => {
    await addTeacher();
  });
  assert.equal(count(), before + 1);
});

test("raw SQL helpers read rows, one row, and run statements", async () => {
  await exec(sql`UPDATE teachers SET name = 'Bu Sari' WHERE id = (SELECT min(id) FROM teachers)`);
  const all = await rows<{ name: string }>(sql`SELECT name AS "name" FROM teachers ORDER BY id`);
  assert.equal(all[0].name, "Bu Sari");
  assert.equal(all.length, count());
  const none = await row<{ id: number }>(sql`SELECT id FROM teachers WHERE id = -1`);
  assert.equal(none, undefined);
});

test("atCommit runs at once inside the transaction on SQLite, and is undone with it", async () => {
  const named = (name: string) =>
    (
      sqlite().prepare("SELECT count(*) AS n FROM teachers WHERE name = ?").get(name) as {
        n: number;
      }
    ).n;
  let seenInside = -1;
  await withTransaction(async () => {
    const [t] = await addTeacher();
    await atCommit(sql`UPDATE teachers SET name = 'segera' WHERE id = ${t.id}`);
    seenInside = named("segera");
  });
  assert.equal(seenInside, 1);
  await assert.rejects(
    withTransaction(async () => {
      const [t] = await addTeacher();
      await atCommit(sql`UPDATE teachers SET name = 'batal' WHERE id = ${t.id}`);
      throw new Error("refused");
    }),
    /refused/,
  );
  assert.equal(named("batal"), 0);
  await assert.rejects(atCommit(sql`SELECT 1`), /outside a transaction/);
});
