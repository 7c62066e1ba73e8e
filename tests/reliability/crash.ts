// test:crash — SIGKILL the production server in the middle of a burst of answer saves and submits,
// restart it on the same database, and check that nothing acknowledged was lost, the file is
// intact, no attempt is half-submitted and every pupil can carry on. Several runs, each killed at a
// different moment. Options: --runs 6 --pupils 200 --kill-ms 150,400,800,1300,2000,3000
// --build <dir>. Prints a JSON summary as its last line; exits 1 on any failure.
// --postgres --instances N (N ≥ 2): N servers on one PostgreSQL database (DATABASE_URL, else a
// throw-away cluster with fsync on), requests spread over them in turn; one is SIGKILLed
// mid-burst and the pupils carry on through the others (a load balancer drops the dead one).
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import pg from "pg";
import {
  Client,
  num,
  parseFlags,
  postgresUrl,
  pick,
  Recorder,
  requireBuild,
  round,
  startServer,
  tempDir,
  type Item,
} from "../bench/driver";
import {
  AckLog,
  openStep,
  page,
  save,
  start,
  submit,
  verifyAcks,
  type Ctx,
  type Pupil,
} from "../bench/flow";
import { seedClasses } from "../bench/seed";

const flags = parseFlags();
const databaseUrl = await postgresUrl(flags);
const postgres = databaseUrl !== undefined;
const instanceCount = num(flags, "instances", postgres ? 2 : 1);
if (instanceCount > 1 && !postgres) {
  console.error("--instances needs --postgres (on SQLite the killed server is restarted instead)");
  process.exit(2);
}
if (postgres && instanceCount < 2) {
  console.error("--postgres needs --instances 2 or more: one is killed, the others carry on");
  process.exit(2);
}
const entry = requireBuild(flags);
const runs = num(flags, "runs", 6);
const pupilCount = num(flags, "pupils", 200);
const killPoints = (
  typeof flags["kill-ms"] === "string" ? flags["kill-ms"] : "150,400,800,1300,2000,3000"
)
  .split(",")
  .map(Number);

type Worker = Pupil & { attemptId: number; items: Item[]; submits: boolean };
type RunResult = {
  run: number;
  killAfterMs: number;
  ackedBeforeKill: number;
  failedByKill: number;
  walAfterKill: boolean;
  integrity: string;
  lostAnswers: number;
  lostSubmits: number;
  halfSubmitted: number;
  carryOnFailures: number;
  exitAfterRestart: number | null;
  problems: string[];
};

