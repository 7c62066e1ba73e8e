// Reads the server's `node --cpu-prof` output and prints where its time went: by package and by
// function (self time), so a benchmark run with --profile says what to fix.
import fs from "node:fs";
import path from "node:path";

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
};
type Profile = {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
};

function owner(url: string): string {
  if (!url) return "(native/vm)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith("node:")) return "node core";
  if (/\/(build|\.builds\/[^/]+)\/index\.js$/.test(url)) return "app (server build)";
  return path.basename(url);
}

export function summarizeProfiles(dir: string, top = 25) {
  const files = fs.existsSync(dir)
    ? fs.readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"))
    : [];
  if (!files.length) {
    console.log(`profile: no .cpuprofile in ${dir} (the server must exit normally to write one)`);
    return;
  }
  for (const file of files) {
    const prof = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Profile;
    const byId = new Map(prof.nodes.map((n) => [n.id, n]));
    const selfUs = new Map<number, number>();
    prof.samples.forEach((id, i) =>
      selfUs.set(id, (selfUs.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)),
    );
    const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
    const byOwner = new Map<string, number>();
    const byFn = new Map<string, number>();
    for (const [id, us] of selfUs) {
      const frame = byId.get(id)!.callFrame;
      const who = frame.functionName.startsWith("(") ? frame.functionName : owner(frame.url);
      byOwner.set(who, (byOwner.get(who) ?? 0) + us);
      const fn = `${frame.functionName || "(anonymous)"} ${owner(frame.url)}:${frame.lineNumber + 1}`;
      byFn.set(fn, (byFn.get(fn) ?? 0) + us);
    }
    const pct = (us: number) => `${((100 * us) / total).toFixed(1)}%`.padStart(6);
    console.log(`profile ${file}: ${(total / 1e6).toFixed(1)} s sampled (saved in ${dir})`);
    console.log("  self time by owner:");
    for (const [who, us] of [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, 15))
      console.log(`  ${pct(us)}  ${who}`);
    console.log("  self time by function:");
    for (const [fn, us] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`  ${pct(us)}  ${fn}`);
  }
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  summarizeProfiles(process.argv[2] ?? ".");
}
