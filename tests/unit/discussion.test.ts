// Discussion rules: citations and links in post text, lengths, who sees what, who may edit and reply.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  canSeeClassmates,
  cerSchema,
  discussionDone,
  editRefusal,
  hasOwnResponse,
  openSchema,
  parseCitations,
  replyRefusal,
  replySchema,
  safeHref,
  segmentPost,
  showAsDeleted,
  textLength,
  visibleToPupil,
  type PostFacts,
  type Segment,
} from "../../app/utils/discussion";

const cites = (segments: Segment[]) =>
  segments.filter((s) => s.kind === "cite").map((s) => (s as { paragraph: number }).paragraph);
const links = (segments: Segment[]) =>
  segments.filter((s) => s.kind === "link").map((s) => (s as { href: string }).href);
const joined = (segments: Segment[]) => segments.map((s) => s.text).join("");

test("citations: the usual ways pupils cite a paragraph become links to that paragraph", () => {
  assert.deepEqual(cites(parseCitations("Lihat paragraf 3.", 7)), [3]);
  assert.deepEqual(cites(parseCitations("Paragraf 3 dan 5 bertentangan", 7)), [3, 5]);
  assert.deepEqual(cites(parseCitations("par. 3 menyebut", 7)), [3]);
  assert.deepEqual(cites(parseCitations("as paragraph 6 says", 7)), [6]);
  assert.deepEqual(cites(parseCitations("paragraphs 1 and 3", 7)), [1, 3]);
  assert.deepEqual(cites(parseCitations("¶3 dan ¶ 4", 7)), [3, 4]);
  assert.deepEqual(cites(parseCitations("paragraf 1, 3, dan 6", 7)), [1, 3, 6]);
  assert.deepEqual(cites(parseCitations("paragraf ke-2", 7)), [2]);
});

test("citations: the text around them is kept exactly, and the link text is what the pupil wrote", () => {
  const text = "Menurut paragraf 3 dan 5, tidak ada bukti.";
  const segments = parseCitations(text, 7);
  assert.equal(joined(segments), text);
  assert.deepEqual(
    segments.filter((s) => s.kind === "cite").map((s) => s.text),
    ["paragraf 3", "5"],
  );
});

test("citations: numbers that are not paragraphs of the lesson stay plain text", () => {
  assert.deepEqual(cites(parseCitations("paragraf 9", 7)), []);
  assert.deepEqual(cites(parseCitations("paragraf 0", 7)), []);
  assert.deepEqual(cites(parseCitations("paragraf 9 dan 3", 7)), [3]);
  assert.equal(joined(parseCitations("paragraf 9 dan 3", 7)), "paragraf 9 dan 3");
  // a year after a comma is not a paragraph list, and words merely containing the keyword do not cite
  assert.deepEqual(cites(parseCitations("paragraf 3, 2024 adalah tahunnya", 7)), [3]);
  assert.deepEqual(cites(parseCitations("subparagraf 3 dan paragrafnya 4", 7)), []);
  assert.deepEqual(cites(parseCitations("ada 3 paragraf", 7)), []);
});

test("links: only http and https addresses become links; trailing punctuation stays outside", () => {
  const segments = segmentPost("Cek https://example.org/a?b=1. Atau (http://contoh.id/x).", 7);
  assert.deepEqual(links(segments), ["https://example.org/a?b=1", "http://contoh.id/x"]);
  assert.equal(joined(segments), "Cek https://example.org/a?b=1. Atau (http://contoh.id/x).");
  assert.deepEqual(links(segmentPost("https://id.wikipedia.org/wiki/Foo_(bar)", 7)), [
    "https://id.wikipedia.org/wiki/Foo_(bar)",
  ]);
});

test("links: script-ish schemes and markup never become links or elements", () => {
  const nasty =
    "<script>alert(1)</script> <img src=x onerror=alert(1)> javascript:alert(1) data:text/html,<b>x</b> vbscript:x";
  const segments = segmentPost(nasty, 7);
  assert.deepEqual(links(segments), []);
  assert.deepEqual(segments, [{ kind: "text", text: nasty }]);
  assert.equal(safeHref("javascript:alert(1)"), null);
  assert.equal(safeHref("https://javascript:alert(1)"), null);
  assert.equal(safeHref("ftp://example.org"), null);
  assert.equal(safeHref("https://example.org"), "https://example.org/");
});

test("links and citations in one post", () => {
  const segments = segmentPost("paragraf 3 vs https://x.test/a, lalu paragraf 4", 7);
  assert.deepEqual(cites(segments), [3, 4]);
  assert.deepEqual(links(segments), ["https://x.test/a"]);
  // a keyword inside an address belongs to the address, so the number after it is not a citation
  const inside = segmentPost("https://x.test/paragraf 4", 7);
  assert.deepEqual(cites(inside), []);
  assert.deepEqual(links(inside), ["https://x.test/paragraf"]);
});

