// Property tests (fast-check) for the validators people's input goes through and for the CSV
// export's formula escaping: stated as rules over all inputs rather than a few examples.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { parse as parseCsv } from "csv-parse/sync";
import { parseLesson } from "~/content/parse";
import type { AssignmentResults } from "~/models/results.server";
import {
  displayName,
  newPassword,
  pin as pinSchema,
  joinCode,
  className,
} from "~/utils/accounts-schemas";
import { settingsSchema } from "~/utils/assignment-form";
import { isCommonPassword } from "~/utils/common-passwords";
import { LIMITS, textField, type LimitKind } from "~/utils/discussion";
import {
  generateJoinCode,
  isJoinCodeShape,
  JOIN_CODE_ALPHABET,
  normalizeJoinCode,
} from "~/utils/join-code";
import { cleanDisplayName, DISPLAY_NAME_MAX, nameKey } from "~/utils/name-key";
import { passwordProblem, PASSWORD_MAX, PASSWORD_MIN } from "~/utils/password-policy";
import { generatePin, isValidPin } from "~/utils/pin";
import { resultsCsv } from "~/utils/results-csv";

// auth.server opens the database when imported: a throw-away file, never data/telaah.db
process.env.DATABASE_PATH = path.join(
  fs.mkdtempSync(path.join(os.tmpdir(), "telaah-properties-")),
  "telaah.db",
);
const { safeRedirect } = await import("~/utils/auth.server");

const RUNS = { numRuns: 500 };
const codePoints = (s: string) => [...s].length;
/** Any text, including astral characters, controls and odd whitespace. */
const anyText = fc.string({ unit: "binary", maxLength: 60 });
const spaces = fc.constantFrom(" ", "\t", "\n", "\r\n", "\u00a0", "\u3000", "\u2003");

test("password policy: decided by length in characters, then the common list; never throws", () => {
  fc.assert(
    fc.property(fc.string({ unit: "binary", maxLength: 160 }), (password) => {
      const n = codePoints(password);
      const expected =
        n < PASSWORD_MIN
          ? "accounts.v.passwordShort"
          : n > PASSWORD_MAX
            ? "accounts.v.passwordLong"
            : isCommonPassword(password)
              ? "accounts.v.passwordCommon"
              : null;
      assert.equal(passwordProblem(password), expected);
      // the form's schema says the same (an empty one is "required")
      const parsed = newPassword.safeParse(password);
      assert.equal(parsed.success, expected === null);
      if (!parsed.success)
        assert.equal(parsed.error.issues[0].message, password === "" ? "v.required" : expected);
    }),
    RUNS,
  );
  // 8 astral characters are 16 UTF-16 units but 8 characters: long enough, not too long
  fc.assert(
    fc.property(
      fc.string({ unit: fc.constantFrom("😀", "𝔸", "𠀋"), minLength: 8, maxLength: 128 }),
      (password) => {
        assert.equal(passwordProblem(password), null);
      },
    ),
  );
});

test("join codes: generated ones have the shape; any loose typing of a code normalises back to it", () => {
  const bytes = fc.uint8Array({ minLength: 16, maxLength: 16 });
  // generateJoinCode asks for more bytes when it rejects some: feed it from an endless stream
  const codeFrom = (seed: Uint8Array) => {
    let i = 0;
    return generateJoinCode((n) =>
      Uint8Array.from({ length: n }, () => seed[i++ % seed.length] ^ ((i * 37) % 251)),
    );
  };
  const loose = fc.record({
    seed: bytes,
    lower: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    wide: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    gaps: fc.array(fc.constantFrom("", "", " ", "-", "\u2013", "\u2014", "\u2011", " - ", "\t"), {
      minLength: 9,
      maxLength: 9,
    }),
  });
  fc.assert(
    fc.property(loose, ({ seed, lower, wide, gaps }) => {
      const code = codeFrom(seed);
      assert.ok(isJoinCodeShape(code), code);
      const typed =
        gaps[0] +
        [...code]
          .map((ch, i) => {
            let c = lower[i] ? ch.toLowerCase() : ch;
            // full-width forms, as some phone keyboards type them
            if (wide[i]) c = String.fromCodePoint(c.codePointAt(0)! + 0xfee0);
            return c + gaps[i + 1];
          })
          .join("");
      assert.equal(normalizeJoinCode(typed), code);
      assert.equal(joinCode.parse(typed), code);
    }),
    RUNS,
  );
  fc.assert(
    fc.property(anyText, (s) => {
      const out = normalizeJoinCode(s);
      assert.doesNotMatch(out, /[\s\-‐‑‒–—]/u);
      assert.equal(normalizeJoinCode(out.toLowerCase()), normalizeJoinCode(out));
    }),
    RUNS,
  );
  assert.ok([...JOIN_CODE_ALPHABET].every((c) => normalizeJoinCode(c) === c));
  // a counterexample fast-check once found: U+1FD2 upper-cases to a decomposed sequence
  const iota = normalizeJoinCode("\u1fd2");
  assert.equal(normalizeJoinCode(iota.toLowerCase()), normalizeJoinCode(iota));
});

