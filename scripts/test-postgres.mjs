// `npm run test:postgres`: everything that runs against PostgreSQL, inside the one throw-away
// cluster `npm run pg:cluster -- --fast` made (DATABASE_URL points at it). Three parts:
// 1. the node:test files in tests/postgres (each makes its own database);
// 2. the unit tests that touch the database (UNIT_ON_BOTH below, the same files `npm run test:unit`
//    runs on SQLite), each test file in a database of its own copied from one migrated template
//    (tests/support/unit-pg-preload.mjs); the files in SQLITE_ONLY test what only SQLite has;
// 3. the e2e suites accounts, quiz, results and authorization against the built app (BUILD_DIR,
//    default build/) on a fresh database of their own (E2E_DATABASE_URL, playwright.config.ts).
// All parts run; the exit code is non-zero when any failed. Each part's wall time is printed (CI
// budget, issue 16). --no-e2e runs parts 1 and 2, --e2e-only part 3.
//   node scripts/test-postgres.mjs [--no-e2e | --e2e-only] [playwright filters and options…]
// (filters, e.g. `quiz.spec.ts:54`, replace the four suites; options are passed on)
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

const E2E_SUITES = ["accounts", "quiz", "results", "authorization"];
const E2E_DATABASE = "telaah_e2e";

/** tests/unit files that touch the database and run on both (their raw SQL: tests/support/unit-db.ts). */
const UNIT_ON_BOTH = [
  "accounts",
  "bench-loss-check",
  "hardening",
  "lesson-editor",
  "lesson-editor-revision",
  "lessons-loader",
  "live",
  "recovery",
  "results",
  "retention",
  "roster",
  "schedule",
];
/** tests/unit files that touch the database but test what only SQLite has (also in docs/postgres.md). */
const SQLITE_ONLY = {
  backup: "the SQLite file's online backup and restore (PostgreSQL uses pg_dump, not this code)",
  transactions: "SQLite's side of withTransaction: the BEGIN IMMEDIATE queue and the I/O refusal",
};
const UNIT_TEMPLATE = "telaah_unit_template";
const UNIT_PREFIX = "telaah_unit_";

const line = (text) => process.stdout.write(`${text}\n`);

const base = process.env.DATABASE_URL;
if (!base?.startsWith("postgres")) {
  line("test:postgres: DATABASE_URL is not a postgres:// URL: run `npm run test:postgres`");
  process.exit(2);
}

const args = process.argv.slice(2);
const unitPart = !args.includes("--e2e-only");
const e2ePart = !args.includes("--no-e2e");
const playwrightExtra = args.filter((a) => a !== "--e2e-only" && a !== "--no-e2e");
const filters = playwrightExtra.filter((a) => !a.startsWith("-"));
const suites = filters.length ? [] : E2E_SUITES;

function run(command, argv, env = process.env) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, argv, { stdio: "inherit", env });
    const done = (code) => resolve({ code, seconds: (Date.now() - started) / 1000 });
    child.on("error", (error) => {
      line(`test:postgres: could not run ${command}: ${error.message}`);
      done(127);
    });
    child.on("close", (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

/** A new, empty database in the cluster; the server migrates it when it starts. */
async function freshDatabase(name) {
  await admin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs `body` with a client on the cluster's own database. */
async function admin(body) {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

/** Drops the unit part's databases (the template and one per test file). */
async function dropUnitDatabases() {
  await admin(async (client) => {
    const { rows } = await client.query(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      [UNIT_PREFIX],
    );
    for (const { datname } of rows)
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}

/** The unit files that touch the database, each run on PostgreSQL in its own copy of a template. */
async function unitTests() {
  // a file written with the helper but not listed would silently run on SQLite only
  const unlisted = fs
    .readdirSync("tests/unit")
    .filter((f) => f.endsWith(".test.ts"))
    .map((f) => f.replace(/\.test\.ts$/, ""))
    .filter((name) => !UNIT_ON_BOTH.includes(name) && !(name in SQLITE_ONLY))
    .filter((name) =>
      fs.readFileSync(`tests/unit/${name}.test.ts`, "utf8").includes("support/unit-db"),
    );
  if (unlisted.length) {
    line(`test:postgres: tests/unit files using unit-db but not in UNIT_ON_BOTH: ${unlisted}`);
    return 1;
  }
  const files = UNIT_ON_BOTH.map((name) => `tests/unit/${name}.test.ts`);
  line(`\ntest:postgres: unit tests on PostgreSQL: ${UNIT_ON_BOTH.join(" ")}`);
  for (const [name, why] of Object.entries(SQLITE_ONLY)) line(`  SQLite only: ${name}: ${why}`);
  await dropUnitDatabases();
  const templateUrl = await freshDatabase(UNIT_TEMPLATE);
  const migrated = await run(process.execPath, [
    "--import",
    "tsx",
    "--input-type=module",
    "-e",
    `const m = await import("./app/db/pg-migrate.server.ts"); await m.migratePostgres({ connectionString: ${JSON.stringify(templateUrl)} });`,
  ]);
  if (migrated.code !== 0) {
    line("test:postgres: could not migrate the unit tests' template database");
    return 1;
  }
  // two files at a time: most of a file's time is starting node and loading the app, which the
  // other core can do while one waits on PostgreSQL
  const unit = await run(
    process.execPath,
    [
      "--import",
      "tsx",
      "--import",
      "./tests/support/unit-pg-preload.mjs",
      "--test",
      "--test-concurrency=2",
      ...files,
    ],
    { ...process.env, UNIT_PG_TEMPLATE: UNIT_TEMPLATE, UNIT_PG_PREFIX: UNIT_PREFIX },
  );
  await dropUnitDatabases();
  return unit.code;
}

const failed = [];
const times = [];

if (unitPart) {
  const files = fs
    .readdirSync("tests/postgres")
    .filter((f) => f.endsWith(".test.ts"))
    .sort()
    .map((f) => path.join("tests/postgres", f));
  line(`\ntest:postgres: node:test ${files.join(" ")}`);
  const unit = await run(process.execPath, ["--import", "tsx", "--test", ...files]);
  times.push(`tests/postgres ${unit.seconds.toFixed(1)} s`);
  if (unit.code !== 0) failed.push("tests/postgres");

  const started = Date.now();
  const code = await unitTests();
  times.push(`unit tests on PostgreSQL ${((Date.now() - started) / 1000).toFixed(1)} s (wall)`);
  if (code !== 0) failed.push("unit tests on PostgreSQL");
}

if (e2ePart) {
  const buildDir = process.env.BUILD_DIR || "build";
  if (!fs.existsSync(path.join(buildDir, "index.js"))) {
    line(`test:postgres: no build in ${buildDir}/: run \`npm run build\` (or set BUILD_DIR) first`);
    failed.push("e2e (no build)");
  } else {
    const url = await freshDatabase(E2E_DATABASE);
    line(`\ntest:postgres: playwright test ${[...suites, ...filters].join(" ")} on ${url}`);
    const e2e = await run(
      process.execPath,
      [
        "node_modules/@playwright/test/cli.js",
        "test",
        ...suites,
        "--workers=2",
        ...playwrightExtra,
      ],
      { ...process.env, E2E_DATABASE_URL: url },
    );
    times.push(`e2e on PostgreSQL ${e2e.seconds.toFixed(1)} s (wall)`);
    if (e2e.code !== 0) failed.push("e2e");
  }
}

line(`\ntest:postgres: ${times.join(", ")}`);
if (failed.length) {
  line(`test:postgres: FAILED: ${failed.join(", ")}`);
  process.exit(1);
}
line("test:postgres: all parts passed");
