// Injection fuzzing: the whole big-list-of-naughty-strings plus our own XSS and template payloads,
// through every text field a person fills (as the forms post them), then rendered in Chromium
// where people read them. Nothing may run, nothing may be injected, nothing may 500, and what was
// typed is what is stored and shown (after the documented trimming), or it is refused with a 400
// and a message.
// Fuzz tests send hundreds of inputs each; their time limits are twice what they need on an idle
// two-core machine, because CI runs them beside the other tests.
import fs from "node:fs";
import { parse as parseCsv } from "csv-parse/sync";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { isMessageKey, translate } from "../../app/i18n";
// Look-alike names are decided by the app's confusable table; restating that table here would only copy it.
import { nameSkeleton } from "../../app/utils/display-name";
import { createClass, createPupil, createTeacher, testDb, unique } from "../support/factories";
import { createAssignment, seedLesson, SEED_SLUG } from "../support/lesson";
import { insertAttempt, sessionFor, type FormValues } from "../support/security-world";
import { send } from "../support/raw-http";
import { waitForHydration } from "../support/hydration";
import { refusalKeys, refusalOf } from "../support/form-reply";

const NAUGHTY: string[] = JSON.parse(
  fs.readFileSync("node_modules/big-list-of-naughty-strings/blns.json", "utf8"),
);

/** Our own: attribute breaks, script contexts, URLs, SVG/MathML, template syntaxes of several engines. */
const PAYLOADS = [
  `<script>window.__xss=1;alert("xss")</script>`,
  `"><script>alert(1)</script>`,
  `'><script>alert(1)</script>`,
  `</script><script>alert(1)</script>`,
  `</textarea><script>alert(1)</script>`,
  `</title><script>alert(1)</script>`,
  `</style><script>alert(1)</script>`,
  `<img src=x onerror=alert(1)>`,
  `"><img src=x onerror="window.__xss=1">`,
  `' onmouseover='alert(1)' x='`,
  `" onfocus="alert(1)" autofocus="`,
  `" autofocus onfocus=alert(1) x="`,
  `<svg onload=alert(1)>`,
  `<svg><script>alert(1)</script></svg>`,
  `<svg><a xlink:href="javascript:alert(1)"><text x="0" y="20">klik</text></a></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
  `<iframe src="javascript:alert(1)"></iframe>`,
  `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>`,
  `<object data="javascript:alert(1)"></object>`,
  `<embed src="javascript:alert(1)">`,
  `<details open ontoggle=alert(1)>`,
  `<body onload=alert(1)>`,
  `<input autofocus onfocus=alert(1)>`,
  `<a href="javascript:alert(1)">klik di sini</a>`,
  `javascript:alert(1)`,
  `JaVaScRiPt:alert(document.domain)`,
  `java\tscript:alert(1)`,
  `data:text/html,<script>alert(1)</script>`,
  `https://contoh.test/"><img src=x onerror=alert(1)>`,
  `https://contoh.test/?q=<script>alert(1)</script>`,
  `http://contoh.test/" onmouseover="alert(1)`,
  `Lihat https://contoh.test/a_(b) dan paragraf 3, lalu javascript:alert(1)`,
  `[klik](javascript:alert(1))`,
  `<base href="https://evil.example/">`,
  `<meta http-equiv="refresh" content="0;url=https://evil.example">`,
  `<form action="https://evil.example"><button>kirim</button></form>`,
  `<style>*{display:none}</style>`,
  `<link rel="stylesheet" href="https://evil.example/x.css">`,
  `<!--<script>alert(1)</script>-->`,
  `<![CDATA[<script>alert(1)</script>]]>`,
  `{{7*7}}`,
  `\${7*7}`,
  `<%= 7*7 %>`,
  `#{7*7}`,
  `{{constructor.constructor('alert(1)')()}}`,
  `{name} {count} {minutes}`,
  `$& $1 $' $\``,
  `%s%s%s%n`,
  `'; DROP TABLE pupils; --`,
  `" OR 1=1 --`,
  `=HYPERLINK("https://evil.example","klik")`,
  `+cmd|' /C calc'!A0`,
  `@SUM(1+1)*cmd|' /C calc'!A0`,
  `-2+3+cmd|' /C calc'!A0`,
  `\u202Egnp.exe`,
];

const INPUTS = [...NAUGHTY, ...PAYLOADS];
/** The payloads also rendered one page each in the browser (the rest are checked in bulk). */
const RENDERED = [
  `<script>window.__xss=1;alert("xss")</script>`,
  `"><img src=x onerror="window.__xss=1">`,
  `" onfocus="alert(1)" autofocus="`,
  `<svg><a xlink:href="javascript:alert(1)"><text x="0" y="20">klik</text></a></svg>`,
  `Lihat https://contoh.test/a_(b) dan paragraf 3, lalu javascript:alert(1)`,
  `{{constructor.constructor('alert(1)')()}}`,
];

const PASSWORD = "kopi tubruk di pagi hari";
const CONCURRENCY = 4;

// ---------------------------------------------------------------------------------------------
// The app's documented normalisation, restated: what a field should store, or why it refuses.

const chars = (s: string) => [...s].length;
const firstChars = (s: string, n: number) => [...s].slice(0, n).join("");
const clean = (s: string) => s.trim().replace(/\s+/g, " ");

type Expect = { ok: true; value: string } | { ok: false; key: string };

/** Teacher name, class name, subject, display name: trimmed, spaces collapsed; not empty, not too long, no control characters. */
function label(s: string, max: number, keys: { long: string; control: string }): Expect {
  const value = clean(s);
  if (!value) return { ok: false, key: "v.required" };
  if (chars(value) > max) return { ok: false, key: keys.long };
  if (/\p{Cc}/u.test(value)) return { ok: false, key: keys.control };
  return { ok: true, value };
}

/** Discussion text: line breaks as LF, trimmed, length in characters within the field's limits. */
function postText(
  s: string,
  min: number,
  max: number,
  keys: { empty: string; short: string; long: string },
): Expect {
  const value = s.replace(/\r\n?/g, "\n").trim();
  const n = chars(value);
  if (n === 0) return { ok: false, key: keys.empty };
  if (n < min) return { ok: false, key: keys.short };
  if (n > max) return { ok: false, key: keys.long };
  return { ok: true, value };
}

const nameKey = (s: string) => s.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();

const TEACHER_NAME = (s: string) =>
  label(s, 80, { long: "accounts.v.nameTooLong", control: "v.invalid" });
const CLASS_NAME = (s: string) =>
  label(s, 60, { long: "accounts.v.classNameTooLong", control: "v.invalid" });
const SUBJECT = (s: string) =>
  label(s, 60, { long: "accounts.v.subjectTooLong", control: "v.invalid" });
/**
 * Display names (decision record 033): NFKC first, then not empty, not too long, nothing
 * invisible or direction-changing, at most three combining marks in a row.
 */
function DISPLAY_NAME(s: string): Expect {
  const value = clean(s.normalize("NFKC"));
  if (!value) return { ok: false, key: "v.required" };
  if (chars(value) > 40) return { ok: false, key: "accounts.v.displayNameTooLong" };
  if (
    /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Cn}\p{Default_Ignorable_Code_Point}\u115F\u1160\u3164\uFFA0\u2800]/u.test(
      value,
    )
  )
    return { ok: false, key: "hardening.v.nameInvisible" };
  if (/\p{M}{4}/u.test(value)) return { ok: false, key: "hardening.v.nameMarks" };
  return { ok: true, value };
}
/** What people see of a text: more than three combining marks in a row are cut to three. */
const asShown = (s: string) => s.replace(/\p{M}+/gu, (run) => [...run].slice(0, 3).join(""));
/** A fresh client address, for forms throttled per address (sign-up). */
const freshAddress = () =>
  `2001:db8:5a::${Math.floor(Math.random() * 0xffff).toString(16)}:${Math.floor(Math.random() * 0xffff).toString(16)}`;
const OPEN = (s: string) =>
  postText(s, 20, 2000, {
    empty: "discuss.err.empty",
    short: "discuss.err.openShort",
    long: "discuss.err.openLong",
  });
const CER = (s: string) =>
  postText(s, 10, 1000, {
    empty: "discuss.err.cerMissing",
    short: "discuss.err.cerShort",
    long: "discuss.err.cerLong",
  });
const REPLY = (s: string) =>
  postText(s, 2, 1000, {
    empty: "discuss.err.replyEmpty",
    short: "discuss.err.replyShort",
    long: "discuss.err.replyLong",
  });
const FEEDBACK = (s: string) =>
  postText(s, 2, 2000, {
    empty: "discuss.err.feedbackEmpty",
    short: "discuss.err.feedbackShort",
    long: "discuss.err.feedbackLong",
  });

/** The input, then (when it is refused only for its length) its first allowed characters, so long strings are shown too. */
function tries(input: string, max: number, rule: (s: string) => Expect): string[] {
  const first = rule(input);
  return !first.ok && /TooLong$/.test(first.key) ? [input, firstChars(clean(input), max)] : [input];
}

// ---------------------------------------------------------------------------------------------
// Posting as the page's <Form> does with JavaScript (a `_data` request), many at a time.

async function each<T>(
  items: readonly T[],
  fn: (item: T, index: number) => Promise<void>,
  concurrency = CONCURRENCY,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i], i);
      }
    }),
  );
}

type Answer = {
  status: number;
  location: string;
  errors: Record<string, string>;
  cookie: string;
  text: string;
};

