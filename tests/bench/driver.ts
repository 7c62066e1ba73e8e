// The load driver shared by bench:quiz, bench:load and test:crash: starts the production build,
// talks HTTP with cookies like a browser without JavaScript, times requests, samples server RSS.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import zlib from "node:zlib";

// ---------------------------------------------------------------- command line

export type Flags = Record<string, string | boolean>;

/** `--name value`, `--name=value` and bare `--flag` (true). */
/**
 * `--postgres` without DATABASE_URL: runs this same script again inside a throw-away PostgreSQL
 * cluster (scripts/pg-cluster.ts, fsync on), which sets DATABASE_URL, and exits with its code.
 * Returns the database URL to use (undefined: SQLite).
 */
export async function postgresUrl(flags: Flags): Promise<string | undefined> {
  if (flags.postgres !== true) return undefined;
  const given = process.env.DATABASE_URL;
  // Inside the throw-away cluster, which runs on this same machine, the app talks to it over its
  // Unix socket, as a one-machine install would: loopback TCP costs the app ~20 % more CPU per
  // request (docs/performance.md). `--tcp` keeps 127.0.0.1.
  const clusterDir = process.env.PG_CLUSTER_DIR;
  if (given && clusterDir && flags.tcp !== true) {
    const tcp = new URL(given);
    // username and password stay percent-encoded as URL gives them
    const user = tcp.password ? `${tcp.username}:${tcp.password}` : tcp.username;
    return `postgres://${user}@/${tcp.pathname.slice(1)}?host=${clusterDir}&port=${tcp.port}`;
  }
  if (given) return given;
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/pg-cluster.ts",
      process.execPath,
      "--import",
      "tsx",
      ...process.argv.slice(1),
    ],
    { stdio: "inherit" },
  );
  process.exit(await new Promise<number>((resolve) => child.once("exit", (c) => resolve(c ?? 1))));
}

export function parseFlags(argv = process.argv.slice(2)): Flags {
  const out: Flags = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) continue;
    const eq = arg.indexOf("=");
    if (eq > 0) out[arg.slice(2, eq)] = arg.slice(eq + 1);
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith("--"))
      out[arg.slice(2)] = argv[++i];
    else out[arg.slice(2)] = true;
  }
  return out;
}

export function num(flags: Flags, name: string, fallback: number): number {
  const raw = flags[name];
  if (raw === undefined || raw === true) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`--${name} must be a number, got ${raw}`);
  return value;
}

/** The build a benchmark serves; benchmarks never build, so a missing build stops them here. */
export function requireBuild(flags: Flags): string {
  const dir = typeof flags.build === "string" ? flags.build : process.env.BUILD_DIR || "build";
  const entry = path.resolve(dir, "index.js");
  if (!fs.existsSync(entry)) {
    console.error(
      `No production build at ${entry}: run npm run build first (or pass --build <dir>).`,
    );
    process.exit(1);
  }
  return entry;
}

// ---------------------------------------------------------------- timing helpers

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
export const between = (min: number, max: number) => min + Math.random() * Math.max(0, max - min);
export const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)];

export function percentile(values: number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return round(sorted[rank]);
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

let portsTaken = 0;
export async function freePort(): Promise<number> {
  // BENCH_PORT (e.g. "3401") pins the port on a shared machine where each person has a range.
  const pinned = Number(process.env.BENCH_PORT);
  if (pinned) return pinned + portsTaken++;
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `telaah-${prefix}-`));
}

// ---------------------------------------------------------------- the server under test

// ≥ 32 characters: PostgreSQL mode requires a real-length shared secret (env.server.ts)
export const BENCH_SECRET = "bench-secret-not-for-production-use";

