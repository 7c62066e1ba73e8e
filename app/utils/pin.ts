// Pupil PINs: the 4–8 digit rule and the random PIN a teacher hands out after a reset.

export const PIN_PATTERN = /^[0-9]{4,8}$/;

export function isValidPin(pin: string): boolean {
  return PIN_PATTERN.test(pin);
}

/** A fresh PIN of 6 digits (a teacher reset), uniformly random via rejection sampling. */
export function generatePin(length = 6): string {
  let pin = "";
  while (pin.length < length) {
    for (const byte of globalThis.crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte >= 250) continue;
      pin += String(byte % 10);
      if (pin.length === length) break;
    }
  }
  return pin;
}
