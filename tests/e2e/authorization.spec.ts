// The authorization matrix: every route file's loader and action, called over HTTP as nobody, a
// pupil of class A or B, the teacher of class A or B and a co-teacher of class A, with class A's ids in the URL. Also:
// extra form fields are ignored (mass assignment) and other classes' ids give 404.
import { expect, test } from "@playwright/test";
import { MATRIX, massAssignmentExtras, ownerOf, type Cells } from "../support/route-matrix";
import { actionUrl, dataUrl, fillPattern, routeFiles, type RouteFile } from "../support/routes";
import {
  cookieOf,
  createWorld,
  fingerprint,
  outcomeOf,
  paramsOf,
  ROLES,
  type FormValues,
  type Role,
  type World,
} from "../support/security-world";
import { send } from "../support/raw-http";

const routes = routeFiles();

test("the matrix covers every route file in app/routes, and nothing else", () => {
  const files = routes.map((r) => r.file).sort();
  expect(
    Object.keys(MATRIX).sort(),
    "a route file without a matrix entry (or a stale entry)",
  ).toEqual(files);
  for (const r of routes) {
    const spec = MATRIX[r.file];
    expect(Boolean(spec.get), `${r.file}: GET cells iff it has a loader or a page`).toBe(
      r.loader || r.page,
    );
    expect(Boolean(spec.post?.length), `${r.file}: form cases iff it exports an action`).toBe(
      r.action,
    );
  }
  // sanity of the mapping from file names to URLs
  const byFile = new Map(routes.map((r) => [r.file, r]));
  expect(byFile.get("teacher.assignments.$assignmentId.results[.]csv.tsx")?.pattern).toBe(
    "/teacher/assignments/:assignmentId/results.csv",
  );
  expect(byFile.get("teacher.classes.$classId._index.tsx")).toMatchObject({
    pattern: "/teacher/classes/:classId",
    index: true,
  });
  expect(byFile.get("$.tsx")?.pattern).toBe("/*");
});

/** Allowed answers must not be a sign-in redirect in disguise, and login redirects must come back here. */
function judge(
  route: RouteFile,
  role: Role,
  expected: Cells[Role],
  response: Awaited<ReturnType<typeof send>>,
  path: string,
) {
  const got = outcomeOf(response);
  const problems: string[] = [];
  if (got !== expected) problems.push(`${route.file} ${role}: expected ${expected}, got ${got}`);
  if (got === "teacherLogin" || got === "pupilLogin") {
    const location = response.headers()["location"] ?? response.headers()["x-remix-redirect"];
    const back = new URL(location!, "http://x").searchParams.get("redirectTo") ?? "";
    if (!back.startsWith(path))
      problems.push(`${route.file} ${role}: redirectTo ${back} does not lead back to ${path}`);
  }
  if (response.status() >= 500) problems.push(`${route.file} ${role}: ${response.status()}`);
  return problems;
}

test("every loader answers each role as the matrix says", async () => {
  const world = await createWorld();
  const problems: string[] = [];
  for (const route of routes) {
    const cells = MATRIX[route.file]?.get;
    if (!cells) continue;
    const path = fillPattern(route.pattern, paramsOf(world.A));
    for (const role of ROLES) {
      const cookie = cookieOf(world, role);
      problems.push(
        ...judge(route, role, cells[role], await send({ method: "GET", url: path, cookie }), path),
      );
      // the route's own loader alone (a layout's loader is otherwise hidden behind its index child)
      if (route.loader && route.page)
        problems.push(
          ...judge(
            route,
            role,
            cells[role],
            await send({ method: "GET", url: dataUrl(route, path), cookie }),
            path,
          ),
        );
    }
  }
  expect(problems).toEqual([]);
});

/** Roles refused first, so the allowed requests (which change things) come last. */
const refusedFirst = (c: Cells) =>
  [...ROLES].sort((a, b) => Number(c[a] === "ok") - Number(c[b] === "ok"));

function withExtras(world: World, form: FormValues): FormValues {
  const extras = massAssignmentExtras(world);
  for (const key of Object.keys(form)) delete extras[key];
  return { ...form, ...extras };
}

test("every action answers each role as the matrix says, ignores extra fields, and refusals change nothing", async () => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  for (const route of routes.filter((r) => r.action)) {
    for (const c of MATRIX[route.file]?.post ?? []) {
      // a fresh pair of worlds per form: allowed posts delete and rename things
      const first = await createWorld();
      for (const role of refusedFirst(c.cells)) {
        // the co-teacher acts where the owner already did: an allowed post gets its own world
        const world =
          role === "coTeacherA" && c.cells.coTeacherA === "ok" && c.cells.teacherA === "ok"
            ? await createWorld()
            : first;
        const path = fillPattern(route.pattern, paramsOf(world.A));
        const expected = c.cells[role];
        const form = withExtras(world, c.form(world, role));
        const before = fingerprint(world);
        const prepared = expected === "ok" ? c.before?.(world, role) : undefined;
        const response = await send({
          method: "POST",
          url: actionUrl(route, path),
          cookie: cookieOf(world, role),
          form,
        });
        const found = judge(route, role, expected, response, path).map((p) => `${p} [${c.name}]`);
        problems.push(...found);
        if (expected !== "ok" && fingerprint(world) !== before)
          problems.push(`${route.file} ${role} [${c.name}]: a refused post changed data`);
        if (expected === "ok" && found.length === 0) {
          if (!c.check) {
            problems.push(
              `${route.file} ${role} [${c.name}]: an allowed action without a check of what it did`,
            );
            continue;
          }
          try {
            await c.check(world, role, form, { response, before: prepared });
          } catch (error) {
            problems.push(
              `${route.file} ${role} [${c.name}]: ${(error as Error).message.split("\n").slice(0, 14).join(" ")}`,
            );
          }
        }
      }
    }
  }
  expect(problems).toEqual([]);
});

