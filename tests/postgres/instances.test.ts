// Two app instances on one PostgreSQL database (issue 16): two production servers from the build,
// every burst of requests split between them (A, B, A, B, …) and sent at once. 20 starts for one
// pupil make one attempt; concurrent submits hand it in once; saves racing a submit are stored
// before it (and scored) or refused, never after; the sign-in throttle counts failures made on
// both instances. Everything is checked from the HTTP answers and from the database itself.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { accounts } from "../../app/i18n/messages/accounts";
import { scoreAttempt, type AnswerRow } from "../../app/utils/quiz";
import { partBId } from "../../app/utils/two-part";
import { nameKey } from "../../app/utils/name-key";
import { generateJoinCode } from "../../app/utils/join-code";
import type { Lesson } from "../../app/content/schema";
import {
  BENCH_SECRET,
  Client,
  freePort,
  location,
  startServer,
  tempDir,
  answerForms,
  type Form,
  type Jar,
  type Response,
  type Server,
} from "../bench/driver";
import { seedClasses, type SeededClass } from "../bench/seed";
import { freshDatabase } from "./support";

// The throttle's rules are read from the app, whose data layer checks the environment when it
// loads: with DATABASE_URL set it wants the secret the servers share.
process.env.SESSION_SECRET ??= BENCH_SECRET;
const { RULES } = await import("../../app/models/throttle.server");

const entry = path.resolve(process.env.BUILD_DIR || "build", "index.js");

let database: Awaited<ReturnType<typeof freshDatabase>> | undefined;
let dir = "";
const servers: Server[] = [];
const clients: Client[] = [];
let sql: pg.Client | undefined;
let race: SeededClass;
let throttleClass: SeededClass;
let addressClass: SeededClass;

/** The instance request `i` of a burst goes to: A, B, A, B, … */
const on = (i: number) => clients[i % 2];
const instance = (i: number) => (i % 2 ? "B" : "A");

before(async () => {
  if (!fs.existsSync(entry))
    throw new Error(
      `No production build at ${entry}: run \`npm run build\` first (npm test builds before ` +
        "test:postgres), or set BUILD_DIR to a build",
    );
  database = await freshDatabase("instances");
  dir = tempDir("instances");
  const ports = [await freePort(), await freePort()];
  if (ports[0] === ports[1]) ports[1] = await freePort();
  // both at once: they also migrate the empty database together (under the advisory lock)
  const started = await Promise.allSettled(
    ports.map((port, i) =>
      startServer({
        entry,
        port,
        // never opened (DATABASE_URL decides); E2E_CHEAP_HASH wants it in the temp folder
        dbPath: path.join(dir, `unused-${i}.db`),
        logDir: dir,
        databaseUrl: database!.url,
        env: {
          // cheap argon2 for test servers (refused unless DATABASE_PATH is in the temp folder)
          E2E_CHEAP_HASH: "1",
          // the test plays the load balancer: X-Forwarded-For names the client address
          TRUST_PROXY: "true",
          LOG_LEVEL: "warn",
          PG_POOL_SIZE: "10",
        },
      }),
    ),
  );
  for (const s of started) if (s.status === "fulfilled") servers.push(s.value);
  const failed = started.find((s) => s.status === "rejected");
  if (failed) throw (failed as PromiseRejectedResult).reason;
  for (const s of servers) clients.push(new Client(s.url, 64));
  sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  // three classes of six, each with a one-attempt assignment and signed-in pupils (sessions in
  // the database, as a sign-in makes them); the servers synced the lessons this needs
  [race, throttleClass, addressClass] = await seedClasses("", {
    classes: 3,
    perClass: 6,
    label: "instances",
    databaseUrl: database.url,
  });
  // the bench's codes are not in the alphabet pupils type; the two throttle classes get real ones
  for (const c of [throttleClass, addressClass]) {
    c.joinCode = generateJoinCode();
    await sql.query("UPDATE classes SET join_code = $1 WHERE id = $2", [c.joinCode, c.id]);
  }
});

