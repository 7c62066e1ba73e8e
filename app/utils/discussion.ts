// The discussion's rules as pure functions: lengths, who sees what, who may edit or reply, and how
// a post's plain text is split into text, paragraph citations and web links for display.
import { z } from "zod";
import { levelsSchema } from "~/utils/rubric";

/** Lengths in characters (Unicode code points) after trimming; the counter in the page uses the same count. */
export const LIMITS = {
  open: { min: 20, max: 2000 },
  cer: { min: 10, max: 1000 },
  reply: { min: 2, max: 1000 },
  feedback: { min: 2, max: 2000 },
} as const;
export type LimitKind = keyof typeof LIMITS;

export const CER_FIELDS = ["claim", "evidence", "reasoning"] as const;
export type CerField = (typeof CER_FIELDS)[number];

/** Pupils posting more than this many posts in the window are refused until it ends. */
export const POST_RULE = { limit: 10, windowMs: 60_000 };

/** Browsers send textarea line breaks as CRLF; stored and counted text uses LF only. */
export function normalizeText(value: string): string {
  return value.replace(/\r\n?/g, "\n").trim();
}

export function textLength(value: string): number {
  return [...value].length;
}

const LENGTH_KEYS = {
  open: {
    empty: "discuss.err.empty",
    short: "discuss.err.openShort",
    long: "discuss.err.openLong",
  },
  cer: {
    empty: "discuss.err.cerMissing",
    short: "discuss.err.cerShort",
    long: "discuss.err.cerLong",
  },
  reply: {
    empty: "discuss.err.replyEmpty",
    short: "discuss.err.replyShort",
    long: "discuss.err.replyLong",
  },
  feedback: {
    empty: "discuss.err.feedbackEmpty",
    short: "discuss.err.feedbackShort",
    long: "discuss.err.feedbackLong",
  },
} as const;

/** A text field: normalized, then one message (a dictionary key) for empty, too short or too long. */
export function textField(kind: LimitKind) {
  const { min, max } = LIMITS[kind];
  const keys = LENGTH_KEYS[kind];
  return z.preprocess(
    (value) => (typeof value === "string" ? normalizeText(value) : ""),
    z.string().superRefine((text, ctx) => {
      const n = textLength(text);
      if (n === 0) ctx.addIssue({ code: "custom", message: keys.empty });
      else if (n < min) ctx.addIssue({ code: "custom", message: keys.short });
      else if (n > max) ctx.addIssue({ code: "custom", message: keys.long });
    }),
  );
}

const postId = z.coerce.number().int().positive();

export const openSchema = z.object({ body: textField("open") });
export const cerSchema = z.object({
  claim: textField("cer"),
  evidence: textField("cer"),
  reasoning: textField("cer"),
});
export const replySchema = z.object({ parentId: postId, body: textField("reply") });
export const feedbackSchema = z.object({ postId, body: textField("feedback") });
export const postIdSchema = z.object({ postId });
export const flagSchema = z.object({
  postId,
  value: z.enum(["true", "false"]).transform((v) => v === "true"),
});
/** The teacher's feedback form: text and, on a CER response, the three rubric levels. */
export const feedbackFormSchema = feedbackSchema.merge(levelsSchema.innerType());
/** Each post has its own forms: a refusal answers `<intent>:<post id>` so only that one shows it. */
export const postIntent = (intent: string, postId: unknown) => `${intent}:${String(postId ?? "")}`;

/** CER parts kept together in `body` too, so exports and searches see the whole response. */
export function cerBody(parts: Record<CerField, string>): string {
  return CER_FIELDS.map((f) => parts[f]).join("\n\n");
}

// ---------------------------------------------------------------------------------------------
// Who may see, edit and reply

export type PostFacts = {
  id: number;
  assignmentId: number;
  promptId: string;
  /** Null when the author was removed from the class (the post is then blanked as deleted). */
  authorId: number | null;
  parentId: number | null;
  hidden: boolean;
  deleted: boolean;
  hasFeedback: boolean;
};

/** The pupil's own, not-deleted top-level response to the prompt (hidden ones count: they did post). */
export function hasOwnResponse(
  posts: readonly PostFacts[],
  pupilId: number,
  promptId: string,
): boolean {
  return posts.some(
    (p) => p.authorId === pupilId && p.promptId === promptId && p.parentId === null && !p.deleted,
  );
}

/** With post-first on, classmates' responses to a prompt appear only once the pupil has posted their own. */
export function canSeeClassmates(postFirst: boolean, ownResponse: boolean): boolean {
  return !postFirst || ownResponse;
}

/**
 * Whether a post itself (not its thread) is shown to a pupil. Hidden posts are shown only to their
 * author, marked as hidden by the teacher — their work does not silently vanish, and no classmate
 * sees it. Deleted posts are never shown as text (a placeholder may stand in; see `showAsDeleted`).
 */
export function visibleToPupil(
  post: Pick<PostFacts, "authorId" | "hidden" | "deleted">,
  pupilId: number,
): boolean {
  if (post.deleted) return false;
  return !post.hidden || post.authorId === pupilId;
}

/** A deleted top-level response keeps its place as "(deleted)" while replies to it are still shown. */
export function showAsDeleted(
  post: Pick<PostFacts, "deleted" | "parentId">,
  visibleReplies: number,
): boolean {
  return post.deleted && post.parentId === null && visibleReplies > 0;
}

export type EditRefusal =
  "discuss.err.notYours" | "discuss.err.locked" | "discuss.err.gone" | "discuss.err.closed";

