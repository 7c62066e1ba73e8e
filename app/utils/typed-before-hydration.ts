// What a person typed or picked before the page's scripts ran (a slow phone: the server's page is
// usable for seconds before React takes it over) must survive hydration (decision 128). React
// keeps an <input>'s text, but puts a <textarea>'s text and a <select>'s choice back to what the
// server rendered, and no handler has seen any of it. So the entry script notes every box and list
// that differs from its rendered default when it starts, and every one changed while React
// hydrates; once hydrated (the document's first effect), each is given its value back and an
// `input` event, as if typed now: counters count it, the editor keeps and autosaves it.
// (Radios on the answer pages are the answer queue's: ChoiceItem takes up a tick itself.)

type Kept = HTMLTextAreaElement | HTMLSelectElement;

const noted = new Map<Kept, string[]>();
let noting = false;

const valueOf = (el: Kept): string[] =>
  el instanceof HTMLSelectElement
    ? Array.from(el.options, (o) => (o.selected ? "1" : "0"))
    : [el.value];

const changed = (el: Kept): boolean =>
  el instanceof HTMLSelectElement
    ? Array.from(el.options).some((o) => o.selected !== o.defaultSelected)
    : el.value !== el.defaultValue;

function note(event: Event) {
  const el = event.target;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)
    noted.set(el, valueOf(el));
}

/** In the entry script, before hydrating. */
export function noteTypingBeforeHydration() {
  for (const el of document.querySelectorAll<Kept>("textarea, select"))
    if (changed(el)) noted.set(el, valueOf(el));
  document.addEventListener("input", note, true);
  document.addEventListener("change", note, true);
  noting = true;
}

/** Once, when the document has hydrated: what was noted goes back, with an `input` event. */
export function putBackTypingAfterHydration() {
  if (!noting) return;
  noting = false;
  document.removeEventListener("input", note, true);
  document.removeEventListener("change", note, true);
  for (const [el, value] of noted) {
    if (!el.isConnected) continue;
    if (el instanceof HTMLSelectElement)
      Array.from(el.options).forEach((o, i) => (o.selected = value[i] === "1"));
    else el.value = value[0];
    el.dispatchEvent(new Event("input", { bubbles: true }));
    if (el instanceof HTMLSelectElement) el.dispatchEvent(new Event("change", { bubbles: true }));
  }
  noted.clear();
}
