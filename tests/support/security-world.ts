// Two teachers' worlds side by side (class A and class B, each with a pupil, a classmate, an
// assignment, an open attempt and a post, and a spare class of the same teacher), a co-teacher of
// class A, signed-in cookies for the six roles the security tests act as, a
// fingerprint of everything in both worlds, and raw HTTP requests that send exactly those cookies.
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { createClass, createPupil, createTeacher, testDb, unique } from "./factories";
import { createAssignment, seedLesson, SEED_SLUG } from "./lesson";
import { insertSession, type TestOwner } from "./session";

export const ROLES = ["anon", "pupilA", "pupilB", "teacherA", "teacherB", "coTeacherA"] as const;
export type Role = (typeof ROLES)[number];

type Owner = TestOwner;

/** A session row like a sign-in makes, and the Cookie header that carries it (plus the raw id). */
export function sessionFor(owner: Owner): Promise<{ header: string; id: string; value: string }> {
  return insertSession(testDb(), owner);
}

export function insertAttempt(assignmentId: number, pupilId: number, number = 1) {
  return (
    testDb()
      .prepare(
        "INSERT INTO attempts (assignment_id, pupil_id, number, seed) VALUES (?, ?, ?, ?) RETURNING id",
      )
      .get(assignmentId, pupilId, number, 12345 + number) as { id: number }
  ).id;
}

export function insertPost(input: {
  assignmentId: number;
  authorId: number;
  promptId: string;
  body: string;
  parentId?: number;
}) {
  return (
    testDb()
      .prepare(
        "INSERT INTO posts (assignment_id, prompt_id, author_id, parent_id, body) VALUES (?, ?, ?, ?, ?) RETURNING id",
      )
      .get(
        input.assignmentId,
        input.promptId,
        input.authorId,
        input.parentId ?? null,
        input.body,
      ) as { id: number }
  ).id;
}

