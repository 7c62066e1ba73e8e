// Why a pupil's answer was not saved, and the message each reason shows: one list for the page's
// form without JavaScript (a field error beside the item) and the JavaScript queue (the JSON
// `reason` of /pupil/attempts/:id/answers, shown in the item's status line).
import type { MessageKey } from "~/i18n";

export type AnswerRefusal =
  "submitted" | "closed" | "ended" | "item" | "choice" | "noChoice" | "signedOut";

const MESSAGES: Record<AnswerRefusal, MessageKey> = {
  submitted: "flow.err.submitted",
  closed: "flow.err.closed",
  ended: "flow.err.ended",
  item: "flow.err.item",
  choice: "flow.err.choice",
  noChoice: "flow.err.noChoice",
  signedOut: "save.failed",
};

/** The message for a refusal; anything unknown is "not an item of this lesson". */
export const refusalMessage = (reason: string): MessageKey =>
  Object.hasOwn(MESSAGES, reason) ? MESSAGES[reason as AnswerRefusal] : "flow.err.item";

/**
 * The form field holding an item's choice: one radio group per item, all in one form. Part B
 * (`q16.b`) travels as `b.q16`: a dot in the field name would nest it under Part A's field.
 */
export const choiceField = (itemId: string) =>
  itemId.endsWith(".b") ? `b.${itemId.slice(0, -2)}` : `a.${itemId}`;
