// Cross-site posts and response headers, over every route file: cross-site form posts are refused
// and change nothing; every HTML answer carries the CSP and the other headers; signed-in pages
// are not cached; no answer ever holds a password or PIN hash, a session id, or an answer key
// before the teacher's feedback setting allows it.
import { expect, test } from "@playwright/test";
import { MATRIX, ownerOf, type ActionCase } from "../support/route-matrix";
import { actionUrl, dataUrl, fillPattern, routeFiles } from "../support/routes";
import { testDb } from "../support/factories";
import { translate } from "../../app/i18n";
import { createAssignment, seedLesson } from "../support/lesson";
import {
  cookieOf,
  createWorld,
  fingerprint,
  insertAttempt,
  paramsOf,
  ROLES,
  type Role,
  type World,
} from "../support/security-world";
import { send, type RawResponse } from "../support/raw-http";

const routes = routeFiles();
const EVIL = "https://evil.example";

/** The role a cross-site attacker would ride on: the one allowed to post the form. */
function victimOf(c: ActionCase): Role {
  return ownerOf(c.cells) ?? (c.cells.teacherA === "ok" ? "teacherA" : "anon");
}

/** Our server's own 403 page, before Remix or any action runs (Remix itself answered an empty 500). */
function refused(response: RawResponse, body: string): boolean {
  return (
    response.status() === 403 &&
    body.includes("<h1>") &&
    (response.headers()["content-security-policy"] ?? "").includes("default-src 'none'")
  );
}

test("a cross-site post is refused for every action, and changes nothing", async () => {
  test.setTimeout(90_000);
  const world = await createWorld();
  const problems: string[] = [];
  const base = `http://127.0.0.1:${process.env.E2E_PORT}`;
  let checked = 0;
  for (const route of routes.filter((r) => r.action)) {
    for (const c of MATRIX[route.file]?.post ?? []) {
      const role = victimOf(c);
      const path = fillPattern(route.pattern, paramsOf(world.A));
      const variants: { name: string; url: string; headers: Record<string, string> }[] = [
        { name: "form on another site", url: actionUrl(route, path), headers: { Origin: EVIL } },
        { name: "opaque origin", url: actionUrl(route, path), headers: { Origin: "null" } },
        {
          name: "Sec-Fetch-Site cross-site",
          url: actionUrl(route, path),
          headers: { Origin: base, "Sec-Fetch-Site": "cross-site" },
        },
        {
          name: "Sec-Fetch-Site same-site",
          url: actionUrl(route, path),
          headers: { Origin: base, "Sec-Fetch-Site": "same-site" },
        },
      ];
      if (route.page)
        variants.push({
          name: "script on another site",
          url: actionUrl(route, path, true),
          headers: { Origin: EVIL },
        });
      for (const v of variants) {
        const before = fingerprint(world);
        const response = await send({
          method: "POST",
          url: v.url,
          cookie: cookieOf(world, role),
          form: c.form(world, role),
          headers: v.headers,
        });
        const body = await response.text();
        const where = `${route.file} [${c.name}] as ${role}, ${v.name}`;
        if (!refused(response, body))
          problems.push(
            `${where}: expected our 403 page, got ${response.status()} ${body.slice(0, 80)}`,
          );
        if (response.headers()["set-cookie"]) problems.push(`${where}: set a cookie`);
        if (fingerprint(world) !== before) problems.push(`${where}: changed data`);
        checked++;
      }
    }
  }
  expect(problems).toEqual([]);
  expect(checked).toBeGreaterThan(150);
});

const NONCE = /script-src [^;]*'nonce-([A-Za-z0-9+/=]+)'/;

