// A way back in and co-teachers: recovery codes (single use, even under a burst; the limit holds
// under a burst; unknown emails answer alike), reset links (once, expiry), and the shared class
// access check (owner or co-teacher) with its owner-only variant.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "telaah-recovery-unit-"));
process.env.DATABASE_PATH = path.join(dir, "telaah.db");
process.env.SESSION_SECRET = "unit-test-secret-of-at-least-32-chars";

const { RULES } = await import("~/models/throttle.server");
const { createTeacher, signInTeacher } = await import("~/models/teacher.server");
const recovery = await import("~/models/recovery.server");
const access = await import("~/models/class-access.server");
const { createClass, deleteClass, listClasses, setArchived, renameClass } =
  await import("~/models/class.server");
const { getTeacherAssignment, listClassAssignments } = await import("~/models/assignment.server");
const { createSession } = await import("~/utils/session.server");
const { unitDb } = await import("../support/unit-db");

let seq = 0;
const address = () => ({ key: `ip:198.51.100.${++seq}`, direct: false });
const PASSWORD = "kopi tubruk di pagi hari";
const NEW_PASSWORD = "teh manis di sore hari";

after(async () => {
  const { closeDatabase } = await import("~/db.server");
  closeDatabase();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function teacher(name = "Bu Uji") {
  const email = `guru-${++seq}@sekolah.test`;
  const made = await createTeacher({ name, email, password: PASSWORD, ip: address() });
  assert.ok(made.ok);
  return { id: made.ok ? made.teacherId : 0, email };
}

const sessionsOf = (teacherId: number) =>
  (
    unitDb().prepare("SELECT count(*) AS n FROM sessions WHERE teacher_id = ?").get(teacherId) as {
      n: number;
    }
  ).n;

test("recovery codes: 8 distinct codes of 16 characters, stored only as hashes, new ones replace the old", async () => {
  const t = await teacher();
  const codes = await recovery.issueRecoveryCodes(t.id);
  assert.equal(codes.length, 8);
  assert.equal(new Set(codes).size, 8);
  for (const c of codes) assert.match(c, /^[A-HJKMNP-Z2-9]{4}(-[A-HJKMNP-Z2-9]{4}){3}$/);
  const stored = unitDb()
    .prepare("SELECT code_hash AS h FROM recovery_codes WHERE teacher_id = ?")
    .all(t.id) as { h: string }[];
  assert.equal(stored.length, 8);
  for (const { h } of stored) for (const c of codes) assert.ok(!h.includes(c.replace(/-/g, "")));
  const again = await recovery.issueRecoveryCodes(t.id);
  const old = await recovery.recoverWithCode({
    email: t.email,
    code: codes[0],
    newPassword: NEW_PASSWORD,
    ip: address(),
  });
  assert.deepEqual(old, { ok: false, reason: "invalid" });
  assert.equal(await recovery.unusedRecoveryCodes(t.id), 8);
  assert.notDeepEqual(again, codes);
});

test("a recovery code changes the password, ends every session, works once; typed loosely it still matches", async () => {
  const t = await teacher();
  const [code, second] = await recovery.issueRecoveryCodes(t.id);
  await createSession({ role: "teacher", teacherId: t.id });
  await createSession({ role: "teacher", teacherId: t.id });
  assert.equal(sessionsOf(t.id), 2);
  const typed = ` ${code.toLowerCase().replace(/-/g, " ")} `;
  const result = await recovery.recoverWithCode({
    email: t.email.toUpperCase(),
    code: typed,
    newPassword: NEW_PASSWORD,
    ip: address(),
  });
  assert.deepEqual(result, { ok: true, teacherId: t.id });
  assert.equal(sessionsOf(t.id), 0);
  assert.equal(
    (await signInTeacher({ email: t.email, password: NEW_PASSWORD, ip: address() })).ok,
    true,
  );
  assert.equal(
    (await signInTeacher({ email: t.email, password: PASSWORD, ip: address() })).ok,
    false,
  );
  const twice = await recovery.recoverWithCode({
    email: t.email,
    code,
    newPassword: PASSWORD,
    ip: address(),
  });
  assert.deepEqual(twice, { ok: false, reason: "invalid" });
  assert.equal(await recovery.unusedRecoveryCodes(t.id), 7);
  assert.equal(
    (
      await recovery.recoverWithCode({
        email: t.email,
        code: second,
        newPassword: PASSWORD,
        ip: address(),
      })
    ).ok,
    true,
  );
});

test("an unknown email and a wrong code get the same answer", async () => {
  const t = await teacher();
  const [code] = await recovery.issueRecoveryCodes(t.id);
  const unknown = await recovery.recoverWithCode({
    email: `niemand-${++seq}@sekolah.test`,
    code,
    newPassword: NEW_PASSWORD,
    ip: address(),
  });
  const wrong = await recovery.recoverWithCode({
    email: t.email,
    code: "ABCD-EFGH-JKMN-PQRS",
    newPassword: NEW_PASSWORD,
    ip: address(),
  });
  assert.deepEqual(unknown, wrong);
  assert.deepEqual(unknown, { ok: false, reason: "invalid" });
});

test("one code posted 10 times at once changes the password once", async () => {
  const t = await teacher();
  const [code] = await recovery.issueRecoveryCodes(t.id);
  const results = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      recovery.recoverWithCode({
        email: t.email,
        code,
        newPassword: `${NEW_PASSWORD} ${i}`,
        ip: address(),
      }),
    ),
  );
  assert.equal(results.filter((r) => r.ok).length, 1);
  assert.equal(await recovery.unusedRecoveryCodes(t.id), 7);
});

