// The one 404 helper: what it throws, and that invariantResponse narrows and throws alike.
import { test } from "node:test";
import assert from "node:assert/strict";
import { invariantResponse, notFound, notFoundResponse } from "~/utils/http.server";
import { parseId } from "~/utils/ids";

const is404 = async (run: () => unknown) => {
  try {
    run();
  } catch (thrown) {
    assert.ok(thrown instanceof Response, "a Response is thrown");
    assert.equal(thrown.status, 404);
    assert.equal(await thrown.text(), "Not found");
    return;
  }
  assert.fail("nothing was thrown");
};

test("notFound throws the 404 the error boundary renders; notFoundResponse returns it", async () => {
  await is404(() => notFound());
  assert.equal(notFoundResponse().status, 404);
});

test("invariantResponse passes a truthy condition and throws the same 404 otherwise", async () => {
  const row: { id: number } | undefined = { id: 3 };
  invariantResponse(row);
  assert.equal(row.id, 3);
  for (const falsy of [undefined, null, false, 0, ""]) await is404(() => invariantResponse(falsy));
  assert.throws(
    () => invariantResponse(false, "Gone", { status: 410 }),
    (e: unknown) => e instanceof Response && e.status === 410,
  );
});

test("a malformed id is the same 404 as a missing row", async () => {
  for (const bad of [null, "", "0", "-1", "1.5", "abc", "99999999999999999"])
    await is404(() => parseId(bad));
  assert.equal(parseId("42"), 42);
});
