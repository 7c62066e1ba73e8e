// What an action answers when a form is refused: which of the page's forms (`intent`) and
// Conform's reply (the person's entries, and messages as dictionary keys).
import type { SubmissionResult } from "@conform-to/react";
import type { MessageKey } from "~/i18n";

export type FormReply = { ok: false; intent?: string; result: SubmissionResult<string[]> };

/** Messages a model decided about fields (a taken name, a post too long), by field name. */
export type FieldErrors = Partial<Record<string, MessageKey>>;
