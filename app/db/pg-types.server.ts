// How PostgreSQL values come back through node-postgres: 8-byte integers as JS numbers (issue 16).
import pg from "pg";

/**
 * count(*), sum() over integer columns and our bigint millisecond times are INT8, which
 * node-postgres returns as strings because not every INT8 fits a JS number. Ours do (counts, and
 * times near 1.8e12, far below 2^53), so they are parsed to numbers, as better-sqlite3 returns
 * them; a value that would lose precision throws instead of being silently rounded.
 * (docs/decisions/121-int8-as-numbers.md)
 */
export function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value))
    throw new RangeError(`INT8 value ${text} does not fit a JS number`);
  return value;
}

/**
 * Installs the parser in pg's process-wide registry. It must be the global one: drizzle's
 * node-postgres driver passes its own per-query `types` that fall back to `pg.types`, so a
 * parser given to one Pool would not be seen by queries made through drizzle. Idempotent.
 */
export function installPgTypeParsers() {
  pg.types.setTypeParser(pg.types.builtins.INT8, parseInt8);
}
