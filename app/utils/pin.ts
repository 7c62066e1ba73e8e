// Pupil PINs: the 4–8 digit rule and the random PIN a teacher hands out after a reset.

export const PIN_PATTERN = /^[0-9]{4,8}$/;

export function isValidPin(pin: string): boolean {
  return PIN_PATTERN.test(pin);
}

/**
 * Every PIN the app hands out (a pasted roster, new PINs for a class, one pupil's reset) has this
 * many digits, like the shortest PIN a pupil may choose (decision 100).
 */
export const GENERATED_PIN_LENGTH = 4;

/** A fresh PIN, uniformly random via rejection sampling. */
export function generatePin(length = GENERATED_PIN_LENGTH): string {
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