function htmlHeaderProblems(
  where: string,
  response: RawResponse,
  body: string,
  signedIn: boolean,
): string[] {
  const h = response.headers();
  const problems: string[] = [];
  const csp = h["content-security-policy"] ?? "";
  const nonce = NONCE.exec(csp)?.[1];
  if (!nonce) problems.push(`${where}: CSP without a script nonce: ${csp}`);
  for (const directive of [
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "default-src 'self'",
  ])
    if (!csp.split(/;\s*/).includes(directive)) problems.push(`${where}: CSP lacks ${directive}`);
  if (/unsafe-inline|unsafe-eval/.test(csp)) problems.push(`${where}: CSP allows unsafe-*`);
  if (h["x-content-type-options"] !== "nosniff") problems.push(`${where}: no nosniff`);
  if (
    !["same-origin", "no-referrer", "strict-origin", "strict-origin-when-cross-origin"].includes(
      h["referrer-policy"] ?? "",
    )
  )
    problems.push(`${where}: Referrer-Policy ${h["referrer-policy"]}`);
  if (signedIn && !(h["cache-control"] ?? "").includes("no-store"))
    problems.push(`${where}: signed in but Cache-Control ${h["cache-control"]}`);
  // every script the page carries is ours: it has this response's nonce
  for (const tag of body.matchAll(/<script\b([^>]*)>/gi))
    if (!tag[1].includes(`nonce="${nonce}"`))
      problems.push(`${where}: a <script> without the nonce: ${tag[0].slice(0, 80)}`);
  return problems;
}

test("every HTML answer, for every role, has the CSP, nosniff, a referrer policy, and no-store when signed in", async () => {
  const world = await createWorld();
  const problems: string[] = [];
  let pages = 0;
  for (const route of routes.filter((r) => MATRIX[r.file]?.get)) {
    const path = fillPattern(route.pattern, paramsOf(world.A));
    for (const role of ROLES) {
      const response = await send({
        method: "GET",
        url: path,
        cookie: cookieOf(world, role),
      });
      const where = `${path} as ${role} (${response.status()})`;
      const type = response.headers()["content-type"] ?? "";
      if (response.status() >= 300 && response.status() < 400) continue;
      if (type.startsWith("text/html")) {
        pages++;
        problems.push(
          ...htmlHeaderProblems(where, response, await response.text(), role !== "anon"),
        );
      } else if (response.status() >= 400) {
        // a resource route's refusal bypasses entry.server; it must at least carry no data
        const body = await response.text();
        if (!type.startsWith("text/plain") || body !== "Not found")
          problems.push(`${where}: ${type} error ${body.slice(0, 60)}`);
      } else {
        // data, CSV and JSON downloads: never sniffed as HTML
        if (response.headers()["x-content-type-options"] !== "nosniff")
          problems.push(`${where}: ${type} without nosniff`);
        if (
          role !== "anon" &&
          response.status() === 200 &&
          !(response.headers()["cache-control"] ?? "").includes("no-store")
        )
          problems.push(`${where}: ${type} for a signed-in person without no-store`);
      }
      if (route.loader && route.page) {
        const data = await send({
          method: "GET",
          url: dataUrl(route, path),
          cookie: cookieOf(world, role),
        });
        const h = data.headers();
        if (
          h["x-content-type-options"] !== "nosniff" ||
          !(h["content-security-policy"] ?? "").includes("frame-ancestors 'none'")
        )
          problems.push(`${dataUrl(route, path)} as ${role}: data answer without nosniff/CSP`);
      }
    }
  }
  expect(problems).toEqual([]);
  expect(pages).toBeGreaterThan(100);
});

test("signing out sends Clear-Site-Data and ends the session", async () => {
  const world = await createWorld();
  const response = await send({
    method: "POST",
    url: "/logout",
    cookie: cookieOf(world, "pupilA"),
  });
  expect(response.status()).toBe(302);
  expect(response.headers()["clear-site-data"]).toBe('"cookies"');
  expect(response.headers()["cache-control"]).toContain("no-store");
  const after = await send({
    method: "GET",
    url: "/pupil",
    cookie: cookieOf(world, "pupilA"),
  });
  expect(after.headers()["location"]).toMatch(/^\/pupil\/login\?redirectTo=/);
});

