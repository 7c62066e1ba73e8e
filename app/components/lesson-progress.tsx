// Live step counters. Answers are saved through the queue without re-running the lesson frame's
// loader, so the frame's counts ("Kuis (0/15)") would stay as they were at the last full load.
// The sorting and quiz pages report how many items they have answered; the frame shows that
// until its own data changes (a navigation that reloads it, a submit).
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";

export type ProgressKind = "sort" | "quiz";
type Live = Partial<Record<ProgressKind, number>>;

const Context = createContext<(kind: ProgressKind, answered: number) => void>(() => {});

export function LessonProgressProvider({
  counts,
  children,
}: {
  counts: Record<ProgressKind, number>;
  children: (answered: Record<ProgressKind, number>) => ReactNode;
}) {
  // Live counts belong to the server counts they were reported against: fresh data from the
  // server (other counts) is the truth again.
  const basis = `${counts.sort}/${counts.quiz}`;
  const basisRef = useRef(basis);
  basisRef.current = basis;
  const [live, setLive] = useState<{ basis: string; values: Live }>({ basis, values: {} });
  const report = useCallback((kind: ProgressKind, answered: number) => {
    setLive((current) => {
      const values = current.basis === basisRef.current ? current.values : {};
      return values[kind] === answered ? current : { basis: basisRef.current, values: { ...values, [kind]: answered } };
    });
  }, []);
  const values = live.basis === basis ? live.values : {};
  const answered = { sort: values.sort ?? counts.sort, quiz: values.quiz ?? counts.quiz };
  return <Context.Provider value={report}>{children(answered)}</Context.Provider>;
}

/** Called by a step page with its own live count. */
export function useReportProgress(kind: ProgressKind, answered: number) {
  const report = useContext(Context);
  useEffect(() => report(kind, answered), [report, kind, answered]);
}