test("name key: spacing, letter case and full-width forms never make two names", () => {
  fc.assert(
    fc.property(
      anyText,
      fc.array(spaces, { minLength: 2, maxLength: 2 }),
      (name, [before, after]) => {
        const key = nameKey(name);
        assert.equal(nameKey(`${before}${name}${after}`), key);
        assert.equal(nameKey(cleanDisplayName(name)), key);
        assert.equal(nameKey(key), key, "a key is its own key");
        assert.equal(key, key.trim());
        assert.doesNotMatch(key, /\s{2}/);
      },
    ),
    RUNS,
  );
  fc.assert(
    fc.property(fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,30}$/), (ascii) => {
      const wide = [...ascii]
        .map((c) => (c === " " ? "\u3000" : String.fromCodePoint(c.codePointAt(0)! + 0xfee0)))
        .join("");
      assert.equal(nameKey(ascii.toUpperCase()), nameKey(ascii.toLowerCase()));
      assert.equal(nameKey(wide), nameKey(ascii));
    }),
    RUNS,
  );
});

test("display names and class names: stored cleaned, refused when empty, too long, invisible or stacked", () => {
  fc.assert(
    fc.property(fc.oneof(anyText, fc.string({ maxLength: 50 })), (input) => {
      const cleaned = input.trim().replace(/\s+/g, " ");
      // display names: NFKC first, then nothing invisible and at most three marks in a row
      const name = input.normalize("NFKC").trim().replace(/\s+/g, " ");
      const invisible =
        /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Cn}\p{Default_Ignorable_Code_Point}\u115F\u1160\u3164\uFFA0\u2800]/u;
      const ok =
        name.length > 0 &&
        codePoints(name) <= DISPLAY_NAME_MAX &&
        !invisible.test(name) &&
        !/\p{M}{4}/u.test(name);
      const parsed = displayName.safeParse(input);
      assert.equal(parsed.success, ok, JSON.stringify(input));
      if (parsed.success) assert.equal(parsed.data, name);
      const klass = className.safeParse(input);
      assert.equal(
        klass.success,
        cleaned.length > 0 && codePoints(cleaned) <= 60 && !/\p{Cc}/u.test(cleaned),
      );
    }),
    RUNS,
  );
});

/**
 * What a discussion field stores, stated on its own: every CR LF pair and every lone CR becomes one
 * LF, then whitespace (as String.prototype.trim defines it) goes from both ends. Walks the text by
 * hand rather than calling the app's helper.
 */
function expectedText(input: string): string {
  let out = "";
  for (let i = 0; i < input.length; i++) {
    if (input[i] === "\r") {
      out += "\n";
      if (input[i + 1] === "\n") i++;
    } else out += input[i];
  }
  const isSpace = (c: string) => c.trim() === "";
  let start = 0;
  let end = out.length;
  while (start < end && isSpace(out[start])) start++;
  while (end > start && isSpace(out[end - 1])) end--;
  return out.slice(start, end);
}

/** Characters as a person counts them (code points): a surrogate pair is one. */
function codeUnitsToPoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
    n++;
  }
  return n;
}

test("discussion texts: the oracle agrees with hand-worked examples", () => {
  assert.equal(expectedText("  a\r\nb\rc\n "), "a\nb\nc");
  assert.equal(expectedText("\r\r\n"), "");
  assert.equal(expectedText("\u3000x\u00a0"), "x");
  assert.equal(codeUnitsToPoints("😀a"), 2);
  assert.equal(codeUnitsToPoints("\ud800"), 1);
});

