// End-to-end tests: the production build served by remix-serve, driven in Debian's Chromium.
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
process.env.SESSION_SECRET ??= "e2e-secret-not-for-production";
const port = Number(process.env.E2E_PORT);
const buildDir = process.env.BUILD_DIR ?? "build";

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: process.env.E2E_OUTPUT ?? "test-results",
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // Indonesian is the product default; tests that want English switch or set en-US.
    locale: "id-ID",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: `npx remix-serve ${buildDir}/index.js`,
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: process.env.E2E_SERVER_LOG ? "pipe" : "ignore",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_PATH: process.env.E2E_DB,
      SESSION_SECRET: process.env.SESSION_SECRET,
      COOKIE_SECURE: "false",
      // The tests play the proxy: a test that needs its own per-IP throttling bucket sends its own
      // X-Forwarded-For; requests without one share the "direct" bucket as in a default deployment.
      TRUST_PROXY: "true",
    },
  },
});
