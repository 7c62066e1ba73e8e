// Runs once per server process: checks content, opens and migrates the DB, records lesson versions.
import { ContentError, allLessons } from "~/content/lessons.server";
import { closeDatabase, ready } from "~/db.server";
import { syncLessonVersions } from "~/models/lesson.server";
import { sweepAllDue } from "~/models/closing.server";

/** How often the server finishes closes that are due (work past its due time, decision 081). */
const SWEEP_EVERY_MS = 60_000;

declare global {
  var __telaahStarted: boolean | undefined;
}

export async function startup() {
  if (globalThis.__telaahStarted) return;
  try {
    allLessons();
  } catch (error) {
    if (error instanceof ContentError) {
      console.error(error.message);
      console.error(
        "Telaah refuses to start until the lesson files are fixed (npm run content:check).",
      );
      process.exit(1);
    }
    throw error;
  }
  await ready();
  await syncLessonVersions();
  globalThis.__telaahStarted = true;
  const shutdown = (signal: string) => {
    // An information line: LOG_LEVEL=warn (or quieter) leaves it out, as our server does its own.
    if (!["warn", "error", "silent"].includes(process.env.LOG_LEVEL ?? ""))
      console.log(`${signal}: closing the database`);
    closeDatabase();
  };
  // Closes happen lazily on the next access too; this makes them happen within a minute anyway.
  const sweep = setInterval(() => {
    sweepAllDue().catch((error: unknown) => {
      console.error("closing due assignments failed:", error);
    });
  }, SWEEP_EVERY_MS);
  sweep.unref();
  process.once("exit", () => {
    clearInterval(sweep);
    shutdown("exit");
  });
}
