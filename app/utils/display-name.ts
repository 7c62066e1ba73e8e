// Names people write (pupils' display names, in part teachers' and classes'): what is refused, the
// normal form stored, the confusable skeleton compared between classmates, and clipping for display.

/**
 * Characters that draw nothing or rearrange what is around them: controls (Cc), format
 * characters (Cf: zero-width spaces and joiners, soft hyphen, bidi marks, embeddings, overrides
 * and isolates, tag characters), private use, unpaired surrogates, unassigned code points,
 * every Default_Ignorable_Code_Point (variation selectors, Hangul fillers U+115F U+1160 U+3164
 * U+FFA0 among them) and the blank braille pattern U+2800.
 */
const INVISIBLE =
  /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Cn}\p{Default_Ignorable_Code_Point}\u115F\u1160\u3164\uFFA0\u2800]/u;
/** More combining marks than this in a row only serve to draw over other lines. */
export const MAX_MARKS_IN_A_ROW = 3;
const MARK_RUN = new RegExp(`\\p{M}{${MAX_MARKS_IN_A_ROW + 1},}`, "u");

export type NameProblem = "invisible" | "marks" | null;

/** NFKC, trimmed, inner white space collapsed to one space: the form stored and shown. */
export function normalizeDisplayName(input: string): string {
  return input.normalize("NFKC").trim().replace(/\s+/g, " ");
}

export function displayNameProblem(normalized: string): NameProblem {
  if (INVISIBLE.test(normalized)) return "invisible";
  if (MARK_RUN.test(normalized)) return "marks";
  return null;
}

/**
 * A compact table of the look-alikes that matter for names written in Latin script (UTS #39's
 * confusables, the common part only): Cyrillic and Greek letters drawn like Latin ones, the
 * dotless i, script a/g, and digits and symbols read as letters (0 → o, 1 | I → l). Keys are single
 * code points after NFKD; the values are Latin lower-case prototypes. Not covered: look-alikes
 * across other scripts (e.g. Armenian, Cherokee), mathematical letters (NFKC folds most of them
 * already) and whole-word confusables; see docs/decisions/033-display-names.md.
 */
const PROTOTYPE: Record<string, string> = {};
function map(from: string, to: string) {
  for (const ch of from) PROTOTYPE[ch] = to;
}
// Cyrillic
map("аА", "a");
map("вВ", "b");
map("сС", "c");
map("ԁ", "d");
map("еЕёЁ", "e");
map("һҺ", "h");
map("іІ", "i");
map("ӏӀ", "l");
map("јЈ", "j");
map("кК", "k");
map("мМ", "m");
map("нН", "h");
map("оО", "o");
map("рР", "p");
map("ԛԚ", "q");
map("ѕЅ", "s");
map("тТ", "t");
map("уУ", "y");
map("хХ", "x");
map("ԝԜ", "w");
map("ьЬ", "b");
map("ѵѴ", "v");
map("әӘ", "e");
map("ҮүӮ", "y");
// Greek
map("αΑ", "a");
map("Β", "b");
map("εΕ", "e");
map("Ζ", "z");
map("Η", "h");
map("ιΙ", "i");
map("κΚ", "k");
map("Μ", "m");
map("νΝ", "v");
map("οΟ", "o");
map("ρΡ", "p");
map("τΤ", "t");
map("υΥ", "u");
map("χΧ", "x");
map("γ", "y");
// Latin look-alikes, digits and symbols
map("ıɩ", "i");
map("ɑ", "a");
map("ɡ", "g");
map("ʟ", "l");
map("ȷ", "j");
map("0", "o");
map("1|Iǀ", "l");

/**
 * The skeleton two names are compared by: NFKD, each code point mapped to its prototype, lower
 * case (after mapping, so capital I and small l meet), "rn" read as "m" and "vv" as "w", NFC.
 * Equal skeletons mean the names look alike.
 */
export function nameSkeleton(name: string): string {
  let out = "";
  for (const ch of normalizeDisplayName(name).normalize("NFKD")) out += PROTOTYPE[ch] ?? ch;
  return out
    .toLowerCase()
    .replace(/rn/g, "m")
    .replace(/vv/g, "w")
    .replace(/\s+/g, " ")
    .normalize("NFC");
}

/**
 * For display: at most MAX_MARKS_IN_A_ROW combining marks on one base character, so a stack of
 * marks (in a name written before these rules, or a post) cannot draw over the lines around it.
 */
export function clipMarks(text: string): string {
  if (!/\p{M}/u.test(text)) return text;
  return text.replace(/(\p{M}{1,})/gu, (run) => [...run].slice(0, MAX_MARKS_IN_A_ROW).join(""));
}

/** A name inside a translated sentence: wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE. */
export function isolate(name: string): string {
  return `\u2068${clipMarks(name)}\u2069`;
}
