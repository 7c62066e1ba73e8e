// bench:load — school scale on the production build: classes and pupils made through the app's own
// forms, then N pupils (default 2,000, classes of 40) through the whole lesson with think times,
// a start spike during the peak, a no-think phase for throughput and a bare node:http ceiling.
// Options: --pupils 2000 --class-size 40 --think-min 2 --think-max 20 (s) --ramp 120 (s over which
// pupils arrive, evenly) --fast (no think time, no ramp) --concurrency 100 (pupils at once with --fast)
// --spike 50 --spike-rounds 2 --fast-pupils 200 --fast-concurrency 50 --ceiling-seconds 10
// --ceiling-connections 50 --setup-concurrency 8 --build <dir> --profile --no-ceiling --keep
// --port <n> --ceiling-port <n> (defaults: free ports)
// --open-loop: instead of pupils that wait for each reply before thinking and sending the next
// (closed loop, which under-samples stalls), requests are issued on a schedule whatever the replies
// (Poisson arrivals at --rate per second for --open-seconds, default rate = pupils / mean think
// time, i.e. what the closed loop offers at steady state), 85 % answer saves and 15 % quiz pages,
// each pupil's items in turn; latency is measured from the scheduled time, not the send time.
// Prints a JSON summary as its last line. Exits 1 on request errors, lost answers or submits, or
// when the server exits badly (during the run, or with a non-zero code or a signal at the end).
// --workers N (app processes per instance, WEB_CONCURRENCY; default: what `npm start` runs, one per
// core and at most 2)
// --postgres: the app on PostgreSQL (DATABASE_URL if set, else a throw-away cluster made by
// scripts/pg-cluster.ts with fsync and synchronous commit on, reached over its Unix socket; --tcp
// for 127.0.0.1); --instances N: N app servers on one
// database, each request to the next one in turn (round robin, as a load balancer)
// --port N --live-teachers N (teachers polling the live class view of N classes meanwhile)
// --live-poll-ms (default: the page's LIVE_POLL_MS)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import {
  between,
  ceiling,
  Client,
  cpuSplit,
  cpuStallUs,
  Jar,
  loadAverage,
  location,
  num,
  parseFlags,
  postgresUrl,
  pick,
  Recorder,
  requireBuild,
  round,
  RssSampler,
  sleep,
  stallPercent,
  startServer,
  tempDir,
  timed,
  type Item,
} from "./driver";
import {
  AckLog,
  discussion,
  openDashboard,
  openStep,
  page,
  save,
  signIn,
  start,
  submit,
  verifyAcks,
  type Ctx,
  type DiscussionOutcome,
  type Pupil,
} from "./flow";
import { LIVE_POLL_MS } from "../../app/utils/live";
import { summarizeProfiles } from "./profile";
import { defaultWorkers } from "../../server/workers";
import { spike } from "./spike";

const flags = parseFlags();
const databaseUrl = await postgresUrl(flags);
const instanceCount = num(flags, "instances", 1);
const entry = requireBuild(flags);
const fast = flags.fast === true;
const pupilCount = num(flags, "pupils", 2000);
const classSize = num(flags, "class-size", 40);
const thinkMin = fast ? 0 : num(flags, "think-min", 2) * 1000;
const thinkMax = fast ? 0 : num(flags, "think-max", 20) * 1000;
const rampMs = fast ? 0 : num(flags, "ramp", 120) * 1000;
const concurrency = fast ? num(flags, "concurrency", 100) : Infinity;
const spikeSize = num(flags, "spike", 50);
const spikeRounds = num(flags, "spike-rounds", 2);
const fastPupils = num(flags, "fast-pupils", 200);
const setupConcurrency = num(flags, "setup-concurrency", 8);
const openLoop = flags["open-loop"] === true;
const openSeconds = num(flags, "open-seconds", 60);
// App processes sharing the port (WEB_CONCURRENCY, decision 088): by default as many as `npm start`
// runs on this machine, so the bench measures what a school gets. Runs before 2026-11-29 used 1.
const workerCount = num(flags, "workers", defaultWorkers());
const openRate = num(
  flags,
  "rate",
  pupilCount / ((num(flags, "think-min", 2) + num(flags, "think-max", 20)) / 2),
);
/** The issue's target for starting an assignment, for both the 1-second window and the all-at-once burst. */
const START_TARGET_MS = 50;
// Teachers watching the live class view while the pupils work (issue 17): each polls one class's
// /live.json every --live-poll-ms with the ETag it holds, as the page does.
const liveTeachers = num(flags, "live-teachers", 0);
const livePollMs = num(flags, "live-poll-ms", LIVE_POLL_MS);
const SLUG = "ktt-putin-kim-2024";

