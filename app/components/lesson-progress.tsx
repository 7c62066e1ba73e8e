// Live step counters. Answers are saved through the queue without re-running the lesson frame's
// loader, so the frame's counts ("Kuis (0/15)") would stay as they were at the last full load.
// The sorting and quiz pages report how many items they have answered; the frame's step links
// show that until the frame's own data changes (a navigation that reloads it, a submit).
// Two contexts: reporting is stable (pages never re-render for it), counts change (only the
// step links re-render when a count moves).
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type ReactNode,
} from "react";

export type ProgressKind = "sort" | "quiz";
type Counts = Record<ProgressKind, number>;

const Report = createContext<(kind: ProgressKind, answered: number) => void>(() => {});
const Answered = createContext<Counts | null>(null);

export function LessonProgressProvider({
  counts,
  children,
}: {
  counts: Counts;
  children: ReactNode;
}) {
  // Live counts belong to the server counts they were reported against: fresh data from the
  // server (other counts) is the truth again.
  const basis = `${counts.sort}/${counts.quiz}`;
  const basisRef = useRef(basis);
  basisRef.current = basis;
  const [live, setLive] = useState<{ basis: string; values: Partial<Counts> }>({
    basis,
    values: {},
  });
  const report = useCallback((kind: ProgressKind, answered: number) => {
    setLive((current) => {
      const values = current.basis === basisRef.current ? current.values : {};
      return values[kind] === answered
        ? current
        : { basis: basisRef.current, values: { ...values, [kind]: answered } };
    });
  }, []);
  const values = live.basis === basis ? live.values : {};
  const sort = values.sort ?? counts.sort;
  const quiz = values.quiz ?? counts.quiz;
  const answered = useRef<Counts>({ sort, quiz });
  if (answered.current.sort !== sort || answered.current.quiz !== quiz)
    answered.current = { sort, quiz };
  return (
    <Report.Provider value={report}>
      <Answered.Provider value={answered.current}>{children}</Answered.Provider>
    </Report.Provider>
  );
}

/** The live counts, for the step links. */
export function useAnswered(fallback: Counts): Counts {
  return useContext(Answered) ?? fallback;
}

/** Called by a step page with its own live count. */
export function useReportProgress(kind: ProgressKind, answered: number) {
  const report = useContext(Report);
  useEffect(() => report(kind, answered), [report, kind, answered]);
}