const SECRET_KEYS =
  /"(pinHash|pin_hash|passwordHash|password_hash|idHash|id_hash|nameKey|name_key|seed)"\s*:/;

function secretProblems(
  where: string,
  world: World,
  response: RawResponse,
  body: string,
): string[] {
  const problems: string[] = [];
  const location = response.headers()["location"] ?? response.headers()["x-remix-redirect"] ?? "";
  if (body.includes("$argon2")) problems.push(`${where}: an argon2 hash in the body`);
  const key = SECRET_KEYS.exec(body);
  if (key) problems.push(`${where}: a secret field ${key[1]}`);
  if (/telaah_session/.test(body + location))
    problems.push(`${where}: the session cookie's name in the page or URL`);
  for (const s of [world.A, world.B])
    for (const session of [s.sessions.teacher, s.sessions.pupil])
      for (const secret of [session.id, session.value, encodeURIComponent(session.value)])
        if (body.includes(secret) || location.includes(secret))
          problems.push(`${where}: a session id`);
  return problems;
}

test("no page, data answer or download, for any role, holds a hash or a session id", async () => {
  const world = await createWorld();
  const problems: string[] = [];
  for (const route of routes.filter((r) => MATRIX[r.file]?.get)) {
    const path = fillPattern(route.pattern, paramsOf(world.A));
    for (const role of ROLES) {
      const urls = [path, ...(route.loader && route.page ? [dataUrl(route, path)] : [])];
      for (const url of urls) {
        const response = await send({ method: "GET", url, cookie: cookieOf(world, role) });
        problems.push(
          ...secretProblems(`${url} as ${role}`, world, response, await response.text()),
        );
      }
    }
  }
  // The answers of allowed form posts too (sign-in, join, PIN reset, …), each in a fresh world.
  for (const route of routes.filter((r) => r.action)) {
    for (const c of MATRIX[route.file]?.post ?? []) {
      const role = victimOf(c);
      if (c.cells[role] !== "ok") continue;
      // as a plain form post and as a script's data request, each in a fresh world
      for (const data of route.page ? [false, true] : [false]) {
        const again = await createWorld();
        const url = actionUrl(route, fillPattern(route.pattern, paramsOf(again.A)), data);
        const response = await send({
          method: "POST",
          url,
          cookie: cookieOf(again, role),
          form: c.form(again, role),
        });
        const where = `POST ${url} [${c.name}] as ${role}`;
        problems.push(...secretProblems(where, again, response, await response.text()));
        // a new session goes in the cookie only, never into the address
        const setCookie = response.headers()["set-cookie"] ?? "";
        const issued = /telaah_session=([^;]+)/.exec(setCookie)?.[1];
        const location =
          response.headers()["location"] ?? response.headers()["x-remix-redirect"] ?? "";
        if (issued && location.includes(issued))
          problems.push(`${where}: the new session id in the redirect`);
      }
    }
  }
  expect(problems).toEqual([]);
});