const dir = tempDir("bench-load");
const profileDir = flags.profile ? path.join(dir, "profile") : undefined;
const loadBefore = loadAverage();
// Several instances start at the same moment, as a deploy would (one migrates, the others wait).
const servers = await Promise.all(
  Array.from({ length: instanceCount }, (_, i) =>
    startServer({
      entry,
      dbPath: path.join(dir, "telaah.db"),
      databaseUrl,
      logDir: dir,
      profileDir,
      port: flags.port ? num(flags, "port", 0) + i : undefined,
      env: { WEB_CONCURRENCY: String(workerCount) },
    }),
  ),
);
const server = servers[0];
// A server that dies mid-run must fail the bench even if every later request "only" errors.
let stopping = false;
let diedDuringRun: { code: number | null; signal: NodeJS.Signals | null } | null = null;
for (const s of servers)
  void s.exited.then((exit) => {
    if (stopping) return;
    diedDuringRun = exit;
    console.error(
      `bench:load: a server exited during the run: ${JSON.stringify(exit)} (log ${s.logFile})`,
    );
  });
const rss = new RssSampler(servers.map((s) => s.pid)).start();
const client = new Client(
  servers.map((s) => s.url),
  512,
);
console.log(
  `bench:load: ${servers.length} server(s) ${servers.map((s) => `pid ${s.pid} on ${s.url}`).join(", ")}, ${databaseUrl ? "PostgreSQL" : "SQLite"}, data in ${dir}`,
);

/** Runs `task` over `items` with at most `limit` at a time. */
async function pool<T>(items: T[], limit: number, task: (item: T, index: number) => Promise<void>) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await task(items[i], i);
    }
  });
  await Promise.all(lanes);
}

// ---------------------------------------------------------------- setup through the app's forms

rss.phase("setup");
const setup = new Recorder();
const setupCtx: Ctx = { client, rec: setup, acks: new AckLog() };
const t0 = performance.now();
const teacher = new Jar();
const must = <T>(value: T | null, what: string): T => {
  if (value === null) throw new Error(`setup failed at ${what}: ${setup.samples.join("; ")}`);
  return value;
};
must(
  await timed(client, setup, "setup", "POST", "/teacher/signup", {
    jar: teacher,
    form: {
      name: "Bu Ratna",
      email: `ratna-${Date.now()}@sekolah.test`,
      password: "teh-manis-di-sore-hari",
      contact_url: "",
    },
    // a new account is answered with its recovery codes (shown once), signed in, not redirected
    expect: 200,
  }),
  "teacher sign-up",
);

type Klass = { id: number; code: string; pupils: Pupil[] };
async function makeClasses(count: number, label: string): Promise<Klass[]> {
  const out: Klass[] = [];
  for (let i = 0; i < count; i++) {
    const made = must(
      await timed(client, setup, "setup", "POST", "/teacher", {
        jar: teacher,
        form: {
          name: `${label} ${i + 1}`,
          grade: "8",
          subject: "Bahasa Indonesia",
          timeZone: "WIB",
        },
        expect: 302,
      }),
      "class creation",
    );
    const id = Number(/\/teacher\/classes\/(\d+)/.exec(location(made))?.[1]);
    const pageRes = must(
      await timed(client, setup, "setup", "GET", `/teacher/classes/${id}`, {
        jar: teacher,
        expect: 200,
      }),
      "class page",
    );
    const code = /class="join-code">([^<]+)</.exec(pageRes.body)?.[1];
    if (!id || !code) throw new Error(`no class id or join code after creating ${label} ${i + 1}`);
    out.push({ id, code, pupils: [] });
  }
  return out;
}

