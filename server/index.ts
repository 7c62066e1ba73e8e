// `npm start`: serves the production build with our own server (server/app.ts) and stops cleanly.
// Usage: node --import tsx server/index.ts [build/index.js]
// Settings: PORT (3000), HOST (every interface), LOG_LEVEL (info), TRUST_PROXY, COOKIE_SECURE,
// WEB_CONCURRENCY (app processes sharing the port; one per core, at most 2: decision 088); the app's
// own settings are in app/utils/env.server.ts.
import cluster from "node:cluster";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import os from "node:os";
import path from "node:path";
import url from "node:url";
import { installGlobals, type ServerBuild } from "@remix-run/node";
import { createApp } from "./app";
import { banner } from "./banner";
import { createLogger, parseLevel } from "./log";
import { parseWorkers, runPrimary } from "./workers";

process.env.NODE_ENV ??= "production";

const level = parseLevel(process.env.LOG_LEVEL);
if (!level) {
  console.error(
    `Invalid LOG_LEVEL "${process.env.LOG_LEVEL}": use debug, info, warn, error or silent.`,
  );
  process.exit(1);
}
const log = createLogger(level);
const trustProxy = process.env.TRUST_PROXY === "true";
const host = process.env.HOST || undefined;
const portSetting = process.env.PORT ? Number(process.env.PORT) : undefined;
if (
  portSetting !== undefined &&
  !(Number.isInteger(portSetting) && portSetting >= 0 && portSetting < 65536)
) {
  console.error(`Invalid PORT "${process.env.PORT}".`);
  process.exit(1);
}

const buildPath = path.resolve(
  process.argv[2] ?? path.join(process.env.BUILD_DIR || "build", "index.js"),
);
if (!fs.existsSync(buildPath)) {
  console.error(`No build at ${buildPath}: run \`npm run build\` (npm start does it for you).`);
  process.exit(1);
}
const workers = parseWorkers(process.env.WEB_CONCURRENCY);
if (workers === null) {
  console.error(
    `Invalid WEB_CONCURRENCY "${process.env.WEB_CONCURRENCY}": a whole number from 1 to 64.`,
  );
  process.exit(1);
}
installGlobals();
// Importing the build runs the app's start-up (content check, database, migrations, the session
// secret file). With several processes the primary does it once before any worker starts.
const build = (await import(url.pathToFileURL(buildPath).href)) as ServerBuild;
if (workers > 1 && cluster.isPrimary) {
  await runPrimary({ workers, log });
} else {
  await serve();
}

async function serve() {
  const app = createApp({ build, mode: process.env.NODE_ENV, trustProxy, log });

  // Every open connection, so a stop can close the idle keep-alive ones instead of waiting on them.
  const sockets = new Set<Socket>();
  let stopping = false;

  function listen(port: number): Promise<http.Server> {
    return new Promise((resolve, reject) => {
      const server = http.createServer((req, res) => {
        // While stopping, every answer closes its connection, so keep-alive clients go away.
        if (stopping) res.setHeader("Connection", "close");
        app(req, res);
      });
      if (host) server.listen(port, host);
      else server.listen(port);
      server.once("listening", () => resolve(server));
      server.once("error", reject);
    });
  }

  let server: http.Server;
  try {
    server = await listen(portSetting ?? 3000);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE" || portSetting !== undefined) {
      console.error(
        `Cannot listen on ${host ?? "*"}:${portSetting ?? 3000}: ${(error as Error).message}`,
      );
      process.exit(1);
    }
    // PORT unset and 3000 taken (another program): any free port, printed below.
    server = await listen(0);
  }
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });

  const port = (server.address() as AddressInfo).port;
  const secretFile = path.join(
    path.dirname(path.resolve(process.env.DATABASE_PATH || path.join("data", "telaah.db"))),
    "session-secret",
  );
  const lines = banner({
    port,
    host,
    interfaces: os.networkInterfaces(),
    trustProxy,
    cookieSecure:
      process.env.COOKIE_SECURE === "true" || process.env.COOKIE_SECURE === "false"
        ? process.env.COOKIE_SECURE
        : undefined,
    secretFile:
      !process.env.SESSION_SECRET && fs.existsSync(secretFile)
        ? { path: secretFile, mode: fs.statSync(secretFile).mode }
        : undefined,
  });
  // With several processes only the first worker says where Telaah can be reached.
  if (process.env.TELAAH_QUIET_BANNER !== "1") {
    for (const line of lines.info) log.text("info", line);
    for (const line of lines.warnings) log.text("warn", line);
  }

  function stop(signal: string) {
    if (stopping) return;
    stopping = true;
    log.text(
      "info",
      `${signal}: no new connections; finishing the requests in flight, then closing the database.`,
    );
    server.close(() => process.exit(0));
    // Idle keep-alive sockets would otherwise hold the server open until their timeout (~5 s).
    server.closeIdleConnections();
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    sweep.unref();
    // A request that never ends (a stalled upload) does not keep the server from stopping.
    setTimeout(() => {
      for (const socket of sockets) socket.destroy();
    }, 10_000).unref();
  }
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}
