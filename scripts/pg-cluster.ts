// `npm run pg:cluster -- [--fast] [command…]`: a throw-away PostgreSQL cluster around one command (issue 16).
//
// initdb into a fresh temporary folder, start the server on 127.0.0.1 and a Unix socket inside that
// folder, create the database `telaah`, run the command with DATABASE_URL set, then stop the server
// (`pg_ctl -m immediate`) and remove the folder: after success, failure, Ctrl-C or SIGTERM. Without
// a command it prints the URL and keeps the cluster until Ctrl-C (for psql by hand).
//
// Settings (environment):
//   PG_BIN            folder with initdb/pg_ctl (default: the newest /usr/lib/postgresql/*/bin)
//   PG_CLUSTER_PORTS  ports to try, "5440-5449" (default: one the system says is free)
// --fast turns off fsync and synchronous commit: for correctness tests only, never for benchmarks.
//
// The server refuses to run as root, so as root initdb and pg_ctl run as the `postgres` user
// (`runuser -u postgres --`) and the folder is handed to that user; otherwise they run as you.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const DATABASE = "telaah";
const SUPERUSER = "postgres";

function fail(message: string): never {
  console.error(`pg:cluster: ${message}`);
  process.exit(2);
}

function findBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, "bin", "pg_ctl")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length)
    fail(`no PostgreSQL in ${root}/*/bin (apt-get install postgresql, or set PG_BIN)`);
  return path.join(root, versions[0], "bin");
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () =>
      server.close(() => resolve(true)),
    );
  });
}