test("no answer key or score reaches a pupil before the feedback setting allows it", async () => {
  const lesson = seedLesson();
  const keyTexts = [
    ...lesson.questions.map((q) => q.explanation),
    ...lesson.sorting.map((s) => s.explanation),
  ];
  // discussion guidance is for teachers too (the lesson page shows it to teachers only)
  const teacherOnly = [...keyTexts, ...lesson.prompts.map((p) => p.guidance)];
  const world = await createWorld();
  const pupil = world.A.pupil;
  const klass = world.A.klass;
  const db = testDb();
  // Distinctive scores, so they can be recognised in any shape: hidden attempts score 13 + 11 of
  // 20 + 17 (24 of 37, 64.86 % → "65 %"); the control scores 9 + 5 (14 of 37, 37.84 % → "38 %").
  // The quiz is out of 20 points: 18 questions, two of them two-part (2 points each).
  const quizMax = lesson.questions.reduce((sum, q) => sum + (q.partB ? 2 : 1), 0);
  expect([quizMax, lesson.sorting.length]).toEqual([20, 17]);
  const submit = (attemptId: number, quiz: number, sort: number) =>
    db
      .prepare(
        "UPDATE attempts SET submitted_at = ?, quiz_score = ?, quiz_max = ?, sort_score = ?, sort_max = ? WHERE id = ?",
      )
      .run(Date.now() - 60_000, quiz, quizMax, sort, lesson.sorting.length, attemptId);
  const answer = (attemptId: number) =>
    db
      .prepare("INSERT INTO answers (attempt_id, kind, item_id, choice) VALUES (?, 'quiz', ?, ?)")
      .run(attemptId, lesson.questions[0].id, lesson.questions[0].correct);

  // in progress, feedback immediate: nothing before the submit
  const inProgress = createAssignment(klass.id, { feedback: "immediate" });
  answer(insertAttempt(inProgress, pupil.id));
  // submitted, feedback after the due date, which is still ahead
  const afterDue = createAssignment(klass.id, { feedback: "after_due" });
  const a2 = insertAttempt(afterDue, pupil.id);
  answer(a2);
  submit(a2, 13, 11);
  // submitted, feedback never
  const never = createAssignment(klass.id, { feedback: "never" });
  const a3 = insertAttempt(never, pupil.id);
  answer(a3);
  submit(a3, 13, 11);
  // the control: submitted with feedback immediate, so key and score do show (the detector works)
  const shown = createAssignment(klass.id, { feedback: "immediate" });
  const a4 = insertAttempt(shown, pupil.id);
  answer(a4);
  submit(a4, 9, 5);

  /** A score in any wording: "24 dari 29", "13/15", "82,8", "83 %", a JSON number field … */
  const scoreSignals = (quiz: number, sort: number) => {
    const total = quiz + sort;
    const exact = (total / 37) * 100;
    const pct = [Math.round(exact), Math.round(exact * 10) / 10];
    return [
      new RegExp(`\\b${total}\\s*(dari|of|/)\\s*37\\b`),
      new RegExp(`\\b${quiz}\\s*(dari|of|/)\\s*20\\b`),
      new RegExp(`\\b${sort}\\s*(dari|of|/)\\s*17\\b`),
      ...pct.map((p) => new RegExp(`\\b${String(p).replace(".", "[.,]")}\\s*%`)),
      ...pct.map((p) => new RegExp(`:\\s*${String(p).replace(".", "\\.")}[,}\\]]`)),
    ];
  };
  const hidden = scoreSignals(13, 11);
  const control = scoreSignals(9, 5);
  /** Words that only a key shows: the labels of the feedback page, in both languages. */
  const keyLabels = (["id", "en"] as const).flatMap((lang) =>
    (["feedback.rightAnswer", "feedback.why"] as const).map((k) => translate(lang, k)),
  );
  /** In data: any field named like a score or a key that carries a value. */
  const KEYISH = /score|percent|correct|right|explanation|evidence|answerkey|solution|category/i;
  function keyishFields(value: unknown, path = "$"): string[] {
    if (Array.isArray(value)) return value.flatMap((v, i) => keyishFields(v, `${path}[${i}]`));
    if (value && typeof value === "object")
      return Object.entries(value).flatMap(([k, v]) => [
        ...(KEYISH.test(k) && v !== null && v !== false && v !== undefined && typeof v !== "object"
          ? [`${path}.${k}=${JSON.stringify(v)}`]
          : []),
        ...keyishFields(v, `${path}.${k}`),
      ]);
    return [];
  }
  function signals(body: string, isData: boolean, scores: RegExp[]): string[] {
    const found: string[] = [];
    for (const text of keyTexts)
      if (body.includes(text)) found.push("an explanation of the answer key");
    for (const label of keyLabels)
      if (body.includes(`>${label}<`)) found.push(`the key label "${label}"`);
    for (const re of scores) if (re.test(body)) found.push(`a score (${re.source})`);
    if (isData)
      found.push(...keyishFields(JSON.parse(body)).map((f) => `a key or score field ${f}`));
    return found;
  }

  const pupilRoutes = routes.filter((r) => MATRIX[r.file]?.get?.pupilA === "ok");
  const publicish = pupilRoutes.filter((r) => !r.params.includes("assignmentId"));
  const perAssignment = pupilRoutes.filter((r) => r.params.includes("assignmentId"));
  const cookie = world.A.sessions.pupil.header;
  const urlsOf = (route: (typeof routes)[number], path: string) => [
    path,
    ...(route.loader && route.page ? [dataUrl(route, path)] : []),
  ];

  async function leaks(assignmentId: number, scores: RegExp[]): Promise<string[]> {
    const found: string[] = [];
    let pages = 0;
    for (const route of perAssignment) {
      const path = fillPattern(route.pattern, { ...paramsOf(world.A), assignmentId });
      for (const url of urlsOf(route, path)) {
        const response = await send({ method: "GET", url, cookie });
        expect(response.status(), url).toBeLessThan(500);
        found.push(
          ...signals(await response.text(), url.includes("_data="), scores).map(
            (x) => `${url}: ${x}`,
          ),
        );
        pages++;
      }
    }
    // the feedback page, the overview and the steps: HTML and data each (a loop over nothing checks nothing)
    expect(pages).toBeGreaterThanOrEqual(perAssignment.length * 2 - 1);
    return found;
  }

  expect(await leaks(inProgress, hidden)).toEqual([]);
  expect(await leaks(afterDue, hidden)).toEqual([]);
  expect(await leaks(never, hidden)).toEqual([]);
  // The detector itself works: on the control every kind of signal is found.
  const controlFound = await leaks(shown, control);
  expect(controlFound.some((f) => f.includes("an explanation of the answer key"))).toBe(true);
  expect(controlFound.some((f) => f.includes("the key label"))).toBe(true);
  expect(controlFound.some((f) => f.includes("a score ("))).toBe(true);
  expect(controlFound.some((f) => f.includes("a key or score field"))).toBe(true);

  // The pupil's own pages and download cover all four assignments at once: no explanation of the
  // key on them at all, and no trace of the hidden scores (the control's may show).
  expect(publicish.length).toBeGreaterThan(0);
  for (const route of publicish) {
    const path = fillPattern(route.pattern, paramsOf(world.A));
    for (const url of urlsOf(route, path)) {
      const body = await (await send({ method: "GET", url, cookie })).text();
      expect(
        teacherOnly.filter((t) => body.includes(t)),
        url,
      ).toEqual([]);
      expect(
        hidden.filter((re) => re.test(body)).map((re) => re.source),
        url,
      ).toEqual([]);
      // nor to a visitor who is not signed in (the lesson page and every other public page)
      if (MATRIX[route.file]?.get?.anon === "ok") {
        const anonymous = await (await send({ method: "GET", url, cookie: "" })).text();
        expect(
          teacherOnly.filter((t) => anonymous.includes(t)),
          `anonymous ${url}`,
        ).toEqual([]);
      }
    }
  }
  // the control: the lesson page does show them to a teacher, so the check above can fail
  const lessonRoute = publicish.find((r) => r.file === "lessons.$slug.tsx")!;
  const asTeacher = await (
    await send({
      method: "GET",
      url: fillPattern(lessonRoute.pattern, paramsOf(world.A)),
      cookie: world.A.sessions.teacher.header,
    })
  ).text();
  expect(teacherOnly.every((t) => asTeacher.includes(t))).toBe(true);
  const feedback = await (
    await send({ method: "GET", url: `/pupil/assignments/${shown}/feedback`, cookie })
  ).text();
  expect(keyTexts.some((t) => feedback.includes(t))).toBe(true);
  const exported = JSON.parse(
    await (await send({ method: "GET", url: "/pupil/data/export", cookie })).text(),
  );
  const scored = (exported.attempts as { assignmentId: number; scores: unknown }[])
    .filter((a) => a.scores !== null)
    .map((a) => a.assignmentId);
  expect(scored).toEqual([shown]);
});
