// `npm test`: the checks that do not need each other run side by side (lint with the
// type-aware async rules, typecheck, unit tests, content:check and the production build), then the Playwright e2e suite,
// which needs the build, then the PostgreSQL suites (`node scripts/test.mjs --no-e2e` stops there). Each step's output is printed whole when it ends (no interleaving), with its time; the
// run stops before e2e and exits 1 when any step failed, naming it. Decision 074.
import { spawn } from "node:child_process";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
// Longest first: on two cores the unit tests set the pace of this phase.
const SIDE_BY_SIDE = ["test:unit", "typecheck", "lint", "content:check", "build"];

function run(script, { live = false } = {}) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(npm, ["run", script], {
      stdio: live ? "inherit" : ["ignore", "pipe", "pipe"],
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? "0" },
    });
    const chunks = [];
    child.stdout?.on("data", (c) => chunks.push(c));
    child.stderr?.on("data", (c) => chunks.push(c));
    const done = (code) =>
      resolve({ script, code, seconds: (Date.now() - started) / 1000, output: chunks });
    child.on("error", (error) => {
      chunks.push(Buffer.from(`${error.stack ?? error}\n`));
      done(1);
    });
    child.on("close", (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

const line = (text) => process.stdout.write(`${text}\n`);
const phaseStart = Date.now();
line(`test: ${SIDE_BY_SIDE.join(", ")} side by side`);
const results = await Promise.all(
  SIDE_BY_SIDE.map((script) =>
    run(script).then((result) => {
      line(
        `\n──── ${script} (${result.code === 0 ? "ok" : `failed, exit ${result.code}`}, ${result.seconds.toFixed(1)} s)`,
      );
      process.stdout.write(Buffer.concat(result.output));
      return result;
    }),
  ),
);
line(
  `\ntest: ${results.map((r) => `${r.script} ${r.seconds.toFixed(1)} s`).join(", ")}; together ${((Date.now() - phaseStart) / 1000).toFixed(1)} s`,
);
const failed = results.filter((r) => r.code !== 0).map((r) => r.script);
if (failed.length) {
  line(`test: FAILED: ${failed.join(", ")} (e2e not run)`);
  process.exit(1);
}

if (process.argv.includes("--no-e2e")) {
  line("test: all steps before e2e passed (--no-e2e: e2e not run)");
  process.exit(0);
}
// Then the same app on PostgreSQL (issue 16): its own tests and the e2e suites for accounts,
// quiz, results and the authorization matrix, on a throw-away cluster (decision 123).
for (const script of ["test:e2e", "test:postgres"]) {
  const result = await run(script, { live: true });
  line(`test: ${script} ${result.code === 0 ? "ok" : "failed"} in ${result.seconds.toFixed(1)} s`);
  if (result.code !== 0) {
    line(`test: FAILED: ${script}`);
    process.exit(1);
  }
}
line("test: all steps passed");
