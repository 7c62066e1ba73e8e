// npm run bench:results: seeds a big database (1,000 classes × 40 pupils × 3 assignments) and a 10× smaller one,
// each with one class of 50, and times that class's results page in-process and over HTTP. Last line: JSON summary.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { insertSession } from "../support/session";

const SECRET = "bench-results-secret";
process.env.SESSION_SECRET = SECRET;
process.env.NODE_ENV ??= "production";
process.env.COOKIE_SECURE = "false";

const args = new Map(
  process.argv
    .slice(2)
    .filter((a) => a.startsWith("--"))
    .map((a) => {
      const [k, v] = a.slice(2).split("=");
      return [k, v ?? "true"] as const;
    }),
);
const RUNS = Number(args.get("runs") ?? 50);
const LARGE = Number(args.get("classes") ?? 1000);
const SIZES = [LARGE, Math.max(1, Math.round(LARGE / 10))];
const TARGET_MEDIAN_MS = 50;

const buildDir = path.resolve(process.env.BUILD_DIR || "build");
if (!fs.existsSync(path.join(buildDir, "index.js"))) {
  console.error(
    `No production build at ${buildDir}/index.js: run npm run build first (or set BUILD_DIR).`,
  );
  process.exit(1);
}

const { openDatabase, closeDatabase } = await import("~/db.server");
const { allLessons } = await import("~/content/lessons.server");
const { assignmentResults } = await import("~/models/results.server");
const route = await import("~/routes/teacher.assignments.$assignmentId.results");

const DAY = 24 * 3600_000;
const loaded = allLessons().find((l) => l.lesson.slug === "ktt-putin-kim-2024") ?? allLessons()[0];
const lesson = loaded.lesson;

