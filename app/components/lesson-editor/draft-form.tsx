// One editor form. Without JavaScript: a plain post that comes back with what was typed. With it:
// every keystroke is kept in this browser (so a closed tab loses nothing), existing parts save
// themselves shortly after typing stops, and the kept copy is dropped once the server has it.
// Every post carries the draft revision the tab knows of; the tab learns each save's new one.
// The form is on the kit (decision 017): Conform's `useForm` through `useAppForm`, fed with the
// newest answer for this form, the page's (a button save) or the autosave's.
import { Form, useFetcher, useFetchers } from "@remix-run/react";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { FormErrors, getFormProps, useAppForm, type Fields } from "~/components/form";
import { useT } from "~/i18n/use-t";
import type { EditorAnswer } from "~/models/lesson-editor-page.server";
import type { EditorFormSchema } from "~/utils/lesson-editor-form";
import { RevisionField, useEditor } from "./context";

type Stored = { at: number; entries: [string, string][] };
const AUTOSAVE_MS = 800;
const SKIP = new Set(["intent", "itemId", "autosave", "revision"]);

function setValue(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) {
  // The prototype's setter, so React's onChange (e.g. the numbered preview) sees the change.
  const proto = Object.getPrototypeOf(el) as object;
  Object.getOwnPropertyDescriptor(proto, "value")?.set?.call(el, value);
  el.dispatchEvent(new Event("input", { bubbles: true }));
}

function restore(form: HTMLFormElement, entries: [string, string][]) {
  const values = new Map<string, string[]>();
  for (const [k, v] of entries) values.set(k, [...(values.get(k) ?? []), v]);
  for (const el of Array.from(form.elements)) {
    if (!(
      el instanceof HTMLInputElement ||
      el instanceof HTMLTextAreaElement ||
      el instanceof HTMLSelectElement
    ))
      continue;
    if (!el.name || SKIP.has(el.name) || (el instanceof HTMLInputElement && el.type === "hidden"))
      continue;
    const list = values.get(el.name) ?? [];
    if (el instanceof HTMLInputElement && el.type === "checkbox") {
      if (el.checked !== list.includes(el.value)) el.click();
    } else if (list[0] !== undefined && el.value !== list[0]) setValue(el, list[0]);
  }
}

/** An autosave's refusal shows its messages but does not move the focus from where one types. */
const quiet = (answer: EditorAnswer): EditorAnswer => ({
  ...answer,
  result: { ...answer.result, status: undefined },
});

export function DraftForm(props: {
  /** The form's id, unique on the page (its fields' ids derive from it). */
  id: string;
  intent: string;
  itemId?: string;
  label: string;
  /** Save to the server while typing (existing parts); new items only keep the browser copy. */
  autosave: boolean;
  /** The saved values (or a new item's starting ones). */
  defaultValue: Record<string, string | string[]>;
  submitLabel: string;
  children: (fields: Fields, initialValue: Record<string, unknown>) => ReactNode;
}) {
  const { intent, itemId = "" } = props;
  const t = useT();
  const editor = useEditor();
  const fetcher = useFetcher<EditorAnswer>();
  // The newest answer for this form: a button save's (the page's) or an autosave's (the fetcher's).
  const own = editor.replyFor(intent, itemId);
  const [answer, setAnswer] = useState<EditorAnswer | null>(own);
  useEffect(() => setAnswer(own), [own]);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data) setAnswer(quiet(fetcher.data));
  }, [fetcher.data, fetcher.state]);
  const [form, fields] = useAppForm<EditorFormSchema>({
    id: props.id,
    reply: answer,
    defaultValue: props.defaultValue,
  });
  const ref = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  // One autosave at a time in the whole tab: an autosave waits while any save of this page is
  // under way, so it is sent with the revision that save's answer gives (decision 095).
  const pending = useRef<FormData | null>(null);
  const busyAnywhere = useFetchers().some((f) => f.state !== "idle");
  const busy = useRef(false);
  busy.current = busyAnywhere;
  const [restored, setRestored] = useState(false);
  const key = `telaah-editor:${editor.lessonId}:${intent}:${itemId || "new"}`;
  const saved = editor.savedBy(intent, itemId);

  const send = (data: FormData) => {
    if (busy.current) {
      pending.current = data;
      return;
    }
    data.set("revision", String(editor.latest.current));
    fetcher.submit(data, { method: "post" });
  };
  // The server has it: by this form's post, or by its autosave.
  useEffect(() => {
    if (saved || fetcher.data?.ok) forgetTyping(key);
  }, [saved, fetcher.data, key]);
  const { learn } = editor;
  useEffect(() => {
    if (fetcher.data) learn(fetcher.data.revision);
  }, [fetcher.data, learn]);
  useEffect(() => {
    if (busyAnywhere || !pending.current) return;
    const next = pending.current;
    pending.current = null;
    send(next);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a held autosave goes out once, when the page's other saves end
  }, [busyAnywhere]);

  // Coming back: typing the server never confirmed is put back into the form (and, for existing
  // parts, saved again by the input events that puts it back).
  useEffect(() => {
    let stored: Stored | null = null;
    try {
      stored = JSON.parse(localStorage.getItem(key) ?? "null") as Stored | null;
    } catch {
      stored = null;
    }
    if (!stored || !ref.current) return;
    restore(ref.current, stored.entries);
    setRestored(true);
  }, [key]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onInput = (event: React.FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const data = new FormData(form);
    const entries = [...data.entries()].filter(
      (e): e is [string, string] => typeof e[1] === "string" && !SKIP.has(e[0]),
    );
    try {
      localStorage.setItem(key, JSON.stringify({ at: Date.now(), entries } satisfies Stored));
    } catch {
      /* full or off: the server copy still follows */
    }
    if (!props.autosave) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      data.set("autosave", "1");
      send(data);
    }, AUTOSAVE_MS);
  };
  // A save by the button replaces a waiting autosave and carries the newest revision known.
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    clearTimeout(timer.current);
    pending.current = null;
    const field = event.currentTarget.elements.namedItem("revision");
    if (field instanceof HTMLInputElement) field.value = String(editor.latest.current);
  };
  const formProps = getFormProps(form);

  return (
    <Form
      ref={ref}
      method="post"
      {...formProps}
      className="editor-form"
      aria-label={props.label}
      onInput={onInput}
      onSubmit={(event) => {
        onSubmit(event);
        formProps.onSubmit(event);
      }}
      preventScrollReset
    >
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="itemId" value={itemId} />
      <RevisionField />
      <FormErrors form={form} />
      {restored ? (
        <p className="note" role="status">
          {t("le.restored")}{" "}
          <button
            type="button"
            className="secondary"
            onClick={() => {
              forgetTyping(key);
              setRestored(false);
              ref.current?.reset();
            }}
          >
            {t("le.discard")}
          </button>
        </p>
      ) : null}
      {props.children(fields as Fields, (form.initialValue ?? {}) as Record<string, unknown>)}
      <button type="submit">{props.submitLabel}</button>
      {saved?.message ? (
        <p className="saved" role="status">
          {t(saved.message, saved.vars)}
        </p>
      ) : null}
      {fetcher.data?.ok && fetcher.state === "idle" ? (
        <p role="status">{t("ed.autosaved")}</p>
      ) : null}
    </Form>
  );
}

function forgetTyping(key: string) {
  try {
    localStorage.removeItem(key);
  } catch {
    /* storage may be off: then there is nothing to forget */
  }
}
