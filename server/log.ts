// Logging with levels (LOG_LEVEL=debug|info|warn|error|silent): request lines as JSON, one per line,
// for tools; the start-up banner as plain text, for the person who started the server.
export type Level = "debug" | "info" | "warn" | "error" | "silent";
export const LEVELS: readonly Level[] = ["debug", "info", "warn", "error", "silent"];
const RANK: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export type Logger = {
  level: Level;
  enabled(level: Exclude<Level, "silent">): boolean;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** Plain text for a person (the banner), shown at `level` and above. */
  text(level: Exclude<Level, "silent">, line: string): void;
};

export function parseLevel(value: string | undefined): Level | undefined {
  if (!value) return "info";
  const lower = value.toLowerCase();
  return (LEVELS as readonly string[]).includes(lower) ? (lower as Level) : undefined;
}

export function createLogger(
  level: Level,
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  err: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Logger {
  const enabled = (l: Exclude<Level, "silent">) => RANK[l] >= RANK[level];
  const json = (l: "info" | "warn" | "error", msg: string, fields?: Record<string, unknown>) => {
    if (!enabled(l)) return;
    const line = JSON.stringify({ time: new Date().toISOString(), level: l, msg, ...fields });
    (l === "info" ? out : err)(line);
  };
  return {
    level,
    enabled,
    info: (msg, fields) => json("info", msg, fields),
    warn: (msg, fields) => json("warn", msg, fields),
    error: (msg, fields) => json("error", msg, fields),
    text: (l, line) => {
      if (enabled(l)) (l === "info" || l === "debug" ? out : err)(line);
    },
  };
}
