// The dictionaries: the same keys and placeholders in both languages; language choice; interpolation.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  dictionaries,
  isLang,
  isMessageKey,
  langFromAcceptLanguage,
  translate,
} from "../../app/i18n";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test("id and en have exactly the same keys", () => {
  const idKeys = Object.keys(dictionaries.id).sort();
  const enKeys = Object.keys(dictionaries.en).sort();
  assert.deepEqual(
    idKeys.filter((k) => !enKeys.includes(k)),
    [],
    "keys missing in en",
  );
  assert.deepEqual(
    enKeys.filter((k) => !idKeys.includes(k)),
    [],
    "keys only in en",
  );
  assert.ok(idKeys.length > 50, `only ${idKeys.length} keys: the dictionaries were not composed`);
});

test("every key has the same {placeholders} in both languages", () => {
  const mismatches = Object.entries(dictionaries.id)
    .filter(
      ([key, text]) =>
        placeholders(text).join() !==
        placeholders(dictionaries.en[key as keyof typeof dictionaries.en] ?? "").join(),
    )
    .map(([key]) => key);
  assert.deepEqual(mismatches, []);
});

test("no message is empty or only spaces", () => {
  for (const lang of ["id", "en"] as const) {
    const empty = Object.entries(dictionaries[lang])
      .filter(([, text]) => typeof text !== "string" || text.trim() === "")
      .map(([key]) => key);
    assert.deepEqual(empty, [], `empty ${lang} messages`);
  }
});

test("Accept-Language picks id or en by quality, Indonesian when neither is named", () => {
  const cases: [string | null, "id" | "en"][] = [
    [null, "id"],
    ["", "id"],
    ["en", "en"],
    ["en-US,en;q=0.9", "en"],
    ["id-ID,id;q=0.9,en;q=0.8", "id"],
    ["fr-FR,en;q=0.5", "en"],
    ["en;q=0.4,id;q=0.8", "id"],
    ["in", "id"],
    ["ms-MY", "id"],
    ["de-DE,fr;q=0.8", "id"],
    ["en;q=0,id;q=0.1", "id"],
    ["en;q=0", "id"],
    ["*", "id"],
    ["EN-gb", "en"],
  ];
  for (const [header, expected] of cases)
    assert.equal(langFromAcceptLanguage(header), expected, `Accept-Language: ${header}`);
});

test("translate fills {placeholders} and leaves unknown ones as written", () => {
  assert.equal(translate("id", "error.status", { status: 404 }), "Kode 404");
  assert.equal(translate("en", "error.status", { status: 404 }), "Status 404");
  assert.equal(translate("en", "lesson.paragraphLink", { n: 3 }), "Link to paragraph 3");
  assert.equal(
    translate("en", "lessons.counts", { questions: 15, sorting: 14 }),
    "15 quiz questions · 14 statements to sort · {prompts} discussion prompts",
  );
  assert.equal(translate("id", "error.status"), "Kode {status}");
  // A value that looks like a placeholder is inserted as text, not expanded again.
  assert.equal(translate("en", "error.status", { status: "{status}" }), "Status {status}");
});

test("isLang and isMessageKey accept only real values", () => {
  assert.ok(isLang("id") && isLang("en"));
  assert.ok(!isLang("fr") && !isLang(undefined) && !isLang("ID"));
  assert.ok(isMessageKey("app.name"));
  assert.ok(!isMessageKey("app.nope") && !isMessageKey(42) && !isMessageKey("toString"));
});
