// The language of a request: the switch's cookie first, then Accept-Language, else Indonesian.
import { createCookie } from "@remix-run/node";
import { isLang, langFromAcceptLanguage, type Lang } from "./index";

export const langCookie = createCookie("lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

export async function getLang(request: Request): Promise<Lang> {
  const value = await langCookie.parse(request.headers.get("Cookie"));
  if (isLang(value)) return value;
  return langFromAcceptLanguage(request.headers.get("Accept-Language"));
}
