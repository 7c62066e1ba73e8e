// End-to-end tests: the production build served by our own server (server/index.ts), driven in
// Debian's Chromium. Two servers on one database: the main one plays "behind a proxy we trust"
// (tests send their own X-Forwarded-For); the "lan" one is a default install as a school runs it
// (production, no TRUST_PROXY, no COOKIE_SECURE), opened as http://sekolah.test:<port+1>.
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Evaluated in the runner and in every worker: the first evaluation fixes the values in the
// environment, which the workers inherit, so all of them share one server and one database.
if (!process.env.E2E_DB) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "telaah-e2e-"));
  process.env.E2E_DB = path.join(dir, "telaah.db");
}
process.env.E2E_PORT ??= "3310";
// With E2E_DATABASE_URL (`npm run test:postgres`, scripts/test-postgres.mjs) the servers and the
// tests' own handle (tests/support/factories.ts) use that PostgreSQL database instead of E2E_DB.
const pgUrl = process.env.E2E_DATABASE_URL;
// PostgreSQL mode wants a secret of at least 32 characters (every instance signs with it)
process.env.SESSION_SECRET ??= pgUrl
  ? "e2e-secret-not-for-production-postgres-mode"
  : "e2e-secret-not-for-production";
const port = Number(process.env.E2E_PORT);
const lanPort = port + 1;
const server = (p: number, env: Record<string, string>) => ({
  command: `node --import tsx server/index.ts ${buildDir}/index.js`,
  url: `http://127.0.0.1:${p}/healthz`,
  reuseExistingServer: false,
  timeout: 60_000,
  stdout: process.env.E2E_SERVER_LOG ? ("pipe" as const) : ("ignore" as const),
  stderr: "pipe" as const,
  env: {
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(p),
    // On PostgreSQL, DATABASE_URL decides and SQLite is never opened (the data layer refuses it);
    // DATABASE_PATH still names the temp file only because E2E_CHEAP_HASH is refused for a
    // database path outside the temp folder (app/utils/hash.server.ts).
    DATABASE_PATH: process.env.E2E_DB!,
    ...(pgUrl ? { DATABASE_URL: pgUrl } : {}),
    SESSION_SECRET: process.env.SESSION_SECRET!,
    LOG_LEVEL: process.env.E2E_SERVER_LOG ? "info" : "warn",
    // one process per test server (two of them already share the database); shutdown.spec.ts
    // tests several (decision 088)
    WEB_CONCURRENCY: "1",
    // cheap argon2 for the test servers only (decision 018; refused outside the temp folder)
    E2E_CHEAP_HASH: "1",
    ...env,
  },
});
const buildDir = process.env.BUILD_DIR ?? "build";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: process.env.E2E_OUTPUT ?? "test-results",
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  // generous: CI is a shared two-core machine; a test that hangs still fails, only later
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // Indonesian is the product default; tests that want English switch or set en-US.
    locale: "id-ID",
    // A failing test keeps its actions, network and console; DOM snapshots and the screencast are
    // left out: they cost the browser more CPU than the test itself on big pages (docs/ci-time.md),
    // and CI only shows the printed error, which names what failed. Set E2E_FULL_TRACE=1 to debug.
    trace: process.env.E2E_FULL_TRACE
      ? "retain-on-failure"
      : { mode: "retain-on-failure", snapshots: false, screenshots: false },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    {
      name: "chromium",
      testIgnore: /lan\.spec\.ts$/,
      use: { ...devices["Desktop Chrome"], channel: undefined },
    },
    {
      name: "lan",
      testMatch: /lan\.spec\.ts$/,
      use: {
        ...devices["Desktop Chrome"],
        channel: undefined,
        baseURL: `http://sekolah.test:${lanPort}`,
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          // sekolah.test resolves to loopback inside this browser only: nothing leaves the machine.
          args: [...CHROMIUM_ARGS, "--host-resolver-rules=MAP sekolah.test 127.0.0.1"],
        },
      },
    },
  ],
  webServer: [
    // The tests play the proxy: a test that needs its own per-IP throttling bucket sends its own
    // X-Forwarded-For; requests without one get the bucket of their socket address, 127.0.0.1.
    server(port, { TRUST_PROXY: "true" }),
    // A default school install: the session cookie follows the request (plain HTTP: not Secure).
    server(lanPort, {}),
  ],
});
