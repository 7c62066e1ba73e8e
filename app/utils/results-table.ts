// The results page's pupil table order: which column and direction a `?sort=&dir=` link asks for, and the sort itself.
/** A pupil's standing on one assignment, in the order the results pages list them. */
export const COMPLETION_STATUSES = [
  "not_started",
  "in_progress",
  "submitted",
  "late",
  "missed",
] as const;
export type CompletionStatus = (typeof COMPLETION_STATUSES)[number];

export const SORT_KEYS = [
  "name",
  "status",
  "score",
  "quiz",
  "sort",
  "attempts",
  "time",
  "submitted",
  "late",
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = "asc" | "desc";

export type TableRow = {
  pupilId: number;
  name: string;
  status: string;
  percent: number | null;
  quizScore: number | null;
  sortScore: number | null;
  attempts: number;
  spentMs: number | null;
  submittedAt: string | null;
  late: boolean;
};

/** Unknown or missing values fall back to the name, A to Z, so a hand-edited URL still shows a table. */
export function parseSort(search: URLSearchParams): { key: SortKey; dir: SortDir } {
  const key = (SORT_KEYS as readonly string[]).includes(search.get("sort") ?? "")
    ? (search.get("sort") as SortKey)
    : "name";
  const dir: SortDir = search.get("dir") === "desc" ? "desc" : "asc";
  return { key, dir };
}

/** A, B, C … by position in the lesson, as the results page and the CSV name options. */
export const optionLetter = (index: number) => String.fromCharCode(65 + index);

function value(row: TableRow, key: SortKey): string | number | null {
  switch (key) {
    case "name":
      return row.name;
    case "status":
      return (COMPLETION_STATUSES as readonly string[]).indexOf(row.status);
    case "score":
      return row.percent;
    case "quiz":
      return row.quizScore;
    case "sort":
      return row.sortScore;
    case "attempts":
      return row.attempts;
    case "time":
      return row.spentMs;
    case "submitted":
      return row.submittedAt === null ? null : Date.parse(row.submittedAt);
    case "late":
      return row.late ? 1 : 0;
  }
}

const collator = new Intl.Collator("id", { sensitivity: "base", numeric: true });

/** Rows without a value (no submission) stay at the bottom in both directions; ties keep name order. */
export function sortRows<T extends TableRow>(rows: readonly T[], key: SortKey, dir: SortDir): T[] {
  const sign = dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = value(a, key);
    const vb = value(b, key);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
    } else {
      const c = typeof va === "string" ? collator.compare(va, vb as string) : va - (vb as number);
      if (c !== 0) return sign * c;
    }
    return collator.compare(a.name, b.name) || a.pupilId - b.pupilId;
  });
}
