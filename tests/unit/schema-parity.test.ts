// The SQLite and PostgreSQL schemas (db/schema.ts, db/schema.pg.ts) describe the same tables: no database needed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { is, SQL, type Column } from "drizzle-orm";
import { getTableConfig as pgConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import * as sqliteSchema from "../../db/schema";
import * as pgSchema from "../../db/schema.pg";

/**
 * What a column holds as the app sees it. Each drizzle column class used in either schema is mapped
 * here, so a new type (or a time stored without its Date mapping) fails until someone decides.
 */
const KIND: Record<string, string> = {
  SQLiteInteger: "integer",
  SQLiteText: "text",
  SQLiteBoolean: "boolean",
  SQLiteTimestamp: "time",
  SQLiteTextJson: "json",
  PgInteger: "integer",
  PgText: "text",
  PgBoolean: "boolean",
  PgJson: "json",
  // the only custom type in db/schema.pg.ts: msTime, bigint milliseconds read as a Date
  PgCustomColumn: "time",
};

type Shape = {
  columns: Record<string, unknown>;
  primaryKey: string[];
  indexes: Record<string, { columns: string[]; unique: boolean; partial: boolean }>;
  uniques: string[];
  foreignKeys: string[];
};

/** Both dialects' table configs have these fields; only the column classes differ. */
type Config = {
  columns: Column[];
  indexes: { config: { name?: string; columns: unknown[]; unique: boolean; where?: unknown } }[];
  foreignKeys: {
    reference(): { columns: Column[]; foreignColumns: Column[] };
    onDelete?: string;
    onUpdate?: string;
  }[];
  primaryKeys: { columns: Column[] }[];
  uniqueConstraints: { name?: string; columns: Column[] }[];
};

const tableName = (c: Column) => (c.table as unknown as { [k: symbol]: string })[NAME];
const NAME = Symbol.for("drizzle:Name");

function kind(c: Column): string {
  const k = KIND[c.columnType];
  if (!k) throw new Error(`${tableName(c)}.${c.name}: no kind for ${c.columnType} in KIND`);
  if (c.columnType === "PgCustomColumn")
    assert.equal(c.getSQLType(), "bigint", `${tableName(c)}.${c.name} is a custom type`);
  return k;
}

function shape(config: Config): Shape {
  const columns: Record<string, unknown> = {};
  for (const c of config.columns) {
    columns[c.name] = {
      kind: kind(c),
      notNull: c.notNull,
      primary: c.primary,
      // SQLite gives every INTEGER PRIMARY KEY a default (the rowid); what must agree is which ids
      // the database numbers itself (AUTOINCREMENT there, an identity column here)
      hasDefault: c.primary ? null : c.hasDefault,
      generatedId: Boolean(
        (c as Column & { autoIncrement?: boolean }).autoIncrement || c.generatedIdentity,
      ),
      // literal defaults must agree; SQL defaults (the time "now") differ by dialect on purpose
      default: is(c.default, SQL) ? "sql" : c.default,
      enumValues: c.enumValues ?? null,
    };
  }
  const single = config.columns.filter((c) => c.primary).map((c) => c.name);
  const composite = config.primaryKeys.flatMap((k) => k.columns.map((c) => c.name));
  const indexes: Shape["indexes"] = {};
  for (const { config: ix } of config.indexes) {
    assert.ok(ix.name, "every index is named");
    indexes[ix.name] = {
      columns: ix.columns.map((c) => (c as Column).name),
      unique: ix.unique,
      // a partial index's condition is dialect SQL; that both have one is what can be compared
      partial: ix.where !== undefined,
    };
  }
  const uniques = [
    ...config.columns.filter((c) => c.isUnique).map((c) => `${c.uniqueName}(${c.name})`),
    ...config.uniqueConstraints.map((u) => `${u.name}(${u.columns.map((c) => c.name).join(",")})`),
  ].sort();
  const foreignKeys = config.foreignKeys
    .map((fk) => {
      const ref = fk.reference();
      const from = ref.columns.map((c) => c.name).join(",");
      const to = `${tableName(ref.foreignColumns[0])}(${ref.foreignColumns.map((c) => c.name).join(",")})`;
      return `${from} -> ${to} on delete ${fk.onDelete ?? "no action"} on update ${fk.onUpdate ?? "no action"}`;
    })
    .sort();
  return { columns, primaryKey: [...single, ...composite], indexes, uniques, foreignKeys };
}

function tables(schema: Record<string, unknown>, base: typeof SQLiteTable | typeof PgTable) {
  const out = new Map<string, Shape>();
  for (const value of Object.values(schema)) {
    if (!is(value, base)) continue;
    const config = (base === SQLiteTable
      ? sqliteConfig(value as SQLiteTable)
      : pgConfig(value as unknown as PgTable)) as unknown as Config & { name: string };
    out.set(config.name, shape(config));
  }
  return out;
}

/** Compares two schema modules; exported shape so the failure test below can feed it a changed copy. */
export function compareSchemas(sqliteMod: Record<string, unknown>, pgMod: Record<string, unknown>) {
  const lite = tables(sqliteMod, SQLiteTable);
  const pg = tables(pgMod, PgTable);
  assert.deepEqual([...pg.keys()].sort(), [...lite.keys()].sort(), "the same tables");
  for (const [name, shape] of lite) assert.deepEqual(pg.get(name), shape, `table ${name}`);
  return lite.size;
}

test("SQLite and PostgreSQL schemas have the same tables, columns, keys, indexes and uniques", () => {
  const count = compareSchemas(sqliteSchema, pgSchema);
  assert.equal(count, 17);
});

test("the comparison notices a missing column, nullability, a lost cascade and a non-unique index", async () => {
  const lite = await import("drizzle-orm/sqlite-core");
  const pgc = await import("drizzle-orm/pg-core");
  const parent = lite.sqliteTable("parent", { id: lite.integer("id").primaryKey() });
  const child = lite.sqliteTable(
    "child",
    {
      id: lite.integer("id").primaryKey(),
      parentId: lite
        .integer("parent_id")
        .notNull()
        .references(() => parent.id, { onDelete: "cascade" }),
      label: lite.text("label").notNull(),
    },
    (t) => [lite.uniqueIndex("child_label").on(t.label)],
  );
  const pParent = pgc.pgTable("parent", { id: pgc.integer("id").primaryKey() });
  const pgChild = (
    change: "none" | "drop" | "nullable" | "cascade" | "index",
  ): Record<string, unknown> => ({
    pParent,
    child: pgc.pgTable(
      "child",
      {
        id: pgc.integer("id").primaryKey(),
        parentId: pgc
          .integer("parent_id")
          .notNull()
          .references(() => pParent.id, change === "cascade" ? {} : { onDelete: "cascade" }),
        ...(change === "drop"
          ? {}
          : { label: change === "nullable" ? pgc.text("label") : pgc.text("label").notNull() }),
      },
      (t) =>
        t.label
          ? [(change === "index" ? pgc.index : pgc.uniqueIndex)("child_label").on(t.label)]
          : [],
    ),
  });
  assert.equal(compareSchemas({ parent, child }, pgChild("none")), 2);
  for (const change of ["drop", "nullable", "cascade", "index"] as const)
    assert.throws(() => compareSchemas({ parent, child }, pgChild(change)), /table child/, change);
});
