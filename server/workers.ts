// Several app processes on one port (WEB_CONCURRENCY, decision 088). One Node process runs the app
// on one core; on a 2-core school server the second core would otherwise only serve the hash
// threads. The primary has already run the app's start-up (migrations, lesson versions, the
// session secret file) when it forks, so the workers only open the database. Every guarantee that
// matters across requests (one attempt, one submit, throttles) is kept by the database, as it is
// for two instances (issue 16); what a process keeps in memory is a cache of immutable data or a
// queue of its own requests.
import cluster, { type Worker } from "node:cluster";
import os from "node:os";
import type { Logger } from "./log";

/** What `npm start` runs without WEB_CONCURRENCY: one process per core, at most 2. */
export function defaultWorkers(cores = os.availableParallelism()): number {
  return Math.max(1, Math.min(2, cores));
}

/**
 * How many app processes: unset or empty → one per core, at most 2 (SQLite takes one writer at a
 * time, and two is what was measured: decision 088); a whole number 1–64 → it; anything else →
 * null (refuse to start).
 */
export function parseWorkers(
  value: string | undefined,
  cores = os.availableParallelism(),
): number | null {
  if (value === undefined || value.trim() === "") return defaultWorkers(cores);
  if (!/^\d{1,2}$/.test(value.trim())) return null;
  const n = Number(value);
  return n >= 1 && n <= 64 ? n : null;
}

/** A worker that dies this soon after it was forked is failing to start, not crashing later. */
const START_GRACE_MS = 10_000;

export async function runPrimary(opts: { workers: number; log: Logger }): Promise<void> {
  const { log } = opts;
  let stopping = false;
  const started = new Map<Worker, number>();
  const listening = new Set<Worker>();
  let ready = false;

  const fork = (first: boolean) => {
    const worker = cluster.fork(first ? {} : { TELAAH_QUIET_BANNER: "1" });
    started.set(worker, Date.now());
    worker.once("listening", () => {
      listening.add(worker);
      if (!ready && listening.size === opts.workers) {
        ready = true;
        log.text("info", `${opts.workers} app processes are serving.`);
      }
    });
    return worker;
  };

  cluster.on("exit", (worker, code, signal) => {
    const forkedAt = started.get(worker) ?? 0;
    const hadListened = listening.has(worker);
    started.delete(worker);
    listening.delete(worker);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    if (!hadListened && signal === null && Date.now() - forkedAt < START_GRACE_MS) {
      // It gave up starting by itself (the port is taken, say): so would its replacement. Stop
      // everything. One killed by a signal while starting is replaced like any other.
      log.text("error", `An app process could not start (exit ${code ?? signal}); stopping.`);
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.kill("SIGTERM");
      process.exitCode = 1;
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(1);
      return;
    }
    // A crash: its requests in flight are lost to their clients (who retry; answers queue on the
    // device), the other processes go on, and a replacement takes its place.
    log.text(
      "warn",
      `App process ${worker.process.pid} ended (${signal ?? code}); starting another.`,
    );
    fork(false);
  });

  for (let i = 0; i < opts.workers; i++) fork(i === 0);

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.text(
      "info",
      `${signal}: stopping ${Object.keys(cluster.workers ?? {}).length} app processes.`,
    );
    // Each worker stops as a single server does: no new connections, requests in flight finish.
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}
