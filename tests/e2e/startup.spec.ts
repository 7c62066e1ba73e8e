// Starting the built server: it refuses invalid lesson content (the message, exit 1, no stack
// trace); it prints where it can be reached and warns about surprising settings.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { replaceOnce, SEED_SLUG, seedSource, tempContentDir } from "../support/lesson-fixtures";

test("the server exits with code 1 and names the broken field when a lesson is invalid", async () => {
  const dir = tempContentDir({
    [`${SEED_SLUG}.md`]: replaceOnce(seedSource(), "  - id: q2\n", "  - id: q1\n"),
  });
  const buildDir = process.env.BUILD_DIR ?? "build";
  const server = spawn(
    process.execPath,
    ["--import", "tsx", "server/index.ts", `${buildDir}/index.js`],
    {
      detached: true,
      env: {
        ...process.env,
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        PORT: "0",
        CONTENT_DIR: dir,
        DATABASE_PATH: path.join(dir, "telaah.db"),
      },
    },
  );
  let stderr = "";
  let stdout = "";
  server.stderr.on("data", (chunk) => (stderr += chunk));
  server.stdout.on("data", (chunk) => (stdout += chunk));
  // A server that wrongly starts never exits by itself: stop it after a while.
  const guard = setTimeout(() => process.kill(-server.pid!, "SIGTERM"), 30_000);
  const code = await new Promise<number | null>((resolve) => server.on("close", (c) => resolve(c)));
  clearTimeout(guard);

  expect(code, `stdout: ${stdout}\nstderr: ${stderr}`).toBe(1);
  expect(stderr).toContain("Invalid lesson content:");
  expect(stderr).toContain(
    `${path.join(dir, "lessons", `${SEED_SLUG}.md`)}: questions[1].id: duplicate id "q1"`,
  );
  expect(stderr).toContain("refuses to start");
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stdout).not.toContain("http://");
});

/** Starts the built server with `env`, collects its output until `until` matches or it exits. */
async function startAndRead(env: Record<string, string>, until: RegExp) {
  const dir = tempContentDir({});
  const buildDir = process.env.BUILD_DIR ?? "build";
  const server = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "--import",
      "./tests/support/loopback-only.mjs",
      "server/index.ts",
      `${buildDir}/index.js`,
    ],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_PATH: path.join(dir, "telaah.db"),
        HOST: "",
        ...env,
      },
    },
  );
  let stdout = "";
  let stderr = "";
  server.stdout.on("data", (chunk) => (stdout += chunk));
  server.stderr.on("data", (chunk) => (stderr += chunk));
  const guard = setTimeout(() => server.kill("SIGKILL"), 30_000);
  await new Promise<void>((resolve) => {
    const check = () => (until.test(stdout + stderr) ? resolve() : undefined);
    server.stdout.on("data", check);
    server.stderr.on("data", check);
    server.on("exit", () => resolve());
  });
  // a request, to see whether it is logged
  const port = Number(/localhost:(\d+)/.exec(stdout)?.[1] ?? env.PORT);
  const status = await fetch(`http://127.0.0.1:${port}/healthz`)
    .then((r) => r.status)
    .catch(() => 0);
  server.kill("SIGTERM");
  const code = await new Promise<number | null>((resolve) =>
    server.exitCode !== null ? resolve(server.exitCode) : server.on("exit", (c) => resolve(c)),
  );
  clearTimeout(guard);
  return { stdout, stderr, status, code };
}

const networkAddresses = () =>
  Object.values(os.networkInterfaces())
    .flat()
    .filter((i) => i && i.family === "IPv4" && !i.internal)
    .map((i) => i!.address);

test("on start the server prints where it can be reached and which address pupils use; LOG_LEVEL=warn keeps it quiet", async () => {
  test.setTimeout(120_000); // two starts of the whole server
  const port = String(Number(process.env.E2E_PORT ?? 3310) + 2);
  const out = await startAndRead(
    { PORT: port, LOG_LEVEL: "info" },
    /Pupils on the same network|Only this computer/,
  );
  expect(out.status).toBe(200);
  expect(out.code, out.stderr).toBe(0);
  expect(out.stdout).toContain(`http://localhost:${port}`);
  const addresses = networkAddresses();
  for (const address of addresses) expect(out.stdout).toContain(`http://${address}:${port}`);
  if (addresses.length) {
    expect(out.stdout).toMatch(
      new RegExp(`Pupils on the same network \\(Wi-Fi\\) open: http://[\\d.]+:${port}`),
    );
    expect(out.stderr).toContain("plain HTTP on a network address");
  } else {
    expect(out.stdout).toContain("Only this computer can reach it");
  }
  // one JSON line per request, with the path and the status
  const requests = out.stdout
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(requests).toContainEqual(
    expect.objectContaining({ msg: "request", method: "GET", path: "/healthz", status: 200 }),
  );

  const quiet = await startAndRead(
    { PORT: port, LOG_LEVEL: "warn", TRUST_PROXY: "true" },
    /TRUST_PROXY=true/,
  );
  expect(quiet.status).toBe(200);
  expect(quiet.stdout).toBe("");
  expect(quiet.stderr).toContain("Warning: TRUST_PROXY=true");
});

test("a world-readable session secret file is warned about at start", async () => {
  test.setTimeout(90_000); // a start of the whole server
  const dir = tempContentDir({});
  fs.writeFileSync(path.join(dir, "session-secret"), "a-secret-anyone-on-this-machine-can-read", {
    mode: 0o644,
  });
  fs.chmodSync(path.join(dir, "session-secret"), 0o644);
  const port = String(Number(process.env.E2E_PORT ?? 3310) + 3);
  const out = await startAndRead(
    {
      PORT: port,
      LOG_LEVEL: "warn",
      SESSION_SECRET: "",
      CONTENT_DIR: "content",
      DATABASE_PATH: path.join(dir, "telaah.db"),
    },
    /session secret file/,
  );
  expect(out.stderr).toContain(
    `the session secret file ${path.join(dir, "session-secret")} can be read by other users (mode 644)`,
  );
});
