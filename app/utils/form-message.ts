// A form message travels as one string inside Conform's error lists: a dictionary key, or a key
// with its variables as a query string ("hardening.throttledSeconds?seconds=30"). The server
// writes them with `message()`, the page reads them with `readMessage()` and translates.
import { isMessageKey, type MessageKey, type Vars } from "~/i18n";

export function message(key: MessageKey, vars?: Vars): string {
  if (!vars) return key;
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(vars)) query.set(name, String(value));
  return `${key}?${query}`;
}

/** The key and variables of a message; anything that is not one of ours reads as "invalid". */
export function readMessage(text: string): { key: MessageKey; vars?: Vars } {
  const at = text.indexOf("?");
  const key = at < 0 ? text : text.slice(0, at);
  if (!isMessageKey(key)) return { key: "v.invalid" };
  if (at < 0) return { key };
  return { key, vars: Object.fromEntries(new URLSearchParams(text.slice(at + 1))) };
}
