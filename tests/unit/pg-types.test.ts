// PostgreSQL INT8 values (counts, millisecond times) become JS numbers, never silently rounded ones.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseInt8 } from "~/db/pg-types.server";

test("INT8 text becomes a number; one past 2^53 throws", () => {
  assert.equal(parseInt8("0"), 0);
  assert.equal(parseInt8("-42"), -42);
  assert.equal(parseInt8("1795869522172"), 1_795_869_522_172);
  assert.equal(parseInt8(String(Number.MAX_SAFE_INTEGER)), Number.MAX_SAFE_INTEGER);
  assert.throws(() => parseInt8("9007199254740993"), RangeError);
});