/** mulberry32: the same seed gives the same database every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Seeded = {
  file: string;
  assignmentId: number;
  cookie: string;
  seedMs: number;
  attempts: number;
  answers: number;
  sizeMb: number;
};

async function seed(classes: number, dir: string): Promise<Seeded> {
  const started = performance.now();
  const file = path.join(dir, `results-${classes}.db`);
  const { sqlite } = openDatabase(file);
  sqlite.pragma("synchronous = OFF");
  const random = rng(classes);
  const now = Date.now();
  const versionId = (
    sqlite
      .prepare(
        "INSERT INTO lesson_versions (slug, content_hash, snapshot, created_at) VALUES (?, ?, ?, ?) RETURNING id",
      )
      .get(lesson.slug, loaded.hash, JSON.stringify(lesson), now) as { id: number }
  ).id;
  const st = {
    teacher: sqlite.prepare(
      "INSERT INTO teachers (name, email, password_hash, created_at) VALUES (?, ?, 'x', ?) RETURNING id",
    ),
    klass: sqlite.prepare(
      "INSERT INTO classes (teacher_id, name, grade, subject, time_zone, join_code, created_at) VALUES (?, ?, '8', 'Bahasa Indonesia', 'WIB', ?, ?) RETURNING id",
    ),
    pupil: sqlite.prepare(
      "INSERT INTO pupils (class_id, display_name, name_key, pin_hash, joined_at) VALUES (?, ?, ?, 'x', ?) RETURNING id",
    ),
    assignment: sqlite.prepare(
      "INSERT INTO assignments (class_id, lesson_version_id, due_at, max_attempts, counting, created_at) VALUES (?, ?, ?, 2, 'highest', ?) RETURNING id",
    ),
    attempt: sqlite.prepare(
      `INSERT INTO attempts (assignment_id, pupil_id, number, seed, started_at, submitted_at, late, quiz_score, quiz_max, sort_score, sort_max)
       VALUES (?, ?, ?, 1, ?, ?, 0, ?, ?, ?, ?) RETURNING id`,
    ),
    answer: sqlite.prepare(
      "INSERT INTO answers (attempt_id, kind, item_id, choice, saved_at) VALUES (?, ?, ?, ?, ?)",
    ),
    post: sqlite.prepare(
      "INSERT INTO posts (assignment_id, prompt_id, author_id, parent_id, body, exemplary, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
    ),
  };
  let attempts = 0;
  let answers = 0;
  const categories = ["reported-event", "allegation", "denial", "unsourced-claim", "opinion"];

  /** One attempt: each item right with the pupil's ability, otherwise a random other choice. */
  function attempt(
    assignmentId: number,
    pupilId: number,
    number: number,
    ability: number,
    submitted: boolean,
  ) {
    const start = now - 2 * DAY + Math.floor(random() * DAY);
    const picks: [string, string, string][] = [];
    let quiz = 0;
    let sort = 0;
    for (const q of lesson.questions) {
      const right = random() < ability;
      if (right) quiz++;
      const wrong = q.options.filter((o) => o.id !== q.correct);
      picks.push(["quiz", q.id, right ? q.correct : wrong[Math.floor(random() * wrong.length)].id]);
    }
    for (const s of lesson.sorting) {
      const right = random() < ability;
      if (right) sort++;
      const wrong = categories.filter((c) => c !== s.category);
      picks.push(["sort", s.id, right ? s.category : wrong[Math.floor(random() * wrong.length)]]);
    }
    const { id } = st.attempt.get(
      assignmentId,
      pupilId,
      number,
      start,
      submitted ? start + 10 * 60_000 + Math.floor(random() * 30 * 60_000) : null,
      submitted ? quiz : null,
      submitted ? lesson.questions.length : null,
      submitted ? sort : null,
      submitted ? lesson.sorting.length : null,
    ) as { id: number };
    for (const [kind, itemId, choice] of picks)
      st.answer.run(id, kind, itemId, choice, start + 60_000);
    attempts++;
    answers += picks.length;
  }

  const seedClass = (c: number, pupils: number, assignmentsPer: number, target: boolean) => {
    const teacher = (st.teacher.get(`Guru ${c}`, `guru-${c}@bench.test`, now) as { id: number }).id;
    const classId = (
      st.klass.get(
        teacher,
        `Kelas ${c}`,
        `B${c.toString(36).toUpperCase().padStart(7, "0")}`,
        now,
      ) as { id: number }
    ).id;
    const pupilIds: number[] = [];
    for (let p = 0; p < pupils; p++) {
      const name = `Siswa ${c}-${p + 1}`;
      pupilIds.push((st.pupil.get(classId, name, name.toLowerCase(), now) as { id: number }).id);
    }
    let first = 0;
    for (let a = 0; a < assignmentsPer; a++) {
      const assignmentId = (
        st.assignment.get(classId, versionId, now + (a + 1) * DAY, now) as { id: number }
      ).id;
      first ||= assignmentId;
      pupilIds.forEach((pupilId, index) => {
        const ability = 0.35 + random() * 0.6;
        // In the measured class some never start, some are mid-attempt, some try twice.
        if (target && index >= 47) return;
        attempt(assignmentId, pupilId, 1, ability, !(target && index >= 44));
        if (target && index < 10) attempt(assignmentId, pupilId, 2, ability, true);
        if (!target || index < 44) {
          const prompt = lesson.prompts[index % Math.max(1, lesson.prompts.length)];
          if (prompt) {
            const top = (
              st.post.get(
                assignmentId,
                prompt.id,
                pupilId,
                null,
                "Menurut saya paragraf 3 hanya tuduhan.",
                index % 7 === 0 ? 1 : 0,
                now,
              ) as { id: number }
            ).id;
            if (target && index > 0)
              st.post.run(
                assignmentId,
                prompt.id,
                pupilIds[index - 1],
                top,
                "Setuju, buktinya belum ada.",
                0,
                now,
              );
          }
        }
      });
    }
    return { teacher, classId, assignmentId: first };
  };

  // The measured class first would put its rows at the start of every index; in the middle is fairer.
  const batch = 100;
  let target: { teacher: number; classId: number; assignmentId: number } | null = null;
  for (let c = 0; c < classes; c += batch) {
    sqlite.transaction(() => {
      for (let i = c; i < Math.min(classes, c + batch); i++) {
        seedClass(i, 40, 3, false);
        if (i === Math.floor(classes / 2)) target = seedClass(classes + 1, 50, 1, true);
      }
    })();
  }
  if (!target) throw new Error("target class not seeded");
  const t = target as { teacher: number; assignmentId: number };
  const session = await insertSession(sqlite, { role: "teacher", id: t.teacher }, SECRET);
  sqlite.pragma("analysis_limit = 1000");
  sqlite.exec("ANALYZE");
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
  return {
    file,
    assignmentId: t.assignmentId,
    cookie: session.header,
    seedMs: Math.round(performance.now() - started),
    attempts,
    answers,
    sizeMb: Math.round(fs.statSync(file).size / 1e6),
  };
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    median: round(at(0.5)),
    p95: round(at(0.95)),
    min: round(sorted[0]),
    max: round(sorted.at(-1)!),
  };
};

