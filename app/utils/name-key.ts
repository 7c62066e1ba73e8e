// Pupil display names: the cleaned form people see and the folded key that makes them unique per class.

/** Trimmed, inner whitespace collapsed; case kept, because this is what classmates read. */
export function cleanDisplayName(input: string): string {
  return input.trim().replace(/\s+/g, " ");
}

/**
 * The comparison key stored in pupils.name_key: NFKC, trimmed, spaces collapsed, lower case, so
 * "Budi", " budi " and full-width "Ｂｕｄｉ" are one name. The test factories use this same function.
 */
export function nameKey(displayName: string): string {
  return displayName.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}

export const DISPLAY_NAME_MAX = 40;
