// The pupils' answer page on the form kit: which choices a posted page carries (Part B under
// `b.<question id>`), and a form that is not the page's refused field by field, never thrown.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "telaah-answer-page-unit-"));
process.env.DATABASE_PATH = path.join(dir, "telaah.db");
process.env.SESSION_SECRET = "unit-test-secret-of-at-least-32-chars";

const { answerPageSchema, pageChoices } = await import("~/models/answer-page.server");
const { parseSubmission } = await import("~/utils/form.server");
const { choiceField } = await import("~/components/choice-item");

after(async () => {
  const { closeDatabase } = await import("~/db.server");
  closeDatabase();
  fs.rmSync(dir, { recursive: true, force: true });
});

const formOf = (entries: [string, string][]) => {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
};

test("every choice on the page is read, Part B under its stored id", async () => {
  const submission = parseSubmission(
    formOf([
      ["attemptId", "7"],
      [choiceField("s1"), "opinion"],
      [choiceField("q16"), "b"],
      [choiceField("q16.b"), "c"],
      ["save", "q16.b"],
    ]),
    answerPageSchema,
  );
  assert.equal(choiceField("q16.b"), "b.q16");
  assert.equal(submission.status, "success");
  if (submission.status !== "success") return;
  assert.equal(submission.value.save, "q16.b");
  assert.deepEqual(
    [...pageChoices(submission.value)],
    [
      ["s1", "opinion"],
      ["q16", "b"],
      ["q16.b", "c"],
    ],
  );
});

test("a form that is not the page's is refused with messages, not thrown", async () => {
  const tooMany = Array.from({ length: 201 }, (_, i): [string, string] => [`a.q${i}`, "a"]);
  for (const entries of [
    [["attemptId", "x"]],
    [
      ["attemptId", "7"],
      ["intent", "delete"],
    ],
    [
      ["attemptId", "7"],
      ["save", "q1.c"],
    ],
    [
      ["attemptId", "7"],
      ["a.q1", "x".repeat(65)],
    ],
    [["attemptId", "7"], ...tooMany],
  ] as [string, string][][]) {
    const submission = parseSubmission(formOf(entries), answerPageSchema);
    assert.equal(submission.status, "error", JSON.stringify(entries).slice(0, 80));
  }
});

test("a refused save answers through the kit: 400, no-store, the message under the item's radio group, the choices kept", async () => {
  const { refuse } = await import("~/utils/form.server");
  const { refusalMessage } = await import("~/utils/answer-refusal");
  const { isMessageKey } = await import("~/i18n");
  for (const reason of ["submitted", "closed", "ended", "item", "choice", "noChoice", "signedOut"])
    assert.ok(isMessageKey(refusalMessage(reason)), reason);
  assert.equal(refusalMessage("toString"), "flow.err.item");
  const submission = parseSubmission(
    formOf([
      ["attemptId", "7"],
      ["save", "q16.b"],
      ["a.q1", "b"],
      ["b.q16", "p2"],
    ]),
    answerPageSchema,
  );
  const response = refuse(submission, {
    fieldErrors: { [choiceField("q16.b")]: refusalMessage("closed") },
  });
  assert.equal(response.status, 400);
  assert.equal(response.headers.get("Cache-Control"), "no-store");
  const body = (await response.json()) as {
    result: { error: Record<string, string[]>; initialValue: Record<string, unknown> };
  };
  assert.deepEqual(body.result.error["b.q16"], ["flow.err.closed"]);
  assert.deepEqual(body.result.initialValue.a, { q1: "b" });
  assert.deepEqual(body.result.initialValue.b, { q16: "p2" });
});
