// Class join codes: the unambiguous alphabet, crypto-random generation and forgiving input.

/** No 0/O and no 1/I/L, so a code read off a projector or a card cannot be mistyped into another. */
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 8;

/** 8 × log2(31) ≈ 39.6 bits; with per-IP throttling of wrong codes, guessing one is impractical. */
export function joinCodeEntropyBits(
  length = JOIN_CODE_LENGTH,
  alphabetSize = JOIN_CODE_ALPHABET.length,
): number {
  return length * Math.log2(alphabetSize);
}

type RandomBytes = (count: number) => Uint8Array;
const cryptoBytes: RandomBytes = (count) =>
  globalThis.crypto.getRandomValues(new Uint8Array(count));

/** Uniform over the alphabet: bytes ≥ 248 (8 × 31) are rejected instead of folded, so no bias. */
export function generateJoinCode(randomBytes: RandomBytes = cryptoBytes): string {
  const size = JOIN_CODE_ALPHABET.length;
  const ceiling = 256 - (256 % size);
  let code = "";
  while (code.length < JOIN_CODE_LENGTH) {
    for (const byte of randomBytes(JOIN_CODE_LENGTH * 2)) {
      if (byte >= ceiling) continue;
      code += JOIN_CODE_ALPHABET[byte % size];
      if (code.length === JOIN_CODE_LENGTH) break;
    }
  }
  return code;
}

/** What a pupil types, as stored: upper case, without spaces or dashes ("abcd-efgh" → "ABCDEFGH"). */
export function normalizeJoinCode(input: string): string {
  // NFKC again after upper-casing: some letters upper-case to a decomposed sequence (U+1FD2 "ῒ"
  // becomes three code points), and the result must not depend on how the input was cased.
  return input
    .normalize("NFKC")
    .toUpperCase()
    .normalize("NFKC")
    .replace(/[\s\-‐‑‒–—]/g, "");
}

export function isJoinCodeShape(code: string): boolean {
  if (code.length !== JOIN_CODE_LENGTH) return false;
  for (const ch of code) if (!JOIN_CODE_ALPHABET.includes(ch)) return false;
  return true;
}
