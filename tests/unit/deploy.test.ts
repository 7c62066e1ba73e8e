// The systemd units shipped in deploy/: systemd-analyze verify accepts them (where the tool exists;
// where it does not, the settings docs/deployment.md relies on are checked by reading the files).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const UNITS = [
  "deploy/telaah.service",
  "deploy/telaah-backup.service",
  "deploy/telaah-backup.timer",
];
const hasSystemdAnalyze = spawnSync("systemd-analyze", ["--version"]).status === 0;

test(`the units pass ${hasSystemdAnalyze ? "systemd-analyze verify" : "a reading (systemd-analyze is not installed here)"}`, () => {
  for (const unit of UNITS) {
    if (hasSystemdAnalyze) {
      // verify prints problems on stderr and exits non-zero on errors
      const result = spawnSync("systemd-analyze", ["verify", unit], { encoding: "utf8" });
      assert.equal(result.status, 0, `${unit}: ${result.stderr}`);
      assert.equal(result.stderr.trim(), "", `${unit}: ${result.stderr}`);
    }
    const text = fs.readFileSync(unit, "utf8");
    assert.match(text, /^\[Unit\]$/m, unit);
  }
  const service = fs.readFileSync("deploy/telaah.service", "utf8");
  for (const line of [
    "ExecStart=/usr/bin/node --import tsx server/index.ts build/index.js",
    "Restart=on-failure",
    "Environment=NODE_ENV=production",
    "WantedBy=multi-user.target",
  ])
    assert.ok(service.includes(line), `telaah.service lacks ${line}`);
  assert.match(fs.readFileSync("deploy/telaah-backup.timer", "utf8"), /^OnCalendar=/m);
  assert.match(fs.readFileSync("deploy/telaah-backup.service", "utf8"), /scripts\/db-backup\.ts/);
});
