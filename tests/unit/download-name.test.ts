// Download names: ASCII fallback without anything a header or file system refuses, and the UTF-8 name.
import { test } from "node:test";
import assert from "node:assert/strict";
import { asciiSlug, contentDisposition, zonedDay } from "../../app/utils/download-name";

test("the ASCII name keeps letters and digits, drops accents, quotes and slashes", () => {
  assert.equal(asciiSlug('Kelas 8A "Ceria" / Pagi'), "kelas-8a-ceria-pagi");
  assert.equal(asciiSlug("Bahasa Indonésia"), "bahasa-indonesia");
  assert.equal(asciiSlug('"; filename=evil.exe'), "filename-evil-exe");
  assert.equal(asciiSlug("???"), "x");
});

test("Content-Disposition has a quoted ASCII filename and an RFC 5987 filename*", () => {
  const value = contentDisposition(
    {
      className: 'Kelas 8A/B "x"\r\n',
      lesson: "Menguatkan Peningkatan Hubungan",
      slug: "ktt-putin-kim-2024",
      day: "2026-11-28",
    },
    "xlsx",
  );
  assert.match(
    value,
    /^attachment; filename="kelas-8a-b-x-ktt-putin-kim-2024-2026-11-28\.xlsx"; filename\*=UTF-8''/,
  );
  const encoded = value.split("filename*=UTF-8''")[1];
  assert.match(encoded, /^[A-Za-z0-9%._~!-]+$/, "only attr-chars and percent escapes");
  assert.equal(
    decodeURIComponent(encoded),
    "Kelas 8A B x - Menguatkan Peningkatan Hubungan - 2026-11-28.xlsx",
  );
  assert.doesNotMatch(value, /[\r\n]/);
});

test("the date is the class's own calendar day", () => {
  const at = new Date("2026-11-28T18:30:00Z");
  assert.equal(zonedDay(at, "WIB"), "2026-11-29");
  assert.equal(zonedDay(new Date("2026-11-28T16:30:00Z"), "WIB"), "2026-11-28");
  assert.equal(zonedDay(new Date("2026-11-28T16:30:00Z"), "WIT"), "2026-11-29");
});
