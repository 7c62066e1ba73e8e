// The editor's pupil preview: its steps and the field names its choices travel under (shared by
// the server model and the page, so not in a .server module).

export const PREVIEW_STEPS = ["read", "sort", "quiz", "feedback", "discuss"] as const;
export type PreviewStep = (typeof PREVIEW_STEPS)[number];

export const parseStep = (value: string | null): PreviewStep =>
  (PREVIEW_STEPS as readonly string[]).includes(value ?? "") ? (value as PreviewStep) : "read";

/**
 * Field names the carried choices travel under: `s.<statement id>`, `q.<question id>`, and Part B
 * (stored as `q16.b`) as `b.q16`: a dot nests in Conform's reading, so `q.q16.b` would sit inside
 * Part A's own field (decision 019; the pupils' answer page does the same).
 */
export const sortField = (itemId: string) => `s.${itemId}`;
export const quizField = (itemId: string) =>
  itemId.endsWith(".b") ? `b.${itemId.slice(0, -2)}` : `q.${itemId}`;

export type Choices = { sort: Record<string, string>; quiz: Record<string, string> };

/** The carried choices as field pairs, for hidden inputs and links between steps. */
export function carriedFields(choices: Choices): [string, string][] {
  return [
    ...Object.entries(choices.sort).map(([k, v]) => [sortField(k), v] as [string, string]),
    ...Object.entries(choices.quiz).map(([k, v]) => [quizField(k), v] as [string, string]),
  ];
}
