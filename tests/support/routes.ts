// The app's routes as the security tests see them: read from app/routes at test time (flat-route
// file names → URL patterns, and which of loader/action/page each file exports), so a new route
// file is noticed by the tests that must cover it.
import fs from "node:fs";
import path from "node:path";

export type RouteFile = {
  /** File (or folder) name inside app/routes, the key of every matrix. */
  file: string;
  /** Remix route id, for `?_data=` requests that run this route's loader or action alone. */
  id: string;
  /** URL pattern with `:param` and `*` for the splat. */
  pattern: string;
  params: string[];
  index: boolean;
  loader: boolean;
  action: boolean;
  /** Has a default export (a page), as opposed to a resource route. */
  page: boolean;
};

const ROUTES_DIR = path.join(process.cwd(), "app", "routes");
const SOURCE = /\.(tsx|ts|jsx|js)$/;

/** Splits a flat-route name on dots that are not inside `[...]` escapes. */
function segmentsOf(name: string): string[] {
  const out: string[] = [];
  let current = "";
  let escaped = false;
  for (const ch of name) {
    if (ch === "[") escaped = true;
    else if (ch === "]") escaped = false;
    if (ch === "." && !escaped) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out;
}

export function patternOf(name: string): { pattern: string; params: string[]; index: boolean } {
  const params: string[] = [];
  let index = false;
  const parts: string[] = [];
  for (const raw of segmentsOf(name)) {
    if (raw === "_index") {
      index = true;
      continue;
    }
    // `_layout` segments add no path; a trailing `_` only opts out of the parent layout.
    if (raw.startsWith("_")) continue;
    const segment = raw.replace(/_$/, "");
    if (segment === "$") {
      params.push("*");
      parts.push("*");
    } else if (segment.startsWith("$")) {
      params.push(segment.slice(1));
      parts.push(`:${segment.slice(1)}`);
    } else parts.push(segment.replace(/\[([^\]]*)\]/g, "$1"));
  }
  return { pattern: `/${parts.join("/")}`, params, index };
}

function exportsOf(source: string) {
  const has = (name: string) =>
    new RegExp(
      `export\\s+(async\\s+)?function\\s+${name}\\b|export\\s+(const|let)\\s+${name}\\b|export\\s*\\{[^}]*\\b${name}\\b[^}]*\\}`,
    ).test(source);
  return { loader: has("loader"), action: has("action"), page: /export\s+default\b/.test(source) };
}

/** Every route module in app/routes, file routes and folder routes (`folder/route.tsx`) alike. */
export function routeFiles(dir = ROUTES_DIR): RouteFile[] {
  const out: RouteFile[] = [];
  for (const entry of fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith(".") || /\.test\.(ts|tsx)$/.test(entry.name)) continue;
    let file: string | undefined;
    let name: string;
    if (entry.isDirectory()) {
      const inner = fs
        .readdirSync(path.join(dir, entry.name))
        .find((f) => /^(route|index)\.(tsx|ts|jsx|js)$/.test(f));
      if (!inner) continue;
      file = path.join(dir, entry.name, inner);
      name = entry.name;
    } else {
      if (!SOURCE.test(entry.name)) continue;
      file = path.join(dir, entry.name);
      name = entry.name.replace(SOURCE, "");
    }
    const { pattern, params, index } = patternOf(name);
    out.push({
      file: entry.name,
      id: `routes/${name}`,
      pattern,
      params,
      index,
      ...exportsOf(fs.readFileSync(file, "utf8")),
    });
  }
  return out;
}

/** A concrete path for a pattern; `index` routes get `?index` on posts as Remix forms do. */
export function fillPattern(pattern: string, values: Record<string, string | number>): string {
  return pattern.replace(/:([A-Za-z]+)|\*/g, (whole, name: string | undefined) => {
    const key = name ?? "*";
    if (!(key in values)) throw new Error(`no value for ${whole} in ${pattern}`);
    return encodeURIComponent(String(values[key])).replace(/%2F/g, "/");
  });
}

export function actionUrl(route: RouteFile, pathname: string, data = false): string {
  const search = new URLSearchParams();
  if (route.index) search.set("index", "");
  if (data) search.set("_data", route.id);
  const query = search.toString().replace(/^index=(&|$)/, "index$1");
  return query ? `${pathname}?${query}` : pathname;
}

export function dataUrl(route: RouteFile, pathname: string): string {
  return `${pathname}?_data=${encodeURIComponent(route.id)}`;
}
