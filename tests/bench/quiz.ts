// bench:quiz — the quiz under load on the production build: classes of 50 pressing "start" in the
// same second, then 500 pupils each saving 12 answers with 1–3 s pauses and submitting.
// Options: --pupils 500 --class-size 50 --spike 50 --spike-rounds 2 --answers 12 --pause-min 1
// --pause-max 3 --ramp 5 (s over which the pupils arrive) --build <dir> --profile
// --ceiling-seconds 10 --ceiling-connections 50 --no-ceiling --keep (the temp folder). Prints a JSON
// summary as its last line.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import {
  between,
  ceiling,
  Client,
  cpuStallUs,
  loadAverage,
  num,
  parseFlags,
  Recorder,
  requireBuild,
  round,
  RssSampler,
  sleep,
  stallPercent,
  startServer,
  tempDir,
} from "./driver";
import { AckLog, openStep, page, save, start, submit, type Ctx, type Pupil } from "./flow";
import { summarizeProfiles } from "./profile";
import { seedClasses } from "./seed";
import { spike } from "./spike";

const flags = parseFlags();
const entry = requireBuild(flags);
const pupilsWanted = num(flags, "pupils", 500);
const classSize = num(flags, "class-size", 50);
const spikeSize = num(flags, "spike", 50);
const spikeRounds = num(flags, "spike-rounds", 2);
const answersEach = num(flags, "answers", 12);
const pauseMin = num(flags, "pause-min", 1) * 1000;
const pauseMax = num(flags, "pause-max", 3) * 1000;
const rampMs = num(flags, "ramp", 5) * 1000;

const dir = tempDir("bench-quiz");
const profileDir = flags.profile ? path.join(dir, "profile") : undefined;
const loadBefore = loadAverage();
const server = await startServer({
  entry,
  dbPath: path.join(dir, "telaah.db"),
  logDir: dir,
  profileDir,
});
const rss = new RssSampler(server.pid).start();
const client = new Client(server.url, Math.max(256, spikeSize));
const rec = new Recorder();
const ctx: Ctx = { client, rec, acks: new AckLog() };
console.log(`bench:quiz: server pid ${server.pid} on ${server.url}, data in ${dir}`);

const [warmClass] = await seedClasses(server.dbPath, { classes: 1, perClass: 5, label: "warm" });
const spikeClasses = await seedClasses(server.dbPath, {
  classes: 2 * spikeRounds,
  perClass: spikeSize,
  label: "spike",
});
const classes = await seedClasses(server.dbPath, {
  classes: Math.ceil(pupilsWanted / classSize),
  perClass: classSize,
  label: "kelas",
});
const asPupil = (p: { jar: Pupil["jar"]; name: string }, assignmentId: number): Pupil => ({
  ...p,
  assignmentId,
});

// 0. A server that has been up a while has run every code path once: one small class goes
// through the whole flow first (not measured), so the spike is not timing the JIT compiler.
const warmCtx: Ctx = { client, rec: new Recorder(), acks: new AckLog() };
for (const p of warmClass.pupils.map((p) => asPupil(p, warmClass.assignmentId))) {
  await page(warmCtx, p, `/pupil/assignments/${p.assignmentId}`);
  await start(warmCtx, p);
  const step = await openStep(warmCtx, p, "quiz");
  if (step) {
    for (const item of step.items.slice(0, 3)) await save(warmCtx, p, step.attemptId, item);
    await submit(warmCtx, p, step.attemptId);
  }
}
if (warmCtx.rec.errors) throw new Error(`warm-up failed: ${warmCtx.rec.samples.join("; ")}`);

rss.phase("main");
// 1. The spike (see spike.ts): classes of 50 pressing "start" within one second, and all at once.
const spikePupils = spikeClasses.map((c) => ({
  pupils: c.pupils.map((p) => asPupil(p, c.assignmentId)),
}));
const spiked = await spike(ctx, spikePupils, spikeRounds, spikeSize);

// 2. The class period: pupils arrive over the ramp, start, open the quiz, answer, submit.
const workers = classes
  .flatMap((c) => c.pupils.map((p) => asPupil(p, c.assignmentId)))
  .slice(0, pupilsWanted);
