// temporary probe (deleted later): profile of attempt-creating start requests
import path from "node:path";
import { Client, Recorder, startServer, tempDir, requireBuild, parseFlags } from "./driver";
import { AckLog, start, type Ctx } from "./flow";
import { seedClasses } from "./seed";
import { summarizeProfiles } from "./profile";
const flags = parseFlags();
const entry = requireBuild(flags);
const dir = tempDir("probe");
const profileDir = path.join(dir, "profile");
const server = await startServer({ entry, dbPath: path.join(dir, "t.db"), logDir: dir, profileDir: flags.profile ? profileDir : undefined });
const classes = await seedClasses(server.dbPath, { classes: 40, perClass: 50, label: "p" });
const client = new Client(server.url);
const rec = new Recorder();
const ctx: Ctx = { client, rec, acks: new AckLog() };
for (const [i, c] of classes.entries()) {
  const pupils = c.pupils.map((p) => ({ ...p, assignmentId: c.assignmentId }));
  await Promise.all(pupils.map((p) => start(ctx, p, i < 3 ? "warm" : "start")));
}
console.log("start p50", rec.p("start", 50), "p99", rec.p("start", 99), "errors", rec.errors, rec.samples.slice(0,3));
client.close();
await server.stop();
if (flags.profile) summarizeProfiles(profileDir, 10);
