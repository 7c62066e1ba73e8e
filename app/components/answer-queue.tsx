// Saving answers the moment they are chosen. Each choice goes into a queue kept in
// localStorage and is posted to the server; a failed post (offline, server away) stays queued,
// the pupil is told at once, and the queue is sent again when the connection returns.
// Plain fetch rather than a Remix fetcher: a fetcher's network failure goes to the error
// boundary, and a save must not re-run the page's loaders.
import { useCallback, useEffect, useRef, useState } from "react";
import type { AnswerRefusal } from "~/utils/answer-refusal";

export type Kind = "quiz" | "sort";
// chosenAt: this device's clock when the pupil chose; an answer still queued when the teacher
// closes the assignment is taken if it was chosen before the close (docs/live.md).
type Entry = { kind: Kind; itemId: string; choice: string; chosenAt?: number };
export type ItemState = "saving" | "saved" | "failed" | "refused";
// the server's `reason` (and "signedOut"); its message is refusalMessage(reason)
type Refusal = AnswerRefusal;

const RETRY_MS = 4000;
const keyOf = (kind: Kind, itemId: string) => `${kind}:${itemId}`;

function readStored(storageKey: string): Record<string, Entry> {
  try {
    const raw = window.localStorage.getItem(storageKey);
    return raw ? (JSON.parse(raw) as Record<string, Entry>) : {};
  } catch {
    return {};
  }
}

export function useAnswerQueue(attemptId: number, kind: Kind, saved: Record<string, string>) {
  const storageKey = `telaah:pending:${attemptId}`;
  const url = `/pupil/attempts/${attemptId}/answers`;
  const [choices, setChoices] = useState<Record<string, string>>(saved);
  const [states, setStates] = useState<Record<string, ItemState>>({});
  const [refusals, setRefusals] = useState<Record<string, Refusal>>({});
  const [pendingCount, setPendingCount] = useState(0);
  const [offline, setOffline] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  const pending = useRef<Record<string, Entry>>({});
  const running = useRef(false);
  // What waits on this device (chosen offline, before a reload) joins the queue before anything
  // is added to it or written back: a choice taken up on mount (ChoiceItem, decision 128) comes
  // before the queue's own mount effect, and must not write over the stored ones.
  const fromStorage = useRef(false);
  const loadStored = useCallback(() => {
    if (fromStorage.current) return;
    fromStorage.current = true;
    pending.current = { ...readStored(storageKey), ...pending.current };
  }, [storageKey]);

  const persist = useCallback(() => {
    try {
      if (Object.keys(pending.current).length)
        window.localStorage.setItem(storageKey, JSON.stringify(pending.current));
      else window.localStorage.removeItem(storageKey);
    } catch {
      // storage full or blocked: the in-memory queue still works while the page stays open
    }
    setPendingCount(Object.keys(pending.current).length);
  }, [storageKey]);

  const flush = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      for (;;) {
        const next = Object.entries(pending.current)[0];
        if (!next) break;
        const [key, entry] = next;
        if (entry.kind === kind) setStates((s) => ({ ...s, [entry.itemId]: "saving" }));
        let response: Response;
        try {
          response = await fetch(url, {
            method: "POST",
            headers: { Accept: "application/json" },
            body: new URLSearchParams({
              kind: entry.kind,
              itemId: entry.itemId,
              choice: entry.choice,
              ...(entry.chosenAt
                ? { chosenAt: String(entry.chosenAt), sentAt: String(Date.now()) }
                : {}),
            }),
            redirect: "manual",
          });
        } catch {
          setOffline(true);
          setStates((s) => {
            const copy = { ...s };
            for (const e of Object.values(pending.current))
              if (e.kind === kind) copy[e.itemId] = "failed";
            return copy;
          });
          break;
        }
        if (
          response.type === "opaqueredirect" ||
          response.status >= 500 ||
          response.status === 429
        ) {
          // signed out, or the server is unwell: keep the answer and try again later
          setOffline(true);
          if (entry.kind === kind) setStates((s) => ({ ...s, [entry.itemId]: "failed" }));
          if (response.type === "opaqueredirect" && entry.kind === kind)
            setRefusals((r) => ({ ...r, [entry.itemId]: "signedOut" }));
          break;
        }
        const body = (await response.json().catch(() => null)) as {
          ok?: boolean;
          reason?: Refusal;
        } | null;
        if (pending.current[key]?.choice === entry.choice) delete pending.current[key];
        persist();
        setOffline(false);
        if (entry.kind !== kind) continue;
        if (response.ok && body?.ok) {
          setStates((s) => ({ ...s, [entry.itemId]: "saved" }));
          setRefusals((r) => {
            const { [entry.itemId]: _gone, ...rest } = r;
            return rest;
          });
        } else {
          setStates((s) => ({ ...s, [entry.itemId]: "refused" }));
          setRefusals((r) => ({ ...r, [entry.itemId]: body?.reason ?? "item" }));
        }
      }
    } finally {
      running.current = false;
    }
  }, [kind, persist, url]);

  // Answers chosen offline before a reload come back from storage and are sent again.
  useEffect(() => {
    setHydrated(true);
    loadStored();
    const mine = Object.values(pending.current).filter((e) => e.kind === kind);
    if (mine.length) {
      setChoices((c) => ({ ...c, ...Object.fromEntries(mine.map((e) => [e.itemId, e.choice])) }));
    }
    persist();
    void flush();
    const retry = () => void flush();
    window.addEventListener("online", retry);
    const timer = window.setInterval(() => {
      if (Object.keys(pending.current).length) void flush();
    }, RETRY_MS);
    return () => {
      window.removeEventListener("online", retry);
      window.clearInterval(timer);
    };
  }, [flush, kind, loadStored, persist]);

  const choose = useCallback(
    (itemId: string, choice: string) => {
      setChoices((c) => ({ ...c, [itemId]: choice }));
      loadStored();
      const key = keyOf(kind, itemId);
      // the same choice already waiting (a tick the browser put back) keeps the time it was made
      const waiting = pending.current[key];
      const chosenAt = waiting?.choice === choice ? (waiting.chosenAt ?? Date.now()) : Date.now();
      pending.current[key] = { kind, itemId, choice, chosenAt };
      persist();
      void flush();
    },
    [flush, kind, loadStored, persist],
  );

  return { choices, states, refusals, pendingCount, offline, hydrated, choose };
}
