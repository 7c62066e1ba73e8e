// temporary probe (deleted later): server CPU per request kind, sequential and concurrent
import fs from "node:fs";
import path from "node:path";
import { Client, Recorder, startServer, tempDir, requireBuild, parseFlags } from "./driver";
import { AckLog, start, save, openStep, page, type Ctx } from "./flow";
import { seedClasses } from "./seed";
import { summarizeProfiles } from "./profile";
const flags = parseFlags();
const entry = requireBuild(flags);
const dir = tempDir("probe");
const profileDir = path.join(dir, "profile");
const server = await startServer({ entry, dbPath: path.join(dir, "t.db"), logDir: dir, profileDir: flags.profile ? profileDir : undefined });
const cpu = () => { const f = fs.readFileSync(`/proc/${server.pid}/stat`, "utf8").split(") ")[1].split(" "); return (Number(f[11]) + Number(f[12])) * 10; };
const classes = await seedClasses(server.dbPath, { classes: 12, perClass: 50, label: "p" });
const client = new Client(server.url);
const rec = new Recorder();
const ctx: Ctx = { client, rec, acks: new AckLog() };
const pupils = classes.flatMap((c) => c.pupils.map((p) => ({ ...p, assignmentId: c.assignmentId })));
// warm
for (const p of pupils.slice(0, 50)) { await start(ctx, p, "warm"); const s = await openStep(ctx, p, "quiz"); for (const it of s!.items.slice(0, 3)) await save(ctx, p, s!.attemptId, it); }
async function measure(label: string, list: typeof pupils, fn: (p: (typeof pupils)[0]) => Promise<unknown>, concurrent: boolean) {
  const c0 = cpu(); const t0 = performance.now();
  if (concurrent) await Promise.all(list.map(fn)); else for (const p of list) await fn(p);
  const c1 = cpu(); const t1 = performance.now();
  console.log(`${label}: n=${list.length} cpu/req ${((c1 - c0) / list.length).toFixed(2)} ms, wall ${(t1 - t0).toFixed(0)} ms, p50 ${rec.p(label,50)} p99 ${rec.p(label,99)} max ${rec.p(label,100)}`);
}
await measure("start_seq", pupils.slice(50, 250), (p) => start(ctx, p, "start_seq"), false);
for (const [i, cl] of [[0, 5], [1, 6], [2, 7]] as const) await measure(`start_spike${i}`, pupils.slice(cl * 50, cl * 50 + 50), (p) => start(ctx, p, `start_spike${i}`), true);
const p0 = pupils[60];
const st = await openStep(ctx, p0, "quiz");
await measure("save_seq", Array(300).fill(p0), (p) => save(ctx, p, st!.attemptId, st!.items[0]).then(() => {}), false);
await measure("page_seq", Array(100).fill(p0), (p) => page(ctx, p, `/pupil/assignments/${p.assignmentId}/quiz`, "page_seq"), false);
await measure("healthz_seq", Array(300).fill(p0), (p) => page(ctx, p, `/healthz`, "healthz_seq"), false);
console.log("errors", rec.errors, rec.samples.slice(0, 3));
client.close();
await server.stop();
if (flags.profile) summarizeProfiles(profileDir, 60);
