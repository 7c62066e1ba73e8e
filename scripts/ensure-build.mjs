// `npm start` runs this first: builds the app when there is no build or the sources are newer.
import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const output = "build/index.js";
const sources = ["app", "db", "remix.config.js", "package.json", "tsconfig.json"];

function newest(p) {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) latest = Math.max(latest, newest(path.join(p, entry)));
  return latest;
}

const built = fs.existsSync(output) ? fs.statSync(output).mtimeMs : 0;
const changed = Math.max(...sources.filter((s) => fs.existsSync(s)).map(newest));
if (built < changed) {
  console.log(
    built ? "Sources changed since the last build: building…" : "No build yet: building…",
  );
  // Always into build/, which is what `npm start` serves, even when BUILD_DIR is set for tests.
  // The local Remix CLI through node, not npx: works for a service user without an npm cache.
  execSync(`"${process.execPath}" node_modules/@remix-run/dev/dist/cli.js build`, {
    stdio: "inherit",
    env: { ...process.env, BUILD_DIR: "" },
  });
}