test("40 wrong codes for one account at once: at most the sign-in limit are evaluated, then even a right code waits", async () => {
  const t = await teacher();
  const [code] = await recovery.issueRecoveryCodes(t.id);
  const now = Date.now();
  const guesses = await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      recovery.recoverWithCode({
        email: t.email,
        code: `ABCD-EFGH-JKMN-${String(1000 + i).replace(/[01]/g, "Q")}`,
        newPassword: NEW_PASSWORD,
        ip: address(),
        now,
      }),
    ),
  );
  const evaluated = guesses.filter((r) => !r.ok && r.reason === "invalid").length;
  const refused = guesses.filter((r) => !r.ok && r.reason === "throttled").length;
  assert.ok(evaluated <= RULES.teacherAccount.limit, `${evaluated} codes were checked`);
  assert.equal(evaluated + refused, 40);
  const right = await recovery.recoverWithCode({
    email: t.email,
    code,
    newPassword: NEW_PASSWORD,
    ip: address(),
    now,
  });
  assert.equal(!right.ok && right.reason, "throttled");
  // the code was not spent by the refused attempt
  assert.equal(await recovery.unusedRecoveryCodes(t.id), 8);
});

test("one address spraying codes over many emails waits after its free attempts", async () => {
  const ip = address();
  const now = Date.now();
  const results = await Promise.all(
    Array.from({ length: 60 }, () =>
      recovery.recoverWithCode({
        email: `spray-${++seq}@sekolah.test`,
        code: "ABCD-EFGH-JKMN-PQRS",
        newPassword: NEW_PASSWORD,
        ip,
        now,
      }),
    ),
  );
  const evaluated = results.filter((r) => !r.ok && r.reason === "invalid").length;
  assert.ok(evaluated <= RULES.recoverAddress.free, `${evaluated} evaluated`);
  assert.ok(results.some((r) => !r.ok && r.reason === "throttled" && r.wait));
});

test("new codes need the current password, counted like a sign-in", async () => {
  const t = await teacher();
  assert.deepEqual(
    await recovery.regenerateRecoveryCodes({ teacherId: t.id, password: "salah sekali ini" }),
    { ok: false, reason: "wrongPassword" },
  );
  const made = await recovery.regenerateRecoveryCodes({ teacherId: t.id, password: PASSWORD });
  assert.ok(made.ok && made.codes.length === 8);
  const now = Date.now();
  const burst = await Promise.all(
    Array.from({ length: 20 }, () =>
      recovery.regenerateRecoveryCodes({ teacherId: t.id, password: "salah sekali ini", now }),
    ),
  );
  assert.ok(
    burst.filter((r) => !r.ok && r.reason === "wrongPassword").length <= RULES.teacherAccount.limit,
  );
});

