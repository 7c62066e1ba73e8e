// Each PostgreSQL test file gets its own database in the cluster `npm run test:postgres` made.
import pg from "pg";

/**
 * Creates an empty database beside the one DATABASE_URL names and returns its URL. Test files run
 * in parallel processes, so none shares tables with another; nothing existing is touched.
 */
export async function freshDatabase(label: string) {
  const base = process.env.DATABASE_URL;
  if (!base?.startsWith("postgres"))
    throw new Error(
      "DATABASE_URL is not a postgres:// URL: run these tests with `npm run test:postgres`",
    );
  const name = `telaah_${label}_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
