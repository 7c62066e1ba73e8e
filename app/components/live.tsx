// The live class view's pieces: the poll that keeps the data fresh, the pupil table, the count tables.
import { useEffect, useRef, useState } from "react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { LIVE_POLL_MS, mayNeedHelp, minutesSince, type LiveStep } from "~/utils/live";

type Polled = { etag: string; serverNow: number };

/**
 * Asks `url` every LIVE_POLL_MS whether anything changed, with the ETag it holds: the server
 * answers 304 (a few bytes) unless an answer, start, submit, post or pupil changed. Without
 * JavaScript none of this runs and the page keeps its refresh link. `now` is the server's clock
 * as this page estimates it, ticking, for "3 min ago" and "may need help".
 */
export function useLivePoll<T extends Polled>(url: string, initial: T) {
  const [data, setData] = useState(initial);
  const [now, setNow] = useState(initial.serverNow);
  const [live, setLive] = useState(false);
  const etag = useRef(initial.etag);
  const offset = useRef(0);

  // a new loader result (a refresh, the close form): start again from it
  useEffect(() => {
    setData(initial);
    etag.current = initial.etag;
    offset.current = Date.now() - initial.serverNow;
  }, [initial]);

  useEffect(() => {
    setLive(true);
    let stopped = false;
    let timer: number | undefined;
    const tick = async () => {
      if (!document.hidden) {
        try {
          const response = await fetch(url, {
            headers: { Accept: "application/json", "If-None-Match": etag.current },
            cache: "no-store",
            credentials: "same-origin",
            redirect: "manual",
          });
          if (response.status === 200) {
            const body = (await response.json()) as T;
            etag.current = body.etag;
            offset.current = Date.now() - body.serverNow;
            if (!stopped) setData(body);
          }
        } catch {
          // offline for a moment: the next tick tries again
        }
      }
      if (stopped) return;
      setNow(Date.now() - offset.current);
      timer = window.setTimeout(tick, LIVE_POLL_MS);
    };
    timer = window.setTimeout(tick, LIVE_POLL_MS);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [url]);

  return { data, now, live };
}

export type LivePupilRow = {
  id: number;
  name: string;
  step: LiveStep;
  answered: number;
  lastSavedAt: number | null;
  startedAt: number | null;
  byClose: boolean;
};

export function LivePupilTable(props: {
  pupils: LivePupilRow[];
  total: number;
  help: number;
  now: number;
}) {
  const t = useT();
  if (props.pupils.length === 0) return <p>{t("live.noPupils")}</p>;
  return (
    <div className="table-wrap" role="region" aria-labelledby="live-pupils-caption" tabIndex={0}>
      <table className="live-pupils">
        <caption id="live-pupils-caption">{t("live.pupilsCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("live.col.name")}</th>
            <th scope="col">{t("live.col.step")}</th>
            <th scope="col">{t("live.col.answered")}</th>
            <th scope="col">{t("live.col.lastSave")}</th>
            <th scope="col">{t("live.col.attention")}</th>
          </tr>
        </thead>
        <tbody>
          {props.pupils.map((p) => {
            const help = mayNeedHelp(p, props.help, props.now);
            const minutes = p.lastSavedAt === null ? null : minutesSince(p.lastSavedAt, props.now);
            return (
              <tr key={p.id} className={help ? "needs-help" : undefined}>
                <th scope="row">{p.name}</th>
                <td>
                  <span className={`live-step ${p.step}`}>
                    {t(`live.step.${p.step}` as MessageKey)}
                  </span>
                </td>
                <td>{t("live.answeredOf", { n: p.answered, total: props.total })}</td>
                <td>
                  {minutes === null
                    ? t("live.never")
                    : minutes === 0
                      ? t("live.justNow")
                      : t("live.minutesAgo", { n: minutes })}
                </td>
                <td>
                  {help ? (
                    <strong className="help-flag">{t("live.needHelp")}</strong>
                  ) : p.byClose ? (
                    t("live.byClose")
                  ) : (
                    ""
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** One question's or statement's live counts; the key is named in words, not only coloured. */
export function LiveCountTable(props: {
  id: string;
  caption: string;
  captionLang?: string;
  rows: { id: string; label: string; lang?: string; correct: boolean }[];
  counts: Record<string, number>;
}) {
  const t = useT();
  const total = Object.values(props.counts).reduce((a, b) => a + b, 0);
  return (
    <table className="live-counts" id={`live-${props.id}`}>
      <caption lang={props.captionLang}>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("live.col.option")}</th>
          <th scope="col">{t("live.col.count")}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => {
          const n = props.counts[r.id] ?? 0;
          return (
            <tr key={r.id} className={r.correct ? "key" : undefined}>
              <th scope="row">
                <span lang={r.lang}>{r.label}</span>
                {r.correct ? <strong className="key-mark"> ({t("live.key")})</strong> : null}
              </th>
              <td>
                <span className="live-count">{n}</span>{" "}
                <span
                  className={`bar${r.correct ? " correct" : ""} w${total ? Math.round((n / total) * 10) : 0}`}
                  aria-hidden="true"
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
