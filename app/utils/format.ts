// Dates and numbers for people, via Intl, in the viewer's language and the class's time zone.
import type { Lang } from "~/i18n";

export const TIME_ZONES = {
  WIB: "Asia/Jakarta",
  WITA: "Asia/Makassar",
  WIT: "Asia/Jayapura",
} as const;
export type ZoneCode = keyof typeof TIME_ZONES;

const locale = (lang: Lang) => (lang === "id" ? "id-ID" : "en-GB");

// Building an Intl formatter costs far more than using one (about 0.15 ms each, several per
// page render under load), and they are immutable, so each distinct one is built once.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${lang}|${JSON.stringify(options)}`;
  let f = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale(lang), options)));
  return f;
}
function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${lang}|${JSON.stringify(options)}`;
  let f = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(locale(lang), options)));
  return f;
}

/** A calendar date written as YYYY-MM-DD (no time of day). */
export function formatDay(lang: Lang, isoDate: string): string {
  return dateFormat(lang, { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/** An instant shown in a class's zone, with the zone's code (WIB/WITA/WIT) appended. */
export function formatDateTime(lang: Lang, at: Date | number | string, zone: ZoneCode): string {
  const text = dateFormat(lang, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: TIME_ZONES[zone],
  }).format(new Date(at));
  return `${text} ${zone}`;
}

export function formatPercent(lang: Lang, share: number): string {
  return numberFormat(lang, { style: "percent", maximumFractionDigits: 0 }).format(share);
}

export function formatNumber(lang: Lang, value: number, digits = 2): string {
  return numberFormat(lang, { maximumFractionDigits: digits }).format(value);
}

/** Minutes to read a text at a young reader's pace (about 130 words a minute). */
export function readingMinutes(paragraphs: readonly string[]): number {
  const words = paragraphs.join(" ").split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.ceil(words / 130));
}