test("discussion texts: accepted exactly when the normalised length is within the field's limits", () => {
  const kinds = Object.keys(LIMITS) as LimitKind[];
  const text = fc.oneof(
    fc.string({ unit: "binary", maxLength: 40 }),
    fc
      .tuple(spaces, fc.string({ minLength: 1, maxLength: 30 }), spaces)
      .map(([a, b, c]) => a + b + c),
    fc.string({
      unit: fc.constantFrom("a", "😀", "\r\n", "\n", " ", "\r"),
      minLength: 0,
      maxLength: 2100,
    }),
  );
  fc.assert(
    fc.property(fc.constantFrom(...kinds), text, (kind, input) => {
      const { min, max } = LIMITS[kind];
      // The oracle is written here, independently of the app's normalizeText/textLength.
      const normalised = expectedText(input);
      const n = codeUnitsToPoints(normalised);
      const parsed = textField(kind).safeParse(input);
      assert.equal(parsed.success, n >= min && n <= max, `${kind} ${n}`);
      if (parsed.success) assert.equal(parsed.data, normalised);
      else assert.match(parsed.error.issues[0].message, /^discuss\.err\./);
    }),
    RUNS,
  );
});

test("assignment settings: only the offered choices pass, and checkboxes are on only when ticked", () => {
  const field = fc.oneof(
    fc.constant(undefined),
    fc.string({ maxLength: 12 }),
    fc.constantFrom(
      "on",
      "true",
      "1",
      "0",
      "3",
      "4",
      "-1",
      "last",
      "highest",
      "never",
      "after_due",
      "immediate",
    ),
  );
  const due = fc.oneof(
    fc
      .date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 16)),
    fc.string({ maxLength: 20 }),
  );
  fc.assert(
    fc.property(
      due,
      field,
      field,
      field,
      field,
      field,
      field,
      (d, acceptLate, maxAttempts, counting, feedback, shuffle, postFirst) => {
        const input = Object.fromEntries(
          Object.entries({
            due: d,
            acceptLate,
            maxAttempts,
            counting,
            feedback,
            shuffle,
            postFirst,
          }).filter(([, v]) => v !== undefined),
        );
        const parsed = settingsSchema.safeParse(input);
        const valid =
          /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(d) &&
          ["0", "1", "2", "3"].includes(maxAttempts ?? "") &&
          ["highest", "last"].includes(counting ?? "") &&
          ["immediate", "after_due", "never"].includes(feedback ?? "") &&
          [acceptLate, shuffle, postFirst].every(
            (v) => v === undefined || ["on", "true", "1"].includes(v),
          );
        assert.equal(parsed.success, valid, JSON.stringify(input));
        if (parsed.success) {
          assert.equal(parsed.data.maxAttempts, Number(maxAttempts));
          assert.equal(parsed.data.acceptLate, acceptLate !== undefined);
          assert.equal(parsed.data.shuffle, shuffle !== undefined);
          assert.equal(parsed.data.postFirst, postFirst !== undefined);
          assert.deepEqual(Object.keys(parsed.data).sort(), [
            "acceptLate",
            "counting",
            "due",
            "feedback",
            "maxAttempts",
            "postFirst",
            "shuffle",
          ]);
        }
      },
    ),
    RUNS,
  );
  // fields the form does not have are dropped, whatever they claim
  const extra = settingsSchema.parse({
    due: "2030-01-01T08:00",
    maxAttempts: "1",
    counting: "last",
    feedback: "never",
    classId: "9",
    score: "100",
  });
  assert.equal("classId" in extra || "score" in extra, false);
});

test("PIN rule: 4 to 8 ASCII digits, nothing else; generated PINs follow it", () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.stringMatching(/^[0-9]{0,10}$/),
        fc.string({ unit: fc.constantFrom("1", "٣", "１", "¹", " "), maxLength: 9 }),
      ),
      (s) => {
        const digitsOnly = [...s].every((c) => c >= "0" && c <= "9");
        const expected = digitsOnly && s.length >= 4 && s.length <= 8;
        assert.equal(isValidPin(s), expected, JSON.stringify(s));
        assert.equal(pinSchema.safeParse(s).success, expected);
      },
    ),
    RUNS,
  );
  for (let i = 0; i < 200; i++) assert.match(generatePin(), /^[0-9]{4}$/);
});