const groups = {
  main: await makeClasses(Math.ceil(pupilCount / classSize), "Kelas"),
  spike: await makeClasses(spikeRounds * 2, "Kelas serentak"),
  fast: await makeClasses(Math.ceil(fastPupils / classSize), "Kelas cepat"),
};
const allClasses = [...groups.main, ...groups.spike, ...groups.fast];
// One assignment per class (the form takes at most 50 classes at a time), due in a week.
const week = new Date(Date.now() + 7 * 24 * 3600_000 + 7 * 3600_000).toISOString().slice(0, 10);
for (let i = 0; i < allClasses.length; i += 50) {
  must(
    await timed(client, setup, "setup", "POST", "/teacher/assign", {
      jar: teacher,
      form: {
        lesson: SLUG,
        classId: allClasses.slice(i, i + 50).map((c) => String(c.id)),
        due: `${week}T23:59`,
        acceptLate: "on",
        maxAttempts: "1",
        counting: "highest",
        feedback: "immediate",
        shuffle: "on",
        postFirst: "on",
      },
      expect: 302,
    }),
    "assigning",
  );
}

// Pupils join with the class code through /join (which signs them in).
const joins: { klass: Klass; pupil: Pupil }[] = [];
const fill = (classes: Klass[], total: number, size: number, prefix: string) => {
  for (let i = 0; i < total; i++) {
    const klass = classes[Math.floor(i / size)];
    const pupil: Pupil = {
      jar: new Jar(),
      name: `${prefix} ${i + 1}`,
      code: klass.code,
      pin: String(100000 + Math.floor(Math.random() * 900000)),
    };
    klass.pupils.push(pupil);
    joins.push({ klass, pupil });
  }
};
fill(groups.main, pupilCount, classSize, "Siswa");
fill(groups.spike, spikeRounds * 2 * spikeSize, spikeSize, "Serentak");
fill(groups.fast, fastPupils, classSize, "Cepat");
await pool(joins, setupConcurrency, async ({ pupil }) => {
  must(
    await timed(client, setup, "setup", "POST", "/join", {
      jar: pupil.jar,
      form: {
        code: pupil.code!,
        displayName: pupil.name,
        pin: pupil.pin!,
        pinConfirm: pupil.pin!,
        contact_url: "",
      },
      expect: 302,
    }),
    `join of ${pupil.name}`,
  );
});
// The spike and no-think pupils stay signed in from joining; find their assignment once.
await pool(
  [...groups.spike, ...groups.fast].flatMap((c) => c.pupils),
  setupConcurrency,
  async (p) => {
    must((await openDashboard(setupCtx, p)) || null, `dashboard of ${p.name}`);
  },
);
const setupSeconds = (performance.now() - t0) / 1000;
console.log(
  `setup: ${joins.length} pupils joined ${allClasses.length} classes through the forms in ${round(setupSeconds)} s`,
);

// ---------------------------------------------------------------- the realistic run

const rec = new Recorder();
const acks = new AckLog();
const ctx: Ctx = { client, rec, acks };
const think = () => sleep(between(thinkMin, thinkMax));
const discussions = new Map<DiscussionOutcome, number>();

async function answerAll(pupil: Pupil, attemptId: number, items: Item[]) {
  const answered: Item[] = [];
  for (const item of items) {
    await think();
    if ((await save(ctx, pupil, attemptId, item)) === null) continue;
    answered.push(item);
    // Now and then a pupil changes an earlier answer: the last acknowledged choice must win.
    if (answered.length > 1 && Math.random() < 0.1) {
      const earlier = pick(answered.slice(0, -1));
      await think();
      await save(ctx, pupil, attemptId, earlier);
    }
  }
}

