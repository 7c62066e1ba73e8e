// The projector's query through its Zod schema: what it accepts, and that anything else is the
// first item with the key hidden and no names (never an error).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readProjectorQuery } from "~/models/projector-query.server";

const read = (query: string) => readProjectorQuery(new URLSearchParams(query));

test("item, reveal and authors are read as the page's links write them", () => {
  assert.deepEqual(read("item=3&reveal=1&authors=1"), { item: "3", reveal: true, authors: true });
  assert.deepEqual(read(""), { item: null, reveal: false, authors: false });
});

test("anything else falls back to the first item, hidden key, no names", () => {
  for (const bad of ["abc", "-1", "1.5", "", "99999", "1e2", "<b>"])
    assert.deepEqual(read(`item=${encodeURIComponent(bad)}&reveal=yes&authors=true`), {
      item: null,
      reveal: false,
      authors: false,
    });
  assert.deepEqual(read("item=2&item=3&reveal=1&reveal=1"), {
    item: null,
    reveal: false,
    authors: false,
  });
});