test("CSV export: cells that a spreadsheet would run as a formula are defused, and everything parses back", () => {
  const source = fs.readFileSync("content/lessons/ktt-putin-kim-2024.md", "utf8");
  const parsedLesson = parseLesson(source);
  assert.ok(parsedLesson.ok);
  const lesson = parsedLesson.lesson;
  const DANGER = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
  const name = fc.oneof(
    fc.string({ unit: "binary", maxLength: 30 }),
    fc
      .tuple(
        fc.constantFrom("=", "+", "-", "@", "\t", "\r", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"),
        fc.string({ maxLength: 20 }),
      )
      .map(([a, b]) => a + b),
    fc.constantFrom(
      '=HYPERLINK("http://evil.example","x")',
      "=1+1",
      "-2+3",
      "@SUM(A1)",
      '"quoted", with comma',
      "line\nbreak",
      "semi;colon",
    ),
  );
  fc.assert(
    fc.property(fc.array(name, { minLength: 1, maxLength: 8 }), (names) => {
      const results = {
        assignment: { lesson },
        pupils: names.map((n, i) => ({
          pupilId: i + 1,
          name: n,
          status: "not_started",
          attempts: 0,
          counting: null,
          quiz: {},
          sort: {},
        })),
        pupilSkills: new Map(),
      } as unknown as AssignmentResults;
      const csv = resultsCsv(results, "id");
      const rows = parseCsv(csv, { bom: true, relax_column_count: true }) as string[][];
      assert.equal(rows.length, names.length + 1);
      names.forEach((n, i) => {
        const cell = rows[i + 1][0];
        assert.equal(cell, DANGER.test(n) ? `'${n}` : n, JSON.stringify(n));
        // what a spreadsheet sees first is never a formula trigger
        if (cell.length) assert.doesNotMatch(cell, DANGER);
      });
    }),
    RUNS,
  );
});

test("return addresses: always a same-site path that fits in a Location header", () => {
  const candidate = fc.oneof(
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.string({ unit: "binary", maxLength: 40 }).map((s) => `/${s}`),
    fc
      .tuple(
        fc.constantFrom("/", "//", "/\\", "/\t/", "/%2F", "\\", "/\n", "https:", "javascript:"),
        fc.webPath(),
      )
      .map(([a, b]) => a + b),
  );
  fc.assert(
    fc.property(candidate, (to) => {
      const out = safeRedirect(to, "/fallback");
      assert.match(out, /^\/[\x21-\x7e]*$/, JSON.stringify(to));
      assert.ok(!out.startsWith("//") && !out.startsWith("/\\"));
      assert.equal(new URL(out, "http://telaah.test").origin, "http://telaah.test");
    }),
    RUNS,
  );
  // ordinary return addresses come back unchanged
  fc.assert(
    fc.property(fc.webPath(), fc.webQueryParameters(), fc.webFragments(), (p, q, h) => {
      const to = `/${p.replace(/^\/+/, "")}${q ? `?${q}` : ""}${h ? `#${h}` : ""}`;
      const expected = new URL(to, "http://x.test");
      // a path that normalises to "//…" would leave the site when sent back: the fallback (see below)
      if (expected.origin !== "http://x.test" || expected.pathname.startsWith("//")) return;
      assert.equal(
        safeRedirect(to, "/fallback"),
        expected.pathname + expected.search + expected.hash,
      );
    }),
    RUNS,
  );
  assert.equal(
    safeRedirect("/teacher/classes/12/cards?x=1#p3", "/"),
    "/teacher/classes/12/cards?x=1#p3",
  );
  // dot segments, encoded dots and backslashes that normalise into a protocol-relative address
  const dots = fc.array(fc.constantFrom(".", "..", "%2e", "%2E", ".%2e", "%2e%2e", "a", "", "\\"), {
    maxLength: 5,
  });
  fc.assert(
    fc.property(
      dots,
      fc.constantFrom("/", "\\", "//", "/\\"),
      fc.constantFrom("evil.test", "x", "evil.test/a?b#c"),
      (segments, join, host) => {
        const to = `/${segments.join("/")}${join}${host}`;
        const out = safeRedirect(to, "/fallback");
        assert.match(out, /^\/(?![/\\])[\x21-\x7e]*$/, JSON.stringify(to));
        assert.equal(
          new URL(out, "http://telaah.test").origin,
          "http://telaah.test",
          JSON.stringify(to),
        );
      },
    ),
    RUNS,
  );
});
