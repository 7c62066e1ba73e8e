// `npm run test:postgres`: everything that runs against PostgreSQL, inside the one throw-away
// cluster `npm run pg:cluster -- --fast` made (DATABASE_URL points at it). First the node:test
// files in tests/postgres (each makes its own database), then the e2e suites accounts, quiz,
// results and authorization against the built app (BUILD_DIR, default build/) on a fresh database
// of their own (E2E_DATABASE_URL, playwright.config.ts). Both parts run; the exit code is non-zero
// when either failed. The e2e part's wall time is printed (CI budget, issue 16).
//   node scripts/test-postgres.mjs [--no-e2e | --e2e-only] [playwright filters and options…]
// (filters, e.g. `quiz.spec.ts:54`, replace the four suites; options are passed on)
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

const E2E_SUITES = ["accounts", "quiz", "results", "authorization"];
const E2E_DATABASE = "telaah_e2e";

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
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
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