/** The query plans of the model's statements: every table reached through an index, none scanned whole. */
function plans(file: string, assignmentId: number): string[] {
  const { sqlite } = openDatabase(file);
  const classId = (
    sqlite.prepare("SELECT class_id AS c FROM assignments WHERE id = ?").get(assignmentId) as {
      c: number;
    }
  ).c;
  const queries: [string, unknown[]][] = [
    [
      `SELECT p.id, a.id FROM pupils p LEFT JOIN attempts a ON a.assignment_id = ? AND a.pupil_id = p.id WHERE p.class_id = ? ORDER BY p.display_name COLLATE NOCASE, p.id, a.number`,
      [assignmentId, classId],
    ],
    [
      `SELECT attempt_id, kind, item_id, choice FROM answers WHERE attempt_id IN (SELECT value FROM json_each(?))`,
      ["[1,2,3]"],
    ],
    [
      `SELECT author_id, prompt_id, sum(parent_id IS NULL) FROM posts WHERE assignment_id = ? AND deleted_at IS NULL GROUP BY author_id, prompt_id`,
      [assignmentId],
    ],
  ];
  const out = queries.flatMap(([q, params]) =>
    (sqlite.prepare(`EXPLAIN QUERY PLAN ${q}`).all(...params) as { detail: string }[]).map(
      (r) => r.detail,
    ),
  );
  sqlite.close();
  return out;
}

async function timeInProcess(file: string, assignmentId: number, cookie: string) {
  // The app's db client takes an already opened connection from globalThis (one per database here).
  globalThis.__telaahDb = openDatabase(file);
  const teacherId = (
    globalThis.__telaahDb.sqlite
      .prepare(
        "SELECT c.teacher_id AS t FROM assignments a JOIN classes c ON c.id = a.class_id WHERE a.id = ?",
      )
      .get(assignmentId) as { t: number }
  ).t;
  const callLoader = async () => {
    const request = new Request(
      `http://127.0.0.1/teacher/assignments/${assignmentId}/results?sort=score&dir=desc`,
      {
        headers: { Cookie: cookie },
      },
    );
    const response = (await route.loader({
      request,
      params: { assignmentId: String(assignmentId) },
      context: {},
    })) as Response;
    if (response.status !== 200) throw new Error(`loader answered ${response.status}`);
    await response.text();
  };
  // Warm-up: the lesson snapshot cache, prepared statements, JIT.
  for (let i = 0; i < 5; i++) {
    await assignmentResults({ teacherId, assignmentId });
    await callLoader();
  }
  const model: number[] = [];
  const loader: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t0 = performance.now();
    const r = await assignmentResults({ teacherId, assignmentId });
    model.push(performance.now() - t0);
    if (r.pupils.length !== 50) throw new Error(`expected 50 pupils, got ${r.pupils.length}`);
    t0 = performance.now();
    await callLoader();
    loader.push(performance.now() - t0);
  }
  closeDatabase();
  return { model: stats(model), loader: stats(loader) };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function get(
  port: number,
  pathname: string,
  cookie: string,
): Promise<{ status: number; ms: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.get(
      {
        host: "127.0.0.1",
        port,
        path: pathname,
        headers: { Cookie: cookie, "Accept-Language": "id" },
      },
      (res) => {
        let bytes = 0;
        res.on("data", (chunk: Buffer) => (bytes += chunk.length));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0, bytes }),
        );
      },
    );
    req.on("error", reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`timeout on ${pathname}`)));
  });
}

