// Translation: the two dictionaries, the language type, and interpolation of {placeholders}.
import { en } from "./en";
import { id, type MessageKey } from "./id";

export type Lang = "id" | "en";
export type { MessageKey };
export const dictionaries: Record<Lang, Record<MessageKey, string>> = { id, en };

export type Vars = Record<string, string | number>;

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const template = dictionaries[lang][key] ?? dictionaries.id[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

export function isLang(value: unknown): value is Lang {
  return value === "id" || value === "en";
}

export function isMessageKey(value: unknown): value is MessageKey {
  // Own keys only: `"toString" in id` is true through the prototype.
  return typeof value === "string" && Object.hasOwn(id, value);
}

/** Picks id or en from an Accept-Language header by quality; Indonesian when neither is named. */
export function langFromAcceptLanguage(header: string | null): Lang {
  if (!header) return "id";
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split("-")[0];
    if (base === "id" || base === "in" || base === "ms") return "id";
    if (base === "en") return "en";
  }
  return "id";
}
