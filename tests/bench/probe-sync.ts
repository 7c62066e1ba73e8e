// temporary probe (deleted later): commit cost with synchronous NORMAL vs FULL on this disk
import Database from "better-sqlite3";
import fs from "node:fs";
for (const mode of ["NORMAL", "FULL", "NORMAL", "FULL"]) {
  const f = `/tmp/scale/sync-${mode}.db`;
  for (const s of ["", "-wal", "-shm"]) fs.rmSync(f + s, { force: true });
  const db = new Database(f);
  db.pragma("journal_mode = WAL");
  db.pragma(`synchronous = ${mode}`);
  db.exec("CREATE TABLE a (id INTEGER PRIMARY KEY, attempt INT, item TEXT, choice TEXT, UNIQUE(attempt, item))");
  const st = db.prepare("INSERT INTO a (attempt, item, choice) VALUES (?, ?, 'x') ON CONFLICT DO UPDATE SET choice = excluded.choice");
  const n = 2000;
  const t = performance.now();
  const lat: number[] = [];
  for (let i = 0; i < n; i++) { const s = performance.now(); st.run(i % 500, "q" + (i % 7)); lat.push(performance.now() - s); }
  lat.sort((x, y) => x - y);
  console.log(mode, "mean ms", ((performance.now() - t) / n).toFixed(3), "p99", lat[Math.floor(n * 0.99)].toFixed(3), "max", lat[n - 1].toFixed(2));
  db.close();
}
