// The tables model code queries: db/schema.ts on SQLite, db/schema.pg.ts with DATABASE_URL. Both
// define the same tables, columns and keys (tests/unit/schema-parity.test.ts), so model code is
// typed against the SQLite ones and gets the PostgreSQL ones at run time (decision 124).
import * as sqliteTables from "../../db/schema";
import * as pgTables from "../../db/schema.pg";
import { dialect } from "~/db.server";

const chosen = (dialect() === "postgres"
  ? pgTables
  : sqliteTables) as unknown as typeof sqliteTables;

export const {
  teachers,
  classes,
  pupils,
  sessions,
  throttles,
  lessonVersions,
  authoredLessons,
  assignments,
  attempts,
  extensions,
  answers,
  assignmentLive,
  posts,
  postFeedback,
  recoveryCodes,
  passwordResets,
  classTeachers,
} = chosen;