async function lesson(pupil: Pupil) {
  if (!(await signIn(ctx, pupil))) return;
  if (!(await openDashboard(ctx, pupil))) return;
  await think();
  const base = `/pupil/assignments/${pupil.assignmentId}`;
  if (!(await page(ctx, pupil, base))) return;
  await think();
  if (!(await start(ctx, pupil))) return;
  if (!(await page(ctx, pupil, `${base}/read`))) return;
  await think();
  const sort = await openStep(ctx, pupil, "sort");
  if (!sort) return;
  await answerAll(pupil, sort.attemptId, sort.items.slice(0, 8));
  await think();
  const quiz = await openStep(ctx, pupil, "quiz");
  if (!quiz) return;
  await answerAll(pupil, quiz.attemptId, quiz.items.slice(0, 12));
  await think();
  const next = await submit(ctx, pupil, quiz.attemptId);
  if (!next || !(await page(ctx, pupil, next))) return;
  await think();
  const outcome = await discussion(ctx, pupil);
  discussions.set(outcome, (discussions.get(outcome) ?? 0) + 1);
}

/** Open loop: what each pupil has ready to send (found before the clock starts). */
type Ready = { pupil: Pupil; attemptId: number; items: Item[]; next: number; quizPath: string };
const open = { offered: 0, completed: 0, driverLagMaxMs: 0, prepSeconds: 0 };
const serviceRec = new Recorder();
const mainPupils = groups.main.flatMap((c) => c.pupils);

// The watched classes' assignment ids, read from their class pages as a teacher would find them.
const liveRec = new Recorder();
const liveStatus = { ok200: 0, ok304: 0 };
let liveStop = false;
const watched: number[] = [];
for (let i = 0; i < liveTeachers; i++) {
  const klass = groups.main[i % groups.main.length];
  const res = must(
    await timed(client, setup, "setup", "GET", `/teacher/classes/${klass.id}`, {
      jar: teacher,
      expect: 200,
    }),
    "class page",
  );
  const id = Number(/\/teacher\/assignments\/(\d+)/.exec(res.body)?.[1]);
  if (!id) throw new Error(`no assignment link on class ${klass.id}'s page`);
  watched.push(id);
}
async function watch(assignmentId: number) {
  await sleep(Math.random() * livePollMs);
  let etag: string | undefined;
  const target = `/teacher/assignments/${assignmentId}/live.json`;
  while (!liveStop) {
    liveRec.requests++;
    try {
      const res = await client.request("GET", target, {
        jar: teacher,
        accept: "application/json",
        headers: etag ? { "If-None-Match": etag } : {},
      });
      liveRec.add("live", res.ms);
      if (res.status === 200) {
        liveStatus.ok200++;
        etag = String(res.headers.etag ?? "");
      } else if (res.status === 304) liveStatus.ok304++;
      else {
        liveRec.non2xx3xx++;
        liveRec.fail(`live GET ${target}: status ${res.status}`);
      }
    } catch (error) {
      liveRec.fail(`live GET ${target}: ${(error as Error).message}`);
    }
    await sleep(livePollMs);
  }
}
const liveRun = Promise.all(watched.map((id) => watch(id)));

rss.phase("main");
const cpuMain = process.cpuUsage();
const splitBefore = cpuSplit(servers.map((s) => s.pid));
const stallBefore = cpuStallUs();
const tMain = performance.now();
let spikeResult: Awaited<ReturnType<typeof spike>> | null = null;
const spikeRun = (async () => {
  // The synchronised start lands at the peak: every pupil has arrived, most are mid-lesson.
  if (openLoop) {
    // in the middle of the scheduled run (preparation first)
    while (open.prepSeconds === 0) await sleep(200);
    await sleep((openSeconds * 1000) / 2);
  } else await sleep(fast ? 2000 : rampMs + 10_000);
  spikeResult = await spike(ctx, groups.spike, spikeRounds, spikeSize);
})();

