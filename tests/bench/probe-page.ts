// temporary probe (deleted later): profile of repeated quiz page renders
import path from "node:path";
import { Client, Recorder, startServer, tempDir, requireBuild, parseFlags } from "./driver";
import { AckLog, start, openStep, page, type Ctx } from "./flow";
import { seedClasses } from "./seed";
import { summarizeProfiles } from "./profile";
const flags = parseFlags();
const entry = requireBuild(flags);
const dir = tempDir("probe");
const profileDir = path.join(dir, "profile");
const server = await startServer({ entry, dbPath: path.join(dir, "t.db"), logDir: dir, profileDir });
const [c] = await seedClasses(server.dbPath, { classes: 1, perClass: 10, label: "p" });
const client = new Client(server.url);
const rec = new Recorder();
const ctx: Ctx = { client, rec, acks: new AckLog() };
const pupils = c.pupils.map((p) => ({ ...p, assignmentId: c.assignmentId }));
for (const p of pupils) { await start(ctx, p); await openStep(ctx, p, "quiz"); }
const target = String(flags.path ?? "quiz");
for (let i = 0; i < Number(flags.n ?? 1000); i++) await Promise.all(pupils.slice(0, 4).map((p) => page(ctx, p, `/pupil/assignments/${p.assignmentId}/${target}`, "pg")));
console.log("p50", rec.p("pg", 50), "p99", rec.p("pg", 99), rec.errors);
client.close();
await server.stop();
summarizeProfiles(profileDir, 70);
