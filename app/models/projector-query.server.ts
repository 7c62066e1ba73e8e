// The projector view's query (`?item=N&reveal=1&authors=1`) through one Zod schema, as a GET form
// parses (decision 017). Anything else means: the first item, the key hidden, no names.
import { z } from "zod";
import { parseSubmission } from "~/utils/form.server";

const flag = z
  .string()
  .optional()
  .transform((v) => v === "1")
  .catch(false);

export const projectorQuerySchema = z.object({
  /** The asked position as digits (the page clamps it to the lesson's items); else none. */
  item: z
    .string()
    .regex(/^\d{1,4}$/)
    .optional()
    .catch(undefined),
  reveal: flag,
  authors: flag,
});

export type ProjectorQuery = { item: string | null; reveal: boolean; authors: boolean };

export function readProjectorQuery(query: URLSearchParams): ProjectorQuery {
  const submission = parseSubmission(query, projectorQuerySchema);
  if (submission.status !== "success") return { item: null, reveal: false, authors: false };
  const { item, reveal, authors } = submission.value;
  return { item: item ?? null, reveal, authors };
}