/** A teacher's own lesson written in the app: a valid, unpublished draft (a copy of the seed lesson). */
export function insertAuthoredLesson(teacherId: number, slug: string) {
  const draft = { ...seedLesson(), slug };
  return (
    testDb()
      .prepare(
        "INSERT INTO authored_lessons (slug, owner_id, draft, title, language, grade_band, search_text) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      )
      .get(
        slug,
        teacherId,
        JSON.stringify(draft),
        draft.title,
        draft.language,
        draft.gradeBand,
        draft.title.toLowerCase(),
      ) as { id: number }
  ).id;
}

async function side(label: string) {
  const teacher = await createTeacher({
    name: `Guru ${label}`,
    password: `kata sandi guru ${label} ${unique("x")}`,
  });
  const klass = createClass(teacher.id, { name: unique(`Kelas ${label}`) });
  const pupil = await createPupil(klass.id, { name: unique(`Siswa ${label}`), pin: "4821" });
  const assignmentId = createAssignment(klass.id, { maxAttempts: 2, feedback: "immediate" });
  const attemptId = insertAttempt(assignmentId, pupil.id);
  const postId = insertPost({
    assignmentId,
    authorId: pupil.id,
    promptId: "d3",
    body: `Tulisan siswa ${label}: tuduhan itu tidak disertai bukti yang bisa diperiksa.`,
  });
  const lessonId = insertAuthoredLesson(teacher.id, unique(`pelajaran-${label.toLowerCase()}`));
  // a classmate to merge into, and a second class of the teacher to copy into (issue 18)
  const twin = await createPupil(klass.id, { name: unique(`Kembar ${label}`), pin: "4821" });
  const spare = createClass(teacher.id, { name: unique(`Kelas Cadangan ${label}`) });
  const sessions = {
    teacher: await sessionFor({ role: "teacher", id: teacher.id }),
    pupil: await sessionFor({ role: "pupil", id: pupil.id }),
  };
  return {
    teacher,
    klass,
    pupil,
    twin,
    spare,
    assignmentId,
    attemptId,
    postId,
    lessonId,
    sessions,
  };
}

export type Side = Awaited<ReturnType<typeof side>>;
/** Another teacher of the installation, co-teaching class A (owns no class). */
async function coTeacherOf(a: Side) {
  const teacher = await createTeacher({
    name: "Guru Pendamping",
    password: `kata sandi pendamping ${unique("x")}`,
  });
  testDb()
    .prepare("INSERT INTO class_teachers (class_id, teacher_id) VALUES (?, ?)")
    .run(a.klass.id, teacher.id);
  return { teacher, session: await sessionFor({ role: "teacher", id: teacher.id }) };
}

export type World = { A: Side; B: Side; co: Awaited<ReturnType<typeof coTeacherOf>> };

export async function createWorld(): Promise<World> {
  const A = await side("A");
  return { A, B: await side("B"), co: await coTeacherOf(A) };
}

export function cookieOf(world: World, role: Role): string {
  switch (role) {
    case "anon":
      return "";
    case "pupilA":
      return world.A.sessions.pupil.header;
    case "pupilB":
      return world.B.sessions.pupil.header;
    case "teacherA":
      return world.A.sessions.teacher.header;
    case "teacherB":
      return world.B.sessions.teacher.header;
    case "coTeacherA":
      return world.co.session.header;
  }
}

/** URL parameters pointing at one side's resources. */
export function paramsOf(s: Side): Record<string, string | number> {
  return {
    classId: s.klass.id,
    assignmentId: s.assignmentId,
    pupilId: s.pupil.id,
    attemptId: s.attemptId,
    slug: SEED_SLUG,
    lessonId: s.lessonId,
    "*": "tidak/ada/halaman-ini",
  };
}

/** Everything both worlds hold, minus "last seen" times that reading a page may touch. */
export function fingerprint(world: World): string {
  const db = testDb();
  const teacherIds = [world.A.teacher.id, world.B.teacher.id, world.co.teacher.id];
  const t = `(${teacherIds.join(",")})`;
  const classes = `(SELECT id FROM classes WHERE teacher_id IN ${t})`;
  const assignments = `(SELECT id FROM assignments WHERE class_id IN ${classes})`;
  const pupils = `(SELECT id FROM pupils WHERE class_id IN ${classes})`;
  const queries = [
    `SELECT id, name, email, password_hash FROM teachers WHERE id IN ${t}`,
    `SELECT * FROM classes WHERE teacher_id IN ${t} ORDER BY id`,
    `SELECT class_id, teacher_id FROM class_teachers WHERE class_id IN ${classes} OR teacher_id IN ${t} ORDER BY class_id, teacher_id`,
    `SELECT id, class_id, display_name, name_key, pin_hash, joined_at FROM pupils WHERE class_id IN ${classes} ORDER BY id`,
    `SELECT * FROM assignments WHERE class_id IN ${classes} ORDER BY id`,
    `SELECT * FROM attempts WHERE assignment_id IN ${assignments} ORDER BY id`,
    `SELECT * FROM answers WHERE attempt_id IN (SELECT id FROM attempts WHERE assignment_id IN ${assignments}) ORDER BY id`,
    `SELECT * FROM posts WHERE assignment_id IN ${assignments} ORDER BY id`,
    `SELECT * FROM extensions WHERE assignment_id IN ${assignments} ORDER BY id`,
    `SELECT id, post_id, body, created_at FROM post_feedback WHERE post_id IN (SELECT id FROM posts WHERE assignment_id IN ${assignments}) ORDER BY id`,
    `SELECT id_hash, role, teacher_id, pupil_id FROM sessions WHERE teacher_id IN ${t} OR pupil_id IN ${pupils} ORDER BY id_hash`,
  ];
  return JSON.stringify(queries.map((q) => db.prepare(q).all()));
}

export type FormValues = Record<string, string | number | (string | number)[]>;

export function encodeForm(form: FormValues): string {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form))
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, String(v));
  return body.toString();
}

/**
 * One request carrying exactly the given Cookie header (an empty one for anonymous), so the
 * request context's own cookie jar never adds a session picked up from an earlier answer.
 */
export function send(
  request: APIRequestContext,
  input: {
    method: "GET" | "POST";
    url: string;
    cookie: string;
    form?: FormValues;
    headers?: Record<string, string>;
  },
): Promise<APIResponse> {
  const base = `http://127.0.0.1:${process.env.E2E_PORT}`;
  const headers: Record<string, string> = { Cookie: input.cookie, ...input.headers };
  if (input.method === "GET") return request.get(input.url, { headers, maxRedirects: 0 });
  return request.post(input.url, {
    headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded", ...headers },
    data: encodeForm(input.form ?? {}),
    maxRedirects: 0,
  });
}

export type Outcome = "ok" | "teacherLogin" | "pupilLogin" | 403 | 404;

/** What an answer amounts to: allowed, sent to a sign-in page, not found, or something else. */
export function outcomeOf(
  response: Pick<APIResponse, "status" | "headers">,
): Outcome | `other ${number}` {
  const status = response.status();
  const headers = response.headers();
  const location = headers["location"] ?? headers["x-remix-redirect"];
  if (status === 404) return 404;
  if (status === 403) return 403;
  if ((status >= 300 && status < 400) || (status === 204 && location)) {
    if (location?.startsWith("/teacher/login?redirectTo=")) return "teacherLogin";
    if (location?.startsWith("/pupil/login?redirectTo=")) return "pupilLogin";
    return "ok";
  }
  if (status >= 200 && status < 300) return "ok";
  return `other ${status}`;
}