async function openLoopRun() {
  // Preparation, closed loop and not measured: each pupil opens the assignment, starts, and reads
  // its sort and quiz forms, so every scheduled request can be sent without waiting for another.
  const tPrep = performance.now();
  const ready: Ready[] = [];
  await pool(mainPupils, setupConcurrency, async (p) => {
    if (!(await openDashboard(setupCtx, p))) return;
    if (!(await start(setupCtx, p))) return;
    const sort = await openStep(setupCtx, p, "sort");
    const quiz = await openStep(setupCtx, p, "quiz");
    if (!sort || !quiz) return;
    ready.push({
      pupil: p,
      attemptId: quiz.attemptId,
      items: [...sort.items, ...quiz.items],
      next: 0,
      quizPath: `/pupil/assignments/${p.assignmentId}/quiz`,
    });
  });
  if (ready.length < mainPupils.length)
    setup.fail(`open loop: only ${ready.length} of ${mainPupils.length} pupils ready`);
  open.prepSeconds = (performance.now() - tPrep) / 1000;
  console.log(
    `open loop: ${ready.length} pupils ready in ${round(open.prepSeconds)} s; offering ${round(openRate)} requests/s for ${openSeconds} s`,
  );

  // The schedule: Poisson arrivals at openRate, fixed before the run; nothing waits for a reply.
  const serviceCtx: Ctx = { client, rec: serviceRec, acks };
  const inFlight: Promise<void>[] = [];
  const t0 = performance.now();
  const end = t0 + openSeconds * 1000;
  let at = t0;
  let i = 0;
  for (;;) {
    at += (-Math.log(1 - Math.random()) / openRate) * 1000;
    if (at >= end) break;
    const scheduled = at;
    const wait = scheduled - performance.now();
    if (wait > 1) await sleep(wait);
    open.driverLagMaxMs = Math.max(open.driverLagMaxMs, performance.now() - scheduled);
    const r = ready[i++ % ready.length];
    open.offered++;
    if (Math.random() < 0.85) {
      const item = r.items[r.next++ % r.items.length];
      inFlight.push(
        save(serviceCtx, r.pupil, r.attemptId, item).then((ok) => {
          if (ok === null) return;
          open.completed++;
          rec.add("save", performance.now() - scheduled);
        }),
      );
    } else {
      inFlight.push(
        page(serviceCtx, r.pupil, r.quizPath).then((res) => {
          if (res === null) return;
          open.completed++;
          rec.add("page", performance.now() - scheduled);
        }),
      );
    }
  }
  await Promise.all(inFlight);
  rec.requests += serviceRec.requests;
  rec.errors += serviceRec.errors;
  rec.non2xx3xx += serviceRec.non2xx3xx;
  rec.samples.push(...serviceRec.samples.slice(0, 20 - rec.samples.length));
}

if (openLoop) await openLoopRun();
else if (fast) await pool(mainPupils, concurrency, (p) => lesson(p));
else
  await Promise.all(
    mainPupils.map(async (p) => {
      await sleep(Math.random() * rampMs);
      await lesson(p);
    }),
  );
await spikeRun;
liveStop = true;
await liveRun;
const mainSeconds = (performance.now() - tMain) / 1000;
const driverCpu = process.cpuUsage(cpuMain);
const splitAfter = cpuSplit(servers.map((s) => s.pid));
const stallMain = stallPercent(stallBefore, cpuStallUs(), mainSeconds);
console.log(
  `main phase: ${mainPupils.length} pupils in ${round(mainSeconds)} s, ${rec.errors} errors`,
);

// ---------------------------------------------------------------- no-think throughput

