// Accounts: hashing, password policy, join codes, name keys, throttling windows, session expiry.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import naughty from "big-list-of-naughty-strings";

// Models read the DB path from the environment on first use: a fresh file for this test file.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "telaah-accounts-unit-"));
process.env.DATABASE_PATH = path.join(dir, "telaah.db");
process.env.SESSION_SECRET = "unit-test-secret-of-at-least-32-chars";

const {
  hashSecret,
  hashPin,
  verifySecret,
  verifyAgainstDummy,
  verifyPinAgainstDummy,
  verifyPin,
  pinHashOutdated,
  HASH_OPTIONS,
  PIN_HASH_OPTIONS,
} = await import("~/utils/hash.server");
const argon2 = await import("@node-rs/argon2");
const { passwordProblem, PASSWORD_MAX, PASSWORD_MIN } = await import("~/utils/password-policy");
const { COMMON_PASSWORDS } = await import("~/utils/common-passwords");
const {
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  generateJoinCode,
  joinCodeEntropyBits,
  normalizeJoinCode,
  isJoinCodeShape,
} = await import("~/utils/join-code");
const { nameKey, cleanDisplayName } = await import("~/utils/name-key");
const { isValidPin, generatePin } = await import("~/utils/pin");
const factories = await import("../support/factories");
const { throttleStatus, countUse, clearThrottle, retryMinutes } =
  await import("~/models/throttle.server");
const { isExpired, SESSION_POLICY } = await import("~/utils/session.server");
const { createTeacher, signInTeacher } = await import("~/models/teacher.server");

const MINUTE = 60_000;