after(async () => {
  for (const c of clients) c.close();
  const exits = await Promise.all(servers.map((s) => s.stop("SIGTERM")));
  await sql?.end();
  await database?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  for (const [i, exit] of exits.entries())
    assert.equal(exit.code, 0, `instance ${instance(i)} did not stop cleanly: ${exit.signal}`);
});

// ---------------------------------------------------------------- helpers

async function query<T>(text: string, args: unknown[] = []): Promise<T[]> {
  return (await sql!.query(text, args)).rows as T[];
}

/** The server log of instance i, for a failure message. */
const logOf = (i: number) => {
  try {
    return fs.readFileSync(servers[i].logFile, "utf8").slice(-2000);
  } catch {
    return "(no log)";
  }
};

/** Fails with the status, the start of the body and, for a server error, its instance's log. */
function expectStatus(res: Response, wanted: number | number[], what: string, i: number) {
  const ok = Array.isArray(wanted) ? wanted : [wanted];
  if (ok.includes(res.status)) return;
  assert.fail(
    `${what} on instance ${instance(i)}: status ${res.status}, wanted ${ok.join(" or ")}: ` +
      `${res.body.slice(0, 300)}${res.status >= 500 ? `\nlog:\n${logOf(i % 2)}` : ""}`,
  );
}

const post = (i: number, target: string, jar: Jar | undefined, form: Form, headers = {}) =>
  on(i).request("POST", target, { jar, form, headers });

const liveVersion = async (assignmentId: number) =>
  Number(
    (
      await query<{ version: string }>(
        "SELECT version FROM assignment_live WHERE assignment_id = $1",
        [assignmentId],
      )
    )[0]?.version ?? 0,
  );

type AttemptRow = {
  id: number;
  number: number;
  submitted_at: string | null;
  quiz_score: number | null;
  sort_score: number | null;
};
const attemptsOf = (assignmentId: number, pupilId: number) =>
  query<AttemptRow>(
    `SELECT id, number, submitted_at, quiz_score, sort_score FROM attempts
     WHERE assignment_id = $1 AND pupil_id = $2 ORDER BY id`,
    [assignmentId, pupilId],
  );

type StoredAnswer = { kind: "quiz" | "sort"; item_id: string; choice: string; change_seq: number };
const storedAnswers = (attemptId: number) =>
  query<StoredAnswer>(
    "SELECT kind, item_id, choice, change_seq FROM answers WHERE attempt_id = $1 ORDER BY id",
    [attemptId],
  );

/** The lesson version the assignment pinned, as the server scores with it. */
async function lessonOf(assignmentId: number): Promise<Lesson> {
  const [row] = await query<{ snapshot: Lesson }>(
    `SELECT v.snapshot FROM assignments a JOIN lesson_versions v ON v.id = a.lesson_version_id
     WHERE a.id = $1`,
    [assignmentId],
  );
  return row.snapshot;
}

/** Every answerable item of the lesson with its right choice, so each stored answer scores. */
function rightAnswers(lesson: Lesson): AnswerRow[] {
  return [
    ...lesson.questions.flatMap((q) => [
      { kind: "quiz" as const, itemId: q.id, choice: q.correct },
      ...(q.partB
        ? [{ kind: "quiz" as const, itemId: partBId(q.id), choice: q.partB.correct }]
        : []),
    ]),
    ...lesson.sorting.map((s) => ({ kind: "sort" as const, itemId: s.id, choice: s.category })),
  ];
}

/** The scores stored on the attempt are the scores of the answers stored for it. */
function assertScoredAsStored(attempt: AttemptRow, lesson: Lesson, stored: StoredAnswer[]) {
  const score = scoreAttempt(
    lesson,
    stored.map((a) => ({ kind: a.kind, itemId: a.item_id, choice: a.choice })),
  );
  assert.deepEqual(
    { quiz: attempt.quiz_score, sort: attempt.sort_score },
    { quiz: score.quizScore, sort: score.sortScore },
    `attempt ${attempt.id} is scored from other answers than the ${stored.length} stored`,
  );
}

const startPath = (c: SeededClass) => `/pupil/assignments/${c.assignmentId}?index`;
const quizPath = (c: SeededClass) => `/pupil/assignments/${c.assignmentId}/quiz`;