rss.phase("no-think");
const fastRec = new Recorder();
const fastCtx: Ctx = { client, rec: fastRec, acks };
const tFast = performance.now();
await pool(
  groups.fast.flatMap((c) => c.pupils),
  num(flags, "fast-concurrency", 50),
  async (pupil) => {
    const base = `/pupil/assignments/${pupil.assignmentId}`;
    if (!(await page(fastCtx, pupil, base))) return;
    if (!(await start(fastCtx, pupil))) return;
    if (!(await page(fastCtx, pupil, `${base}/read`))) return;
    for (const step of ["sort", "quiz"] as const) {
      const s = await openStep(fastCtx, pupil, step);
      if (!s) return;
      for (const item of s.items.slice(0, step === "sort" ? 8 : 12))
        await save(fastCtx, pupil, s.attemptId, item);
      if (step === "quiz") {
        const next = await submit(fastCtx, pupil, s.attemptId);
        if (next) await page(fastCtx, pupil, next);
      }
    }
    await discussion(fastCtx, pupil);
  },
);
const fastSeconds = (performance.now() - tFast) / 1000;
const appRpsFast = round(fastRec.requests / fastSeconds, 0);
console.log(
  `no-think phase: ${fastRec.requests} requests in ${round(fastSeconds)} s, ${fastRec.errors} errors`,
);

// ---------------------------------------------------------------- the ceiling

let ceil: Awaited<ReturnType<typeof ceiling>> | null = null;
if (!flags["no-ceiling"]) {
  rss.phase("ceiling");
  // A spike pupil's attempt is still open, so their quiz page is the full page.
  const probe = groups.spike[0].pupils[0];
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
    port: flags["ceiling-port"] ? num(flags, "ceiling-port", 0) : undefined,
  });
}

client.close();
const rssMax = rss.stop();
stopping = true;
const stops = await Promise.all(servers.map((s) => s.stop("SIGTERM")));
const stopped = diedDuringRun ?? stops.find((x) => x.code !== 0 || x.signal !== null) ?? stops[0];
const serverExitedBadly = diedDuringRun !== null || stopped.code !== 0 || stopped.signal !== null;
const verified = await verifyAcks(server.dbPath, acks, databaseUrl);
const allErrors = [...rec.samples, ...fastRec.samples, ...liveRec.samples];
if (allErrors.length) console.log(`first errors:\n  ${allErrors.slice(0, 20).join("\n  ")}`);
if (verified.detail.length) console.log(`lost:\n  ${verified.detail.join("\n  ")}`);
if (serverExitedBadly)
  console.log(
    `server exit: ${JSON.stringify(stopped)}${diedDuringRun ? " during the run" : ""} (see ${server.logFile})`,
  );
if (profileDir) summarizeProfiles(profileDir);
const failed =
  rec.errors + fastRec.errors + liveRec.errors > 0 ||
  verified.lostAnswers > 0 ||
  verified.lostSubmits > 0 ||
  serverExitedBadly;
// The database and the request log stay for a look when something failed, or with --keep.
if (failed || flags.keep || profileDir) console.log(`kept: ${dir}`);
else fs.rmSync(dir, { recursive: true, force: true });

