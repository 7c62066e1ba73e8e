// Translated <title> for route meta functions, from the root loader's language.
import type { MetaDescriptor } from "@remix-run/node";
import { translate, type Lang, type MessageKey, type Vars } from "~/i18n";

type Match = { id: string; data: unknown };

export function langOf(matches: readonly Match[]): Lang {
  const root = matches.find((m) => m.id === "root")?.data as { lang?: Lang } | undefined;
  return root?.lang ?? "id";
}

export function title(matches: readonly Match[], key: MessageKey, vars?: Vars): MetaDescriptor[] {
  const lang = langOf(matches);
  return [{ title: `${translate(lang, key, vars)} · ${translate(lang, "app.name")}` }];
}

export function rawTitle(matches: readonly Match[], text: string): MetaDescriptor[] {
  return [{ title: `${text} · ${translate(langOf(matches), "app.name")}` }];
}
