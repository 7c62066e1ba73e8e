// Indonesia's three time zones have fixed offsets (no daylight saving): WIB +7, WITA +8, WIT +9.
export const ZONE_OFFSET_HOURS = { WIB: 7, WITA: 8, WIT: 9 } as const;
export type Zone = keyof typeof ZONE_OFFSET_HOURS;

/** "2026-12-01T14:00" read as a wall-clock time in `zone` → the instant; null when malformed. */
export function zonedLocalToDate(local: string, zone: Zone): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi) - ZONE_OFFSET_HOURS[zone] * 3600_000;
  const check = new Date(utc + ZONE_OFFSET_HOURS[zone] * 3600_000);
  if (check.getUTCDate() !== d) return null; // 31 February and the like
  return new Date(utc);
}

/** The instant as a datetime-local value in `zone`, for pre-filling a form. */
export function dateToZonedLocal(at: Date, zone: Zone): string {
  const shifted = new Date(at.getTime() + ZONE_OFFSET_HOURS[zone] * 3600_000);
  return shifted.toISOString().slice(0, 16);
}
