// What the projector view shows, shared by its model and its page: the shown item's shape and the
// class's answers for it (summed again on every poll of the counts, so it runs in the browser too).

export type ProjectorParagraph = { n: number; text: string };

export type ProjectorShown =
  | {
      kind: "quiz";
      n: number;
      of: number;
      id: string;
      stem: string;
      options: { id: string; text: string }[];
      /** The key: null until the teacher reveals it. */
      correct: string | null;
      evidence: ProjectorParagraph[];
    }
  | {
      kind: "sort";
      n: number;
      of: number;
      id: string;
      quote: string;
      correct: string | null;
      paragraph: ProjectorParagraph | null;
    }
  | {
      kind: "posts";
      posts: {
        id: number;
        prompt: string;
        body: string;
        cer: Record<string, string> | null;
        author: string | null;
      }[];
    };

type Counts = {
  quiz: Record<string, Record<string, number>>;
  sort: Record<string, Record<string, number>>;
};

/** The shown item's answer counts by option or category, and how many answered it. */
export function shownCounts(
  counts: Counts,
  shown: ProjectorShown,
): { byChoice: Record<string, number>; answered: number } {
  const byChoice =
    shown.kind === "quiz"
      ? (counts.quiz[shown.id] ?? {})
      : shown.kind === "sort"
        ? (counts.sort[shown.id] ?? {})
        : {};
  return { byChoice, answered: Object.values(byChoice).reduce((a, b) => a + b, 0) };
}