test("a reset link: sets the password once, ends sessions; an expired or replaced one is refused", async () => {
  const t = await teacher();
  const made = await recovery.createResetToken({ email: t.email });
  assert.ok(made);
  assert.equal(await recovery.createResetToken({ email: `niemand-${++seq}@sekolah.test` }), null);
  const stored = unitDb()
    .prepare("SELECT token_hash AS h, expires_at AS e FROM password_resets WHERE teacher_id = ?")
    .get(t.id) as { h: string; e: number };
  assert.notEqual(stored.h, made!.token);
  assert.ok(Math.abs(stored.e - (Date.now() + 3600_000)) < 60_000);
  assert.deepEqual(await recovery.resetLinkState(made!.token), { ok: true, name: "Bu Uji" });
  await createSession({ role: "teacher", teacherId: t.id });
  const both = await Promise.all([
    recovery.resetWithToken({ token: made!.token, newPassword: NEW_PASSWORD, ip: address() }),
    recovery.resetWithToken({
      token: made!.token,
      newPassword: `${NEW_PASSWORD} dua`,
      ip: address(),
    }),
  ]);
  assert.equal(both.filter((r) => r.ok).length, 1);
  assert.equal(sessionsOf(t.id), 0);
  assert.deepEqual(await recovery.resetLinkState(made!.token), { ok: false, reason: "used" });

  const late = await recovery.createResetToken({ email: t.email, now: Date.now() - 3601_000 });
  assert.deepEqual(await recovery.resetLinkState(late!.token), { ok: false, reason: "expired" });
  assert.deepEqual(
    await recovery.resetWithToken({ token: late!.token, newPassword: NEW_PASSWORD, ip: address() }),
    { ok: false, reason: "expired" },
  );

  const first = (await recovery.createResetToken({ email: t.email }))!;
  const newer = (await recovery.createResetToken({ email: t.email }))!;
  assert.deepEqual(await recovery.resetLinkState(first.token), { ok: false, reason: "used" });
  assert.equal((await recovery.resetLinkState(newer.token)).ok, true);
  assert.deepEqual(await recovery.resetLinkState("nonsense"), { ok: false, reason: "used" });
});

test("reset-link posts from one address are throttled under a burst", async () => {
  const ip = address();
  const now = Date.now();
  const results = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      recovery.resetWithToken({
        token: `x${"a".repeat(30)}${i}`,
        newPassword: NEW_PASSWORD,
        ip,
        now,
      }),
    ),
  );
  const evaluated = results.filter((r) => !r.ok && r.reason !== "throttled").length;
  assert.ok(evaluated <= RULES.recoverAddress.free, `${evaluated} evaluated`);
});

