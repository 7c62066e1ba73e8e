// File names for downloads: after the class, the lesson and the date, as a safe ASCII name and an RFC 5987 UTF-8 name.
import { ZONE_OFFSET_HOURS, type Zone } from "~/utils/zones";

/** "Kelas 8A – Pelajaran" → "kelas-8a-pelajaran": ASCII letters, digits and single dashes only. */
export function asciiSlug(text: string, max = 40): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, max).replace(/-+$/, "") || "x";
}

/** Characters no file system or browser likes in a name, and control characters, become a space. */
function readable(text: string, max: number): string {
  const clean = text
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f"*/:<>?\\|]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
}

/** The calendar day of `at` in the class's zone, as YYYY-MM-DD. */
export function zonedDay(at: Date, zone: Zone): string {
  return new Date(at.getTime() + ZONE_OFFSET_HOURS[zone] * 3600_000).toISOString().slice(0, 10);
}

/**
 * `attachment; filename="kelas-8a-ktt-putin-kim-2024-2026-11-28.xlsx"; filename*=UTF-8''Kelas%208A%20…`:
 * old clients read the ASCII name, current browsers the UTF-8 one (RFC 6266 / RFC 5987).
 */
export function contentDisposition(
  parts: { className: string; lesson: string; slug: string; day: string },
  ext: "csv" | "xlsx",
): string {
  const ascii = `${asciiSlug(parts.className, 30)}-${asciiSlug(parts.slug, 40)}-${parts.day}.${ext}`;
  const utf8 = `${readable(parts.className, 40)} - ${readable(parts.lesson, 60)} - ${parts.day}.${ext}`;
  const encoded = encodeURIComponent(utf8).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
