// The data layer on PostgreSQL (decisions 124, 125): the same calls as on SQLite, transactions
// that behave as if they ran alone (serializable, retried), row locks for the hot paths, the
// current transaction followed by `db` and by prepared statements, and clear errors.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { eq, sql } from "drizzle-orm";
import { freshDatabase } from "./support";

const database = await freshDatabase("datalayer");
process.env.DATABASE_URL = database.url;
process.env.SESSION_SECRET = "s".repeat(32);
process.env.PG_POOL_SIZE = "8";

const layer = await import("~/db.server");
const {
  atCommit,
  db,
  exec,
  first,
  isUniqueViolation,
  lockRows,
  prepared,
  row,
  rows,
  withTransaction,
} = layer;
const { teachers, throttles } = await import("~/db/tables.server");

before(async () => {
  assert.equal(layer.dialect(), "postgres");
  await layer.ready();
});

after(async () => {
  layer.closeDatabase();
  await database.drop();
});

let n = 0;
const addTeacher = (name = "Guru") =>
  db
    .insert(teachers)
    .values({ name, email: `g${++n}@x.test`, passwordHash: "h" })
    .returning({ id: teachers.id });
const teacherCount = async () =>
  (await row<{ n: number }>(sql`SELECT count(*) AS "n" FROM teachers`))!.n;

test("builders, raw rows and counts come back as on SQLite", async () => {
  const [added] = await addTeacher("Bu Sari");
  assert.equal(typeof added.id, "number");
  const found = await first(db.select().from(teachers).where(eq(teachers.id, added.id)));
  assert.equal(found?.name, "Bu Sari");
  assert.ok(found?.createdAt instanceof Date);
  await exec(sql`UPDATE teachers SET name = 'Bu Rina' WHERE id = ${added.id}`);
  const all = await rows<{ name: string }>(
    sql`SELECT name AS "name" FROM teachers WHERE id = ${added.id}`,
  );
  assert.deepEqual(all, [{ name: "Bu Rina" }]);
  assert.equal(typeof (await teacherCount()), "number");
  assert.equal(await row(sql`SELECT 1 WHERE false`), undefined);
});

test("a transaction's writes land together, or none when the body throws", async () => {
  const before = await teacherCount();
  await withTransaction(async () => {
    await addTeacher();
    await addTeacher();
  });
  assert.equal(await teacherCount(), before + 2);
  await assert.rejects(
    withTransaction(async () => {
      await addTeacher();
      throw new Error("refused");
    }),
    /refused/,
  );
  assert.equal(await teacherCount(), before + 2);
});

test("db and prepared statements inside a body use the transaction's connection", async () => {
  const before = await teacherCount();
  const insert = prepared((d) =>
    d
      .insert(teachers)
      .values({
        name: sql.placeholder("name"),
        email: sql.placeholder("email"),
        passwordHash: "h",
      })
      .returning({ id: teachers.id })
      .prepare(),
  );
  await assert.rejects(
    withTransaction(async () => {
      const [made] = await insert().execute({ name: "P", email: `p${++n}@x.test` });
      assert.equal(typeof made.id, "number");
      await addTeacher();
      throw new Error("undo");
    }),
    /undo/,
  );
  // had either write gone through another pooled connection, it would have been committed
  assert.equal(await teacherCount(), before);
});

test("a nested transaction is a savepoint: its failure undoes only its own writes", async () => {
  const before = await teacherCount();
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
  assert.equal(await teacherCount(), before + 2);
});

test("atCommit statements go with the COMMIT, and are dropped with a rolled-back savepoint or transaction", async () => {
  const named = async (name: string) =>
    (await row<{ n: number }>(sql`SELECT count(*) AS "n" FROM teachers WHERE name = ${name}`))!.n;
  // quotes and backslashes survive being written into the statement as literals
  const tricky = "O'Neil \\ $1 ; DROP TABLE teachers; --";
  let seenInside = -1;
  await withTransaction(async () => {
    const [t] = await addTeacher("sebelum");
    await atCommit(sql`UPDATE teachers SET name = ${tricky} WHERE id = ${t.id}`);
    // queued, not run: the body still sees the old name
    seenInside = await named(tricky);
    await assert.rejects(
      withTransaction(async () => {
        await atCommit(sql`UPDATE teachers SET name = 'dibatalkan' WHERE id = ${t.id}`);
        throw new Error("inner");
      }),
      /inner/,
    );
  });
  assert.equal(seenInside, 0);
  assert.equal(await named(tricky), 1);
  assert.equal(await named("dibatalkan"), 0);
  await assert.rejects(
    withTransaction(async () => {
      const [t] = await addTeacher("tidak jadi");
      await atCommit(sql`UPDATE teachers SET name = 'tidak pernah' WHERE id = ${t.id}`);
      throw new Error("outer");
    }),
    /outer/,
  );
  assert.equal(await named("tidak pernah"), 0);
  await assert.rejects(atCommit(sql`SELECT 1`), /outside a transaction/);
  await assert.rejects(
    withTransaction(() => atCommit(sql`SELECT ${new Date()}`).then(() => undefined)),
    /cannot be written/,
  );
});

async function counterRace(key: string, options: Parameters<typeof withTransaction>[1]) {
  await db.insert(throttles).values({ key, windowStart: new Date(), count: 0 });
  await Promise.all(
    Array.from({ length: 20 }, () =>
      withTransaction(async (tx) => {
        if (options?.isolation === "read committed")
          await lockRows(sql`SELECT key FROM throttles WHERE key = ${key}`);
        const current = await first(
          tx.select({ count: throttles.count }).from(throttles).where(eq(throttles.key, key)),
        );
        await tx
          .update(throttles)
          .set({ count: current!.count + 1 })
          .where(eq(throttles.key, key));
      }, options),
    ),
  );
  return (await first(db.select().from(throttles).where(eq(throttles.key, key))))!.count;
}

test("20 read-then-write transactions at once lose no update (serializable, retried)", async () => {
  assert.equal(await counterRace("race-serializable", {}), 20);
});

test("read committed with the row locked first loses no update either", async () => {
  assert.equal(await counterRace("race-locked", { isolation: "read committed" }), 20);
});

test("a read-only transaction refuses a write", async () => {
  await assert.rejects(
    withTransaction(
      async () => {
        await addTeacher();
      },
      { readOnly: true },
    ),
    (error) => layer.sqlState(error) === "25006",
  );
});

test("a unique violation is recognised, wrapped or not", async () => {
  const email = `same${++n}@x.test`;
  await db.insert(teachers).values({ name: "A", email, passwordHash: "h" });
  const error = await db
    .insert(teachers)
    .values({ name: "B", email, passwordHash: "h" })
    .then(
      () => null,
      (e: unknown) => e,
    );
  assert.ok(error, "the second insert must fail");
  assert.equal(isUniqueViolation(error), true);
  assert.equal(isUniqueViolation(new Error("something else")), false);
});

test("lockRows outside a transaction is a programming error", async () => {
  await assert.rejects(lockRows(sql`SELECT 1`), /outside a transaction/);
});