async function oneRun(run: number, killAfterMs: number): Promise<RunResult> {
  const dir = tempDir(`crash-${run}`);
  const dbPath = path.join(dir, "telaah.db");
  const problems: string[] = [];
  const servers = await Promise.all(
    Array.from({ length: instanceCount }, () =>
      startServer({ entry, dbPath, logDir: dir, databaseUrl }),
    ),
  );
  let server = servers[0];
  let client = new Client(
    servers.map((s) => s.url),
    256,
  );
  const prep: Ctx = { client, rec: new Recorder(), acks: new AckLog() };
  const classes = await seedClasses(dbPath, {
    classes: Math.ceil(pupilCount / 50),
    perClass: 50,
    label: `crash${run}`,
    databaseUrl,
  });
  const pupils: Pupil[] = classes
    .flatMap((c) => c.pupils.map((p) => ({ ...p, assignmentId: c.assignmentId })))
    .slice(0, pupilCount);

  // Every pupil has started and holds the sort and quiz items (not part of the burst).
  const workers: Worker[] = [];
  for (let i = 0; i < pupils.length; i += 25) {
    await Promise.all(
      pupils.slice(i, i + 25).map(async (p, j) => {
        if (!(await start(prep, p))) return;
        const sort = await openStep(prep, p, "sort");
        const quiz = await openStep(prep, p, "quiz");
        if (!sort || !quiz) return;
        const items = [...sort.items, ...quiz.items].sort(() => Math.random() - 0.5);
        workers.push({ ...p, attemptId: quiz.attemptId, items, submits: (i + j) % 4 === 0 });
      }),
    );
  }
  if (prep.rec.errors || workers.length !== pupils.length)
    throw new Error(`run ${run}: preparing failed: ${prep.rec.samples.join("; ")}`);

  // The burst: everyone saves as fast as the server answers; a quarter submit part-way through.
  const acks = new AckLog();
  const burst: Ctx = { client, rec: new Recorder(), acks };
  let killed = false;
  let unfinished = 0;
  const burstDone = Promise.all(
    workers.map(async (w) => {
      const submitAfter = w.submits ? 5 + Math.floor(Math.random() * 15) : Infinity;
      let saved = 0;
      for (const item of w.items) {
        if (killed) return void unfinished++;
        if ((await save(burst, w, w.attemptId, item)) === null) return;
        if (++saved >= submitAfter) {
          await submit(burst, w, w.attemptId);
          return;
        }
        if (Math.random() < 0.15) await save(burst, w, w.attemptId, item, pick(item.choices));
      }
    }),
  );
  const t0 = performance.now();
  await new Promise((resolve) => setTimeout(resolve, killAfterMs));
  killed = true;
  server.child.kill("SIGKILL");
  const exit = await server.exited;
  await burstDone;
  const ackedBeforeKill = acks.answers.size;
  const failedByKill = burst.rec.errors;
  if (exit.signal !== "SIGKILL")
    problems.push(`server ended by ${JSON.stringify(exit)}, not by the kill`);
  if (failedByKill === 0 && unfinished === 0)
    problems.push(
      `the burst had ended before the kill at ${killAfterMs} ms: nothing was in flight`,
    );
  const walAfterKill =
    !databaseUrl && fs.existsSync(`${dbPath}-wal`) && fs.statSync(`${dbPath}-wal`).size > 0;
  client.close();

  const HALF_SUBMITTED = `SELECT count(*) AS n FROM attempts WHERE (submitted_at IS NULL) != (quiz_score IS NULL)
         OR (submitted_at IS NULL) != (quiz_max IS NULL) OR (submitted_at IS NULL) != (sort_score IS NULL)
         OR (submitted_at IS NULL) != (sort_max IS NULL)`;
  const SUBMITTED = "SELECT id FROM attempts WHERE submitted_at IS NOT NULL";
  let integrity: string;
  let halfSubmitted: number;
  let submitted: Set<number>;
  const survivors = servers.slice(1);
  if (databaseUrl) {
    // The others never stopped: the pupils carry on through them (the load balancer has dropped
    // the dead one). PostgreSQL's own crash safety is not what is tested here: its server runs on.
    server = survivors[0];
    client = new Client(
      survivors.map((s) => s.url),
      256,
    );
    const pgClient = new pg.Client({ connectionString: databaseUrl });
    await pgClient.connect();
    integrity = "ok";
    halfSubmitted = Number((await pgClient.query<{ n: number }>(HALF_SUBMITTED)).rows[0].n);
    submitted = new Set(
      (await pgClient.query<{ id: number }>(SUBMITTED)).rows.map((r) => Number(r.id)),
    );
    await pgClient.end();
  } else {
    // Restart on the same file: the server itself recovers the log, then we look.
    server = await startServer({ entry, dbPath, logDir: dir });
    client = new Client(server.url, 256);
    const db = new Database(dbPath);
    integrity = (db.pragma("integrity_check") as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join("; ");
    halfSubmitted = db.prepare(HALF_SUBMITTED).pluck().get() as number;
    submitted = new Set(db.prepare(SUBMITTED).pluck().all() as number[]);
    db.close();
  }
  const afterKill = await verifyAcks(dbPath, acks, databaseUrl);
  problems.push(...afterKill.detail);
  if (integrity !== "ok") problems.push(`integrity_check: ${integrity}`);
  if (halfSubmitted) problems.push(`${halfSubmitted} attempts half-submitted`);

  // Carrying on: an open attempt takes a new answer and a submit; a closed one shows its feedback.
  const again: Ctx = { client, rec: new Recorder(), acks };
  await Promise.all(
    workers.map(async (w) => {
      if (submitted.has(w.attemptId)) {
        await page(again, w, `/pupil/assignments/${w.assignmentId}/feedback`);
        return;
      }
      if ((await save(again, w, w.attemptId, w.items[0])) === null) return;
      await submit(again, w, w.attemptId);
    }),
  );
  const carryOnFailures = again.rec.errors;
  problems.push(...again.rec.samples.slice(0, 5));
  client.close();
  const stops = await Promise.all(
    (databaseUrl ? survivors : [server]).map((x) => x.stop("SIGTERM")),
  );
  const stopped = stops.find((x) => x.code !== 0) ?? stops[0];
  const final = await verifyAcks(dbPath, acks, databaseUrl);
  if (final.lostAnswers || final.lostSubmits) problems.push(...final.detail);
  if (stopped.code !== 0) problems.push(`restarted server exited ${JSON.stringify(stopped)}`);
  if (!problems.length) fs.rmSync(dir, { recursive: true, force: true });
  else problems.push(`files kept in ${dir}`);
  console.log(
    `run ${run}: killed after ${killAfterMs} ms (${round(performance.now() - t0, 0)} ms incl. checks): ${ackedBeforeKill} answers and ${
      [...acks.submitted].filter((id) => submitted.has(id)).length
    } submits acknowledged before the kill, ${failedByKill} requests cut off, WAL left: ${walAfterKill}; ` +
      `integrity ${integrity}, lost ${afterKill.lostAnswers} answers / ${afterKill.lostSubmits} submits, half-submitted ${halfSubmitted}, ` +
      `carry-on failures ${carryOnFailures}${problems.length ? `\n  ${problems.join("\n  ")}` : ""}`,
  );
  return {
    run,
    killAfterMs,
    ackedBeforeKill,
    failedByKill,
    walAfterKill,
    integrity,
    lostAnswers: afterKill.lostAnswers + final.lostAnswers,
    lostSubmits: afterKill.lostSubmits + final.lostSubmits,
    halfSubmitted,
    carryOnFailures,
    exitAfterRestart: stopped.code,
    problems,
  };
}

const started = performance.now();
const results: RunResult[] = [];
for (let run = 1; run <= runs; run++) {
  const base = killPoints[(run - 1) % killPoints.length];
  results.push(await oneRun(run, Math.round(base * (0.85 + Math.random() * 0.3))));
}
const summary = {
  runs: results.length,
  pupils: pupilCount,
  kill_after_ms: results.map((r) => r.killAfterMs),
  acked_answers: results.reduce((n, r) => n + r.ackedBeforeKill, 0),
  cut_off_requests: results.reduce((n, r) => n + r.failedByKill, 0),
  lost_answers: results.reduce((n, r) => n + r.lostAnswers, 0),
  lost_submits: results.reduce((n, r) => n + r.lostSubmits, 0),
  half_submitted: results.reduce((n, r) => n + r.halfSubmitted, 0),
  integrity: results.every((r) => r.integrity === "ok") ? "ok" : "FAILED",
  carry_on_failures: results.reduce((n, r) => n + r.carryOnFailures, 0),
  failed_runs: results.filter((r) => r.problems.length).length,
  duration_s: round((performance.now() - started) / 1000),
  db: databaseUrl ? "postgresql" : "sqlite",
  instances: instanceCount,
};
console.log(JSON.stringify(summary));
process.exit(summary.failed_runs ? 1 : 0);
