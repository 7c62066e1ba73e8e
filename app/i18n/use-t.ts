// React access to the request's language: `const t = useT(); t("home.title")`.
import { useRouteLoaderData } from "@remix-run/react";
import { translate, type Lang, type MessageKey, type Vars } from "./index";

export function useLang(): Lang {
  const data = useRouteLoaderData<{ lang: Lang }>("root");
  return data?.lang ?? "id";
}

export function useT() {
  const lang = useLang();
  return (key: MessageKey, vars?: Vars) => translate(lang, key, vars);
}
