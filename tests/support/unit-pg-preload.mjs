// `node --import tsx --import ./tests/support/unit-pg-preload.mjs --test tests/unit/….test.ts` with
// DATABASE_URL=postgres://… (the unit part of scripts/test-postgres.mjs, issue 16): every test
// process node:test starts (one per file; NODE_TEST_CONTEXT is set in them) gets a database of its
// own, copied from the migrated template the runner made (UNIT_PG_TEMPLATE), and DATABASE_URL
// points at it before the test file imports ~/db.server. The runner drops these databases after
// the run (their names start with UNIT_PG_PREFIX). SESSION_SECRET, required with DATABASE_URL, is
// given a test value when the file sets none; the app's pool is ended after the file's tests. In
// the runner's own process nothing happens.
import { after } from "node:test";
import pg from "pg";

const base = process.env.DATABASE_URL;
const template = process.env.UNIT_PG_TEMPLATE;
const prefix = process.env.UNIT_PG_PREFIX ?? "telaah_unit_";

if (process.env.NODE_TEST_CONTEXT && base?.startsWith("postgres")) {
  if (!template)
    throw new Error(
      "unit-pg-preload: UNIT_PG_TEMPLATE is not set (run it through scripts/test-postgres.mjs)",
    );
  const name = `${prefix}${process.pid}`;
  const admin = new pg.Client({ connectionString: base, application_name: "telaah-unit-preload" });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  process.env.SESSION_SECRET ??= "unit-tests-on-postgresql-secret-0123456789";
  // After the file's tests: end the app's pool, whose idle connections would otherwise keep the
  // process alive for pg's idle timeout (10 s) when the file does not close the database itself.
  after(async () => {
    const { closeDatabase } = await import("../../app/db.server.ts");
    closeDatabase();
  });
}
