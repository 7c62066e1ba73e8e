// Glossary terms found in a paragraph: whole words, case-insensitive, first occurrence, longest first.
import { test } from "node:test";
import assert from "node:assert/strict";
import { glossarySegments } from "../../app/utils/glossary";

const glossary = [
  { term: "KTT", definition: "Konferensi Tingkat Tinggi" },
  { term: "bukti", definition: "sesuatu yang menunjukkan" },
  { term: "bukti konkret", definition: "bukti nyata" },
  { term: "anti-Barat", definition: "menentang Barat" },
];

test("marks the first whole-word occurrence of each term and keeps the rest as text", () => {
  const segments = glossarySegments("Sebelum KTT itu, ktt lain digelar.", glossary);
  assert.deepEqual(segments, [
    { text: "Sebelum " },
    { text: "KTT", term: "KTT", definition: "Konferensi Tingkat Tinggi" },
    { text: " itu, ktt lain digelar." },
  ]);
  assert.equal(segments.map((s) => s.text).join(""), "Sebelum KTT itu, ktt lain digelar.");
});

test("the longer term wins where terms overlap; parts of words and dashed words do not match", () => {
  const segments = glossarySegments(
    "Tanpa bukti konkret, pembuktian dan sikap anti-Barat-an tetap dugaan.",
    glossary,
  );
  assert.deepEqual(
    segments.filter((s) => "term" in s).map((s) => s.text),
    ["bukti konkret"],
  );
});

test("case-insensitive, keeping the text's own spelling; no terms gives one plain segment", () => {
  const [first, second] = glossarySegments("Anti-Barat sekali.", glossary);
  assert.deepEqual(first, {
    text: "Anti-Barat",
    term: "anti-Barat",
    definition: "menentang Barat",
  });
  assert.deepEqual(second, { text: " sekali." });
  assert.deepEqual(glossarySegments("Tidak ada apa-apa.", []), [{ text: "Tidak ada apa-apa." }]);
  assert.deepEqual(glossarySegments("", glossary), []);
});