const t0 = performance.now();
const stallBefore = cpuStallUs();
await Promise.all(
  workers.map(async (pupil, i) => {
    await sleep((i / workers.length) * rampMs);
    if (!(await start(ctx, pupil, "start_main"))) return;
    const step = await openStep(ctx, pupil, "quiz");
    if (!step) return;
    for (const item of step.items.slice(0, answersEach)) {
      await sleep(between(pauseMin, pauseMax));
      await save(ctx, pupil, step.attemptId, item);
    }
    await sleep(between(pauseMin, pauseMax));
    await submit(ctx, pupil, step.attemptId);
  }),
);
const mainSeconds = (performance.now() - t0) / 1000;
const stallMain = stallPercent(stallBefore, cpuStallUs(), mainSeconds);
console.log(`main phase: ${workers.length} pupils in ${round(mainSeconds)} s`);

// 3. The ceiling: the quiz page of a pupil with an open attempt, against a bare server sending it.
let ceil: Awaited<ReturnType<typeof ceiling>> | null = null;
if (!flags["no-ceiling"]) {
  rss.phase("ceiling");
  const probe = spikePupils[0].pupils[0];
  const quizPath = `/pupil/assignments/${probe.assignmentId}/quiz`;
  const res = await client.request("GET", quizPath, {
    jar: probe.jar,
    headers: { "Accept-Encoding": "identity" },
  });
  ceil = await ceiling({
    body: Buffer.from(res.body),
    app: { url: `${server.url}${quizPath}`, headers: { Cookie: probe.jar.header()! } },
    connections: num(flags, "ceiling-connections", 50),
    seconds: num(flags, "ceiling-seconds", 10),
    dir,
  });
}

client.close();
const rssMax = rss.stop();
const stopped = await server.stop("SIGTERM");
const verified = await (await import("./flow")).verifyAcks(server.dbPath, ctx.acks);
if (rec.samples.length) console.log(`first errors:\n  ${rec.samples.join("\n  ")}`);
if (verified.detail.length) console.log(`lost:\n  ${verified.detail.join("\n  ")}`);
if (stopped.code !== 0)
  console.log(`server exit: ${JSON.stringify(stopped)} (see ${server.logFile})`);
if (profileDir) summarizeProfiles(profileDir);
const failed =
  rec.errors > 0 || verified.lostAnswers > 0 || verified.lostSubmits > 0 || stopped.code !== 0;
// The database and the request log stay for a look when something failed, or with --keep.
if (failed || flags.keep || profileDir) console.log(`kept: ${dir}`);
else fs.rmSync(dir, { recursive: true, force: true });

const summary = {
  pupils: workers.length,
  requests: rec.requests,
  errors: rec.errors,
  save_p50_ms: rec.p("save", 50),
  save_p99_ms: rec.p("save", 99),
  start_p99_ms: spiked.windowP99,
  submit_p99_ms: rec.p("submit", 99),
  // the pupils' phases; the autocannon ceiling phase is in rss_phase_max_mb
  rss_max_mb: Math.max(rss.phaseMaxMb().start ?? 0, rss.phaseMaxMb().main ?? 0),
  // beyond the fields
  rss_phase_max_mb: rss.phaseMaxMb(),
  rss_whole_run_max_mb: rssMax,
  start_burst_p99_ms: spiked.burstP99,
  spike_starts: spiked.count,
  start_main_p99_ms: rec.p("start_main", 99),
  page_p99_ms: rec.p("page", 99),
  saves: rec.count("save"),
  saves_per_s: round(rec.count("save") / mainSeconds),
  saves_per_s_peak_5s: rec.peakRate("save"),
  lost_answers: verified.lostAnswers,
  lost_submits: verified.lostSubmits,
  ceiling_rps: ceil?.ceilingRps ?? null,
  app_page_rps: ceil?.appRps ?? null,
  page_bytes: ceil?.bytes ?? null,
  cpu_stall_main_pct: stallMain,
  load_avg_1m: [loadBefore, loadAverage()],
};
console.log(JSON.stringify(summary));
process.exit(summary.errors || summary.lost_answers || summary.lost_submits ? 1 : 0);
