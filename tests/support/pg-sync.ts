// A synchronous PostgreSQL handle for the e2e tests (issue 16): the same small part of
// better-sqlite3's API the tests use (`prepare(sql).get/all/run(...args)`, `pluck`, `exec`,
// `pragma`), so the suites seed and inspect a PostgreSQL database with the very code that does it
// on SQLite. Each statement runs in a worker thread holding one `pg` client; this thread posts it,
// sleeps on a SharedArrayBuffer (`Atomics.wait`) until the worker says it is done, then takes the
// answer off a MessagePort with `receiveMessageOnPort`.
import { createRequire } from "node:module";
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";
import pg from "pg";
import { parseInt8 } from "../../app/db/pg-types.server";

/** The part of a better-sqlite3 statement the tests use. */
export interface TestStatement {
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): { changes: number };
  pluck(toggle?: boolean): TestStatement;
}

/** The part of a better-sqlite3 database the tests use; better-sqlite3's own handle is one. */
export interface TestDb {
  prepare(sql: string): TestStatement;
  exec(sql: string): unknown;
  pragma(source: string): unknown;
}

type Field = { name: string; dataTypeID: number };
type Answer =
  | { ok: true; rows: (string | null)[][]; fields: Field[]; rowCount: number | null }
  | { ok: false; error: { message: string; code?: string; detail?: string } };

// Plain JavaScript run by the worker thread (eval'd: a worker gets no TypeScript loader). Values
// come back as PostgreSQL's text, unparsed; this thread parses them (`parseValue`).
const WORKER = `
const { workerData, parentPort } = require("node:worker_threads");
const pg = require(workerData.pgPath);
const { url, shared, port } = workerData;
const state = new Int32Array(shared);
const raw = { getTypeParser: () => (value) => value };
let client;
parentPort.on("message", async ({ text, params }) => {
  let answer;
  try {
    if (!client) {
      client = new pg.Client({ connectionString: url, application_name: "telaah-e2e-tests" });
      client.on("error", () => { client = undefined; });
      await client.connect();
    }
    const result = await client.query({ text, values: params, rowMode: "array", types: raw });
    // a multi-statement exec() answers with one result per statement
    const last = Array.isArray(result) ? result[result.length - 1] : result;
    answer = {
      ok: true,
      rows: last.rows,
      fields: last.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })),
      rowCount: last.rowCount,
    };
  } catch (e) {
    answer = { ok: false, error: { message: String(e && e.message), code: e && e.code, detail: e && e.detail } };
  }
  port.postMessage(answer);
  Atomics.store(state, 0, 1);
  Atomics.notify(state, 0);
});
`;

const OID = { BOOL: 16, INT8: 20, JSON: 114 } as const;

/**
 * A value as better-sqlite3 would return it from the same row on SQLite: booleans as 1/0 (SQLite
 * has no boolean type; the schemas store the same facts), INT8 counts and millisecond times as
 * numbers (the app's own parser, decision 121), JSON columns as their text (SQLite stores text).
 */
function parseValue(value: string | null, oid: number): unknown {
  if (value === null) return null;
  if (oid === OID.BOOL) return value === "t" ? 1 : 0;
  if (oid === OID.INT8) return parseInt8(value);
  if (oid === OID.JSON) return value;
  return pg.types.getTypeParser(oid, "text")(value);
}

/**
 * `?` placeholders to `$1…`, outside quoted strings, quoted identifiers and comments, so the
 * tests' SQL (written for better-sqlite3) runs unchanged on PostgreSQL.
 */
export function numberPlaceholders(sql: string): string {
  let out = "";
  let n = 0;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      const stop = end === -1 ? sql.length : end + 1;
      out += sql.slice(i, stop);
      i = stop - 1;
    } else if (c === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      const stop = end === -1 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop - 1;
    } else if (c === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      const stop = end === -1 ? sql.length : end + 2;
      out += sql.slice(i, stop);
      i = stop - 1;
    } else if (c === "?") out += `$${++n}`;
    else out += c;
  }
  return out;
}

/** How long one statement may take before the test fails instead of hanging. */
const STATEMENT_TIMEOUT_MS = 60_000;

export class SyncPg implements TestDb {
  private readonly worker: Worker;
  private readonly port: MessageChannel["port1"];
  // [0]: the worker's "done" flag; [1]: never set, waited on for a millisecond while the answer,
  // posted just before the flag, crosses to this thread's port
  private readonly state = new Int32Array(new SharedArrayBuffer(8));

  constructor(url: string) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(WORKER, {
      eval: true,
      workerData: {
        url,
        shared: this.state.buffer,
        port: port2,
        pgPath: createRequire(import.meta.url).resolve("pg"),
      },
      transferList: [port2],
    });
    // the worker must not keep a finished test process alive
    this.worker.unref();
    this.port.unref();
  }

  /** Runs one statement (or, without parameters, several) and returns its rows and count. */
  query(sql: string, params: unknown[] = []) {
    const text = numberPlaceholders(sql);
    Atomics.store(this.state, 0, 0);
    this.worker.postMessage({ text, params });
    if (Atomics.wait(this.state, 0, 0, STATEMENT_TIMEOUT_MS) === "timed-out")
      throw new Error(`PostgreSQL did not answer within ${STATEMENT_TIMEOUT_MS} ms: ${sql}`);
    // The flag can be seen before the message is on the port (another thread's post): look again
    // for up to a second before calling it lost.
    let answer = receiveMessageOnPort(this.port)?.message as Answer | undefined;
    for (let tries = 0; !answer && tries < 1000; tries++) {
      Atomics.wait(this.state, 1, 0, 1);
      answer = receiveMessageOnPort(this.port)?.message as Answer | undefined;
    }
    if (!answer) throw new Error(`the PostgreSQL worker sent no answer: ${sql}`);
    if (!answer.ok) {
      const { message, code, detail } = answer.error;
      throw Object.assign(new Error(`${message}${detail ? ` (${detail})` : ""}\n  in: ${sql}`), {
        code,
      });
    }
    return {
      rows: answer.rows.map((values) =>
        values.map((value, i) => parseValue(value, answer.fields[i].dataTypeID)),
      ),
      names: answer.fields.map((f) => f.name),
      rowCount: answer.rowCount ?? 0,
    };
  }

  prepare(sql: string): TestStatement {
    return this.statement(sql, false);
  }

  private statement(sql: string, plucked: boolean): TestStatement {
    const objects = (params: unknown[]) => {
      const { rows, names } = this.query(sql, params);
      if (plucked) return rows.map((values) => values[0]);
      return rows.map((values) => Object.fromEntries(names.map((name, i) => [name, values[i]])));
    };
    return {
      get: (...params) => objects(params)[0],
      all: (...params) => objects(params),
      run: (...params) => ({ changes: this.query(sql, params).rowCount }),
      pluck: (toggle = true) => this.statement(sql, toggle),
    };
  }

  exec(sql: string) {
    this.query(sql);
    return this;
  }

  /** Ends the connection (its worker thread); the handle cannot be used afterwards. */
  close(): void {
    void this.worker.terminate();
  }

  /** SQLite's connection settings (busy_timeout, foreign_keys): PostgreSQL needs none. */
  pragma(source: string): unknown[] {
    if (!/^\s*(busy_timeout|foreign_keys)\s*=/i.test(source))
      throw new Error(`pragma ${source} has no PostgreSQL meaning in the test handle`);
    return [];
  }
}