async function timeHttp(file: string, assignmentId: number, cookie: string) {
  const port = await freePort();
  const server = spawn(
    process.execPath,
    ["--import", "tsx", "server/index.ts", path.join(buildDir, "index.js")],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        PORT: String(port),
        DATABASE_PATH: file,
        SESSION_SECRET: SECRET,
        COOKIE_SECURE: "false",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let log = "";
  server.stdout.on("data", (d: Buffer) => (log += d.toString()));
  server.stderr.on("data", (d: Buffer) => (log += d.toString()));
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        if ((await get(port, "/healthz", "")).status === 200) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`server did not start:\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const url = `/teacher/assignments/${assignmentId}/results?sort=score&dir=desc`;
    const first = await get(port, url, cookie);
    if (first.status !== 200)
      throw new Error(`results page answered ${first.status}:\n${log.slice(-2000)}`);
    for (let i = 0; i < 10; i++) await get(port, url, cookie);
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const r = await get(port, url, cookie);
      if (r.status !== 200) throw new Error(`status ${r.status}`);
      times.push(r.ms);
      bytes = r.bytes;
    }
    // Our server's JSON log line per request ({"msg":"request","path":…,"ms":27.6}): the server-side time.
    const serverTimes = log
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map(
        (line) =>
          JSON.parse(line) as {
            msg?: string;
            method?: string;
            path?: string;
            status?: number;
            ms?: number;
          },
      )
      .filter(
        (r) =>
          r.msg === "request" &&
          r.method === "GET" &&
          /^\/teacher\/assignments\/\d+\/results$/.test(r.path ?? "") &&
          r.status === 200,
      )
      .map((r) => Number(r.ms))
      .slice(-RUNS);
    return {
      http: stats(times),
      serverLog: serverTimes.length ? stats(serverTimes) : null,
      pageBytes: bytes,
    };
  } finally {
    server.kill("SIGTERM");
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "telaah-bench-results-"));
const summary: Record<string, unknown>[] = [];
try {
  for (const classes of SIZES) {
    console.log(`seeding ${classes} classes × 40 pupils × 3 assignments + one class of 50 …`);
    const s = await seed(classes, dir);
    console.log(
      `  ${s.attempts} attempts, ${s.answers} answers, ${s.sizeMb} MB in ${(s.seedMs / 1000).toFixed(1)} s`,
    );
    const plan = plans(s.file, s.assignmentId);
    for (const line of plan) console.log(`  plan: ${line}`);
    const inProcess = await timeInProcess(s.file, s.assignmentId, s.cookie);
    console.log(
      `  in-process model ${JSON.stringify(inProcess.model)} ms, loader ${JSON.stringify(inProcess.loader)} ms`,
    );
    const overHttp = await timeHttp(s.file, s.assignmentId, s.cookie);
    console.log(
      `  HTTP ${JSON.stringify(overHttp.http)} ms, server log ${JSON.stringify(overHttp.serverLog)} ms, ${overHttp.pageBytes} bytes`,
    );
    summary.push({
      classes: classes + 1,
      attempts: s.attempts,
      answers: s.answers,
      dbMb: s.sizeMb,
      seedSeconds: Math.round(s.seedMs / 100) / 10,
      fullScans: plan.filter((l) => /^SCAN (attempts|answers|posts|pupils)\b/.test(l)).length,
      modelMs: inProcess.model,
      loaderMs: inProcess.loader,
      httpMs: overHttp.http,
      serverLogMs: overHttp.serverLog,
      pageBytes: overHttp.pageBytes,
    });
    for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f), { force: true });
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
const httpMedians = summary.map((s) => (s.httpMs as { median: number }).median);
console.log(
  JSON.stringify({
    bench: "results",
    runs: RUNS,
    targetMedianMs: TARGET_MEDIAN_MS,
    met: httpMedians.every((m) => m <= TARGET_MEDIAN_MS),
    largeToSmallRatio: Math.round((httpMedians[0] / httpMedians[1]) * 100) / 100,
    databases: summary,
  }),
);