test("lengths: trimmed, CRLF counted as one line break, limits per kind with one message each", () => {
  assert.equal(textLength("héllo 👋"), 7);
  const short = openSchema.safeParse({ body: "   terlalu pendek   " });
  assert.equal(short.success, false);
  assert.equal(short.error?.issues[0].message, "discuss.err.openShort");
  assert.equal(openSchema.safeParse({ body: "   " }).error?.issues[0].message, "discuss.err.empty");
  assert.equal(
    openSchema.safeParse({ body: "x".repeat(2001) }).error?.issues[0].message,
    "discuss.err.openLong",
  );
  const ok = openSchema.safeParse({ body: "  baris satu yang cukup\r\nbaris dua  " });
  assert.equal(ok.success, true);
  assert.equal(ok.data?.body, "baris satu yang cukup\nbaris dua");
  assert.equal(openSchema.safeParse({ body: "x".repeat(2000) }).success, true);

  const cer = cerSchema.safeParse({
    claim: "Klaim yang cukup",
    evidence: "",
    reasoning: "Alasan yang cukup",
  });
  assert.equal(cer.success, false);
  assert.deepEqual(
    cer.error?.issues.map((i) => [i.path[0], i.message]),
    [["evidence", "discuss.err.cerMissing"]],
  );
  assert.equal(
    cerSchema.safeParse({
      claim: "x".repeat(10),
      evidence: "y".repeat(1000),
      reasoning: "z".repeat(10),
    }).success,
    true,
  );
  assert.equal(replySchema.safeParse({ parentId: "4", body: "ok" }).success, true);
  assert.equal(
    replySchema.safeParse({ parentId: "4", body: "x" }).error?.issues[0].message,
    "discuss.err.replyShort",
  );
  assert.equal(replySchema.safeParse({ parentId: "abc", body: "oke" }).success, false);
});

const post = (over: Partial<PostFacts> = {}): PostFacts => ({
  id: 1,
  assignmentId: 10,
  promptId: "d1",
  authorId: 100,
  parentId: null,
  hidden: false,
  deleted: false,
  hasFeedback: false,
  ...over,
});

test("visibility: post-first hides classmates until the pupil's own response exists", () => {
  const posts = [post({ authorId: 200 }), post({ id: 2, authorId: 100, promptId: "d2" })];
  assert.equal(hasOwnResponse(posts, 100, "d1"), false);
  assert.equal(hasOwnResponse(posts, 100, "d2"), true);
  assert.equal(canSeeClassmates(true, false), false);
  assert.equal(canSeeClassmates(true, true), true);
  assert.equal(canSeeClassmates(false, false), true);
  // a reply is not a response, and a deleted response no longer counts
  assert.equal(hasOwnResponse([post({ authorId: 100, parentId: 5 })], 100, "d1"), false);
  assert.equal(hasOwnResponse([post({ authorId: 100, deleted: true })], 100, "d1"), false);
  // a response the teacher hid still counts: the pupil did write it
  assert.equal(hasOwnResponse([post({ authorId: 100, hidden: true })], 100, "d1"), true);
});

test("visibility: hidden posts are seen by their author only; deleted ones by no one", () => {
  assert.equal(visibleToPupil(post({ hidden: true, authorId: 100 }), 200), false);
  assert.equal(visibleToPupil(post({ hidden: true, authorId: 100 }), 100), true);
  assert.equal(visibleToPupil(post(), 200), true);
  assert.equal(visibleToPupil(post({ deleted: true }), 100), false);
  assert.equal(showAsDeleted(post({ deleted: true }), 2), true);
  assert.equal(showAsDeleted(post({ deleted: true }), 0), false);
  assert.equal(showAsDeleted(post({ deleted: true, parentId: 3 }), 1), false);
  assert.equal(showAsDeleted(post(), 2), false);
});

test("edit rules: author only, until feedback, while open, not once deleted", () => {
  assert.equal(editRefusal(post(), 100, false), null);
  assert.equal(editRefusal(post(), 200, false), "discuss.err.notYours");
  assert.equal(editRefusal(post({ hasFeedback: true }), 100, false), "discuss.err.locked");
  assert.equal(editRefusal(post({ deleted: true }), 100, false), "discuss.err.gone");
  assert.equal(editRefusal(post(), 100, true), "discuss.err.closed");
  // hidden by the teacher is not a lock: the author may still fix it
  assert.equal(editRefusal(post({ hidden: true }), 100, false), null);
});

test("reply rules: one level, visible targets in the same assignment, post-first respected", () => {
  const base = {
    assignmentId: 10,
    pupilId: 100,
    postFirst: true,
    ownResponse: true,
    closed: false,
  };
  const theirs = post({ authorId: 200 });
  assert.equal(replyRefusal({ ...base, parent: theirs }), null);
  assert.equal(replyRefusal({ ...base, parent: null }), "discuss.err.replyTarget");
  assert.equal(
    replyRefusal({ ...base, parent: post({ authorId: 200, assignmentId: 11 }) }),
    "discuss.err.replyTarget",
  );
  assert.equal(
    replyRefusal({ ...base, parent: post({ authorId: 200, parentId: 7 }) }),
    "discuss.err.replyNested",
  );
  assert.equal(
    replyRefusal({ ...base, parent: post({ authorId: 200, hidden: true }) }),
    "discuss.err.replyHidden",
  );
  assert.equal(
    replyRefusal({ ...base, parent: post({ authorId: 200, deleted: true }) }),
    "discuss.err.replyDeleted",
  );
  assert.equal(
    replyRefusal({ ...base, ownResponse: false, parent: theirs }),
    "discuss.err.postFirst",
  );
  assert.equal(
    replyRefusal({ ...base, ownResponse: false, postFirst: false, parent: theirs }),
    null,
  );
  assert.equal(replyRefusal({ ...base, closed: true, parent: theirs }), "discuss.err.closed");
  // a pupil may answer replies under their own response
  assert.equal(replyRefusal({ ...base, parent: post({ authorId: 100 }) }), null);
});

test("step completion: done when every prompt has the pupil's response", () => {
  assert.equal(discussionDone(["d1", "d2"], new Set(["d1"])), false);
  assert.equal(discussionDone(["d1", "d2"], new Set(["d2", "d1", "x"])), true);
  assert.equal(discussionDone([], new Set()), true);
});
