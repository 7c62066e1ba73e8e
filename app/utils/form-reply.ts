// What an action answers when a form is refused: which of the page's forms (`intent`) and
// Conform's reply (the person's entries, and messages as dictionary keys).
import type { SubmissionResult } from "@conform-to/react";

export type FormReply = { ok: false; intent?: string; result: SubmissionResult<string[]> };