const sr = spikeResult as Awaited<ReturnType<typeof spike>> | null;
const summary = {
  pupils: mainPupils.length,
  duration_s: round(mainSeconds),
  requests: rec.requests + fastRec.requests,
  errors: rec.errors + fastRec.errors + liveRec.errors,
  non_2xx_3xx: rec.non2xx3xx + fastRec.non2xx3xx + liveRec.non2xx3xx,
  save_p50_ms: rec.p("save", 50),
  save_p99_ms: rec.p("save", 99),
  page_p99_ms: rec.p("page", 99),
  start_spike_p99_ms: sr?.windowP99 ?? null,
  // the same 50 ms target for the presses spread over one second and for all of them at once
  start_target_ms: START_TARGET_MS,
  start_window_p99_ms: sr?.windowP99 ?? null,
  start_burst_p99_ms: sr?.burstP99 ?? null,
  start_window_meets_target: sr?.windowP99 == null ? null : sr.windowP99 <= START_TARGET_MS,
  start_burst_meets_target: sr?.burstP99 == null ? null : sr.burstP99 <= START_TARGET_MS,
  app_rps_fast: appRpsFast,
  ceiling_rps: ceil?.ceilingRps ?? null,
  // the realistic run (setup and the lesson); the no-think and autocannon phases are in rss_phase_max_mb
  rss_max_mb: Math.max(rss.phaseMaxMb().setup ?? 0, rss.phaseMaxMb().main ?? 0),
  lost_answers: verified.lostAnswers,
  rss_phase_max_mb: rss.phaseMaxMb(),
  rss_whole_run_max_mb: rssMax,
  // beyond the issue's fields
  mode: openLoop
    ? `open loop ${round(openRate)} req/s offered for ${openSeconds} s`
    : fast
      ? "fast"
      : `closed loop, think ${thinkMin / 1000}-${thinkMax / 1000} s, ramp ${rampMs / 1000} s`,
  // open loop only: latencies above (save_*, page_*) are from the scheduled time
  open_offered: openLoop ? open.offered : null,
  open_offered_rps: openLoop ? round(open.offered / openSeconds) : null,
  open_completed: openLoop ? open.completed : null,
  open_driver_lag_max_ms: openLoop ? round(open.driverLagMaxMs) : null,
  open_save_service_p99_ms: openLoop ? serviceRec.p("save", 99) : null,
  open_prep_s: openLoop ? round(open.prepSeconds) : null,
  spike_starts: sr?.count ?? 0,
  signin_p99_ms: rec.p("signin", 99),
  start_p99_ms: rec.p("start", 99),
  submit_p99_ms: rec.p("submit", 99),
  page_p50_ms: rec.p("page", 50),
  save_max_ms: rec.p("save", 100),
  page_max_ms: rec.p("page", 100),
  saves: rec.count("save") + fastRec.count("save"),
  saves_per_s_main: round(rec.count("save") / mainSeconds),
  saves_per_s_peak_5s: rec.peakRate("save"),
  requests_per_s_peak_5s: rec.peakRate(),
  lost_submits: verified.lostSubmits,
  discussion: openLoop
    ? "not run (open loop: saves and quiz pages only)"
    : discussions.has("posted")
      ? `posted ${discussions.get("posted")}`
      : discussions.has("not available")
        ? "not available"
        : "failed",
  fast_requests: fastRec.requests,
  fast_page_p99_ms: fastRec.p("page", 99),
  fast_save_p99_ms: fastRec.p("save", 99),
  app_page_rps: ceil?.appRps ?? null,
  page_bytes: ceil?.bytes ?? null,
  ceiling_ratio: ceil ? round(ceil.ceilingRps / Math.max(1, ceil.appRps), 1) : null,
  setup_s: round(setupSeconds),
  driver_cpu_main_s: round((driverCpu.user + driverCpu.system) / 1e6),
  // where the machine's CPU went in the main phase: the app servers, the PostgreSQL server (0 on
  // SQLite, which runs inside the app), against the cores × seconds there were
  app_cpu_main_s: round(splitAfter.app - splitBefore.app),
  db_cpu_main_s: round(splitAfter.db - splitBefore.db),
  cpu_available_main_s: round(mainSeconds * os.availableParallelism()),
  cpu_stall_main_pct: stallMain,
  server_exit: stopped.code,
  server_signal: stopped.signal,
  server_died_during_run: diedDuringRun !== null,
  workers: workerCount,
  instances: servers.length,
  db: databaseUrl ? "postgresql" : "sqlite",
  db_connection: databaseUrl ? (databaseUrl.includes("?host=/") ? "unix socket" : "tcp") : null,
  live_teachers: liveTeachers,
  live_poll_ms: livePollMs,
  live_polls: liveRec.requests,
  live_200: liveStatus.ok200,
  live_304: liveStatus.ok304,
  live_errors: liveRec.errors,
  live_p50_ms: liveTeachers ? liveRec.p("live", 50) : null,
  live_p99_ms: liveTeachers ? liveRec.p("live", 99) : null,
  load_avg_1m: [loadBefore, loadAverage()],
};
console.log(JSON.stringify(summary));
process.exit(
  summary.errors || summary.lost_answers || summary.lost_submits || serverExitedBadly ? 1 : 0,
);
