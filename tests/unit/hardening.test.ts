// Hardening: throttle slots under concurrency, growing delays per address, the per-class and
// per-account rules, redirects that stay on the site, look-alike names, and hidden answer keys.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "telaah-hardening-unit-"));
process.env.DATABASE_PATH = path.join(dir, "telaah.db");
process.env.SESSION_SECRET = "unit-test-secret-of-at-least-32-chars";

const { RULES, takeSlot, succeeded, throttleStatus } = await import("~/models/throttle.server");
const { createTeacher, signInTeacher } = await import("~/models/teacher.server");
const { joinClass, signInPupil } = await import("~/models/pupil.server");
const { createClass } = await import("~/models/class.server");
const { safeRedirect } = await import("~/utils/auth.server");
const { displayName } = await import("~/utils/accounts-schemas");
const { clipMarks, nameSkeleton } = await import("~/utils/display-name");
const { keysVisible } = await import("~/utils/quiz");
const { unitDb } = await import("../support/unit-db");

const MINUTE = 60_000;
let seq = 0;
const address = () => ({ key: `ip:192.0.2.${++seq}`, direct: false });

after(async () => {
  const { closeDatabase } = await import("~/db.server");
  closeDatabase();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function classWithCode(name = "8A") {
  const teacher = await createTeacher({
    name: "Bu Uji",
    email: `uji-${++seq}@sekolah.test`,
    password: "kopi tubruk di pagi hari",
  });
  assert.ok(teacher.ok);
  const classId = await createClass({
    teacherId: teacher.ok ? teacher.teacherId : 0,
    name,
    grade: "8",
    subject: "IPS",
    timeZone: "WIB",
  });
  const code = (
    unitDb().prepare("SELECT join_code AS code FROM classes WHERE id = ?").get(classId) as {
      code: string;
    }
  ).code;
  return { classId, code };
}

/** `n` calls sent at once, and how many of their answers carry each refusal reason. */
/**
 * A class of `size` pupils named "<prefix> 0" … "<prefix> size-1", all with the PIN 4826: the first
 * joins through the app from `ip`, the others are copied with its PIN hash (more hashes would only
 * slow the test).
 */
async function classSharingOnePin(
  name: string,
  prefix: string,
  size: number,
  ip: ReturnType<typeof address>,
) {
  const { code, classId } = await classWithCode(name);
  const names = Array.from({ length: size }, (_, i) => `${prefix} ${i}`);
  assert.equal((await joinClass({ code, displayName: names[0], pin: "4826", ip })).ok, true);
  const { nameKey } = await import("~/utils/name-key");
  const { h } = unitDb()
    .prepare("SELECT pin_hash AS h FROM pupils WHERE class_id = ?")
    .get(classId) as { h: string };
  const insert = unitDb().prepare(
    "INSERT INTO pupils (class_id, display_name, name_key, pin_hash) VALUES (?, ?, ?, ?)",
  );
  for (const n of names.slice(1)) insert.run(classId, n, nameKey(n), h);
  return { code, classId, names };
}

async function burst<R extends { ok: boolean; reason?: string }>(
  n: number,
  call: (i: number) => Promise<R>,
) {
  const results = await Promise.all(Array.from({ length: n }, (_, i) => call(i)));
  const count = (reason: string) => results.filter((r) => !r.ok && r.reason === reason).length;
  return { results, count };
}

/** A throttle counter's count as stored; undefined when it has no row. */
function throttleCount(key: string): number | undefined {
  return (
    unitDb().prepare("SELECT count FROM throttles WHERE key = ?").get(key) as
      { count: number } | undefined
  )?.count;
}

test("60 wrong PINs sent at once, then the right one: at most 10 are evaluated", async () => {
  const { code } = await classWithCode();
  const ip = address();
  assert.equal((await joinClass({ code, displayName: "Sari", pin: "4826", ip })).ok, true);
  const now = Date.now();
  const guesses = await burst(60, (i) =>
    signInPupil({ code, displayName: "Sari", pin: String(5000 + i), ip, now }),
  );
  const evaluated = guesses.count("invalid");
  const refused = guesses.count("throttled");
  assert.ok(evaluated <= RULES.pupilAccount.limit, `${evaluated} PINs were checked`);
  assert.equal(evaluated + refused, 60);
  const right = await signInPupil({ code, displayName: "Sari", pin: "4826", ip, now });
  assert.equal(!right.ok && right.reason, "throttled");
  // the account's limit refused it (shown as minutes), not a wait of the address
  assert.equal(!right.ok && right.reason === "throttled" && right.wait, false);
});

test("30 wrong teacher passwords at once: at most 10 evaluated; account deletion is held the same way", async () => {
  const email = `serbu-${++seq}@sekolah.test`;
  const made = await createTeacher({
    name: "Pak Tono",
    email,
    password: "kopi tubruk di pagi hari",
  });
  assert.ok(made.ok);
  const now = Date.now();
  const tries = await burst(30, (i) =>
    signInTeacher({ email, password: `salah ${i}`, ip: address(), now }),
  );
  assert.ok(tries.count("invalid") <= 10);

  const { deleteTeacherAccount } = await import("~/models/privacy.server");
  const other = await createTeacher({
    name: "Bu Lia",
    email: `lia-${++seq}@sekolah.test`,
    password: "teh manis hangat sekali",
  });
  assert.ok(other.ok);
  const teacherId = other.ok ? other.teacherId : 0;
  const deletions = await burst(30, (i) =>
    deleteTeacherAccount({ teacherId, password: `salah ${i}`, now }),
  );
  assert.ok(deletions.count("wrongPassword") <= 10);
  assert.ok(deletions.results.every((r) => !r.ok));
});

test("a delay rule: free attempts, then doubling waits capped, forgotten after quiet; in-flight attempts count", async () => {
  const rule = {
    kind: "delay" as const,
    free: 3,
    baseMs: 10_000,
    capMs: 40_000,
    forgetMs: 15 * MINUTE,
  };
  const key = `test:delay:${++seq}`;
  const t0 = Date.UTC(2025, 0, 6, 8, 0, 0);
  for (let i = 0; i < 3; i++)
    assert.equal((await takeSlot([[key, rule]], t0 + i)).ok, true, `free ${i + 1}`);
  const waiting = await takeSlot([[key, rule]], t0 + 5);
  assert.deepEqual(waiting, { ok: false, retryAfterMs: 10_000 - 3, wait: true });
  assert.equal((await takeSlot([[key, rule]], t0 + 2 + 10_000)).ok, true);
  assert.equal((await throttleStatus(key, rule, t0 + 10_002 + 19_999)).blocked, true, "then 20 s");
  assert.equal((await takeSlot([[key, rule]], t0 + 10_002 + 20_000)).ok, true);
  const t1 = t0 + 30_002;
  assert.equal((await throttleStatus(key, rule, t1 + 39_999)).blocked, true, "then 40 s (the cap)");
  assert.equal((await takeSlot([[key, rule]], t1 + 40_000)).ok, true);
  assert.equal(
    (await throttleStatus(key, rule, t1 + 40_000 + 40_000)).blocked,
    false,
    "never more than the cap",
  );
  assert.equal((await throttleStatus(key, rule, t1 + 40_000 + 15 * MINUTE)).blocked, false);
  // A slot given back (a success) does not count.
  const key2 = `test:delay:${++seq}`;
  for (let i = 0; i < 10; i++) {
    const slot = await takeSlot([[key2, rule]], t0);
    assert.ok(slot.ok);
    if (slot.ok) await succeeded(slot.slot);
  }
  assert.equal((await throttleStatus(key2, rule, t0)).blocked, false);
  // A success while the address is waiting does not make the next person wait longer.
  const key3 = `test:delay:${++seq}`;
  for (let i = 0; i < 3; i++) await takeSlot([[key3, rule]], t0 + i);
  const fine = await takeSlot([[key3, rule]], t0 + 10_002);
  assert.ok(fine.ok);
  if (fine.ok) await succeeded(fine.slot);
  assert.equal((await throttleStatus(key3, rule, t0 + 10_005)).blocked, false);
});

test("101 wrong class codes from one address: a pupil of another class still joins; that address waits a minute at most", async () => {
  const { code } = await classWithCode("9C");
  const attacker = address();
  const t0 = Date.now();
  let evaluated = 0;
  for (let i = 0; i < 101; i++) {
    const guess = await joinClass({
      code: "ABCDEFGH",
      displayName: `Tebak ${i}`,
      pin: "1111",
      ip: attacker,
      now: t0 + i,
    });
    if (!guess.ok && guess.reason === "unknownCode") evaluated++;
  }
  assert.equal(evaluated, RULES.joinAddress.free, "after the free ones, guesses wait");
  // From another address (another school, another phone network): at once.
  const pupil = await joinClass({
    code,
    displayName: "Wulan",
    pin: "2580",
    ip: address(),
    now: t0 + 200,
  });
  assert.equal(pupil.ok, true);
  // From the guesser's own address (a school behind one NAT): a short wait, never 15 minutes.
  const sameAddress = await joinClass({
    code,
    displayName: "Yusuf",
    pin: "2580",
    ip: attacker,
    now: t0 + 200,
  });
  assert.equal(!sameAddress.ok && sameAddress.reason, "throttled");
  assert.ok(
    !sameAddress.ok &&
      sameAddress.reason === "throttled" &&
      sameAddress.retryAfterMs <= RULES.joinAddress.capMs,
  );
  const later = await joinClass({
    code,
    displayName: "Yusuf",
    pin: "2580",
    ip: attacker,
    now: t0 + 200 + RULES.joinAddress.capMs,
  });
  assert.equal(later.ok, true);
  // Joining with a right code gave its slot back: the address is no worse off than before.
});

test("a class of 40 signing in at once behind one school address all get in; 40 wrong PINs at once from one address: at most 30 checked", async () => {
  const school = address();
  const { code, names } = await classSharingOnePin("7B", "Murid", 40, school);
  const now = Date.now();
  const morning = await Promise.all(
    names.map((displayName) => signInPupil({ code, displayName, pin: "4826", ip: school, now })),
  );
  assert.deepEqual(
    morning.filter((r) => !r.ok),
    [],
    "right PINs from one address are never refused for the address's sake",
  );
  assert.equal(
    (await throttleStatus(`sign-in:${school.key}`, RULES.signInAddress, now)).blocked,
    false,
  );

  // the same burst with wrong PINs (each a different pupil, so no account limit applies)
  const guesser = address();
  const guesses = await burst(names.length, (i) =>
    signInPupil({ code, displayName: names[i], pin: "0000", ip: guesser, now }),
  );
  const evaluated = guesses.count("invalid");
  const refused = guesses.count("throttled");
  assert.equal(evaluated, RULES.signInAddress.free, `${evaluated} PINs were checked`);
  assert.equal(refused, 40 - RULES.signInAddress.free);
});

test("sign-ins whose client has gone are dropped before the hash: the school's counters get their place back, the pupil's own keeps it", async () => {
  const school = address();
  const { code, classId } = await classSharingOnePin("7C", "Anak", 10, school);
  const { nameKey } = await import("~/utils/name-key");
  const now = Date.now();
  const controllers = Array.from({ length: 10 }, () => new AbortController());
  const tries = controllers.map((c, i) =>
    signInPupil({ code, displayName: `Anak ${i}`, pin: "4826", ip: school, now, signal: c.signal }),
  );
  // the second half gives up (a closed tab, a double click) while waiting for the hash lane
  for (const c of controllers.slice(5)) c.abort(new Error("client gone"));
  const settled = await Promise.allSettled(tries);
  assert.deepEqual(
    settled.map((r) => r.status),
    [...Array(5).fill("fulfilled"), ...Array(5).fill("rejected")],
  );
  assert.ok(settled.slice(0, 5).every((r) => r.status === "fulfilled" && r.value.ok));
  const count = (key: string) => throttleCount(key) ?? 0;
  assert.equal(count(`sign-in:${school.key}`), 0, "the address has its places back");
  assert.equal(count(`class-sign-in:${classId}`), 0, "so has the class");
  assert.equal(
    count(`pupil:${classId}:${nameKey("Anak 7")}`),
    1,
    "the pupil's own counter keeps it",
  );
});

test("teacher sign-ups: each takes a slot of the address's delay; a taken email gets the neutral answer", async () => {
  const ip = address();
  const t0 = Date.now();
  const results = [];
  for (let i = 0; i < RULES.signUpAddress.free + 1; i++)
    results.push(
      await createTeacher({
        name: "Guru",
        email: `banjir-${++seq}@sekolah.test`,
        password: "kopi tubruk di pagi hari",
        ip,
        now: t0,
      }),
    );
  assert.equal(results.filter((r) => r.ok).length, RULES.signUpAddress.free);
  const last = results.at(-1);
  assert.equal(last && !last.ok && last.reason, "throttled");
  const email = `ada-${++seq}@sekolah.test`;
  await createTeacher({ name: "Guru", email, password: "kopi tubruk di pagi hari", ip: address() });
  assert.deepEqual(
    await createTeacher({ name: "Guru", email, password: "lain sama sekali ya", ip: address() }),
    {
      ok: false,
      reason: "unavailable",
    },
  );
});

test("every redirect variant from the issue stays on the site", () => {
  const variants = [
    "/.//evil.test",
    "/..//x",
    "/%2e//x",
    "/%2E%2E//x",
    "/a/..//x",
    "/./\\x",
    "/.\\/x",
    "/a/b/../..//evil.test/path",
    "/%2e%2e/%2e%2e//evil.test",
    "/./%2e/.//evil.test",
    "/.//evil.test?x=1#y",
    "/\\/evil.test",
    "/\t/evil.test",
    "/ /evil.test",
  ];
  for (const to of variants) {
    const out = safeRedirect(to, "/fallback");
    assert.match(out, /^\/(?![/\\])/, to);
    assert.equal(new URL(out, "https://telaah.test").origin, "https://telaah.test", to);
  }
  assert.equal(
    safeRedirect("/pupil/assignments/3/quiz?x=1#q2", "/"),
    "/pupil/assignments/3/quiz?x=1#q2",
  );
});

test("display names: invisible characters and direction controls are refused; look-alikes share a skeleton", () => {
  const invisible = [
    "Budi\u200B",
    "B\u200Dudi",
    "Budi\u2060",
    "Bu\u00ADdi",
    "Budi\u3164",
    "\u200EBudi",
    "Budi\u{E0041}",
    "\u202Eidub",
    "Budi\u2066x\u2069",
    "Bu\uFE0Fdi",
    "\u115FBudi",
    "Budi\uFFA0",
  ];
  for (const name of invisible) {
    const parsed = displayName.safeParse(name);
    assert.equal(parsed.success, false, JSON.stringify(name));
    assert.equal(
      parsed.success ? "" : parsed.error.issues[0].message,
      "hardening.v.nameInvisible",
      JSON.stringify(name),
    );
  }
  const stacked = displayName.safeParse("B\u0336\u0336\u0336\u0336\u0336udi");
  assert.equal(stacked.success ? "" : stacked.error.issues[0].message, "hardening.v.nameMarks");
  for (const ok of [
    "Budi",
    "Siti Nurhaliza",
    "Nguyễn Văn An",
    "Çağrı",
    "Zoë",
    "Ni Luh Putu Ayu",
    "محمد",
    "小明",
  ])
    assert.equal(displayName.safeParse(ok).success, true, ok);
  // NFKC: full-width letters are stored as ordinary ones.
  assert.deepEqual(displayName.safeParse("Ｂｕｄｉ"), { success: true, data: "Budi" });

  const budi = nameSkeleton("Budi");
  for (const lookAlike of [
    "Bud\u0456",
    "Вudi",
    "Budі",
    "budi",
    "Βudι",
    "Ｂudi",
    "Βиdi".replace("и", "u"),
  ])
    assert.equal(nameSkeleton(lookAlike), budi, lookAlike);
  assert.equal(nameSkeleton("BUDI"), nameSkeleton("ВUDl"), "capital I and small l meet");
  assert.equal(nameSkeleton("Rina"), nameSkeleton("Rіnа"));
  assert.equal(nameSkeleton("Olga"), nameSkeleton("0lga"));
  assert.equal(nameSkeleton("Ilham"), nameSkeleton("lIham"));
  assert.equal(nameSkeleton("Ami"), nameSkeleton("Arni"));
  assert.notEqual(nameSkeleton("Budi"), nameSkeleton("Bude"));
  assert.notEqual(nameSkeleton("Budi"), nameSkeleton("Budi S"));

  assert.equal(clipMarks("a\u0301\u0302\u0303\u0304\u0305b"), "a\u0301\u0302\u0303b");
  assert.equal(clipMarks("Nguyễn"), "Nguyễn");
});

test("joining with a classmate's look-alike name is refused as taken; another class may use it", async () => {
  const a = await classWithCode("7A");
  const b = await classWithCode("7B");
  const ip = address();
  assert.equal((await joinClass({ code: a.code, displayName: "Budi", pin: "1470", ip })).ok, true);
  for (const lookAlike of ["Bud\u0456", "Вudi", "Βudi", "BudI", "budi"])
    assert.deepEqual(
      await joinClass({ code: a.code, displayName: lookAlike, pin: "1470", ip }),
      { ok: false, reason: "nameTaken" },
      lookAlike,
    );
  assert.equal(
    (await joinClass({ code: b.code, displayName: "Bud\u0456", pin: "1470", ip })).ok,
    true,
  );
  // Two look-alikes joining at the same moment: one of them only.
  const c = await classWithCode("7C");
  const both = await Promise.all(
    ["Rina", "Rіna"].map((name) => joinClass({ code: c.code, displayName: name, pin: "1470", ip })),
  );
  assert.equal(both.filter((r) => r.ok).length, 1);
});

test("answer keys: never while the pupil can still start or submit an attempt", () => {
  const due = new Date(Date.UTC(2025, 0, 6, 8, 0, 0));
  const before = due.getTime() - MINUTE;
  const after = due.getTime() + MINUTE;
  const policy = { feedback: "after_due" as const, dueAt: due, acceptLate: true, maxAttempts: 3 };
  const pupil = (attemptsMade: number, openAttempt = false) => ({
    submitted: attemptsMade > 0,
    openAttempt,
    attemptsMade,
  });
  // The issue's case: past due, late work accepted, attempts left.
  assert.equal(keysVisible(policy, pupil(1), after), false);
  assert.equal(
    keysVisible(policy, pupil(3, true), after),
    false,
    "an open attempt can still be submitted",
  );
  assert.equal(keysVisible(policy, pupil(3), after), true, "all attempts used");
  assert.equal(
    keysVisible({ ...policy, acceptLate: false }, pupil(1), after),
    true,
    "no more work accepted",
  );
  assert.equal(keysVisible({ ...policy, feedback: "immediate" }, pupil(1), before), false);
  assert.equal(
    keysVisible({ ...policy, feedback: "immediate", maxAttempts: 1 }, pupil(1), before),
    true,
  );
  assert.equal(
    keysVisible({ ...policy, maxAttempts: 0 }, pupil(9), after),
    false,
    "unlimited attempts, late work accepted",
  );
  assert.equal(
    keysVisible({ ...policy, feedback: "never", maxAttempts: 1 }, pupil(1), after),
    false,
  );
});

test("a slot with a new key sweeps stale counters, but never the ones it is counted against", async () => {
  const now = Date.now();
  const stale = `stale-address-${now}`;
  const other = `stale-other-${now}`;
  const fresh = `new-account-${now}`;
  const twoDaysAgo = now - 48 * 3600_000;
  for (const key of [stale, other])
    unitDb()
      .prepare("INSERT INTO throttles (key, window_start, count) VALUES (?, ?, 5)")
      .run(key, twoDaysAgo);
  const slot = await takeSlot(
    [
      [fresh, RULES.pupilAccount],
      [stale, RULES.signInAddress],
    ],
    now,
  );
  assert.ok(slot.ok);
  const count = throttleCount;
  assert.equal(count(fresh), 1);
  // counted afresh (its old count long forgotten), not swept away uncounted
  assert.equal(count(stale), 1);
  // a stale counter nobody is using is swept on SQLite (PostgreSQL leaves it to the daily purge)
  if (!process.env.DATABASE_URL) assert.equal(count(other), undefined);
});
