// The one 404 helper: what it throws, and the 400 for requests no form of ours sends.
import { test } from "node:test";
import assert from "node:assert/strict";
import { badRequest, notFound, notFoundResponse } from "~/utils/http.server";
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

test("badRequest throws the 400", () => {
  assert.throws(
    () => badRequest(),
    (e: unknown) => e instanceof Response && e.status === 400,
  );
});

test("a malformed id is the same 404 as a missing row", async () => {
  for (const bad of [null, "", "0", "-1", "1.5", "abc", "99999999999999999"])
    await is404(() => parseId(bad));
  assert.equal(parseId("42"), 42);
});