/** Authors edit or delete their own posts until the teacher gives feedback on them, and while the discussion is open. */
export function editRefusal(
  post: Pick<PostFacts, "authorId" | "deleted" | "hasFeedback">,
  pupilId: number,
  closed: boolean,
): EditRefusal | null {
  if (post.authorId !== pupilId) return "discuss.err.notYours";
  if (post.deleted) return "discuss.err.gone";
  if (closed) return "discuss.err.closed";
  if (post.hasFeedback) return "discuss.err.locked";
  return null;
}

export type ReplyRefusal =
  | "discuss.err.replyTarget"
  | "discuss.err.replyNested"
  | "discuss.err.replyHidden"
  | "discuss.err.replyDeleted"
  | "discuss.err.postFirst"
  | "discuss.err.closed";

/**
 * Replies go one level deep, to a response in the same assignment that the pupil can see. With
 * post-first on, the pupil must have answered the prompt first (they could not read it otherwise).
 */
export function replyRefusal(input: {
  parent: PostFacts | null;
  assignmentId: number;
  pupilId: number;
  postFirst: boolean;
  ownResponse: boolean;
  closed: boolean;
}): ReplyRefusal | null {
  const { parent } = input;
  if (!parent || parent.assignmentId !== input.assignmentId) return "discuss.err.replyTarget";
  if (input.closed) return "discuss.err.closed";
  if (parent.parentId !== null) return "discuss.err.replyNested";
  if (parent.deleted) return "discuss.err.replyDeleted";
  if (parent.hidden) return "discuss.err.replyHidden";
  if (parent.authorId !== input.pupilId && !canSeeClassmates(input.postFirst, input.ownResponse))
    return "discuss.err.postFirst";
  return null;
}

/** The discussion step is done when every prompt has the pupil's own top-level response. */
export function discussionDone(
  promptIds: readonly string[],
  answered: ReadonlySet<string>,
): boolean {
  return promptIds.every((id) => answered.has(id));
}

// ---------------------------------------------------------------------------------------------
// Display: plain text split into pieces. Only these pieces ever become links; everything else is
// rendered as React text, so markup in a post is shown, never run.

export type Segment =
  | { kind: "text"; text: string }
  | { kind: "cite"; text: string; paragraph: number }
  | { kind: "link"; text: string; href: string };

// "paragraf 3", "Paragraf ke-3", "par. 3", "paragraph 3", "paragraphs 3 and 5", "¶3", "¶ 3"
const CITE =
  /(¶\s?|\b(?:paragraf|paragraphs?|par\.)\s*(?:ke-?\s?)?)(\d{1,3})(?!\d)((?:\s*(?:,\s*(?:dan\s+|and\s+|serta\s+|&\s*)?|dan\s+|and\s+|serta\s+|&\s*)\d{1,3}(?!\d))*)/giu;
const LIST_NUMBER = /\d{1,3}/g;

function pushText(out: Segment[], text: string) {
  if (!text) return;
  const last = out.at(-1);
  if (last?.kind === "text") last.text += text;
  else out.push({ kind: "text", text });
}

function pushPiece(out: Segment[], piece: Segment) {
  if (piece.kind === "text") pushText(out, piece.text);
  else out.push(piece);
}

/** Citations of paragraphs 1..paragraphCount become `cite` segments; other numbers stay text. */
export function parseCitations(text: string, paragraphCount: number): Segment[] {
  const out: Segment[] = [];
  const exists = (n: number) => n >= 1 && n <= paragraphCount;
  let at = 0;
  for (const match of text.matchAll(CITE)) {
    const start = match.index ?? 0;
    pushText(out, text.slice(at, start));
    const [, keyword, first, tail] = match;
    const n = Number(first);
    if (exists(n)) out.push({ kind: "cite", text: keyword + first, paragraph: n });
    else pushText(out, keyword + first);
    let tailAt = 0;
    for (const num of tail.matchAll(LIST_NUMBER)) {
      const numStart = num.index ?? 0;
      pushText(out, tail.slice(tailAt, numStart));
      const value = Number(num[0]);
      if (exists(value)) out.push({ kind: "cite", text: num[0], paragraph: value });
      else pushText(out, num[0]);
      tailAt = numStart + num[0].length;
    }
    pushText(out, tail.slice(tailAt));
    at = start + match[0].length;
  }
  pushText(out, text.slice(at));
  return out;
}

const URL_CANDIDATE = /\bhttps?:\/\/[^\s<>"'`]+/gi;

/** A web address only when it parses and its scheme is http or https; trailing punctuation is left outside. */
export function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    if (!url.hostname) return null;
    return url.href;
  } catch {
    return null;
  }
}

function trimUrl(raw: string): string {
  let url = raw.replace(/[.,;:!?]+$/, "");
  // a closing bracket belongs to the address only when the address opened one
  while (url.endsWith(")") && (url.match(/\(/g)?.length ?? 0) < (url.match(/\)/g)?.length ?? 0))
    url = url.slice(0, -1).replace(/[.,;:!?]+$/, "");
  return url;
}

/** Splits a post into text, http(s) links and paragraph citations. */
export function segmentPost(text: string, paragraphCount: number): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const match of text.matchAll(URL_CANDIDATE)) {
    const start = match.index ?? 0;
    const raw = trimUrl(match[0]);
    const href = safeHref(raw);
    if (!href) continue;
    for (const s of parseCitations(text.slice(at, start), paragraphCount)) pushPiece(out, s);
    out.push({ kind: "link", text: raw, href });
    at = start + raw.length;
  }
  for (const s of parseCitations(text.slice(at), paragraphCount)) pushPiece(out, s);
  return out;
}