test("co-teachers: one access check for owner and co-teacher; the owner-only variant refuses the co-teacher with 403", async () => {
  const owner = await teacher("Bu Pemilik");
  const co = await teacher("Pak Pendamping");
  const other = await teacher("Bu Lain");
  const classId = await createClass({
    teacherId: owner.id,
    name: "8B",
    grade: "8",
    subject: "IPS",
    timeZone: "WIB",
  });
  const status = async (f: () => unknown) => {
    try {
      await f();
      return 200;
    } catch (e) {
      return (e as Response).status;
    }
  };
  assert.equal(await status(() => access.getTaughtClass({ classId, teacherId: co.id })), 404);
  assert.deepEqual(
    await access.addCoTeacher({
      classId,
      teacherId: owner.id,
      email: `niemand-${++seq}@sekolah.test`,
    }),
    { ok: false, reason: "noSuchTeacher" },
  );
  assert.deepEqual(
    await access.addCoTeacher({ classId, teacherId: owner.id, email: owner.email }),
    {
      ok: false,
      reason: "self",
    },
  );
  assert.deepEqual(
    await access.addCoTeacher({
      classId,
      teacherId: owner.id,
      email: ` ${co.email.toUpperCase()} `,
    }),
    { ok: true, coTeacherId: co.id },
  );
  assert.deepEqual(await access.addCoTeacher({ classId, teacherId: owner.id, email: co.email }), {
    ok: false,
    reason: "already",
  });
  // a co-teacher cannot invite, remove or delete; another teacher sees nothing
  assert.equal(
    await status(() => access.addCoTeacher({ classId, teacherId: co.id, email: other.email })),
    403,
  );
  assert.equal((await access.getTaughtClass({ classId, teacherId: co.id })).role, "coTeacher");
  assert.equal(await status(() => access.getTaughtClass({ classId, teacherId: other.id })), 404);
  assert.equal(await status(() => deleteClass({ classId, teacherId: co.id })), 403);
  assert.equal(await status(() => setArchived({ classId, teacherId: co.id, archived: true })), 403);
  assert.equal(await status(() => deleteClass({ classId, teacherId: other.id })), 404);
  assert.equal(
    await status(() => access.removeCoTeacher({ classId, teacherId: co.id, coTeacherId: co.id })),
    403,
  );
  assert.equal(await status(() => access.leaveClass({ classId, teacherId: owner.id })), 403);
  // but manages it: renames, lists assignments, sees it on the dashboard with the owner's name
  await renameClass({ classId, teacherId: co.id, name: "8B baru" });
  assert.deepEqual(await listClassAssignments({ classId, teacherId: co.id }), []);
  assert.equal(await status(() => listClassAssignments({ classId, teacherId: other.id })), 404);
  const seen = (await listClasses({ teacherId: co.id })).find((c) => c.id === classId);
  assert.deepEqual(seen && { name: seen.name, role: seen.role, ownerName: seen.ownerName }, {
    name: "8B baru",
    role: "coTeacher",
    ownerName: "Bu Pemilik",
  });
  assert.equal(
    await status(() => getTeacherAssignment({ assignmentId: 999999, teacherId: co.id })),
    404,
  );
  assert.deepEqual(
    (await access.listClassTeachers({ classId, teacherId: co.id })).map((t) => [t.name, t.owner]),
    [
      ["Bu Pemilik", true],
      ["Pak Pendamping", false],
    ],
  );
  await access.leaveClass({ classId, teacherId: co.id });
  assert.equal(await status(() => access.getTaughtClass({ classId, teacherId: co.id })), 404);
  await access.addCoTeacher({ classId, teacherId: owner.id, email: co.email });
  await access.removeCoTeacher({ classId, teacherId: owner.id, coTeacherId: co.id });
  assert.equal(await status(() => access.getTaughtClass({ classId, teacherId: co.id })), 404);
  await access.addCoTeacher({ classId, teacherId: owner.id, email: co.email });
  assert.deepEqual(await deleteClass({ classId, teacherId: owner.id }), { name: "8B baru" });
  assert.equal(
    (
      unitDb()
        .prepare("SELECT count(*) AS n FROM class_teachers WHERE class_id = ?")
        .get(classId) as { n: number }
    ).n,
    0,
  );
});

test("co-teacher invitations: a burst of lookups by one owner is held at the limit", async () => {
  const owner = await teacher();
  const classId = await createClass({
    teacherId: owner.id,
    name: "9C",
    grade: "9",
    subject: "IPS",
    timeZone: "WIB",
  });
  const now = Date.now();
  const results = await Promise.all(
    Array.from({ length: 40 }, () =>
      access.addCoTeacher({
        classId,
        teacherId: owner.id,
        email: `cari-${++seq}@sekolah.test`,
        now,
      }),
    ),
  );
  assert.equal(
    results.filter((r) => !r.ok && r.reason === "noSuchTeacher").length,
    RULES.coTeacherInvite.limit,
  );
});