test("class B's ids in a URL of a route about class A give 404, for its own teacher or pupil", async () => {
  const problems: string[] = [];
  const world = await createWorld();
  for (const route of routes.filter((r) => r.params.some((p) => p !== "slug" && p !== "*"))) {
    const spec = MATRIX[route.file];
    const owner = spec?.get ? ownerOf(spec.get) : null;
    if (!owner) continue;
    const cookie = cookieOf(world, owner);
    for (const param of route.params) {
      const mixes: (string | number)[] = [
        paramsOf(world.B)[param],
        "0",
        "-1",
        "abc",
        "99999999999999999999",
        "1.5",
      ];
      for (const value of mixes) {
        const path = fillPattern(route.pattern, { ...paramsOf(world.A), [param]: value });
        const get = await send({ method: "GET", url: path, cookie });
        if (get.status() !== 404)
          problems.push(`GET ${route.file} ${param}=${value}: ${get.status()}`);
        for (const c of spec.post ?? []) {
          if (c.cells[owner] !== "ok") continue;
          const before = fingerprint(world);
          const post = await send({
            method: "POST",
            url: actionUrl(route, path),
            cookie,
            form: c.form(world, owner),
          });
          if (post.status() !== 404)
            problems.push(`POST ${route.file} [${c.name}] ${param}=${value}: ${post.status()}`);
          if (fingerprint(world) !== before)
            problems.push(`POST ${route.file} [${c.name}] ${param}=${value}: changed data`);
        }
      }
    }
  }
  expect(problems).toEqual([]);
});

test("class B's ids inside a form posted to class A's pages are refused and change nothing", async () => {
  const world = await createWorld();
  const { A, B } = world;
  const teacher = cookieOf(world, "teacherA");
  const pupil = cookieOf(world, "pupilA");
  const cases: { url: string; cookie: string; form: FormValues }[] = [
    {
      url: `/teacher/classes/${A.klass.id}?index`,
      cookie: teacher,
      form: { intent: "resetPin", pupilId: B.pupil.id },
    },
    {
      url: `/teacher/classes/${A.klass.id}/pupils/${A.pupil.id}/merge`,
      cookie: teacher,
      form: { intoId: B.pupil.id, confirm: "yes" },
    },
    {
      url: "/teacher/classes/archive",
      cookie: teacher,
      form: { classId: [A.klass.id, B.klass.id] },
    },
    {
      url: `/teacher/assignments/${A.assignmentId}/copy`,
      cookie: teacher,
      form: { toClassId: B.klass.id },
    },
    {
      url: "/teacher/assign",
      cookie: teacher,
      form: {
        lesson: "ktt-putin-kim-2024",
        classId: [A.klass.id, B.klass.id],
        due: "2099-01-01T08:00",
        maxAttempts: "1",
        counting: "highest",
        feedback: "immediate",
      },
    },
    {
      url: `/teacher/assignments/${A.assignmentId}/discussion`,
      cookie: teacher,
      form: { intent: "feedback", postId: B.postId, body: "Bukan muridku." },
    },
    {
      url: `/teacher/assignments/${A.assignmentId}/discussion`,
      cookie: teacher,
      form: { intent: "hide", postId: B.postId, value: "true" },
    },
    {
      url: `/teacher/assignments/${A.assignmentId}/discussion`,
      cookie: teacher,
      form: { intent: "exemplary", postId: B.postId, value: "true" },
    },
    {
      url: `/pupil/assignments/${A.assignmentId}/discuss`,
      cookie: pupil,
      form: { intent: "reply", parentId: B.postId, body: "Halo dari kelas lain." },
    },
    {
      url: `/pupil/assignments/${A.assignmentId}/discuss`,
      cookie: pupil,
      form: { intent: "edit", postId: B.postId, body: "Diubah oleh orang lain sekali." },
    },
    {
      url: `/pupil/assignments/${A.assignmentId}/discuss`,
      cookie: pupil,
      form: { intent: "delete", postId: B.postId },
    },
    {
      url: `/pupil/assignments/${A.assignmentId}/discuss`,
      cookie: pupil,
      form: {
        intent: "respond",
        promptId: "tidak-ada",
        body: "Tanggapan untuk pertanyaan yang tidak ada.",
      },
    },
    {
      url: `/pupil/assignments/${A.assignmentId}/quiz`,
      cookie: pupil,
      form: { attemptId: B.attemptId },
    },
    {
      url: `/pupil/attempts/${B.attemptId}/answers`,
      cookie: pupil,
      form: { kind: "quiz", itemId: "q1", choice: "a" },
    },
  ];
  const problems: string[] = [];
  for (const c of cases) {
    const before = fingerprint(world);
    const response = await send({ method: "POST", ...c });
    const status = response.status();
    if (status < 400 || status >= 500)
      problems.push(`${c.url} ${JSON.stringify(c.form)}: ${status}`);
    if (fingerprint(world) !== before)
      problems.push(`${c.url} ${JSON.stringify(c.form)}: changed data`);
  }
  expect(problems).toEqual([]);
});