/** One answer as the page's script saves it (answer-queue.tsx): JSON in, JSON out. */
function save(i: number, jar: Jar, attemptId: number, a: AnswerRow) {
  const clock = String(Date.now());
  return on(i).request("POST", `/pupil/attempts/${attemptId}/answers`, {
    jar,
    accept: "application/json",
    form: { kind: a.kind, itemId: a.itemId, choice: a.choice, chosenAt: clock, sentAt: clock },
  });
}

/** The quiz page's submit button (a plain form post: a redirect means handed in). */
const submit = (i: number, jar: Jar, c: SeededClass, attemptId: number) =>
  post(i, quizPath(c), jar, { attemptId: String(attemptId), intent: "submit" });

/** Starts the pupil's attempt (on A) and returns its id from the database. */
async function startOne(c: SeededClass, pupil: SeededClass["pupils"][number]) {
  expectStatus(await post(0, startPath(c), pupil.jar, {}), 302, "start", 0);
  const rows = await attemptsOf(c.assignmentId, pupil.id);
  assert.equal(rows.length, 1);
  return rows[0].id;
}

// ---------------------------------------------------------------- the races

test("20 starts at once for one pupil, split over both instances, make one attempt", async () => {
  const pupil = race.pupils[0];
  const liveBefore = await liveVersion(race.assignmentId);
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, i) => post(i, startPath(race), pupil.jar, {})),
  );
  for (const [i, res] of answers.entries()) {
    expectStatus(res, 302, `start ${i + 1}`, i);
    assert.equal(location(res), `/pupil/assignments/${race.assignmentId}/read`);
  }
  const rows = await attemptsOf(race.assignmentId, pupil.id);
  assert.equal(rows.length, 1, `${rows.length} attempts for one pupil`);
  assert.equal(rows[0].number, 1);
  assert.equal(rows[0].submitted_at, null);
  // startAttempt moves the live counter only when it creates the attempt
  assert.equal(
    (await liveVersion(race.assignmentId)) - liveBefore,
    1,
    "more than one start created an attempt",
  );
  // and both instances now show the pupil that one attempt
  const pages = await Promise.all(
    [0, 1].map((i) => on(i).request("GET", quizPath(race), { jar: pupil.jar })),
  );
  for (const [i, page] of pages.entries()) {
    expectStatus(page, 200, "quiz page", i);
    assert.equal(answerForms(page.body, "quiz").attemptId, rows[0].id);
  }
});

test("12 submits of one attempt at once, over both instances: handed in and scored once", async () => {
  const pupil = race.pupils[1];
  const attemptId = await startOne(race, pupil);
  const lesson = await lessonOf(race.assignmentId);
  // a few right answers first, saved one after the other on alternate instances
  for (const [i, a] of rightAnswers(lesson).slice(0, 4).entries())
    expectStatus(await save(i, pupil.jar, attemptId, a), 200, "save", i);
  const liveBefore = await liveVersion(race.assignmentId);
  const answers = await Promise.all(
    Array.from({ length: 12 }, (_, i) => submit(i, pupil.jar, race, attemptId)),
  );
  const to = new Set<string>();
  for (const [i, res] of answers.entries()) {
    expectStatus(res, 302, `submit ${i + 1}`, i);
    to.add(location(res));
  }
  assert.deepEqual([...to], [`/pupil/assignments/${race.assignmentId}/feedback`]);
  const [attempt] = await attemptsOf(race.assignmentId, pupil.id);
  assert.notEqual(attempt.submitted_at, null, "not handed in");
  const stored = await storedAnswers(attemptId);
  assert.equal(stored.length, 4);
  assertScoredAsStored(attempt, lesson, stored);
  assert.ok((attempt.quiz_score ?? 0) + (attempt.sort_score ?? 0) > 0, "the right answers scored");
  // a submit that writes moves the live counter once: only one of the twelve wrote
  assert.equal(
    (await liveVersion(race.assignmentId)) - liveBefore,
    1,
    "more than one submit scored the attempt",
  );
});