export type Server = {
  url: string;
  origin: string;
  port: number;
  pid: number;
  dbPath: string;
  logFile: string;
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends the signal and waits for the process to end (bounded). */
  stop(
    signal?: NodeJS.Signals,
    timeoutMs?: number,
  ): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/**
 * Starts the server on `<build>` as production on 127.0.0.1 with its own database. The server's
 * request log goes to a file, not a pipe: a pipe the driver reads late would block the server.
 */
export async function startServer(opts: {
  entry: string;
  dbPath: string;
  port?: number;
  logDir: string;
  profileDir?: string;
  nodeArgs?: string[];
  env?: Record<string, string>;
  /** postgres://… : the server uses PostgreSQL instead of the SQLite file at dbPath. */
  databaseUrl?: string;
}): Promise<Server> {
  const port = opts.port ?? (await freePort());
  const logFile = path.join(opts.logDir, `server-${port}-${Date.now()}.log`);
  const log = fs.openSync(logFile, "a");
  // Our own server (server/index.ts); BENCH_SERVER=remix-serve runs the stock one, to compare.
  const cli =
    process.env.BENCH_SERVER === "remix-serve"
      ? [path.resolve("node_modules/@remix-run/serve/dist/cli.js")]
      : ["--import", "tsx", path.resolve("server/index.ts")];
  const nodeArgs = [
    ...(opts.nodeArgs ?? []),
    ...(opts.profileDir ? ["--cpu-prof", `--cpu-prof-dir=${opts.profileDir}`] : []),
  ];
  const child = spawn(process.execPath, [...nodeArgs, ...cli, opts.entry], {
    cwd: process.cwd(),
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_PATH: opts.dbPath,
      SESSION_SECRET: BENCH_SECRET,
      COOKIE_SECURE: "false",
      // one app process unless a bench asks for more (decision 088), so numbers compare over time
      WEB_CONCURRENCY: "1",
      ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
      ...opts.env,
    },
  });
  fs.closeSync(log);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (gone)
      throw new Error(`server exited during start; log:\n${fs.readFileSync(logFile, "utf8")}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(
        `server did not answer /healthz within 30 s; log:\n${fs.readFileSync(logFile, "utf8")}`,
      );
    }
    const ok = await new Promise<boolean>((resolve) => {
      const req = http.get(`${url}/healthz`, { agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on("error", () => resolve(false));
      req.setTimeout(1000, () => req.destroy());
    });
    if (ok) break;
    await sleep(100);
  }
  return {
    url,
    origin: url,
    port,
    pid: child.pid!,
    dbPath: opts.dbPath,
    logFile,
    child,
    exited,
    async stop(signal = "SIGTERM", timeoutMs = 15_000) {
      if (!gone) child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
}

// ---------------------------------------------------------------- memory

function rssKb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function childPids(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      const list = fs.readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      if (list)
        for (const child of list.split(/\s+/)) out.push(Number(child), ...childPids(Number(child)));
    }
  } catch {
    // the process ended between listing and reading
  }
  return out;
}

/** CPU seconds (user + system) a process has used, and those of its children that ended. */
function cpuOf(pid: number): { comm: string; own: number; reaped: number } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = stat.lastIndexOf(")");
    const comm = stat.slice(stat.indexOf("(") + 1, close);
    // after the command: state is field 3, utime 14, stime 15, cutime 16, cstime 17
    const f = stat.slice(close + 2).split(" ");
    const tick = 100; // USER_HZ on Linux
    return {
      comm,
      own: (Number(f[11]) + Number(f[12])) / tick,
      reaped: (Number(f[13]) + Number(f[14])) / tick,
    };
  } catch {
    return null;
  }
}

/**
 * CPU seconds used so far by the app servers (the given pids and their children) and by the
 * PostgreSQL server (every `postgres` process, with the backends that already ended), read from
 * /proc. Two readings subtracted give a phase's split of the machine's CPU.
 */
export function cpuSplit(serverPids: number[]): { app: number; db: number } {
  let app = 0;
  for (const pid of serverPids.flatMap((p) => [p, ...childPids(p)])) app += cpuOf(pid)?.own ?? 0;
  let db = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const cpu = cpuOf(Number(entry));
    if (cpu?.comm === "postgres") db += cpu.own + cpu.reaped;
  }
  return { app, db };
}

/**
 * Samples the resident memory of a process and its children (remix-serve spawns none today): the
 * maximum over the whole run, and per phase (`phase(name)` starts a new one).
 */
export class RssSampler {
  maxKb = 0;
  readonly phases = new Map<string, number>();
  private current = "start";
  private timer?: NodeJS.Timeout;
  private pids: number[];
  constructor(
    pid: number | number[],
    private everyMs = 200,
  ) {
    this.pids = Array.isArray(pid) ? pid : [pid];
  }
  phase(name: string) {
    this.current = name;
  }
  phaseMaxMb() {
    return Object.fromEntries([...this.phases].map(([k, kb]) => [k, round(kb / 1024)]));
  }
  start() {
    const sample = () => {
      const total = this.pids
        .flatMap((pid) => [pid, ...childPids(pid)])
        .reduce((sum, p) => sum + rssKb(p), 0);
      if (total > this.maxKb) this.maxKb = total;
      if (total > (this.phases.get(this.current) ?? 0)) this.phases.set(this.current, total);
    };
    sample();
    this.timer = setInterval(sample, this.everyMs);
    return this;
  }
  stop() {
    clearInterval(this.timer);
    return this.maxMb;
  }
  get maxMb() {
    return round(this.maxKb / 1024);
  }
}

// ---------------------------------------------------------------- HTTP with cookies

export type Response = {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
};

export class Jar {
  private cookies = new Map<string, string>();
  store(setCookie: string[] | undefined) {
    for (const line of setCookie ?? []) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  set(name: string, value: string) {
    this.cookies.set(name, value);
  }
  clear() {
    this.cookies.clear();
  }
  header(): string | undefined {
    if (!this.cookies.size) return undefined;
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

export type Form = Record<string, string | string[]>;

function encode(form: Form): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form))
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  return params.toString();
}

/**
 * One keep-alive agent shared by every simulated pupil, with a bounded number of sockets. Idle
 * sockets are dropped after 4 s, before the server's 5 s keep-alive timeout, so a request is never
 * written into a socket the server is closing (which would look like a server error).
 */
export class Client {
  readonly agent: http.Agent;
  /** The first instance; with several, requests take them in turn, as a load balancer does. */
  readonly base: string;
  private readonly bases: string[];
  private turn = 0;
  constructor(base: string | string[], maxSockets = 256) {
    this.bases = Array.isArray(base) ? base : [base];
    this.base = this.bases[0];
    this.agent = new http.Agent({
      keepAlive: true,
      maxSockets,
      maxFreeSockets: maxSockets,
      timeout: 4000,
    });
  }

  request(
    method: "GET" | "POST",
    target: string,
    opts: {
      jar?: Jar;
      form?: Form;
      accept?: string;
      headers?: Record<string, string>;
      timeoutMs?: number;
    } = {},
  ): Promise<Response> {
    const body = opts.form ? encode(opts.form) : undefined;
    const headers: Record<string, string> = {
      Accept: opts.accept ?? "text/html",
      "Accept-Encoding": "gzip",
      "User-Agent": "telaah-bench",
      ...opts.headers,
    };
    const cookie = opts.jar?.header();
    if (cookie) headers.Cookie = cookie;
    // every request to the next instance (round robin): a pupil's save may land on another
    // instance than the page it came from, which stateless instances must not notice
    const base = this.bases.length === 1 ? this.base : this.bases[this.turn++ % this.bases.length];
    if (body !== undefined) {
      headers["Content-Type"] = "application/x-www-form-urlencoded";
      headers["Content-Length"] = String(Buffer.byteLength(body));
      headers.Origin = base;
    }
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = http.request(
        new URL(target, base),
        { method, headers, agent: this.agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("error", reject);
          res.on("end", () => {
            const ms = performance.now() - started;
            let raw = Buffer.concat(chunks);
            if (res.headers["content-encoding"] === "gzip") raw = zlib.gunzipSync(raw);
            opts.jar?.store(res.headers["set-cookie"]);
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: raw.toString("utf8"),
              ms,
            });
          });
        },
      );
      req.setTimeout(opts.timeoutMs ?? 30_000, () =>
        req.destroy(new Error(`timeout after ${opts.timeoutMs ?? 30_000} ms`)),
      );
      req.on("error", reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  }

  close() {
    this.agent.destroy();
  }
}

// ---------------------------------------------------------------- what was measured

export class Recorder {
  readonly latencies = new Map<string, number[]>();
  requests = 0;
  errors = 0;
  non2xx3xx = 0;
  readonly samples: string[] = [];

  readonly finishedAt = new Map<string, number[]>();

  add(kind: string, ms: number) {
    let list = this.latencies.get(kind);
    if (!list) this.latencies.set(kind, (list = []));
    list.push(ms);
    let times = this.finishedAt.get(kind);
    if (!times) this.finishedAt.set(kind, (times = []));
    times.push(performance.now());
  }
  /** The highest rate per second of `kind` (or of every request) over any `windowS`-second stretch. */
  peakRate(kind?: string, windowS = 5): number {
    const times = kind
      ? (this.finishedAt.get(kind) ?? [])
      : [...this.finishedAt.values()].flat().sort((a, b) => a - b);
    let best = 0;
    for (let i = 0, j = 0; i < times.length; i++) {
      while (times[i] - times[j] > windowS * 1000) j++;
      best = Math.max(best, i - j + 1);
    }
    return round(best / windowS);
  }
  fail(what: string) {
    this.errors++;
    if (this.samples.length < 20) this.samples.push(what);
  }
  p(kind: string, pct: number) {
    return percentile(this.latencies.get(kind) ?? [], pct);
  }
  count(kind: string) {
    return this.latencies.get(kind)?.length ?? 0;
  }
}

/**
 * Sends one request on behalf of a pupil and records it under `kind`. `expect` is the status that
 * counts as success; anything else (or a network error) is an error. Returns null on failure.
 */
export async function timed(
  client: Client,
  rec: Recorder,
  kind: string,
  method: "GET" | "POST",
  target: string,
  opts: Parameters<Client["request"]>[2] & {
    expect: number;
    check?: (res: Response) => string | null;
  },
): Promise<Response | null> {
  rec.requests++;
  let res: Response;
  try {
    res = await client.request(method, target, opts);
  } catch (error) {
    rec.fail(`${kind} ${method} ${target}: ${(error as Error).message}`);
    return null;
  }
  rec.add(kind, res.ms);
  if (res.status < 200 || res.status >= 400) rec.non2xx3xx++;
  if (res.status !== opts.expect) {
    rec.fail(
      `${kind} ${method} ${target}: status ${res.status} (wanted ${opts.expect}) ${res.body.slice(0, 200)}`,
    );
    return null;
  }
  const problem = opts.check?.(res);
  if (problem) {
    rec.fail(`${kind} ${method} ${target}: ${problem}`);
    return null;
  }
  return res;
}

// ---------------------------------------------------------------- reading the app's pages

export type Item = { kind: "quiz" | "sort"; itemId: string; choices: string[] };

/** The attempt id and the answer forms of a sort or quiz page (one small form per item). */
export function answerForms(
  html: string,
  kind?: "quiz" | "sort",
): { attemptId: number | null; items: Item[] } {
  let attemptId: number | null = null;
  const items: Item[] = [];
  // The page's one answer form (pupil flow: every choice is a radio `a.<itemId>` or `b.<questionId>`, the attempt a
  // hidden field); the script saves each choice to /pupil/attempts/:id/answers, as the bench does.
  const pageAttempt = /name="attemptId" value="(\d+)"/.exec(html);
  if (kind && pageAttempt) {
    const byItem = new Map<string, string[]>();
    for (const m of html.matchAll(/<input[^>]*type="radio"[^>]*>/g)) {
      // Part B travels as `b.<question id>` and is stored as `<question id>.b`
      const field = /name="([ab])\.([^"]+)"/.exec(m[0]);
      const name = field ? (field[1] === "b" ? `${field[2]}.b` : field[2]) : undefined;
      const value = /value="([^"]+)"/.exec(m[0])?.[1];
      if (name && value) byItem.set(name, [...(byItem.get(name) ?? []), value]);
    }
    if (byItem.size)
      return {
        attemptId: Number(pageAttempt[1]),
        items: [...byItem].map(([itemId, choices]) => ({ kind, itemId, choices })),
      };
  }
  for (const chunk of html.split("<form").slice(1)) {
    const action = /action="\/pupil\/attempts\/(\d+)\/answers"/.exec(chunk);
    if (!action) continue;
    attemptId = Number(action[1]);
    const kind = /name="kind" value="(quiz|sort)"/.exec(chunk)?.[1] as "quiz" | "sort" | undefined;
    const itemId = /name="itemId" value="([^"]+)"/.exec(chunk)?.[1];
    const choices = [...chunk.matchAll(/name="choice" value="([^"]+)"/g)].map((m) => m[1]);
    if (kind && itemId && choices.length) items.push({ kind, itemId, choices });
  }
  return { attemptId, items };
}

export const assignmentLinks = (html: string) => [
  ...new Set([...html.matchAll(/href="\/pupil\/assignments\/(\d+)"/g)].map((m) => Number(m[1]))),
];

export function hidden(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(m[0])?.[1];
    const value = /value="([^"]*)"/.exec(m[0])?.[1] ?? "";
    if (name) out[name] = value.replace(/&amp;/g, "&").replace(/&quot;/g, '"');
  }
  return out;
}

export const location = (res: Response) => {
  const to = res.headers.location;
  return typeof to === "string" ? to : "";
};

// ---------------------------------------------------------------- the ceiling

/**
 * Requests/s of a bare node:http server (its own process, like the app) answering every request
 * with the given bytes, and of the app answering `appPath`, both with autocannon and the same
 * connection count, one after the other.
 */
export async function ceiling(opts: {
  body: Buffer;
  app: { url: string; headers: Record<string, string> };
  connections: number;
  seconds: number;
  dir: string;
  port?: number;
}): Promise<{
  ceilingRps: number;
  appRps: number;
  appP99: number;
  ceilingP99: number;
  bytes: number;
}> {
  const { default: autocannon } = await import("autocannon");
  const file = path.join(opts.dir, "ceiling-page.html");
  fs.writeFileSync(file, opts.body);
  const port = opts.port ?? (await freePort());
  const bare = spawn(
    process.execPath,
    [path.resolve("tests/bench/ceiling-server.mjs"), file, String(port)],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const bareExited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
    (resolve) => bare.once("exit", (code, signal) => resolve({ code, signal })),
  );
  await new Promise<void>((resolve, reject) => {
    bare.stdout!.once("data", () => resolve());
    void bareExited.then(({ code }) => reject(new Error(`ceiling server exited ${code}`)));
  });
  let stoppedOnPurpose = false;
  try {
    const common = { connections: opts.connections, duration: opts.seconds };
    const bareResult = await autocannon({ ...common, url: `http://127.0.0.1:${port}/` });
    // The ceiling is only a ceiling if the bare server answered everything it was asked, whole.
    if (
      bareResult.non2xx ||
      bareResult.errors ||
      bareResult.timeouts ||
      bareResult.requests.total === 0
    )
      throw new Error(
        `ceiling server under autocannon: ${bareResult.non2xx} non-2xx, ${bareResult.errors} errors, ${bareResult.timeouts} timeouts, ${bareResult.requests.total} requests`,
      );
    const expectedBytes = bareResult.requests.total * opts.body.length;
    if (bareResult.throughput.total < expectedBytes)
      throw new Error(
        `ceiling server sent ${bareResult.throughput.total} bytes for ${bareResult.requests.total} pages of ${opts.body.length}`,
      );
    if (bare.exitCode !== null)
      throw new Error(`ceiling server exited during the measurement (${bare.exitCode})`);
    const appResult = await autocannon({ ...common, url: opts.app.url, headers: opts.app.headers });
    if (appResult.non2xx || appResult.errors || appResult.timeouts)
      throw new Error(
        `app page under autocannon: ${appResult.non2xx} non-2xx, ${appResult.errors} errors, ${appResult.timeouts} timeouts`,
      );
    stoppedOnPurpose = true;
    bare.kill("SIGTERM");
    const exit = await bareExited;
    if (exit.code !== 0) throw new Error(`ceiling server exited badly: ${JSON.stringify(exit)}`);
    return {
      ceilingRps: round(bareResult.requests.total / opts.seconds, 0),
      appRps: round(appResult.requests.total / opts.seconds, 0),
      ceilingP99: bareResult.latency.p99,
      appP99: appResult.latency.p99,
      bytes: opts.body.length,
    };
  } finally {
    if (!stoppedOnPurpose && bare.exitCode === null) bare.kill("SIGKILL");
  }
}

/**
 * Linux pressure stall information: microseconds so far in which some runnable task waited for
 * a CPU. Its growth over a phase says how much the machine was oversubscribed (other work
 * included) while it was measured; null where /proc/pressure is unavailable.
 */
export function cpuStallUs(): number | null {
  try {
    const line = fs
      .readFileSync("/proc/pressure/cpu", "utf8")
      .split("\n")
      .find((l) => l.startsWith("some"));
    const total = /total=(\d+)/.exec(line ?? "")?.[1];
    return total ? Number(total) : null;
  } catch {
    return null;
  }
}

/** Share of `seconds` in which some task waited for a CPU, from two cpuStallUs() readings. */
export function stallPercent(
  before: number | null,
  after: number | null,
  seconds: number,
): number | null {
  return before === null || after === null
    ? null
    : round((100 * (after - before)) / (seconds * 1e6));
}

export function loadAverage(): number {
  return round(os.loadavg()[0], 2);
}