async function submit(
  url: string,
  routeId: string,
  cookie: string,
  form: FormValues,
  extraHeaders?: Record<string, string>,
): Promise<Answer> {
  const sep = url.includes("?") ? "&" : "?";
  const response = await send({
    method: "POST",
    url: `${url}${sep}_data=${encodeURIComponent(routeId)}`,
    cookie,
    form,
    headers: extraHeaders,
  });
  const headers = response.headers();
  const text = await response.text();
  let errors: Record<string, string> = {};
  if (response.status() === 400) {
    try {
      errors = refusalOf(JSON.parse(text)).fields;
    } catch {
      errors = {};
    }
  }
  const session = /telaah_session=([^;\s]+)/.exec(headers["set-cookie"] ?? "")?.[1];
  return {
    status: response.status(),
    location: headers["x-remix-redirect"] ?? "",
    errors,
    cookie: session ? `telaah_session=${session}` : "",
    text,
  };
}

/** A refusal must be a 400 naming the field with the right translated message. */
function refusalProblem(what: string, answer: Answer, field: string, key: string): string | null {
  if (answer.status !== 400)
    return `${what}: expected 400 (${key}), got ${answer.status} ${answer.text.slice(0, 120)}`;
  if (answer.errors[field] !== key || !isMessageKey(key))
    return `${what}: expected ${field}=${key}, got ${JSON.stringify(answer.errors)}`;
  return null;
}

const show = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);

// ---------------------------------------------------------------------------------------------
// Looking at the pages in Chromium.

/** Runs in the browser: elements, attributes and scripts that only an injection would have made. */
function findInjected(doc: Document, nonce: string): string[] {
  const bad: string[] = [];
  const FORBIDDEN = [
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "base",
    "img",
    "video",
    "audio",
    "math",
    "marquee",
    "style",
    "portal",
  ];
  // The class page's join QR code and the sign-in cards' QR codes are ours: one <img> of an SVG
  // data address, in figure.join-qr or figure.card-qr, with nothing but src, alt, width and height.
  const ourQr = (el: Element) =>
    el.tagName.toLowerCase() === "img" &&
    el.parentElement?.matches("figure.join-qr, figure.card-qr") === true &&
    (el.getAttribute("src") ?? "").startsWith("data:image/svg+xml;base64,") &&
    Array.from(el.attributes).every((a) =>
      ["src", "alt", "width", "height"].includes(a.name.toLowerCase()),
    );
  for (const el of Array.from(doc.querySelectorAll("*"))) {
    const tag = el.tagName.toLowerCase();
    if (ourQr(el)) continue;
    if (FORBIDDEN.includes(tag)) bad.push(`<${tag}>`);
    if (tag === "meta" && el.hasAttribute("http-equiv")) bad.push("<meta http-equiv>");
    // the results charts are SVG (rects and text); links, scripts and foreign content in one are not ours
    if (
      ["a", "foreignobject", "script", "use", "animate", "set", "iframe"].includes(tag) &&
      el.closest("svg")
    )
      bad.push(`<svg><${tag}>`);
    if (tag === "script" && ((el as HTMLScriptElement).nonce || el.getAttribute("nonce")) !== nonce)
      bad.push(`<script> without our nonce`);
    if (tag === "link" && !(el.getAttribute("href") ?? "").startsWith("/"))
      bad.push(`<link href=${el.getAttribute("href")}>`);
    if (tag === "form" && /^\s*[a-z]+:/i.test(el.getAttribute("action") ?? ""))
      bad.push(`<form action=${el.getAttribute("action")}>`);
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("on")) bad.push(`<${tag} ${name}>`);
      if (name === "style" || name === "srcdoc" || name === "autofocus")
        bad.push(`<${tag} ${name}>`);
      if (
        [
          "href",
          "src",
          "action",
          "formaction",
          "data",
          "xlink:href",
          "background",
          "poster",
        ].includes(name) &&
        /^\s*(javascript|vbscript|data):/i.test(attr.value)
      )
        bad.push(`<${tag} ${name}="${attr.value.slice(0, 40)}">`);
    }
  }
  return bad;
}

type Seen = { dialogs: string[]; problems: string[] };

/** Opens a page as a signed-in person (or nobody), after hydration; reports dialogs, CSP violations, injected nodes, 5xx. */
async function openPage(
  browser: Browser,
  url: string,
  cookie: string,
): Promise<{ page: Page; seen: Seen; close: () => Promise<void> }> {
  const context = await browser.newContext({ locale: "id-ID" });
  if (cookie) {
    const [name, ...rest] = cookie.split("=");
    await context.addCookies([
      { name, value: rest.join("="), url: `http://127.0.0.1:${process.env.E2E_PORT}` },
    ]);
  }
  await context.addInitScript(`
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));
    window.__findInjected = ${findInjected.toString()};
  `);
  const page = await context.newPage();
  const seen: Seen = { dialogs: [], problems: [] };
  page.on("dialog", (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("response", (response) => {
    if (response.status() >= 500) seen.problems.push(`${response.status()} ${response.url()}`);
  });
  page.on("pageerror", (error) => seen.problems.push(`page error: ${error.message.slice(0, 200)}`));
  const response = await page.goto(url);
  const csp = response?.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] ?? "";
  // hydrated: anything a client render would inject is in the document
  await waitForHydration(page);
  const found = await page.evaluate((n) => {
    const w = window as unknown as {
      __findInjected: (d: Document, n: string) => string[];
      __csp: string[];
      __xss?: unknown;
    };
    return [
      ...w.__findInjected(document, n),
      ...w.__csp.map((v) => `CSP violation: ${v}`),
      ...(w.__xss ? ["a payload ran"] : []),
    ];
  }, nonce);
  seen.problems.push(...found.map((f) => `${url}: ${f}`));
  if (!response || response.status() !== 200)
    seen.problems.push(`${url}: status ${response?.status()}`);
  return { page, seen, close: () => context.close() };
}

function expectClean(seen: Seen) {
  expect(seen.dialogs, "no dialog may open").toEqual([]);
  expect(seen.problems).toEqual([]);
}

/** Parses many server-rendered documents at once (no scripts run) for the injected-node check and some texts. */
async function parseMany(page: Page, docs: { html: string; nonce: string }[], selector: string) {
  const out: { injected: string[]; text: string | null }[] = [];
  for (let i = 0; i < docs.length; i += 40) {
    const batch = docs.slice(i, i + 40);
    out.push(
      ...(await page.evaluate(
        ({ batch, selector, finder }) => {
          const find = new Function(`return (${finder})`)() as (d: Document, n: string) => string[];
          return batch.map(({ html, nonce }) => {
            const doc = new DOMParser().parseFromString(html, "text/html");
            return {
              injected: find(doc, nonce),
              text: doc.querySelector(selector)?.textContent ?? null,
            };
          });
        },
        { batch, selector, finder: findInjected.toString() },
      )),
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

test.describe.configure({ mode: "parallel" });

test("teacher names: stored trimmed, greeted as plain text, or refused with a message", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const problems: string[] = [];
  const made: { input: string; expected: string; cookie: string }[] = [];
  const attempts = INPUTS.flatMap((input) => tries(input, 80, TEACHER_NAME));
  await each(attempts, async (input) => {
    const email = `${unique("fuzz")}@sekolah.test`;
    const expected = TEACHER_NAME(input);
    // the password field gets the string too (inside an acceptable password), so odd text is hashed and kept
    const password = `${firstChars(input, 100)} ${PASSWORD}`;
    // each sign-up from its own address: sign-ups are throttled per address
    const answer = await submit(
      "/teacher/signup",
      "routes/teacher.signup",
      "",
      { name: input, email, password },
      { "X-Forwarded-For": freshAddress() },
    );
    if (!expected.ok) {
      const problem = refusalProblem(`sign-up ${show(input)}`, answer, "name", expected.key);
      if (problem) problems.push(problem);
      return;
    }
    // 200: a new account, answered with its recovery codes (shown once); 204: a redirect
    if (![200, 204].includes(answer.status) || !answer.cookie)
      return void problems.push(
        `sign-up ${show(input)}: ${answer.status} ${answer.text.slice(0, 100)}`,
      );
    const stored = testDb().prepare("SELECT name FROM teachers WHERE email = ?").get(email) as {
      name: string;
    };
    if (stored.name !== expected.value)
      problems.push(`sign-up ${show(input)}: stored ${show(stored.name)}`);
    made.push({ input, expected: expected.value, cookie: answer.cookie });
  });
  expect(problems.filter(Boolean)).toEqual([]);
  expect(made.length).toBeGreaterThan(300);

  // Every dashboard, server-rendered: parsed all together in the browser.
  const docs: { html: string; nonce: string }[] = [];
  await each(made, async (m, i) => {
    const response = await send({ method: "GET", url: "/teacher", cookie: m.cookie });
    if (response.status() !== 200)
      problems.push(`dashboard of ${show(m.input)}: ${response.status()}`);
    docs[i] = {
      html: await response.text(),
      nonce: /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1] ?? "",
    };
  });
  // about:blank has no CSP, so the checker can be compiled there; DOMParser runs no scripts
  const page = await browser.newPage();
  const parsed = await parseMany(page, docs, "main h1 + p");
  parsed.forEach((p, i) => {
    const want = translate("id", "accounts.dashboard.greeting", { name: made[i].expected });
    if (p.text !== want)
      problems.push(`dashboard of ${show(made[i].input)}: greeting ${show(p.text ?? "(none)")}`);
    problems.push(...p.injected.map((x) => `dashboard of ${show(made[i].input)}: ${x}`));
  });
  expect(problems.filter(Boolean)).toEqual([]);

  // And really rendered, hydrated, for a few of our payloads.
  const renderedNames = made.filter((x) => RENDERED.includes(x.input));
  // every payload meant for the browser really got there (a loop over nothing checks nothing)
  // (the payloads a teacher name may hold: all but the 81-character one)
  const acceptedNames = RENDERED.filter((r) => TEACHER_NAME(r).ok);
  expect(acceptedNames).toHaveLength(RENDERED.length - 1);
  expect(new Set(renderedNames.map((x) => x.input))).toEqual(new Set(acceptedNames));
  for (const m of renderedNames) {
    const opened = await openPage(browser, "/teacher", m.cookie);
    await expect(
      opened.page.getByText(translate("id", "accounts.dashboard.greeting", { name: m.expected }), {
        exact: true,
      }),
    ).toBeVisible();
    expectClean(opened.seen);
    await opened.close();
  }
});

test("class names and subjects, created and renamed: one dashboard shows them all as typed", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const problems: string[] = [];
  const creator = await createTeacher({ name: "Bu Pembuat" });
  const renamer = await createTeacher({ name: "Pak Pengubah" });
  const creatorCookie = (await sessionFor({ role: "teacher", id: creator.id })).header;
  const renamerCookie = (await sessionFor({ role: "teacher", id: renamer.id })).header;
  const created = new Map<number, { input: string; name: string; subject: string }>();
  const renamed = new Map<number, { input: string; name: string }>();

  await each(
    INPUTS.flatMap((input) => tries(input, 60, CLASS_NAME)),
    async (input) => {
      const name = CLASS_NAME(input);
      const subject = SUBJECT(input);
      const answer = await submit("/teacher?index", "routes/teacher._index", creatorCookie, {
        name: input,
        grade: "8",
        subject: input,
        timeZone: "WIB",
      });
      if (!name.ok || !subject.ok) {
        if (!name.ok)
          problems.push(refusalProblem(`class ${show(input)}`, answer, "name", name.key) ?? "");
        if (!subject.ok)
          problems.push(
            refusalProblem(`subject ${show(input)}`, answer, "subject", subject.key) ?? "",
          );
        return;
      }
      const id = Number(/^\/teacher\/classes\/(\d+)$/.exec(answer.location)?.[1]);
      if (answer.status !== 204 || !id)
        return void problems.push(
          `class ${show(input)}: ${answer.status} ${answer.text.slice(0, 100)}`,
        );
      const stored = testDb().prepare("SELECT name, subject FROM classes WHERE id = ?").get(id) as {
        name: string;
        subject: string;
      };
      if (stored.name !== name.value || stored.subject !== subject.value)
        problems.push(`class ${show(input)}: stored ${JSON.stringify(stored)}`);
      created.set(id, { input, name: name.value, subject: subject.value });
    },
  );

  await each(
    INPUTS.flatMap((input) => tries(input, 60, CLASS_NAME)),
    async (input) => {
      const klass = createClass(renamer.id, { name: unique("Kelas Lama") });
      const expected = CLASS_NAME(input);
      const answer = await submit(
        `/teacher/classes/${klass.id}?index`,
        "routes/teacher.classes.$classId._index",
        renamerCookie,
        {
          intent: "rename",
          name: input,
        },
      );
      const stored = (
        testDb().prepare("SELECT name FROM classes WHERE id = ?").get(klass.id) as { name: string }
      ).name;
      if (!expected.ok) {
        problems.push(refusalProblem(`rename ${show(input)}`, answer, "name", expected.key) ?? "");
        if (stored !== klass.name)
          problems.push(`rename ${show(input)}: refused but stored ${show(stored)}`);
        renamed.set(klass.id, { input, name: klass.name });
        return;
      }
      if (answer.status !== 204)
        return void problems.push(
          `rename ${show(input)}: ${answer.status} ${answer.text.slice(0, 100)}`,
        );
      if (stored !== expected.value) problems.push(`rename ${show(input)}: stored ${show(stored)}`);
      renamed.set(klass.id, { input, name: expected.value });
    },
  );
  expect(problems.filter(Boolean)).toEqual([]);
  expect(created.size).toBeGreaterThan(300);

  for (const [cookie, expected, withSubject] of [
    [creatorCookie, created, true],
    [renamerCookie, renamed, false],
  ] as const) {
    const opened = await openPage(browser, "/teacher", cookie);
    const shown = await opened.page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLAnchorElement>("li.card h3 a")).map((a) => ({
        id: Number(a.getAttribute("href")!.split("/").pop()),
        name: a.textContent,
        facts: a.closest("li")!.querySelector("p.muted")!.textContent,
      })),
    );
    expect(shown.length).toBe(expected.size);
    for (const s of shown) {
      const want = expected.get(s.id)!;
      if (s.name !== asShown(want.name))
        problems.push(
          `dashboard: class ${s.id} from ${show(want.input)} shows ${show(s.name ?? "")}`,
        );
      if (withSubject) {
        const facts = translate("id", "accounts.class.facts", {
          grade: "8",
          subject: created.get(s.id)!.subject,
          zone: "WIB",
        });
        if (s.facts !== facts)
          problems.push(`dashboard: facts of ${show(want.input)} show ${show(s.facts ?? "")}`);
      }
    }
    expectClean(opened.seen);
    await opened.close();
  }
  expect(problems.filter(Boolean)).toEqual([]);

  // The class page puts the name in the title, the heading and the roster caption.
  const renderedClasses = [...created].filter(([, c]) => RENDERED.includes(c.input));
  // (class name and subject hold at most 60 characters: four of the six payloads)
  const acceptedClasses = RENDERED.filter((r) => CLASS_NAME(r).ok && SUBJECT(r).ok);
  expect(acceptedClasses).toHaveLength(RENDERED.length - 2);
  expect(new Set(renderedClasses.map(([, c]) => c.input))).toEqual(new Set(acceptedClasses));
  for (const [id, c] of renderedClasses) {
    const opened = await openPage(browser, `/teacher/classes/${id}`, creatorCookie);
    await expect(opened.page.getByRole("heading", { level: 1 })).toHaveText(c.name);
    expect(await opened.page.title()).toBe(
      `${translate("id", "accounts.class.pageTitle", { name: c.name })} · Telaah`,
    );
    expectClean(opened.seen);
    await opened.close();
  }
});

