// The route matcher with our patch (decision 089: a route tree is flattened and ranked once, and a
// pattern compiled once): the same answers as a fresh matcher, call after call, for paths with
// parameters, optional segments and splats, and no parameter carried from one call to the next.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { createRequire } from "node:module";
import { matchRoutes, type AgnosticRouteObject as RouteObject } from "@remix-run/router";

const routes: RouteObject[] = [
  {
    id: "root",
    path: "",
    children: [
      { id: "home", index: true },
      { id: "assignment", path: "teacher/assignments/:assignmentId" },
      { id: "pupil", path: "teacher/assignments/:assignmentId/pupils/:pupilId" },
      { id: "optional", path: "lessons/:slug/:lang?" },
      { id: "new", path: "teacher/lessons/new" },
      { id: "lesson", path: "teacher/lessons/:lessonId" },
      { id: "splat", path: "files/*" },
      { id: "not-found", path: "*" },
    ],
  },
];

const summary = (path: string) =>
  matchRoutes(routes, path)?.map((m) => ({ id: m.route.id, params: m.params })) ?? null;

test("the patch is in the module Node loads for the server", () => {
  const file = createRequire(import.meta.url).resolve("@remix-run/router");
  assert.match(fs.readFileSync(file, "utf8"), /Telaah patch \(docs\/decisions\/089\)/);
});

test("matching a path gives the same routes and parameters on every call, whatever came before", () => {
  const cases: [string, string, Record<string, string | undefined>][] = [
    ["/", "home", {}],
    ["/teacher/assignments/7", "assignment", { assignmentId: "7" }],
    ["/teacher/assignments/7/pupils/12", "pupil", { assignmentId: "7", pupilId: "12" }],
    ["/lessons/banjir/en", "optional", { slug: "banjir", lang: "en" }],
    ["/lessons/banjir", "optional", { slug: "banjir" }],
    ["/teacher/lessons/new", "new", {}],
    ["/teacher/lessons/41", "lesson", { lessonId: "41" }],
    ["/files/a/b.txt", "splat", { "*": "a/b.txt" }],
    ["/nowhere/at/all", "not-found", { "*": "nowhere/at/all" }],
  ];
  for (let round = 0; round < 3; round++) {
    for (const [path, id, params] of round === 1 ? [...cases].reverse() : cases) {
      const matches = summary(path);
      assert.ok(matches, path);
      const leaf = matches.at(-1)!;
      assert.equal(leaf.id, id, path);
      assert.deepEqual({ ...leaf.params }, params, path);
      assert.equal(matches[0].id, "root", path);
    }
  }
});

test("a new route tree is matched as itself, not as a tree seen before", () => {
  const other: RouteObject[] = [{ id: "only", path: "teacher/lessons/:other" }];
  assert.equal(summary("/teacher/lessons/new")!.at(-1)!.id, "new");
  const matches = matchRoutes(other, "/teacher/lessons/new");
  assert.deepEqual(
    matches?.map((m) => [m.route.id, { ...m.params }]),
    [["only", { other: "new" }]],
  );
  assert.equal(matchRoutes(other, "/teacher/assignments/7"), null);
});
