// The benchmarks' database address: inside the throw-away cluster they reach PostgreSQL over its
// Unix socket, keeping the user and password the cluster's URL gives (percent-encoded as given).
import { test } from "node:test";
import assert from "node:assert/strict";
import { postgresUrl } from "../bench/driver";

async function withEnv<T>(env: Record<string, string | undefined>, f: () => Promise<T>) {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(env))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  try {
    return await f();
  } finally {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
}

test("inside the cluster: the Unix socket, with the user and the password kept", async () => {
  const env = {
    DATABASE_URL: "postgres://guru:rah%40sia@127.0.0.1:55432/telaah_bench",
    PG_CLUSTER_DIR: "/tmp/telaah-pg-x",
  };
  assert.equal(
    await withEnv(env, () => postgresUrl({ postgres: true })),
    "postgres://guru:rah%40sia@/telaah_bench?host=/tmp/telaah-pg-x&port=55432",
  );
  // no password: none added
  assert.equal(
    await withEnv({ ...env, DATABASE_URL: "postgres://guru@127.0.0.1:55432/telaah_bench" }, () =>
      postgresUrl({ postgres: true }),
    ),
    "postgres://guru@/telaah_bench?host=/tmp/telaah-pg-x&port=55432",
  );
  // --tcp keeps the address as given; without --postgres, SQLite
  assert.equal(
    await withEnv(env, () => postgresUrl({ postgres: true, tcp: true })),
    env.DATABASE_URL,
  );
  assert.equal(await withEnv(env, () => postgresUrl({})), undefined);
});