test("saves racing a submit on both instances: stored before it and scored, or refused", async (t) => {
  const lesson = await lessonOf(race.assignmentId);
  const items = rightAnswers(lesson);
  const LANES = 4;
  let acked = 0;
  let refused = 0;
  // three pupils, three rounds: the more rounds, the likelier a save lands in every gap
  for (const [round, pupil] of race.pupils.slice(2, 5).entries()) {
    const attemptId = await startOne(race, pupil);
    const liveBefore = await liveVersion(race.assignmentId);
    // Every item saved once (each a right answer, so each one stored changes the score), as the
    // page's answer queue sends them: one after another, here in four lanes at once, each lane's
    // requests alternating between the instances. The submit goes (to A or B) the moment a third
    // of them are acknowledged, so the rest race it.
    let fire = () => {};
    const go = new Promise<void>((resolve) => (fire = resolve));
    const trigger = Math.ceil(items.length / 3);
    let acks = 0;
    const submitted = go.then(() => submit(round, pupil.jar, race, attemptId));
    const lanes = await Promise.all(
      Array.from({ length: LANES }, async (_, lane) => {
        const out: { a: AnswerRow; res: Response; i: number }[] = [];
        for (let j = lane, k = 0; j < items.length; j += LANES, k++) {
          const res = await save(lane + k, pupil.jar, attemptId, items[j]);
          out.push({ a: items[j], res, i: lane + k });
          if (res.status === 200 && ++acks === trigger) fire();
        }
        return out;
      }),
    );
    fire(); // (had too few been acknowledged, the checks below say which answers were wrong)
    expectStatus(await submitted, 302, "the submit", round);
    const ackedNow = new Map<string, string>();
    for (const { a, res, i } of lanes.flat()) {
      // the page script's two answers: saved (200, ok) or refused because handed in (409)
      expectStatus(res, [200, 409], `save of ${a.itemId}`, i);
      const data = JSON.parse(res.body) as { ok: boolean; savedAt?: number; newerKept?: boolean };
      if (res.status === 200) {
        assert.equal(data.ok, true);
        assert.equal(typeof data.savedAt, "number");
        assert.notEqual(data.newerKept, true);
        ackedNow.set(`${a.kind}|${a.itemId}`, a.choice);
      } else {
        assert.deepEqual(data, { ok: false, reason: "submitted" });
        refused++;
      }
    }
    acked += ackedNow.size;
    const [attempt] = await attemptsOf(race.assignmentId, pupil.id);
    assert.notEqual(attempt.submitted_at, null, "not handed in");
    const stored = await storedAnswers(attemptId);
    // exactly the acknowledged saves are stored: none lost, none of the refused ones
    assert.deepEqual(
      new Map(stored.map((a) => [`${a.kind}|${a.item_id}`, a.choice])),
      ackedNow,
      "the stored answers are not the acknowledged ones",
    );
    // Order, from the live counter (one bump per stored save and one for the submit, all in
    // commit order; request clocks say nothing here, as each is read before its lock is waited
    // for): the submit's value is the one no stored answer took, and every stored answer's is
    // below it.
    const liveAfter = await liveVersion(race.assignmentId);
    assert.equal(
      liveAfter - liveBefore,
      ackedNow.size + 1,
      `the live counter moved ${liveAfter - liveBefore} times for ${ackedNow.size} saves and one submit`,
    );
    const taken = new Set(stored.map((a) => Number(a.change_seq)));
    const submitSeq = Array.from({ length: liveAfter - liveBefore }, (_, k) => liveBefore + 1 + k)
      .filter((v) => !taken.has(v))
      .at(0);
    assert.ok(submitSeq !== undefined);
    for (const a of stored)
      assert.ok(
        Number(a.change_seq) < submitSeq,
        `answer ${a.item_id} was stored after the submit (${a.change_seq} > ${submitSeq})`,
      );
    assertScoredAsStored(attempt, lesson, stored);
    t.diagnostic(`round ${round + 1}: ${ackedNow.size} of ${items.length} saves stored`);
  }
  t.diagnostic(`saves racing submits: ${acked} stored, ${refused} refused`);
  // the lanes outlast the submit: had none of their saves come after it, nothing raced
  assert.ok(refused > 0, "no save came after a submit: the race was not run");
});

// ---------------------------------------------------------------- the throttle

