// Graceful shutdown of the built server: on SIGTERM it stops accepting, finishes the request in
// flight (an answer save), checkpoints and closes the database, and exits 0. With several app
// processes (WEB_CONCURRENCY, decision 088) a crashed one is replaced and SIGTERM stops them all.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { Client, Recorder, startServer, tempDir } from "../bench/driver";
import { AckLog, openStep, start, type Ctx } from "../bench/flow";
import { seedClasses } from "../bench/seed";

const refusesConnections = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });

test("SIGTERM: no new connections, the in-flight save completes and is stored, WAL checkpointed, exit 0", async () => {
  const dir = tempDir("shutdown");
  const dbPath = path.join(dir, "telaah.db");
  const entry = path.resolve(process.env.BUILD_DIR ?? "build", "index.js");
  const server = await startServer({ entry, dbPath, logDir: dir });
  const guard = setTimeout(() => server.child.kill("SIGKILL"), 40_000);
  try {
    const [klass] = await seedClasses(dbPath, { classes: 1, perClass: 1, label: "shutdown" });
    const pupil = { ...klass.pupils[0], assignmentId: klass.assignmentId };
    const client = new Client(server.url);
    const ctx: Ctx = { client, rec: new Recorder(), acks: new AckLog() };
    expect(await start(ctx, pupil)).toBe(true);
    const quiz = await openStep(ctx, pupil, "quiz");
    expect(quiz, ctx.rec.samples.join("; ")).not.toBeNull();
    client.close();
    const item = quiz!.items[0];
    const body = new URLSearchParams({
      kind: item.kind,
      itemId: item.itemId,
      choice: item.choices[1],
    }).toString();

    // The save is in flight once the server has read its headers and asked for the body
    // (100 Continue): the app is then waiting in the action for the form data.
    const req = http.request(`${server.url}/pupil/attempts/${quiz!.attemptId}/answers`, {
      method: "POST",
      agent: false,
      headers: {
        Accept: "application/json",
        Cookie: pupil.jar.header()!,
        Origin: server.origin,
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": Buffer.byteLength(body),
        Expect: "100-continue",
      },
    });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      req.on("response", (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on("error", reject);
    });
    await new Promise<void>((resolve) => req.once("continue", () => resolve()));

    server.child.kill("SIGTERM");
    await expect.poll(() => refusesConnections(server.port), { timeout: 10_000 }).toBe(true);
    req.end(body);
    const saved = await response;
    expect(saved.status, saved.text).toBe(200);
    expect(JSON.parse(saved.text)).toMatchObject({ ok: true });

    // It exits by itself, before the guard's SIGKILL (a kill would show as signal SIGKILL): nothing
    // left over from earlier page renders holds it open. No wall-clock limit on a shared machine.
    const exit = await server.exited;
    expect(exit, fs.readFileSync(server.logFile, "utf8")).toEqual({ code: 0, signal: null });
    const wal = `${dbPath}-wal`;
    expect(!fs.existsSync(wal) || fs.statSync(wal).size === 0, "WAL empty or gone").toBe(true);
    const db = new Database(dbPath, { readonly: true });
    const stored = db
      .prepare("SELECT choice FROM answers WHERE attempt_id = ? AND kind = ? AND item_id = ?")
      .pluck()
      .get(quiz!.attemptId, item.kind, item.itemId);
    db.close();
    expect(stored).toBe(item.choices[1]);
  } finally {
    clearTimeout(guard);
    if (server.child.exitCode === null) server.child.kill("SIGKILL");
  }
});

/** The app processes the primary has forked (tsx's own helper process left out). */
function appWorkers(primary: number): number[] {
  let out = "";
  try {
    out = execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(primary)], { encoding: "utf8" });
  } catch {
    return []; // ps exits 1 when there is none
  }
  return out
    .split("\n")
    .filter((line) => line.includes("server/index.ts"))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test("WEB_CONCURRENCY=2: two app processes answer; one killed is replaced while the other serves; SIGTERM stops all, exit 0", async () => {
  const dir = tempDir("workers");
  const entry = path.resolve(process.env.BUILD_DIR ?? "build", "index.js");
  const server = await startServer({
    entry,
    dbPath: path.join(dir, "telaah.db"),
    logDir: dir,
    env: { WEB_CONCURRENCY: "2" },
  });
  const guard = setTimeout(() => server.child.kill("SIGKILL"), 60_000);
  // A new connection each time: a kept-alive one may belong to the process killed below (a browser
  // retries a GET on such a reset by itself).
  const health = () =>
    new Promise<number>((resolve, reject) =>
      http
        .get(`${server.url}/healthz`, { agent: false }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on("error", reject),
    );
  try {
    await expect
      .poll(() => fs.readFileSync(server.logFile, "utf8"), { timeout: 30_000 })
      .toContain("2 app processes are serving.");
    expect(appWorkers(server.pid)).toHaveLength(2);
    const [first, second] = appWorkers(server.pid);
    process.kill(first, "SIGKILL");
    // Once the primary has seen the death (a connection handed over at that very moment is reset,
    // as with any crash), the other process answers; the port never goes away.
    await expect
      .poll(() => fs.readFileSync(server.logFile, "utf8"), { timeout: 20_000 })
      .toContain(`App process ${first} ended (SIGKILL)`);
    for (let i = 0; i < 5; i++) expect(await health()).toBe(200);
    await expect
      .poll(() => appWorkers(server.pid).filter((pid) => pid !== first).length, { timeout: 20_000 })
      .toBe(2);
    const after = appWorkers(server.pid);
    expect(after).toContain(second);
    expect(after).not.toContain(first);
    expect(await health()).toBe(200);

    server.child.kill("SIGTERM");
    const exit = await server.exited;
    expect(exit, fs.readFileSync(server.logFile, "utf8")).toEqual({ code: 0, signal: null });
    expect(after.filter(alive)).toEqual([]);
  } finally {
    clearTimeout(guard);
    if (server.child.exitCode === null) server.child.kill("SIGKILL");
  }
});