after(async () => {
  const { closeDatabase } = await import("~/db.server");
  closeDatabase();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("passwords: argon2id hashes round-trip and carry the OWASP parameters", async () => {
  const stored = await hashSecret("kopi tubruk di pagi hari");
  assert.match(stored, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  assert.equal(await verifySecret(stored, "kopi tubruk di pagi hari"), true);
  assert.equal(await verifySecret(stored, "kopi tubruk di pagi har"), false);
  // Same input, fresh salt: two hashes differ but both verify.
  const again = await hashSecret("kopi tubruk di pagi hari");
  assert.notEqual(again, stored);
  assert.equal(await verifySecret(again, "kopi tubruk di pagi hari"), true);
});

test("the two costs are pinned apart: passwords at the OWASP minimum, PINs at 1 MiB and 1 pass", async () => {
  // independent expected values, so neither can drift towards the other unnoticed (decision 086)
  assert.deepEqual(
    { ...HASH_OPTIONS },
    { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 },
  );
  assert.deepEqual(
    { ...PIN_HASH_OPTIONS },
    { algorithm: 2, memoryCost: 1024, timeCost: 1, parallelism: 1 },
  );
  const pin = await hashPin("0427");
  assert.match(pin, /^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
  assert.equal(await verifySecret(pin, "0427"), true);
  assert.equal(await verifySecret(pin, "427"), false);
  assert.equal(await verifyPinAgainstDummy("0427"), false);
  // checked on the event loop at the PIN cost, in the lane above it: same answers either way
  assert.equal(await verifyPin(pin, "0427"), true);
  assert.equal(await verifyPin(pin, "0428"), false);
  assert.equal(await verifyPin("not-a-hash", "0427"), false);
  assert.equal(pinHashOutdated(pin), false);
  const expensive = await hashSecret("0427");
  assert.equal(pinHashOutdated(expensive), true);
  assert.equal(await verifyPin(expensive, "0427"), true);
  const gone = new AbortController();
  gone.abort();
  await assert.rejects(verifyPin(pin, "0427", gone.signal));
});

test("a PIN hashed at the old password cost still verifies, through sign-in too", async () => {
  const old = await argon2.hash("918273", { algorithm: 2, memoryCost: 19456, timeCost: 2 });
  assert.match(old, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  assert.equal(await verifySecret(old, "918273"), true);
  assert.equal(await verifySecret(old, "918274"), false);
  const { unitDb } = await import("../support/unit-db");
  const { joinClass, signInPupil } = await import("~/models/pupil.server");
  const { createClass: makeClass } = await import("~/models/class.server");
  const teacher = await createTeacher({
    name: "Bu Wati",
    email: `wati-${Date.now()}@sekolah.test`,
    password: "kopi tubruk di pagi hari",
  });
  assert.ok(teacher.ok);
  const classId = await makeClass({
    teacherId: teacher.ok ? teacher.teacherId : 0,
    name: "8C",
    grade: "8",
    subject: "IPS",
    timeZone: "WIB",
  });
  const { code } = unitDb()
    .prepare("SELECT join_code AS code FROM classes WHERE id = ?")
    .get(classId) as { code: string };
  const ip = { key: "ip:198.51.100.86", direct: false };
  const joined = await joinClass({ code, displayName: "Rina", pin: "918273", ip });
  assert.ok(joined.ok);
  const pupilId = joined.ok ? joined.pupilId : 0;
  // the new PIN hash is at the PIN cost; put back one made at the old password cost
  const stored = unitDb().prepare("SELECT pin_hash AS h FROM pupils WHERE id = ?").get(pupilId) as {
    h: string;
  };
  assert.match(stored.h, /^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
  unitDb().prepare("UPDATE pupils SET pin_hash = ? WHERE id = ?").run(old, pupilId);
  const wrong = await signInPupil({ code, displayName: "Rina", pin: "918274", ip });
  assert.equal(wrong.ok, false);
  const right = await signInPupil({ code, displayName: "Rina", pin: "918273", ip });
  assert.equal(right.ok && right.pupilId, pupilId);
  // signing in re-hashed it at the PIN cost, and the PIN still works
  const after = unitDb().prepare("SELECT pin_hash AS h FROM pupils WHERE id = ?").get(pupilId) as {
    h: string;
  };
  assert.match(after.h, /^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
  const again = await signInPupil({ code, displayName: "Rina", pin: "918273", ip });
  assert.equal(again.ok, true);
});

test("a malformed stored hash and the dummy check both answer false without throwing", async () => {
  assert.equal(await verifySecret("not-a-hash", "anything"), false);
  assert.equal(await verifyAgainstDummy("anything"), false);
});

test("password policy: 8 to 128 characters, no composition rules, common ones refused", () => {
  assert.equal(passwordProblem("a".repeat(PASSWORD_MIN - 1)), "accounts.v.passwordShort");
  assert.equal(passwordProblem(""), "accounts.v.passwordShort");
  assert.equal(passwordProblem("kopi pagi"), null);
  assert.equal(passwordProblem("x".repeat(PASSWORD_MAX)), null);
  assert.equal(passwordProblem("x".repeat(PASSWORD_MAX + 1)), "accounts.v.passwordLong");
  // Characters, not UTF-16 units: 8 emoji are 8 characters (16 units).
  assert.equal(passwordProblem("🔑".repeat(8)), null);
  assert.equal(passwordProblem("🔑".repeat(7)), "accounts.v.passwordShort");
  // Lower case only, digits only, spaces: no composition rules.
  assert.equal(passwordProblem("sayang sekali hujan"), null);
  assert.equal(passwordProblem("90817263"), null);
  for (const common of [
    "12345678",
    "password",
    "indonesia",
    "bismillah",
    "sayangku",
    "Bismillah",
    "PASSWORD",
  ]) {
    assert.equal(passwordProblem(common), "accounts.v.passwordCommon", common);
  }
  assert.ok(COMMON_PASSWORDS.size >= 200);
  for (const entry of COMMON_PASSWORDS) {
    assert.equal(entry, entry.toLowerCase(), `list entries are lower case: ${entry}`);
    assert.ok(
      [...entry].length >= PASSWORD_MIN,
      `shorter ones are refused by length already: ${entry}`,
    );
  }
});

test("join codes: 31 unambiguous characters, 8 long, at least 39 bits", () => {
  assert.equal(new Set(JOIN_CODE_ALPHABET).size, JOIN_CODE_ALPHABET.length);
  assert.equal(JOIN_CODE_ALPHABET.length, 31);
  for (const ambiguous of "0O1IL") assert.ok(!JOIN_CODE_ALPHABET.includes(ambiguous), ambiguous);
  assert.equal(JOIN_CODE_LENGTH, 8);
  assert.ok(joinCodeEntropyBits() >= 39, `${joinCodeEntropyBits()} bits`);
  assert.equal(joinCodeEntropyBits(), JOIN_CODE_LENGTH * Math.log2(JOIN_CODE_ALPHABET.length));

  const seen = new Set<string>();
  const counts = new Map<string, number>();
  for (let i = 0; i < 2000; i++) {
    const code = generateJoinCode();
    assert.equal(code.length, JOIN_CODE_LENGTH);
    assert.ok(isJoinCodeShape(code), code);
    seen.add(code);
    for (const ch of code) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  assert.equal(seen.size, 2000, "no repeats in 2000 codes");
  // 16,000 characters over 31 symbols: about 516 each; every symbol is used, none dominates.
  assert.equal(counts.size, 31);
  for (const [ch, n] of counts) assert.ok(n > 350 && n < 700, `${ch}: ${n}`);
});

test("join-code generation rejects biased bytes instead of folding them", () => {
  // 248..255 would map onto the first 8 symbols with modulo: they must be skipped.
  const bytes = [255, 248, 0, 30, 31, 247, 252, 61, 62, 1, 2, 3, 4, 5, 6, 7];
  const code = generateJoinCode(() => Uint8Array.from(bytes));
  const expected = bytes
    .filter((b) => b < 248)
    .slice(0, 8)
    .map((b) => JOIN_CODE_ALPHABET[b % 31])
    .join("");
  assert.equal(code, expected);
  assert.equal(code[0], JOIN_CODE_ALPHABET[0]);
});

test("join-code input ignores case, spaces and dashes", () => {
  const code = generateJoinCode();
  const typed = ` ${code.slice(0, 4).toLowerCase()} - ${code.slice(4)} `;
  assert.equal(normalizeJoinCode(typed), code);
  assert.equal(normalizeJoinCode(code.split("").join(" ")), code);
  assert.equal(normalizeJoinCode(`${code.slice(0, 4)}–${code.slice(4)}`), code);
  assert.equal(isJoinCodeShape(normalizeJoinCode("abcd-efg0")), false, "0 is not in the alphabet");
  assert.equal(isJoinCodeShape("ABCDEFG"), false);
});

test("name keys fold case, width and spaces, and match the test factories' copy", () => {
  assert.equal(nameKey("  Budi   Santoso "), "budi santoso");
  assert.equal(nameKey("ＢＵＤＩ"), "budi");
  assert.equal(nameKey("Budi"), nameKey(" budi "));
  assert.notEqual(nameKey("Budi"), nameKey("Bud i"));
  assert.equal(cleanDisplayName("  Siti   Nurhaliza "), "Siti Nurhaliza");
  for (const s of [...(naughty as string[]), "Çağrı", "İsmail", "ß", "Ａｌｉ"])
    assert.equal(nameKey(s), factories.nameKey(s), s);
});

test("PINs are 4–8 ASCII digits; generated PINs are 4 random digits", () => {
  for (const ok of ["0000", "1234", "12345678"]) assert.equal(isValidPin(ok), true, ok);
  for (const bad of ["", "123", "123456789", "12a4", "１２３４", "١٢٣٤", " 1234", "1234\n"])
    assert.equal(isValidPin(bad), false, bad);
  const pins = new Set(Array.from({ length: 200 }, () => generatePin()));
  for (const pin of pins) assert.match(pin, /^\d{4}$/);
  assert.ok(pins.size > 190);
});

test("throttle: ten failures are allowed, the 11th attempt is refused until the window ends", async () => {
  const key = "test:window";
  const rule = { limit: 10, windowMs: 15 * MINUTE };
  const start = Date.UTC(2025, 0, 6, 8, 0, 0);
  for (let i = 0; i < 10; i++) {
    assert.deepEqual(
      await throttleStatus(key, rule, start + i * 1000),
      { blocked: false },
      `attempt ${i + 1}`,
    );
    await countUse(key, rule, start + i * 1000);
  }
  const refused = await throttleStatus(key, rule, start + 10_000);
  assert.equal(refused.blocked, true);
  assert.equal(refused.blocked && refused.retryAfterMs, 15 * MINUTE - 10_000);
  assert.equal(retryMinutes(15 * MINUTE - 10_000), 15);
  // Still refused a moment before the window ends, free at its end (fixed window from the 1st failure).
  assert.equal((await throttleStatus(key, rule, start + 15 * MINUTE - 1)).blocked, true);
  assert.equal((await throttleStatus(key, rule, start + 15 * MINUTE)).blocked, false);
  // A failure after the window starts a new count of one.
  await countUse(key, rule, start + 16 * MINUTE);
  for (let i = 0; i < 8; i++) await countUse(key, rule, start + 16 * MINUTE + i);
  assert.equal(
    (await throttleStatus(key, rule, start + 17 * MINUTE)).blocked,
    false,
    "9 failures in the new window",
  );
  await countUse(key, rule, start + 17 * MINUTE);
  assert.equal((await throttleStatus(key, rule, start + 17 * MINUTE)).blocked, true);
  await clearThrottle(key);
  assert.equal((await throttleStatus(key, rule, start + 17 * MINUTE)).blocked, false);
  assert.equal(retryMinutes(1), 1);
  assert.equal(retryMinutes(0), 1);
});

test("teacher sign-in: the 11th failure is refused even with the right password; success resets the count", async () => {
  const email = `guru-${Date.now()}@sekolah.test`;
  const signUpAt = Date.UTC(2025, 0, 6, 7, 0, 0); // an hour before the sign-ins below
  const created = await createTeacher({
    name: "Bu Sari",
    email: email.toUpperCase(),
    password: "kopi tubruk di pagi hari",
    now: signUpAt,
  });
  assert.equal(created.ok, true);
  const again = await createTeacher({
    name: "Bu Sari",
    email,
    password: "kopi tubruk di pagi hari",
    now: signUpAt,
  });
  // A second sign-up with a taken email and another password: the neutral answer, nothing created.
  assert.deepEqual(
    await createTeacher({
      name: "Bu Sari",
      email,
      password: "teh manis hangat sekali",
      now: signUpAt,
    }),
    {
      ok: false,
      reason: "unavailable",
    },
  );
  // With that account's own password it is a sign-in.
  assert.equal(again.ok, true);

  const ip = { key: "ip:203.0.113.7", direct: false };
  const t0 = Date.UTC(2025, 0, 6, 8, 0, 0);
  const unknown = await signInTeacher({
    email: "tidak-ada@sekolah.test",
    password: "apa saja",
    ip,
    now: t0,
  });
  assert.deepEqual(unknown, { ok: false, reason: "invalid" });
  for (let i = 0; i < 10; i++) {
    const result = await signInTeacher({ email, password: `salah ${i}`, ip, now: t0 + i });
    assert.deepEqual(result, { ok: false, reason: "invalid" });
  }
  const refused = await signInTeacher({
    email,
    password: "kopi tubruk di pagi hari",
    ip,
    now: t0 + 60_000,
  });
  assert.equal(refused.ok, false);
  assert.equal(!refused.ok && refused.reason, "throttled");

  const later = t0 + 15 * MINUTE;
  const ok = await signInTeacher({
    email: ` ${email.toUpperCase()} `,
    password: "kopi tubruk di pagi hari",
    ip,
    now: later,
  });
  assert.equal(ok.ok, true);
  // The account counter was reset: nine new failures do not block.
  for (let i = 0; i < 9; i++)
    await signInTeacher({ email, password: `salah lagi ${i}`, ip, now: later + 1 + i });
  const stillOk = await signInTeacher({
    email,
    password: "kopi tubruk di pagi hari",
    ip,
    now: later + 100,
  });
  assert.equal(stillOk.ok, true);
});

test("session expiry: idle timeout and maximum lifetime for both roles", () => {
  for (const role of ["teacher", "pupil"] as const) {
    const { idleMs, maxMs } = SESSION_POLICY[role];
    const created = Date.UTC(2025, 0, 6, 7, 0, 0);
    const row = (lastSeen: number) => ({
      role,
      createdAt: new Date(created),
      lastSeenAt: new Date(lastSeen),
      expiresAt: new Date(created + maxMs),
    });
    assert.equal(
      isExpired(row(created), created + idleMs - 1),
      false,
      `${role}: just before idle timeout`,
    );
    assert.equal(isExpired(row(created), created + idleMs), true, `${role}: idle timeout`);
    // Active all along (seen a minute ago) but past the maximum lifetime.
    assert.equal(
      isExpired(row(created + maxMs - MINUTE), created + maxMs - 1),
      false,
      `${role}: before max`,
    );
    assert.equal(
      isExpired(row(created + maxMs - MINUTE), created + maxMs),
      true,
      `${role}: max lifetime`,
    );
  }
  // Shared school computers: pupil sessions are shorter than teachers'.
  assert.ok(SESSION_POLICY.pupil.idleMs < SESSION_POLICY.teacher.idleMs);
  assert.ok(SESSION_POLICY.pupil.maxMs < SESSION_POLICY.teacher.maxMs);
  assert.ok(SESSION_POLICY.pupil.maxMs <= 12 * 60 * MINUTE);
});

test("pupils: names are unique per class by key; the 11th wrong PIN is throttled; a reset unlocks", async () => {
  const { unitDb } = await import("../support/unit-db");
  const { joinClass, signInPupil, resetPin } = await import("~/models/pupil.server");
  const { createClass: makeClass, setJoinEnabled } = await import("~/models/class.server");
  const teacher = await createTeacher({
    name: "Pak Dedi",
    email: `dedi-${Date.now()}@sekolah.test`,
    password: "kopi tubruk di pagi hari",
  });
  assert.ok(teacher.ok);
  const teacherId = teacher.ok ? teacher.teacherId : 0;
  const classId = await makeClass({
    teacherId,
    name: "8B",
    grade: "8",
    subject: "PPKn",
    timeZone: "WIB",
  });
  const code = (
    unitDb().prepare("SELECT join_code AS code FROM classes WHERE id = ?").get(classId) as {
      code: string;
    }
  ).code;
  const ip = { key: "ip:198.51.100.4", direct: false };

  const joined = await joinClass({
    code: code.toLowerCase(),
    displayName: "  Siti  Aminah ",
    pin: "2468",
    ip,
  });
  assert.equal(joined.ok, true);
  assert.deepEqual(await joinClass({ code, displayName: "siti aminah", pin: "1357", ip }), {
    ok: false,
    reason: "nameTaken",
  });
  await setJoinEnabled({ classId, teacherId, enabled: false });
  assert.deepEqual(await joinClass({ code, displayName: "Rina", pin: "1357", ip }), {
    ok: false,
    reason: "joinDisabled",
  });

  const t0 = Date.UTC(2025, 0, 6, 8, 0, 0);
  for (let i = 0; i < 10; i++) {
    const wrong = await signInPupil({
      code,
      displayName: "Siti Aminah",
      pin: String(1000 + i),
      ip,
      now: t0 + i,
    });
    assert.deepEqual(wrong, { ok: false, reason: "invalid" }, `failure ${i + 1}`);
  }
  const refused = await signInPupil({
    code,
    displayName: "Siti Aminah",
    pin: "2468",
    ip,
    now: t0 + 20,
  });
  assert.equal(!refused.ok && refused.reason, "throttled");

  const pupilId = joined.ok ? joined.pupilId : 0;
  const reset = await resetPin({ classId, pupilId, teacherId });
  // the same length as the PINs on a roster's cards (decision 100)
  assert.match(reset.pin, /^\d{4}$/);
  assert.deepEqual(
    await signInPupil({ code, displayName: "SITI AMINAH", pin: "2468", ip, now: t0 + 30 }),
    { ok: false, reason: "invalid" },
  );
  assert.deepEqual(
    await signInPupil({ code, displayName: "Siti Aminah", pin: reset.pin, ip, now: t0 + 40 }),
    { ok: true, pupilId },
  );
  // Another teacher cannot reset this pupil's PIN.
  const other = await createTeacher({
    name: "Bu Ani",
    email: `ani-${Date.now()}@sekolah.test`,
    password: "teh manis hangat sekali",
  });
  assert.ok(other.ok);
  await assert.rejects(
    resetPin({ classId, pupilId, teacherId: other.ok ? other.teacherId : 0 }),
    (e: unknown) => e instanceof Response && e.status === 404,
  );
});

test("removing a pupil deletes, in one go, everything they made, and keeps classmates' replies", async () => {
  const { unitDb } = await import("../support/unit-db");
  const { createSession } = await import("~/utils/session.server");
  const { removePupil, joinClass } = await import("~/models/pupil.server");
  const { createClass: makeClass } = await import("~/models/class.server");
  const teacher = await createTeacher({
    name: "Bu Rina",
    email: `rina-${Date.now()}@sekolah.test`,
    password: "kopi tubruk di pagi hari",
  });
  const teacherId = teacher.ok ? teacher.teacherId : 0;
  const classId = await makeClass({
    teacherId,
    name: "9A",
    grade: "9",
    subject: "IPS",
    timeZone: "WIT",
  });
  const code = (
    unitDb().prepare("SELECT join_code AS code FROM classes WHERE id = ?").get(classId) as {
      code: string;
    }
  ).code;
  const ip = { key: "ip:192.0.2.9", direct: false };
  const a = await joinClass({ code, displayName: "Andi", pin: "1111", ip });
  const b = await joinClass({ code, displayName: "Bela", pin: "2222", ip });
  assert.ok(a.ok && b.ok);
  const andi = a.ok ? a.pupilId : 0;
  const bela = b.ok ? b.pupilId : 0;
  await createSession({ role: "pupil", pupilId: andi });

  const db = unitDb();
  const version = db
    .prepare(
      "INSERT INTO lesson_versions (slug, content_hash, snapshot) VALUES ('unit', ?, '{}') RETURNING id",
    )
    .get(`hash-${Date.now()}`) as { id: number };
  const assignment = db
    .prepare(
      "INSERT INTO assignments (class_id, lesson_version_id, due_at) VALUES (?, ?, ?) RETURNING id",
    )
    .get(classId, version.id, Date.now()) as { id: number };
  const attempt = db
    .prepare(
      "INSERT INTO attempts (assignment_id, pupil_id, number, seed) VALUES (?, ?, 1, 7) RETURNING id",
    )
    .get(assignment.id, andi) as { id: number };
  db.prepare(
    "INSERT INTO answers (attempt_id, kind, item_id, choice) VALUES (?, 'quiz', 'q1', 'a')",
  ).run(attempt.id);
  const post = db
    .prepare(
      "INSERT INTO posts (assignment_id, prompt_id, author_id, body) VALUES (?, 'p1', ?, 'Pendapat Andi') RETURNING id",
    )
    .get(assignment.id, andi) as { id: number };
  db.prepare("INSERT INTO post_feedback (post_id, body) VALUES (?, 'Bagus')").run(post.id);
  const belaPost = db
    .prepare(
      "INSERT INTO posts (assignment_id, prompt_id, author_id, body) VALUES (?, 'p1', ?, 'Pendapat Bela') RETURNING id",
    )
    .get(assignment.id, bela) as { id: number };
  // Andi's reply to Bela, and Bela's reply to Andi's post.
  const andiReply = db
    .prepare(
      "INSERT INTO posts (assignment_id, prompt_id, author_id, parent_id, body) VALUES (?, 'p1', ?, ?, 'Setuju') RETURNING id",
    )
    .get(assignment.id, andi, belaPost.id) as { id: number };
  const belaReply = db
    .prepare(
      "INSERT INTO posts (assignment_id, prompt_id, author_id, parent_id, body) VALUES (?, 'p1', ?, ?, 'Balasan Bela') RETURNING id",
    )
    .get(assignment.id, bela, post.id) as { id: number };
  const andiLonely = db
    .prepare(
      "INSERT INTO posts (assignment_id, prompt_id, author_id, body) VALUES (?, 'p2', ?, 'Tanpa balasan') RETURNING id",
    )
    .get(assignment.id, andi) as { id: number };

  const countOf = (sql: string, ...args: unknown[]) =>
    (db.prepare(sql).get(...args) as { n: number }).n;
  assert.deepEqual(await removePupil({ classId, pupilId: andi, teacherId }), {
    displayName: "Andi",
  });
  assert.equal(countOf("SELECT count(*) AS n FROM pupils WHERE id = ?", andi), 0);
  assert.equal(countOf("SELECT count(*) AS n FROM sessions WHERE pupil_id = ?", andi), 0);
  assert.equal(countOf("SELECT count(*) AS n FROM attempts WHERE pupil_id = ?", andi), 0);
  assert.equal(countOf("SELECT count(*) AS n FROM answers WHERE attempt_id = ?", attempt.id), 0);
  assert.equal(countOf("SELECT count(*) AS n FROM posts WHERE author_id = ?", andi), 0);
  assert.equal(countOf("SELECT count(*) AS n FROM post_feedback WHERE post_id = ?", post.id), 0);
  // Andi's words are gone: his reply and his unanswered post are deleted, his replied-to post is
  // a blank placeholder with no author.
  assert.equal(
    countOf("SELECT count(*) AS n FROM posts WHERE id IN (?, ?)", andiReply.id, andiLonely.id),
    0,
  );
  const placeholder = db
    .prepare("SELECT author_id, body, claim, deleted_at FROM posts WHERE id = ?")
    .get(post.id) as Record<string, unknown>;
  assert.equal(placeholder.author_id, null);
  assert.equal(placeholder.body, "");
  assert.equal(placeholder.claim, null);
  assert.notEqual(placeholder.deleted_at, null);
  assert.equal(
    countOf("SELECT count(*) AS n FROM posts WHERE body LIKE '%Andi%' OR body = 'Setuju'"),
    0,
  );
  // Classmates' work stays, the reply to Andi's post included.
  assert.equal(countOf("SELECT count(*) AS n FROM posts WHERE id = ?", belaPost.id), 1);
  assert.equal(
    countOf("SELECT count(*) AS n FROM posts WHERE id = ? AND body = 'Balasan Bela'", belaReply.id),
    1,
  );
  assert.equal(countOf("SELECT count(*) AS n FROM pupils WHERE id = ?", bela), 1);
  await assert.rejects(
    removePupil({ classId, pupilId: andi, teacherId }),
    (e: unknown) => e instanceof Response && e.status === 404,
  );
});