const FAILED = accounts.id["accounts.pupilLogin.failed"];
const TOO_MANY = accounts.id["accounts.throttled"].split("{")[0];
const LIMIT = RULES.pupilAccount.limit;

/** A pupil of the class joins through the app's own form (a real PIN hash). */
async function join(c: SeededClass, name: string, pin: string, address: string) {
  const res = await post(
    0,
    "/join",
    undefined,
    { code: c.joinCode, displayName: name, pin, pinConfirm: pin, contact_url: "" },
    { "X-Forwarded-For": address },
  );
  expectStatus(res, 302, `join of ${name}`, 0);
}

const signIn = (i: number, c: SeededClass, name: string, pin: string, address: string) =>
  post(
    i,
    "/pupil/login",
    undefined,
    { code: c.joinCode, displayName: name, pin, contact_url: "" },
    { "X-Forwarded-For": address },
  );

function assertFailed(res: Response, what: string, i: number) {
  expectStatus(res, 400, what, i);
  assert.ok(res.body.includes(FAILED), `${what}: no "${FAILED}" on the page`);
}
function assertRefused(res: Response, what: string, i: number) {
  expectStatus(res, 429, what, i);
  assert.ok(Number(res.headers["retry-after"]) > 0, `${what}: no Retry-After`);
  assert.ok(res.body.includes(TOO_MANY), `${what}: no "${TOO_MANY}" on the page`);
}

const counter = async (key: string) =>
  Number(
    (await query<{ count: string }>("SELECT count FROM throttles WHERE key = $1", [key]))[0]
      ?.count ?? 0,
  );

test(`wrong PINs alternating A/B: ${LIMIT} failures counted over both instances, then refused on either`, async () => {
  await join(throttleClass, "Rina", "4826", "10.16.0.1");
  const address = "10.16.0.2";
  for (let i = 0; i < LIMIT + 2; i++) {
    const res = await signIn(i, throttleClass, "Rina", "1111", address);
    if (i < LIMIT) assertFailed(res, `wrong PIN ${i + 1}`, i);
    else assertRefused(res, `wrong PIN ${i + 1} (past the limit of ${LIMIT})`, i);
  }
  // the right PIN is refused too, on both: the account waits, whichever instance is asked
  for (const i of [0, 1])
    assertRefused(await signIn(i, throttleClass, "Rina", "4826", address), "the right PIN", i);
  assert.equal(await counter(`pupil:${throttleClass.id}:${nameKey("Rina")}`), LIMIT);
});

test(`${LIMIT + 8} wrong PINs at once over both instances: exactly ${LIMIT} checked, the rest refused`, async () => {
  await join(throttleClass, "Sari", "5937", "10.16.0.3");
  const answers = await Promise.all(
    Array.from({ length: LIMIT + 8 }, (_, i) =>
      signIn(i, throttleClass, "Sari", "2222", "10.16.0.4"),
    ),
  );
  const failed = answers.filter((r) => r.status === 400);
  for (const [i, res] of answers.entries())
    if (res.status === 400) assertFailed(res, `wrong PIN ${i + 1}`, i);
    else assertRefused(res, `wrong PIN ${i + 1}`, i);
  assert.equal(failed.length, LIMIT, `${failed.length} wrong PINs were checked`);
  assert.equal(await counter(`pupil:${throttleClass.id}:${nameKey("Sari")}`), LIMIT);
});

test("failed sign-ins from one address alternating A/B: the free ones are counted over both instances", async () => {
  const rule = RULES.signInAddress;
  const address = "10.16.0.9";
  // unknown names (each its own account counter): only the address counter fills up
  for (let i = 0; i < rule.free + 2; i++) {
    const res = await signIn(i, addressClass, `Tamu ${i + 1}`, "3333", address);
    if (i < rule.free) assertFailed(res, `failed sign-in ${i + 1}`, i);
    else {
      expectStatus(res, 429, `failed sign-in ${i + 1} (past ${rule.free} free)`, i);
      assert.ok(Number(res.headers["retry-after"]) > 0);
    }
  }
  assert.equal(await counter(`sign-in:ip:${address}`), rule.free);
});
