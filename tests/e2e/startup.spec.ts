// The built server refuses to start on invalid lesson content: the message, exit 1, no stack trace.
import path from "node:path";
import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { replaceOnce, SEED_SLUG, seedSource, tempContentDir } from "../support/lesson-fixtures";

test("the server exits with code 1 and names the broken field when a lesson is invalid", async () => {
  const dir = tempContentDir({
    [`${SEED_SLUG}.md`]: replaceOnce(seedSource(), "  - id: q2\n", "  - id: q1\n"),
  });
  const buildDir = process.env.BUILD_DIR ?? "build";
  const server = spawn(process.execPath, ["--import", "tsx", "server/index.ts", `${buildDir}/index.js`], {
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: "0",
      CONTENT_DIR: dir,
      DATABASE_PATH: path.join(dir, "telaah.db"),
    },
  });
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
  expect(stderr).toContain(`${path.join(dir, "lessons", `${SEED_SLUG}.md`)}: questions[1].id: duplicate id "q1"`);
  expect(stderr).toContain("refuses to start");
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stdout).not.toContain("http://");
});