test("display names, posts, CER parts, replies and feedback: what a pupil typed is what the teacher reads", async ({
  browser,
}) => {
  test.setTimeout(480_000);
  const problems: string[] = [];
  const lesson = seedLesson();
  const teacher = await createTeacher({ name: "Bu Pembaca" });
  const teacherCookie = (await sessionFor({ role: "teacher", id: teacher.id })).header;
  const klass = createClass(teacher.id, { name: "Kelas Uji Tulisan" });
  const assignments = [0, 1, 2].map(() => createAssignment(klass.id, { feedback: "immediate" }));

  // 1. Everyone joins with a naughty display name. Names that fold to one key: the first wins.
  type Pupil = { id: number; input: string; name: string; cookie: string };
  const pupils: Pupil[] = [];
  const attempts = INPUTS.flatMap((input) => tries(input, 40, DISPLAY_NAME));
  // A name is taken when a classmate's has the same key or the same confusable skeleton.
  const seenKeys = new Set<string>();
  const firsts: string[] = [];
  const rest: string[] = [];
  for (const input of attempts) {
    const expected = DISPLAY_NAME(input);
    const keys = expected.ok
      ? [nameKey(expected.value), `skeleton:${nameSkeleton(expected.value)}`]
      : [];
    if (expected.ok && !keys.some((k) => seenKeys.has(k))) {
      for (const k of keys) seenKeys.add(k);
      firsts.push(input);
    } else rest.push(input);
  }
  const taken = new Set<string>();
  for (const group of [firsts, rest]) {
    await each(group, async (input) => {
      const expected = DISPLAY_NAME(input);
      const answer = await submit("/join", "routes/join", "", {
        code: klass.joinCode,
        displayName: input,
        pin: "2468",
        pinConfirm: "2468",
      });
      if (!expected.ok)
        return void problems.push(
          refusalProblem(`join ${show(input)}`, answer, "displayName", expected.key) ?? "",
        );
      const key = nameKey(expected.value);
      const skeleton = `skeleton:${nameSkeleton(expected.value)}`;
      if (taken.has(key) || taken.has(skeleton))
        return void problems.push(
          refusalProblem(
            `join again ${show(input)}`,
            answer,
            "displayName",
            "accounts.join.nameTaken",
          ) ?? "",
        );
      if (answer.status !== 204 || !answer.cookie)
        return void problems.push(
          `join ${show(input)}: ${answer.status} ${answer.text.slice(0, 100)}`,
        );
      taken.add(key);
      taken.add(skeleton);
      const row = testDb()
        .prepare("SELECT id, display_name AS name FROM pupils WHERE class_id = ? AND name_key = ?")
        .get(klass.id, key) as {
        id: number;
        name: string;
      };
      if (row.name !== expected.value)
        problems.push(`join ${show(input)}: stored ${show(row.name)}`);
      pupils.push({ id: row.id, input, name: expected.value, cookie: answer.cookie });
    });
  }
  expect(problems.filter(Boolean)).toEqual([]);
  pupils.sort((a, b) => a.id - b.id);
  expect(pupils.length).toBeGreaterThanOrEqual(Math.ceil(INPUTS.length / 2));
  const byId = new Map(pupils.map((p) => [p.id, p]));

  // 2. Each string as an open response, as the three CER parts and as a reply, by pupil i mod n
  // (at most two strings each: one response per prompt, and under the 10-posts-a-minute limit).
  type Post = {
    id: number;
    assignmentId: number;
    author: Pupil;
    input: string;
    body?: string;
    cer?: [string, string, string];
    parent?: number;
  };
  const posts: Post[] = [];
  const PAD = "— tambahan supaya tanggapan ini cukup panjang";
  const discuss = (assignmentId: number) => `/pupil/assignments/${assignmentId}/discuss`;
  const DISCUSS_ID = "routes/pupil.assignments.$assignmentId.discuss";
  const postIdOf = (answer: Answer) => Number(/#post-(\d+)$/.exec(answer.location)?.[1]);
  const stored = (id: number) =>
    testDb()
      .prepare(
        "SELECT body, claim, evidence, reasoning, author_id AS authorId FROM posts WHERE id = ?",
      )
      .get(id) as {
      body: string;
      claim: string | null;
      evidence: string | null;
      reasoning: string | null;
      authorId: number;
    };

  await each(INPUTS, async (input, i) => {
    const author = pupils[i % pupils.length];
    const slot = Math.floor(i / pupils.length);
    const assignmentId = assignments[i % assignments.length];
    const url = discuss(assignmentId);

    // open response: the string itself, then (if refused for its length) with more words after it
    let openId = 0;
    for (const body of [input, `${input} ${PAD}`]) {
      const expected = OPEN(body);
      const answer = await submit(url, DISCUSS_ID, author.cookie, {
        intent: "respond",
        promptId: ["d3", "d4"][slot],
        body,
      });
      if (!expected.ok) {
        problems.push(refusalProblem(`open ${show(body)}`, answer, "body", expected.key) ?? "");
        continue;
      }
      openId = postIdOf(answer);
      if (answer.status !== 204 || !openId) {
        problems.push(`open ${show(body)}: ${answer.status} ${answer.text.slice(0, 100)}`);
        break;
      }
      const row = stored(openId);
      if (row.body !== expected.value || row.authorId !== author.id)
        problems.push(`open ${show(body)}: stored ${show(row.body)}`);
      posts.push({ id: openId, assignmentId, author, input, body: expected.value });
      break;
    }

    // CER: the string in all three parts, then wrapped in words when too short
    for (const parts of [
      [input, input, input],
      [
        `Klaim saya: ${input}`,
        `${input} — buktinya di paragraf 3`,
        `Alasan saya: ${input} — begitulah`,
      ],
    ] as const) {
      const expected = parts.map(CER);
      const answer = await submit(url, DISCUSS_ID, author.cookie, {
        intent: "respond",
        promptId: ["d1", "d2"][slot],
        claim: parts[0],
        evidence: parts[1],
        reasoning: parts[2],
      });
      const refusedFor = expected
        .map((e, k) => ({ e, field: ["claim", "evidence", "reasoning"][k] }))
        .filter((x) => !x.e.ok);
      if (refusedFor.length) {
        for (const { e, field } of refusedFor)
          problems.push(
            refusalProblem(
              `CER ${field} ${show(parts[0])}`,
              answer,
              field,
              (e as { key: string }).key,
            ) ?? "",
          );
        continue;
      }
      const id = postIdOf(answer);
      if (answer.status !== 204 || !id) {
        problems.push(`CER ${show(parts[0])}: ${answer.status} ${answer.text.slice(0, 100)}`);
        break;
      }
      const values = expected.map((e) => (e as { value: string }).value) as [
        string,
        string,
        string,
      ];
      const row = stored(id);
      if (
        row.claim !== values[0] ||
        row.evidence !== values[1] ||
        row.reasoning !== values[2] ||
        row.body !== values.join("\n\n")
      )
        problems.push(`CER ${show(parts[0])}: stored ${JSON.stringify(row).slice(0, 200)}`);
      posts.push({ id, assignmentId, author, input, cer: values });
      break;
    }

    // a reply to their own response
    if (!openId) return;
    for (const body of [input, `Re: ${input}`]) {
      const expected = REPLY(body);
      const answer = await submit(url, DISCUSS_ID, author.cookie, {
        intent: "reply",
        parentId: openId,
        body,
      });
      if (!expected.ok) {
        problems.push(refusalProblem(`reply ${show(body)}`, answer, "body", expected.key) ?? "");
        continue;
      }
      const id = postIdOf(answer);
      if (answer.status !== 204 || !id) {
        problems.push(`reply ${show(body)}: ${answer.status} ${answer.text.slice(0, 100)}`);
        break;
      }
      if (stored(id).body !== expected.value)
        problems.push(`reply ${show(body)}: stored ${show(stored(id).body)}`);
      posts.push({ id, assignmentId, author, input, body: expected.value, parent: openId });
      break;
    }
  });
  expect(problems.filter(Boolean)).toEqual([]);

  // 3. The teacher's private feedback on every open response, with the same strings.
  const feedback = new Map<number, string>();
  const opens = posts.filter((p) => p.body !== undefined && p.parent === undefined);
  await each(opens, async (post) => {
    for (const body of [post.input, `Catatan: ${post.input}`]) {
      const expected = FEEDBACK(body);
      const answer = await submit(
        `/teacher/assignments/${post.assignmentId}/discussion`,
        "routes/teacher.assignments.$assignmentId.discussion",
        teacherCookie,
        { intent: "feedback", postId: post.id, body },
      );
      if (!expected.ok) {
        problems.push(refusalProblem(`feedback ${show(body)}`, answer, "body", expected.key) ?? "");
        continue;
      }
      if (answer.status !== 204) {
        problems.push(`feedback ${show(body)}: ${answer.status} ${answer.text.slice(0, 100)}`);
        break;
      }
      const row = testDb()
        .prepare("SELECT body FROM post_feedback WHERE post_id = ?")
        .get(post.id) as { body: string };
      if (row.body !== expected.value)
        problems.push(`feedback ${show(body)}: stored ${show(row.body)}`);
      feedback.set(post.id, expected.value);
      break;
    }
  });
  expect(problems.filter(Boolean)).toEqual([]);

  // 4. What the teacher reads: the roster, each assignment's discussion, results, the CSV.
  const roster = await openPage(browser, `/teacher/classes/${klass.id}`, teacherCookie);
  const rosterNames = await roster.page.evaluate(() =>
    Array.from(document.querySelectorAll("tbody tr")).flatMap((tr) => {
      // the pupil's id, from the row's export link (/teacher/classes/:classId/pupils/:pupilId/export)
      const id = /\/pupils\/(\d+)\/export$/.exec(
        tr.querySelector("a[href$='/export']")?.getAttribute("href") ?? "",
      )?.[1];
      return id ? [{ id: Number(id), name: tr.querySelector("th")?.textContent ?? null }] : [];
    }),
  );
  expect(rosterNames.length).toBe(pupils.length);
  for (const r of rosterNames)
    if (r.name !== byId.get(r.id)?.name)
      problems.push(`roster: ${show(byId.get(r.id)?.input ?? "?")} shows ${show(r.name ?? "")}`);
  expectClean(roster.seen);
  await roster.close();

  type Shown = {
    id: number;
    author: string | null;
    body: string | null;
    cer: string[];
    feedback: string | null;
  };
  const readPosts = (page: Page) =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>("article.post[id^=post-]")).map(
        (article) => ({
          id: Number(article.id.slice(5)),
          author: article.querySelector(":scope > .byline > strong")?.textContent ?? null,
          body: article.querySelector(":scope > p.post-text")?.textContent ?? null,
          cer: Array.from(article.querySelectorAll(":scope > dl.cer dd > p.post-text")).map(
            (p) => p.textContent ?? "",
          ),
          feedback:
            article.querySelector(":scope > .feedback-box > p.post-text")?.textContent ?? null,
        }),
      ),
    );
  const compare = (
    where: string,
    shown: Shown[],
    expected: Post[],
    ownName?: string,
    ownId?: number,
  ) => {
    const map = new Map(shown.map((s) => [s.id, s]));
    for (const post of expected) {
      const s = map.get(post.id);
      if (!s) {
        problems.push(`${where}: post of ${show(post.input)} missing`);
        continue;
      }
      const author = post.author.id === ownId ? ownName : post.author.name;
      if (s.author !== author)
        problems.push(
          `${where}: author of ${show(post.input)} shows ${show(s.author ?? "")}, not ${show(author ?? "")}`,
        );
      if (post.body !== undefined && s.body !== asShown(post.body))
        problems.push(`${where}: ${show(post.body)} shows ${show(s.body ?? "")}`);
      if (post.cer && JSON.stringify(s.cer) !== JSON.stringify(post.cer.map(asShown)))
        problems.push(
          `${where}: CER of ${show(post.input)} shows ${JSON.stringify(s.cer).slice(0, 120)}`,
        );
    }
  };

  for (const assignmentId of assignments) {
    const mine = posts.filter((p) => p.assignmentId === assignmentId);
    const opened = await openPage(
      browser,
      `/teacher/assignments/${assignmentId}/discussion`,
      teacherCookie,
    );
    const shown = await readPosts(opened.page);
    compare(`teacher discussion ${assignmentId}`, shown, mine);
    for (const s of shown)
      if (feedback.has(s.id) && s.feedback !== asShown(feedback.get(s.id)!))
        problems.push(`feedback on ${s.id} shows ${show(s.feedback ?? "")}`);
    expectClean(opened.seen);
    await opened.close();

    // A classmate who answered the same prompts reads everyone's posts (post first: only those prompts);
    // one assignment is enough for that.
    if (assignmentId !== assignments[0]) continue;
    const reader = mine.find((p) => p.body !== undefined && p.parent === undefined)!.author;
    const readerPrompts = new Set(
      (
        testDb()
          .prepare(
            "SELECT prompt_id AS p FROM posts WHERE author_id = ? AND assignment_id = ? AND parent_id IS NULL",
          )
          .all(reader.id, assignmentId) as {
          p: string;
        }[]
      ).map((r) => r.p),
    );
    const promptOf = new Map(
      (
        testDb()
          .prepare("SELECT id, prompt_id AS p FROM posts WHERE assignment_id = ?")
          .all(assignmentId) as { id: number; p: string }[]
      ).map((r) => [r.id, r.p]),
    );
    const visible = mine.filter((p) => readerPrompts.has(promptOf.get(p.id)!));
    const pupilView = await openPage(browser, discuss(assignmentId), reader.cookie);
    const pupilShown = await readPosts(pupilView.page);
    compare(
      `pupil discussion ${assignmentId}`,
      pupilShown,
      visible,
      translate("id", "discuss.you"),
      reader.id,
    );
    for (const s of pupilShown) {
      const own = posts.find((p) => p.id === s.id)?.author.id === reader.id;
      if (own && feedback.has(s.id) && s.feedback !== asShown(feedback.get(s.id)!))
        problems.push(`own feedback on ${s.id} shows ${show(s.feedback ?? "")}`);
      if (!own && s.feedback !== null)
        problems.push(`pupil ${reader.id} reads the feedback on classmate's post ${s.id}`);
    }
    expectClean(pupilView.seen);
    await pupilView.close();
  }
  expect(problems.filter(Boolean)).toEqual([]);

  // Results pages and a pupil's own pages show the names too; the CSV keeps them, formulas defused.
  const submitted = pupils.slice(0, 40);
  for (const p of submitted) {
    const attempt = insertAttempt(assignments[0], p.id);
    testDb()
      .prepare(
        "UPDATE attempts SET submitted_at = ?, quiz_score = 3, quiz_max = ?, sort_score = 2, sort_max = ? WHERE id = ?",
      )
      .run(Date.now(), lesson.questions.length, lesson.sorting.length, attempt);
  }
  const results = await openPage(
    browser,
    `/teacher/assignments/${assignments[0]}/results`,
    teacherCookie,
  );
  const resultNames = await results.page.evaluate(
    (prefix) =>
      Array.from(document.querySelectorAll<HTMLAnchorElement>(`a[href^="${prefix}"]`)).map((a) => ({
        id: Number(a.getAttribute("href")!.split("/").pop()),
        name: a.textContent,
      })),
    `/teacher/assignments/${assignments[0]}/pupils/`,
  );
  expect(new Set(resultNames.map((r) => r.id)).size).toBe(pupils.length);
  for (const r of resultNames)
    if (r.name !== byId.get(r.id)?.name)
      problems.push(`results: ${show(byId.get(r.id)?.input ?? "?")} shows ${show(r.name ?? "")}`);
  expectClean(results.seen);
  await results.close();
  for (const url of [
    `/teacher/classes/${klass.id}/results`,
    `/teacher/assignments/${assignments[0]}/pupils/${submitted[0].id}`,
  ]) {
    const opened = await openPage(browser, url, teacherCookie);
    expectClean(opened.seen);
    await opened.close();
  }
  const markupNamed = pupils.filter((x) => /<|javascript:|\{\{/.test(x.input)).slice(0, 3);
  expect(markupNamed).toHaveLength(3);
  for (const p of markupNamed) {
    const home = await openPage(browser, "/pupil", p.cookie);
    await expect(home.page.getByRole("heading", { level: 1 })).toHaveText(
      translate("id", "accounts.pupilHome.greeting", { name: p.name }),
    );
    expectClean(home.seen);
    await home.close();
    const data = await openPage(browser, "/pupil/data", p.cookie);
    expect(await data.page.locator("main").textContent()).toContain(p.name);
    expectClean(data.seen);
    await data.close();
  }

  const csv = await send({
    method: "GET",
    url: `/teacher/assignments/${assignments[0]}/results.csv`,
    cookie: teacherCookie,
  });
  expect(csv.status()).toBe(200);
  const table = parseCsv(await csv.text(), { bom: true, relax_column_count: true }) as string[][];
  const csvNames = table.slice(1).map((row) => row[0]);
  const defused = (name: string) =>
    /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(name) ? `'${name}` : name;
  expect(csvNames.sort()).toEqual(pupils.map((p) => defused(p.name)).sort());
  expect(problems.filter(Boolean)).toEqual([]);
});

test("URL parameters (results sorting, join code, return addresses, highlights) never 500, never echo markup", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const problems: string[] = [];
  const teacher = await createTeacher();
  const teacherCookie = (await sessionFor({ role: "teacher", id: teacher.id })).header;
  const klass = createClass(teacher.id);
  const assignmentId = createAssignment(klass.id);
  for (const name of ["Ani", "Budi", "Citra"]) {
    const p = await createPupil(klass.id, { name: unique(name) });
    const attempt = insertAttempt(assignmentId, p.id);
    testDb()
      .prepare(
        "UPDATE attempts SET submitted_at = ?, quiz_score = 2, quiz_max = 8, sort_score = 1, sort_max = 8 WHERE id = ?",
      )
      .run(Date.now(), attempt);
  }
  // `data`: every string through the loader alone (what a script navigation fetches); `doc`: the
  // strings carrying markup characters as whole documents, which must not echo them raw.
  const pages = [
    {
      name: "results sort",
      cookie: teacherCookie,
      route: "routes/teacher.assignments.$assignmentId.results",
      doc: true,
      url: (s: string) =>
        `/teacher/assignments/${assignmentId}/results?sort=${encodeURIComponent(s)}&dir=${encodeURIComponent(s)}`,
    },
    {
      name: "join code",
      cookie: "",
      route: "routes/join",
      doc: true,
      url: (s: string) => `/join?code=${encodeURIComponent(s)}`,
    },
    // the sign-in page's loader ignores redirectTo; the page itself puts it in a hidden field
    {
      name: "sign-in return",
      cookie: "",
      route: null,
      doc: true,
      url: (s: string) => `/teacher/login?redirectTo=${encodeURIComponent(s)}`,
    },
    {
      name: "highlight",
      cookie: "",
      route: "routes/lessons.$slug",
      doc: false,
      url: (s: string) => `/lessons/${SEED_SLUG}?highlight=${encodeURIComponent(s)}`,
    },
  ];
  const scripts = (html: string) => (html.match(/<script\b/gi) ?? []).length;
  const baseline = new Map<string, number>();
  for (const p of pages)
    baseline.set(
      p.name,
      scripts(await (await send({ method: "GET", url: p.url("name"), cookie: p.cookie })).text()),
    );
  const SORT_KEYS = [
    "name",
    "status",
    "score",
    "quiz",
    "sort",
    "attempts",
    "time",
    "submitted",
    "late",
  ];

  await each(INPUTS, async (input) => {
    for (const p of pages) {
      if (p.route) {
        const data = await send({
          method: "GET",
          url: `${p.url(input)}&_data=${encodeURIComponent(p.route)}`,
          cookie: p.cookie,
        });
        if (data.status() !== 200) problems.push(`${p.name} ${show(input)}: data ${data.status()}`);
        const json = (await data.json().catch(() => ({}))) as {
          sort?: { key: string; dir: string };
          code?: string;
          highlight?: unknown;
        };
        if (
          p.name === "results sort" &&
          (!SORT_KEYS.includes(json.sort?.key ?? "") ||
            !["asc", "desc"].includes(json.sort?.dir ?? ""))
        )
          problems.push(`sort ${show(input)}: ${JSON.stringify(json.sort)}`);
        if (p.name === "join code" && (typeof json.code !== "string" || chars(json.code) > 16))
          problems.push(`join code ${show(input)}: ${show(String(json.code))}`);
        if (
          p.name === "highlight" &&
          !(
            Array.isArray(json.highlight) &&
            json.highlight.every((n) => Number.isInteger(n) && n >= 1)
          )
        )
          problems.push(`highlight ${show(input)}: ${JSON.stringify(json.highlight)}`);
      }
      if (!p.doc || !/[<>"'&]/.test(input)) continue;
      const response = await send({ method: "GET", url: p.url(input), cookie: p.cookie });
      const html = await response.text();
      if (response.status() !== 200)
        problems.push(`${p.name} ${show(input)}: ${response.status()}`);
      if (/[<>"]/.test(input) && input.trim().length > 2 && html.includes(input))
        problems.push(`${p.name} ${show(input)}: echoed raw`);
      if (scripts(html) !== baseline.get(p.name))
        problems.push(`${p.name} ${show(input)}: a different number of scripts`);
    }
    // The return address after switching the language (same rule as after sign-in): same site
    // only, as the string is and as a path (the branch that is accepted).
    for (const redirectTo of [input, `/${input}`]) {
      const lang = await send({
        method: "POST",
        url: "/lang",
        cookie: "",
        form: { lang: "id", redirectTo },
      });
      const to = lang.headers()["location"] ?? "";
      if (
        lang.status() !== 302 ||
        !to.startsWith("/") ||
        to.startsWith("//") ||
        to.startsWith("/\\") ||
        /[^\x21-\x7e]/.test(to)
      )
        problems.push(`lang redirectTo ${show(redirectTo)}: ${lang.status()} → ${show(to)}`);
      else if (new URL(to, "http://127.0.0.1").origin !== "http://127.0.0.1")
        problems.push(`lang redirectTo ${show(redirectTo)} leaves the site: ${to}`);
    }
  });
  expect(problems.filter(Boolean)).toEqual([]);

  for (const input of [RENDERED[1], `javascript:alert(1)`, `//evil.example/%2e%2e`]) {
    for (const p of pages.filter((x) => x.doc)) {
      const opened = await openPage(browser, p.url(input), p.cookie);
      expectClean(opened.seen);
      await opened.close();
    }
  }
});

test("other fields (email, sign-in, class code, PIN, recovery code, reset link, co-teacher email) never 500 and refuse with a message", async () => {
  test.setTimeout(240_000);
  const problems: string[] = [];
  const teacher = await createTeacher();
  const klass = createClass(teacher.id);
  const pupil = await createPupil(klass.id, { pin: "5555" });
  // A client address of its own: these forms count failures per address (and throttle with a 429).
  const ip = `2001:db8:f022::${Math.floor(Math.random() * 0xffff).toString(16)}`;
  const post = async (url: string, routeId: string, form: FormValues) => {
    const sep = url.includes("?") ? "&" : "?";
    const response = await send({
      method: "POST",
      url: `${url}${sep}_data=${encodeURIComponent(routeId)}`,
      cookie: "",
      form,
      headers: { "X-Forwarded-For": ip },
    });
    return { status: response.status(), text: await response.text() };
  };
  const ownerCookie = (await sessionFor({ role: "teacher", id: teacher.id })).header;
  const asOwner = async (url: string, routeId: string, form: FormValues) => {
    const response = await send({
      method: "POST",
      url: `${url}?_data=${encodeURIComponent(routeId)}`,
      cookie: ownerCookie,
      form,
    });
    return { status: response.status(), text: await response.text() };
  };
  const ok = (what: string, answer: { status: number; text: string }, allowed: number[]) => {
    if (!allowed.includes(answer.status))
      return void problems.push(`${what}: ${answer.status} ${answer.text.slice(0, 100)}`);
    if (answer.status === 400 || answer.status === 429) {
      let keys: string[] = [];
      try {
        keys = refusalKeys(JSON.parse(answer.text));
      } catch {
        keys = [];
      }
      if (!keys.length || !keys.every(isMessageKey))
        problems.push(`${what}: refused without a message: ${answer.text.slice(0, 100)}`);
    }
  };
  await each(INPUTS, async (input) => {
    ok(
      `sign-up email ${show(input)}`,
      await post("/teacher/signup", "routes/teacher.signup", {
        name: "Bu Uji",
        email: input,
        password: PASSWORD,
      }),
      [200, 204, 400, 429],
    );
    ok(
      `sign-in ${show(input)}`,
      await post("/teacher/login", "routes/teacher.login", { email: input, password: input }),
      [400, 429],
    );
    ok(
      `join code ${show(input)}`,
      await post("/join", "routes/join", {
        code: input,
        displayName: unique("Uji"),
        pin: "1234",
        pinConfirm: "1234",
      }),
      [204, 400, 429],
    );
    ok(
      `join PIN ${show(input)}`,
      await post("/join", "routes/join", {
        code: klass.joinCode,
        displayName: unique("Uji"),
        pin: input,
        pinConfirm: input,
      }),
      [204, 400, 429],
    );
    ok(
      `pupil sign-in ${show(input)}`,
      await post("/pupil/login", "routes/pupil.login", {
        code: klass.joinCode,
        displayName: pupil.name,
        pin: input,
      }),
      [400, 429],
    );
    ok(
      `forgot password ${show(input)}`,
      await post("/teacher/forgot", "routes/teacher.forgot", {
        email: input,
        code: input,
        password: input,
      }),
      [400, 429],
    );
    ok(
      `forgot password, code ${show(input)}`,
      await post("/teacher/forgot", "routes/teacher.forgot", {
        email: teacher.email,
        code: input,
        password: PASSWORD,
      }),
      [400, 429],
    );
    ok(
      `reset link ${show(input)}`,
      await post("/teacher/reset", "routes/teacher.reset", { token: input, password: input }),
      [400, 410, 429],
    );
    ok(
      `co-teacher email ${show(input)}`,
      await asOwner(
        `/teacher/classes/${klass.id}/teachers`,
        "routes/teacher.classes.$classId.teachers",
        { intent: "invite", email: input },
      ),
      [400, 429],
    );
    ok(
      `recovery codes password ${show(input)}`,
      await asOwner("/teacher/account", "routes/teacher.account", {
        intent: "recoveryCodes",
        currentPassword: input,
      }),
      [400, 429],
    );
  });
  expect(problems.filter(Boolean)).toEqual([]);
});

test("the live view's fields (the 'may need help' minutes, the projector's part) never 500 and fall back to the default", async () => {
  test.setTimeout(480_000);
  const teacher = await createTeacher();
  const klass = createClass(teacher.id);
  const assignmentId = createAssignment(klass.id);
  const cookie = (await sessionFor({ role: "teacher", id: teacher.id })).header;
  const problems: string[] = [];
  await each(INPUTS, async (input) => {
    for (const url of [
      `/teacher/assignments/${assignmentId}/live?help=${encodeURIComponent(input)}`,
      `/teacher/assignments/${assignmentId}/projector?item=${encodeURIComponent(input)}&reveal=${encodeURIComponent(input)}&authors=${encodeURIComponent(input)}`,
    ]) {
      const response = await send({ method: "GET", url, cookie });
      const text = await response.text();
      if (response.status() !== 200) problems.push(`${url}: ${response.status()}`);
      else if (text.includes("<script>window.__xss") || text.includes("<img src=x"))
        problems.push(`${url}: the input came back as markup`);
    }
  });
  expect(problems).toEqual([]);
});

test("the lesson editor's text fields (new lesson, source, lists, items, rubric, outside information, acceptance, import) store what was typed or refuse it with a message", async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const problems: string[] = [];
  const teacher = await createTeacher();
  const cookie = (await sessionFor({ role: "teacher", id: teacher.id })).header;
  const ARTICLE = [
    "Warga menuduh panitia menaikkan harga sewa kios.",
    "Panitia membantah tuduhan itu.",
    "Pasar baru dibuka bulan depan.",
  ];
  const NEW_ROUTE = "routes/teacher.lessons.new";
  // Thousands of requests on a loaded machine: a kept-alive connection the server closes just as the
  // next request goes out is a transport hiccup, not an answer, so that one request is sent again.
  const again = async <T>(go: () => Promise<T>): Promise<T> => {
    try {
      return await go();
    } catch (error) {
      if (!/ECONNRESET|socket hang up/.test(String(error))) throw error;
      return go();
    }
  };
  const EDIT_ROUTE = "routes/teacher.lessons.$lessonId._index";
  const SOURCE_OK = {
    language: "id",
    publishedAt: "2026-11-01",
    eventDateUnknown: "on",
    url: "https://contoh.test/a",
  };
  const RUBRIC = ["claim", "evidence", "reasoning"].flatMap((c) =>
    ["beginning", "developing", "proficient"].map((l) => `rubric_${c}_${l}`),
  );
  // The editor's documented normalisation, restated: fields trimmed; lists one entry per non-empty
  // line; the article split into paragraphs at blank lines, line breaks inside one made spaces.
  const trim = (s: string) => s.trim();
  const lines = (s: string) =>
    s
      .trim()
      .replace(/\r\n/g, "\n")
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
  const paragraphs = (s: string) =>
    s
      .trim()
      .replace(/\r\n/g, "\n")
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
      .filter(Boolean);
  const draftOf = (lessonId: number) =>
    JSON.parse(
      (
        testDb().prepare("SELECT draft FROM authored_lessons WHERE id = ?").get(lessonId) as {
          draft: string;
        }
      ).draft,
    );
  const create = async (title: string) => {
    const answer = await submit("/teacher/lessons/new", NEW_ROUTE, cookie, {
      intent: "create",
      title,
      article: ARTICLE.join("\n\n"),
      gradeBand: "SMP",
      outlet: "Kabar",
      authorUnknown: "on",
      ...SOURCE_OK,
    });
    const lessonId = Number(/\/teacher\/lessons\/(\d+)$/.exec(answer.location)?.[1]);
    expect(lessonId, answer.text.slice(0, 200)).toBeGreaterThan(0);
    return lessonId;
  };
  /** A lesson with one question, statement and prompt, and an open warning to accept. */
  const base = async (title: string) => {
    const lessonId = await create(title);
    const post = (form: FormValues) =>
      again(() => submit(`/teacher/lessons/${lessonId}?index`, EDIT_ROUTE, cookie, form));
    const q = {
      skill: "allegation-evidence",
      stem: "Siapa yang menuduh?",
      option_a: "Warga",
      option_b: "Panitia",
      option_c: "Kepala desa",
      correct: "a",
      explanation: "Paragraf 1: warga menuduh.",
      evidence: "1",
    };
    for (const form of <FormValues[]>[
      { intent: "question", itemId: "", ...q },
      {
        intent: "sorting",
        itemId: "",
        quote: "Panitia membantah tuduhan itu",
        paragraph: "2",
        category: "denial",
        explanation: "Bantahan.",
      },
      {
        intent: "prompt",
        itemId: "",
        mode: "open",
        prompt: "Apakah tuduhan terbukti?",
        guidance: "Tuduhan bukan bukti.",
      },
    ])
      expect((await post(form)).status).toBe(200);
    return { lessonId, post, q };
  };

  type Check = {
    what: string;
    form: (s: string) => FormValues;
    stored: (d: Lesson, s: string) => string | null;
    newLesson?: true;
  };
  type Lesson = ReturnType<typeof draftOf>;
  // Each check puts the input into some fields and says where the accepted value must be found.
  const CHECKS: Check[] = [
    {
      what: "new lesson: title, article, grade, outlet, author, note",
      newLesson: true,
      form: (s) => ({
        intent: "create",
        title: s,
        article: s,
        gradeBand: s,
        outlet: s,
        author: s,
        note: s,
        ...SOURCE_OK,
      }),
      stored: (d, s) =>
        d.title === trim(s) &&
        JSON.stringify(d.paragraphs) === JSON.stringify(paragraphs(s)) &&
        d.gradeBand === trim(s) &&
        d.source.outlet === trim(s) &&
        d.source.author === trim(s) &&
        d.source.note === trim(s)
          ? null
          : JSON.stringify([d.title, d.paragraphs, d.gradeBand, d.source]).slice(0, 200),
    },
    {
      what: "new lesson: dates and link",
      newLesson: true,
      form: (s) => ({
        intent: "create",
        title: "Judul",
        article: "Satu paragraf.",
        gradeBand: "SMP",
        outlet: "Kabar",
        authorUnknown: "on",
        language: "id",
        publishedAt: s,
        eventDate: s,
        url: s,
      }),
      stored: (d, s) =>
        d.source.publishedAt === trim(s) &&
        d.source.eventDate === trim(s) &&
        d.source.url === trim(s)
          ? null
          : JSON.stringify(d.source).slice(0, 200),
    },
    {
      what: "editor: article and source",
      form: (s) => ({
        intent: "meta",
        title: s,
        article: s,
        gradeBand: "SMP",
        estimatedMinutes: "45",
        outlet: s,
        authorUnknown: "on",
        note: s,
        ...SOURCE_OK,
      }),
      stored: (d, s) =>
        d.title === trim(s) &&
        JSON.stringify(d.paragraphs) === JSON.stringify(paragraphs(s)) &&
        d.source.note === trim(s)
          ? null
          : JSON.stringify([d.title, d.paragraphs]).slice(0, 200),
    },
    {
      what: "editor: objectives, glossary, speakers, teacher notes",
      form: (s) => ({
        intent: "lists",
        objectives: s,
        glossary: `istilah: ${s}`,
        speakers: s,
        teacherNotes: s,
      }),
      stored: (d, s) =>
        JSON.stringify(d.objectives) === JSON.stringify(lines(s)) &&
        JSON.stringify(d.teacherNotes) === JSON.stringify(lines(s)) &&
        JSON.stringify(d.speakers.map((x: { label: string }) => x.label)) ===
          JSON.stringify(lines(s))
          ? null
          : JSON.stringify([d.objectives, d.speakers]).slice(0, 200),
    },
    {
      what: "editor: question stem, option, explanation, Part B",
      form: (s) => ({
        intent: "question",
        itemId: "q1",
        skill: "sourcing",
        stem: s,
        option_a: s,
        option_b: "Panitia",
        option_c: "Kepala desa",
        correct: "a",
        explanation: s,
        evidence: "1",
        twoPart: "on",
        partBStem: s,
        partB_quote_a: "Warga menuduh panitia",
        partB_paragraph_a: "1",
        partB_quote_b: "Panitia membantah",
        partB_paragraph_b: "2",
        partB_quote_c: "Pasar baru dibuka",
        partB_paragraph_c: "3",
        partBCorrect: "a",
        partBExplanation: s,
      }),
      stored: (d, s) => {
        const q = d.questions[0];
        return q.stem === trim(s) &&
          q.options[0].text === trim(s) &&
          q.explanation === trim(s) &&
          q.partB?.stem === trim(s) &&
          q.partB?.explanation === trim(s)
          ? null
          : JSON.stringify(q).slice(0, 200);
      },
    },
    {
      what: "editor: sorting quotation and explanation",
      form: (s) => ({
        intent: "sorting",
        itemId: "s1",
        quote: s,
        paragraph: "2",
        category: "denial",
        explanation: s,
      }),
      stored: (d, s) =>
        d.sorting[0].quote === trim(s) && d.sorting[0].explanation === trim(s)
          ? null
          : JSON.stringify(d.sorting[0]).slice(0, 200),
    },
    {
      what: "editor: sorting explanation (quotation verbatim)",
      form: (s) => ({
        intent: "sorting",
        itemId: "s1",
        quote: "Panitia membantah",
        paragraph: "2",
        category: "denial",
        explanation: s,
      }),
      stored: (d, s) =>
        d.sorting[0].explanation === trim(s) ? null : JSON.stringify(d.sorting[0]).slice(0, 200),
    },
    {
      what: "editor: prompt, guidance, rubric",
      form: (s) => ({
        intent: "prompt",
        itemId: "d1",
        mode: "cer",
        prompt: s,
        guidance: s,
        ...Object.fromEntries(RUBRIC.map((r) => [r, s])),
      }),
      stored: (d, s) => {
        const p = d.prompts[0];
        return p.prompt === trim(s) &&
          p.guidance === trim(s) &&
          p.rubric?.claim.beginning === trim(s) &&
          p.rubric?.reasoning.proficient === trim(s)
          ? null
          : JSON.stringify(p).slice(0, 200);
      },
    },
    {
      what: "editor: outside information",
      form: (s) => ({
        intent: "outside",
        outsideTitle: s,
        fact_date_0: s,
        fact_source_0: s,
        fact_text_0: s,
        caveat: s,
      }),
      stored: (d, s) => {
        const o = d.outsideInfo;
        if (!trim(s)) return o === undefined ? null : "kept outside information for an empty form";
        return o?.title === trim(s) &&
          o.facts[0].date === trim(s) &&
          o.facts[0].text === trim(s) &&
          o.caveat === trim(s)
          ? null
          : JSON.stringify(o).slice(0, 200);
      },
    },
    {
      what: "editor: reason for accepting a warning",
      form: (s) => ({
        intent: "acknowledge",
        itemId: "small-category:opinion",
        check: "small-category",
        item: "opinion",
        reason: s,
      }),
      stored: (d, s) =>
        d.acknowledged.at(-1)?.reason === trim(s)
          ? null
          : JSON.stringify(d.acknowledged).slice(0, 200),
    },
  ];

  // Four lanes, each with its own lessons: saves to one lesson are read-modify-write, so one at a time.
  const lanes = Array.from({ length: CONCURRENCY }, (_, lane) =>
    INPUTS.filter((_, i) => i % CONCURRENCY === lane),
  );
  await Promise.all(
    lanes.map(async (inputs, lane) => {
      const { lessonId, post } = await base(`Jalur ${lane}`);
      for (const input of inputs) {
        for (const check of CHECKS) {
          const answer = check.newLesson
            ? await again(() =>
                submit("/teacher/lessons/new", NEW_ROUTE, cookie, check.form(input)),
              )
            : await post(check.form(input));
          const where = `${check.what} ${show(input)}`;
          if (answer.status === 400) {
            const keys = Object.values(answer.errors);
            if (!keys.length || !keys.every(isMessageKey))
              problems.push(`${where}: refused without a message: ${answer.text.slice(0, 120)}`);
            continue;
          }
          const made = check.newLesson
            ? Number(/\/teacher\/lessons\/(\d+)$/.exec(answer.location)?.[1])
            : lessonId;
          if (!(answer.status === 200 || (check.newLesson && answer.status === 204 && made))) {
            problems.push(`${where}: ${answer.status} ${answer.text.slice(0, 120)}`);
            continue;
          }
          const wrong = check.stored(draftOf(made), input);
          if (wrong) problems.push(`${where}: stored ${wrong}`);
          if (check.newLesson)
            testDb().prepare("DELETE FROM authored_lessons WHERE id = ?").run(made);
          // an accepted warning is taken back, so the next input can accept it again
          if (answer.status === 200 && check.form(input).intent === "acknowledge")
            await post({
              intent: "unacknowledge",
              index: draftOf(lessonId).acknowledged.length - 1,
            });
        }
        // A lesson file: the input as the whole file, and as its title.
        for (const text of [
          input,
          smallLessonFile().replace(/^title: .*$/m, `title: ${JSON.stringify(input)}`),
        ]) {
          const answer = await again(() =>
            send({
              method: "POST",
              url: `/teacher/lessons/import?_data=${encodeURIComponent("routes/teacher.lessons.import")}`,
              cookie,
              form: { file: text },
            }),
          );
          const status = answer.status();
          const body = await answer.text();
          if (status === 204) {
            const made = Number(
              /\/teacher\/lessons\/(\d+)$/.exec(answer.headers()["x-remix-redirect"] ?? "")?.[1],
            );
            if (draftOf(made).title !== trim(input))
              problems.push(`import title ${show(input)}: stored ${show(draftOf(made).title)}`);
            testDb().prepare("DELETE FROM authored_lessons WHERE id = ?").run(made);
          } else if (status !== 400)
            problems.push(`import ${show(input)}: ${status} ${body.slice(0, 120)}`);
          else {
            const keys = refusalKeys(JSON.parse(body));
            if (!keys.length || !keys.every(isMessageKey))
              problems.push(
                `import ${show(input)}: refused without a message: ${body.slice(0, 120)}`,
              );
          }
        }
      }
    }),
  );
  expect(problems.filter(Boolean)).toEqual([]);

  // Every field holding a payload, shown in the editor and the preview's steps, hydrated; the library lists all their titles.
  for (const payload of RENDERED) {
    const { lessonId, post } = await base(firstChars(payload, 300));
    for (const check of CHECKS.filter(
      (c) => !c.newLesson && c.what !== "editor: sorting quotation and explanation",
    ))
      await post(check.form(payload));
    const preview = `/teacher/lessons/${lessonId}/preview`;
    // the editor shows one item's form at a time (decision 094): each item opened once
    for (const url of [
      `/teacher/lessons/${lessonId}?edit=q1`,
      `/teacher/lessons/${lessonId}?edit=s1`,
      `/teacher/lessons/${lessonId}?edit=d1`,
      preview,
      `${preview}?step=sort`,
      `${preview}?step=quiz`,
      `${preview}?step=discuss`,
    ]) {
      const opened = await openPage(browser, url, cookie);
      expectClean(opened.seen);
      await opened.close();
    }
  }
  const library = await openPage(browser, "/teacher/lessons?owner=mine", cookie);
  for (const payload of RENDERED)
    await expect(
      library.page.getByText(firstChars(payload, 300).trim(), { exact: true }).first(),
    ).toBeVisible();
  expectClean(library.seen);
  await library.close();
});

/** A small valid lesson file (the import fuzz needs many; the seed file is large). */
function smallLessonFile(): string {
  return [
    "---",
    'slug: "fuzz-impor"',
    'title: "Judul"',
    'language: "id"',
    "source:",
    '  outlet: "Kabar"',
    "  author: null",
    "  publishedAt: null",
    "  eventDate: null",
    'gradeBand: "SMP"',
    "estimatedMinutes: 45",
    "objectives:",
    '  - "Membedakan tuduhan dari bukti."',
    "glossary: []",
    "questions:",
    '  - id: "q1"',
    '    skill: "comprehension"',
    '    stem: "Siapa yang menuduh?"',
    "    options:",
    '      - { id: "a", text: "Warga" }',
    '      - { id: "b", text: "Panitia" }',
    '      - { id: "c", text: "Kepala desa" }',
    '    correct: "a"',
    '    explanation: "Paragraf 1."',
    "    evidence: [1]",
    "---",
    "",
    "Warga menuduh panitia menaikkan harga sewa kios.",
    "",
  ].join("\n");
}
test("roster lists, renamed pupils and next year's class names: each line stored as typed or the list refused naming it", async ({
  browser,
}) => {
  test.setTimeout(480_000);
  const problems: string[] = [];
  const teacher = await createTeacher({ name: "Bu Daftar" });
  const cookie = (await sessionFor({ role: "teacher", id: teacher.id })).header;
  const ROSTER_ID = "routes/teacher.classes.$classId.roster";
  const made: { classId: number; input: string; names: string[] }[] = [];

  // 1. Each string pasted as a whole list into its own class: every line must pass the joining rules
  // and differ (in its skeleton) from the lines before it, or nothing is created.
  await each(INPUTS, async (input) => {
    const klass = createClass(teacher.id, { name: unique("Kelas Daftar") });
    const lines = input.split(/\r\n?|\n/).filter((l) => l.trim() !== "");
    const checked = lines.map(DISPLAY_NAME);
    const skeletons = checked.map((c) => (c.ok ? nameSkeleton(c.value) : ""));
    const acceptable =
      lines.length > 0 &&
      lines.length <= 60 &&
      checked.every((c) => c.ok) &&
      new Set(skeletons).size === skeletons.length;
    const answer = await submit(`/teacher/classes/${klass.id}/roster`, ROSTER_ID, cookie, {
      names: input,
    });
    const stored = (
      testDb()
        .prepare("SELECT display_name AS n FROM pupils WHERE class_id = ? ORDER BY id")
        .all(klass.id) as { n: string }[]
    ).map((r) => r.n);
    if (!acceptable) {
      const key =
        lines.length === 0
          ? "roster.v.empty"
          : lines.length > 60
            ? "roster.v.tooMany"
            : "roster.v.lines";
      problems.push(refusalProblem(`list ${show(input)}`, answer, "names", key) ?? "");
      if (stored.length) problems.push(`list ${show(input)}: refused but stored ${stored.length}`);
      return;
    }
    const want = checked.map((c) => (c.ok ? c.value : ""));
    if (answer.status !== 200)
      return void problems.push(
        `list ${show(input)}: ${answer.status} ${answer.text.slice(0, 100)}`,
      );
    if (JSON.stringify(stored) !== JSON.stringify(want))
      problems.push(`list ${show(input)}: stored ${JSON.stringify(stored).slice(0, 120)}`);
    made.push({ classId: klass.id, input, names: want });
  });
  expect(problems.filter(Boolean)).toEqual([]);
  // (about half of the strings are acceptable names; the rest are refused above with their message)
  expect(made.length).toBeGreaterThan(200);

  // 2. Each string as a new name for a pupil (the only one of their class: nothing to collide with).
  const RENAME_ID = "routes/teacher.classes.$classId.pupils.$pupilId.rename";
  await each(
    INPUTS.flatMap((input) => tries(input, 40, DISPLAY_NAME)),
    async (input) => {
      const klass = createClass(teacher.id, { name: unique("Kelas Ganti") });
      const pupil = await createPupil(klass.id, { name: "Awal" });
      const expected = DISPLAY_NAME(input);
      const answer = await submit(
        `/teacher/classes/${klass.id}/pupils/${pupil.id}/rename`,
        RENAME_ID,
        cookie,
        { displayName: input },
      );
      const stored = (
        testDb().prepare("SELECT display_name AS n FROM pupils WHERE id = ?").get(pupil.id) as {
          n: string;
        }
      ).n;
      if (!expected.ok) {
        problems.push(
          refusalProblem(`rename ${show(input)}`, answer, "displayName", expected.key) ?? "",
        );
        if (stored !== "Awal")
          problems.push(`rename ${show(input)}: refused but stored ${show(stored)}`);
        return;
      }
      if (answer.status !== 204)
        return void problems.push(
          `rename ${show(input)}: ${answer.status} ${answer.text.slice(0, 100)}`,
        );
      if (stored !== expected.value) problems.push(`rename ${show(input)}: stored ${show(stored)}`);
    },
  );
  expect(problems.filter(Boolean)).toEqual([]);

  // 3. Each string as the name and subject of next year's class (copied from a class of this teacher).
  const source = createClass(teacher.id, { name: "Kelas Sumber" });
  await each(
    INPUTS.flatMap((input) => tries(input, 60, CLASS_NAME)),
    async (input) => {
      const name = CLASS_NAME(input);
      const subject = SUBJECT(input);
      const answer = await submit(
        `/teacher/classes/${source.id}/copy`,
        "routes/teacher.classes.$classId.copy",
        cookie,
        {
          name: input,
          grade: "9",
          subject: input,
          timeZone: "WIB",
        },
      );
      if (!name.ok || !subject.ok) {
        if (!name.ok)
          problems.push(refusalProblem(`next year ${show(input)}`, answer, "name", name.key) ?? "");
        if (!subject.ok)
          problems.push(
            refusalProblem(`next year subject ${show(input)}`, answer, "subject", subject.key) ??
              "",
          );
        return;
      }
      const id = Number(/^\/teacher\/classes\/(\d+)$/.exec(answer.location)?.[1]);
      if (answer.status !== 204 || !id)
        return void problems.push(
          `next year ${show(input)}: ${answer.status} ${answer.text.slice(0, 100)}`,
        );
      const stored = testDb().prepare("SELECT name, subject FROM classes WHERE id = ?").get(id) as {
        name: string;
        subject: string;
      };
      if (stored.name !== name.value || stored.subject !== subject.value)
        problems.push(`next year ${show(input)}: stored ${JSON.stringify(stored)}`);
    },
  );
  expect(problems.filter(Boolean)).toEqual([]);

  // 4. The cards of the payload lists, rendered and hydrated: names as plain text, nothing injected.
  const rendered = made.filter((m) => RENDERED.includes(m.input));
  // (a display name holds at most 40 characters: two of the six payloads)
  expect(new Set(rendered.map((m) => m.input))).toEqual(
    new Set(RENDERED.filter((r) => DISPLAY_NAME(r).ok)),
  );
  for (const m of rendered) {
    const opened = await openPage(browser, `/teacher/classes/${m.classId}/cards`, cookie);
    await expect(opened.page.locator(".sign-in-cards .card-name")).toHaveText(m.names.map(asShown));
    expectClean(opened.seen);
    await opened.close();
  }
  // and a refused list shown back with its lines named, as a document (no scripts run)
  const docs: { html: string; nonce: string }[] = [];
  const refusedList = RENDERED.join("\n") + "\n" + RENDERED[0];
  const klass = createClass(teacher.id, { name: unique("Kelas Tolak") });
  const response = await send({
    method: "POST",
    url: `/teacher/classes/${klass.id}/roster`,
    cookie,
    form: { names: refusedList },
  });
  expect(response.status()).toBe(400);
  docs.push({
    html: await response.text(),
    nonce: /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1] ?? "",
  });
  const page = await browser.newPage();
  const [parsed] = await parseMany(page, docs, 'textarea[name="names"]');
  expect(parsed.injected).toEqual([]);
  expect(parsed.text).toBe(refusedList);
});

test("date fields (due, opening, one pupil's extension) never 500 and refuse with a message next to the field", async () => {
  test.setTimeout(480_000);
  const teacher = await createTeacher();
  const klass = createClass(teacher.id);
  const pupil = await createPupil(klass.id);
  const assignmentId = createAssignment(klass.id);
  const cookie = (await sessionFor({ role: "teacher", id: teacher.id })).header;
  const future = new Date(Date.now() + 10 * 24 * 3600_000).toISOString().slice(0, 16);
  const problems: string[] = [];
  const post = async (what: string, url: string, routeId: string, form: FormValues) => {
    const response = await send({
      method: "POST",
      url: `${url}?_data=${encodeURIComponent(routeId)}`,
      cookie,
      form,
    });
    const text = await response.text();
    // 204: a Remix redirect (the input was a valid or empty date); 400: refused with message keys
    if (![204, 400].includes(response.status()))
      return void problems.push(`${what}: ${response.status()} ${text.slice(0, 100)}`);
    if (response.status() === 400) {
      const keys = refusalKeys(JSON.parse(text));
      if (!keys.length || !keys.every(isMessageKey))
        problems.push(`${what}: refused without a message: ${text.slice(0, 100)}`);
    }
  };
  const settings = { maxAttempts: "1", counting: "highest", feedback: "immediate" };
  await each(INPUTS, async (input) => {
    await post(`assign opens ${show(input)}`, "/teacher/assign", "routes/teacher.assign", {
      lesson: SEED_SLUG,
      classId: [klass.id],
      due: future,
      opens: input,
      ...settings,
    });
    await post(`assign due ${show(input)}`, "/teacher/assign", "routes/teacher.assign", {
      lesson: SEED_SLUG,
      classId: [klass.id],
      due: input,
      ...settings,
    });
    await post(
      `edit opens ${show(input)}`,
      `/teacher/assignments/${assignmentId}`,
      "routes/teacher.assignments.$assignmentId._index",
      { intent: "settings", due: future, opens: input, ...settings },
    );
    const pupilPage = `/teacher/assignments/${assignmentId}/pupils/${pupil.id}`;
    const route = "routes/teacher.assignments.$assignmentId.pupils.$pupilId";
    await post(`extension due ${show(input)}`, pupilPage, route, {
      intent: "extend",
      due: input,
      extraAttempts: "1",
    });
    await post(`extension attempts ${show(input)}`, pupilPage, route, {
      intent: "extend",
      due: "",
      extraAttempts: input,
    });
  });
  expect(problems).toEqual([]);
});