async function systemPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1" }, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Ports to try in order: the configured range, or three the system hands out. */
async function candidatePorts(): Promise<number[]> {
  const range = process.env.PG_CLUSTER_PORTS;
  if (range) {
    const m = /^(\d+)-(\d+)$/.exec(range.trim());
    if (!m) fail(`PG_CLUSTER_PORTS must look like 5440-5449, not "${range}"`);
    const [from, to] = [Number(m[1]), Number(m[2])];
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  }
  return [await systemPort(), await systemPort(), await systemPort()];
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL server program as the user the server accepts. */
function runServerTool(bin: string, tool: string, args: string[]) {
  const file = path.join(bin, tool);
  const [cmd, argv] = asRoot ? ["runuser", ["-u", SUPERUSER, "--", file, ...args]] : [file, args];
  // (pg_ctl starts the server in its own session, so a Ctrl-C in the terminal does not reach it:
  // this script stops it itself)
  return spawnSync(cmd, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function ownerIds(): { uid: number; gid: number } | undefined {
  if (!asRoot) return undefined;
  const id = (flag: string) => spawnSync("id", [flag, SUPERUSER], { encoding: "utf8" });
  const uid = id("-u");
  const gid = id("-g");
  if (uid.status !== 0 || gid.status !== 0)
    fail(`running as root needs the "${SUPERUSER}" user (Debian's postgresql package makes it)`);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

type Cluster = { dir: string; data: string; port: number; url: string };

let cluster: { dir: string; data: string } | undefined;
let cleaned = false;

/** Stops the server and removes the folder; safe to call twice and from a signal handler. */
function cleanup(bin: string) {
  if (cleaned || !cluster) return;
  cleaned = true;
  // the pid file exists from the moment the server starts until it stops
  if (fs.existsSync(path.join(cluster.data, "postmaster.pid"))) {
    const stop = runServerTool(bin, "pg_ctl", [
      "-D",
      cluster.data,
      "-m",
      "immediate",
      "-w",
      "stop",
    ]);
    if (stop.status !== 0)
      console.error(`pg:cluster: pg_ctl stop said: ${(stop.stderr || stop.stdout).trim()}`);
  }
  fs.rmSync(cluster.dir, { recursive: true, force: true });
}

/** The script's own options come before the command; everything from the command on is its own. */
function parseArgs(argv: string[]): { fast: boolean; command: string[] } {
  let fast = false;
  let i = 0;
  for (; i < argv.length; i++) {
    if (argv[i] === "--fast") fast = true;
    else if (argv[i] === "--") {
      i++;
      break;
    } else if (argv[i].startsWith("--")) fail(`unknown option ${argv[i]}`);
    else break;
  }
  return { fast, command: argv.slice(i) };
}

const options = parseArgs(process.argv.slice(2));

function start(bin: string): Promise<Cluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "telaah-pg-"));
  const data = path.join(dir, "data");
  cluster = { dir, data };
  const owner = ownerIds();
  if (owner) fs.chownSync(dir, owner.uid, owner.gid);
  const init = runServerTool(bin, "initdb", [
    "-D",
    data,
    "-U",
    SUPERUSER,
    "--auth=trust",
    "--encoding=UTF8",
    // byte order, as SQLite's default BINARY collation; no dependence on the machine's locales
    "--no-locale",
    // the cluster lives for one run: flushing its initial files to disk only costs time
    "--no-sync",
  ]);
  if (init.status !== 0) throw new Error(`initdb failed:\n${init.stderr || init.stdout}`);
  return candidatePorts().then(async (ports) => {
    const fast = options.fast
      ? " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
      : "";
    for (const port of ports) {
      if (!(await portFree(port))) continue;
      const started = runServerTool(bin, "pg_ctl", [
        "-D",
        data,
        "-l",
        path.join(dir, "server.log"),
        "-o",
        // pg_ctl hands these to /bin/sh: the folder is quoted
        `-p ${port} -k '${dir}' -c listen_addresses=127.0.0.1${fast}`,
        "-w",
        "start",
      ]);
      if (started.status === 0) {
        const created = spawnSync(
          path.join(bin, "createdb"),
          ["-h", "127.0.0.1", "-p", String(port), "-U", SUPERUSER, DATABASE],
          { encoding: "utf8" },
        );
        if (created.status !== 0) throw new Error(`createdb failed:\n${created.stderr}`);
        const url = `postgres://${SUPERUSER}@127.0.0.1:${port}/${DATABASE}`;
        return { dir, data, port, url };
      }
      // taken between the check and the start (another run): try the next port
      const log = path.join(dir, "server.log");
      const tail = fs.existsSync(log) ? fs.readFileSync(log, "utf8").slice(-400) : "";
      if (!/already in use|could not bind|could not create any TCP\/IP sockets/i.test(tail))
        throw new Error(`pg_ctl start failed:\n${started.stderr}\n${tail}`);
    }
    throw new Error(`no free port among ${ports.join(", ")}`);
  });
}

async function main() {
  const args = options.command;
  const bin = findBin();
  let child: ChildProcess | undefined;
  let interrupted: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupted = signal;
    // a terminal's Ctrl-C already reached the child (same process group); a kill did not
    if (child && child.exitCode === null) child.kill(signal);
    else {
      cleanup(bin);
      process.exit(signal === "SIGINT" ? 130 : 143);
    }
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  process.on("exit", () => cleanup(bin));

  let code = 1;
  try {
    const c = await start(bin);
    console.error(
      `pg:cluster: PostgreSQL on 127.0.0.1:${c.port} in ${c.dir}; DATABASE_URL=${c.url}`,
    );
    if (!args.length) {
      console.error("pg:cluster: no command given; Ctrl-C stops the cluster and removes it");
      // the timer keeps the process alive; the signal handler cleans up and exits
      await new Promise<never>(() => setInterval(() => undefined, 1 << 30));
    }
    child = spawn(args[0], args.slice(1), {
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: c.url, PG_CLUSTER_DIR: c.dir },
    });
    code = await new Promise<number>((resolve) => {
      child!.once("error", (error) => {
        console.error(`pg:cluster: could not run ${args[0]}: ${error.message}`);
        resolve(127);
      });
      child!.once("exit", (status, signal) => resolve(status ?? (signal ? 128 : 1)));
    });
  } catch (error) {
    console.error(`pg:cluster: ${(error as Error).message}`);
    code = 1;
  } finally {
    cleanup(bin);
  }
  if (interrupted) code = interrupted === "SIGINT" ? 130 : 143;
  process.exit(code);
}

await main();
