// Who is asking: the signed-in teacher or pupil of a request, and the guards routes call first.
import { redirect } from "@remix-run/node";
import { eq, sql } from "drizzle-orm";
import { classes, pupils, teachers } from "~/db/tables.server";
import { db, first, prepared } from "~/db.server";
import { cookieTrouble, deleteSessionsOf, readSession } from "./session.server";
import { notFound } from "~/utils/http.server";

export type TeacherViewer = { role: "teacher"; teacherId: number; name: string };
export type PupilViewer = {
  role: "pupil";
  pupilId: number;
  name: string;
  classId: number;
  className: string;
  timeZone: "WIB" | "WITA" | "WIT";
};
export type Viewer = TeacherViewer | PupilViewer;

const PUPIL_SEEN_EVERY_MS = 60_000;

// Every signed-in request runs one of these: prepared once (see `prepared` in db.server).
const teacherById = prepared((d) =>
  d
    .select({ id: teachers.id, name: teachers.name })
    .from(teachers)
    .where(eq(teachers.id, sql.placeholder("id")))
    .prepare(),
);
const pupilById = prepared((d) =>
  d
    .select({
      id: pupils.id,
      name: pupils.displayName,
      lastSeenAt: pupils.lastSeenAt,
      classId: classes.id,
      className: classes.name,
      timeZone: classes.timeZone,
      archivedAt: classes.archivedAt,
    })
    .from(pupils)
    .innerJoin(classes, eq(classes.id, pupils.classId))
    .where(eq(pupils.id, sql.placeholder("id")))
    .prepare(),
);

export async function getViewer(request: Request): Promise<Viewer | null> {
  const session = await readSession(request);
  if (!session) return null;
  if (session.role === "teacher" && session.teacherId) {
    const teacher = await first(teacherById().execute({ id: session.teacherId }));
    return teacher ? { role: "teacher", teacherId: teacher.id, name: teacher.name } : null;
  }
  if (session.role === "pupil" && session.pupilId) {
    const row = await first(pupilById().execute({ id: session.pupilId }));
    if (!row) return null;
    if (row.archivedAt) {
      // The class was archived: this is where the pupil's sessions end, so the sign-in page can
      // tell them why instead of just asking them to sign in again.
      await deleteSessionsOf({ pupilId: row.id });
      throw redirect("/pupil/login?reason=archived");
    }
    const now = Date.now();
    if (!row.lastSeenAt || now - row.lastSeenAt.getTime() > PUPIL_SEEN_EVERY_MS)
      await db
        .update(pupils)
        .set({ lastSeenAt: new Date(now) })
        .where(eq(pupils.id, row.id));
    return {
      role: "pupil",
      pupilId: row.id,
      name: row.name,
      classId: row.classId,
      className: row.className,
      timeZone: row.timeZone,
    };
  }
  return null;
}

function signInRedirect(request: Request, path: string): never {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  const trouble = cookieTrouble(request);
  throw redirect(
    `${path}?redirectTo=${encodeURIComponent(back)}${trouble ? `&cookie=${trouble}` : ""}`,
  );
}

/** A signed-in teacher, or a redirect to the teacher sign-in; a pupil gets 404 (not theirs). */
export async function requireTeacher(request: Request): Promise<TeacherViewer> {
  const viewer = await getViewer(request);
  if (!viewer) signInRedirect(request, "/teacher/login");
  if (viewer.role !== "teacher") notFound();
  return viewer;
}

/** A signed-in pupil, or a redirect to the pupil sign-in; a teacher gets 404. */
export async function requirePupil(request: Request): Promise<PupilViewer> {
  const viewer = await getViewer(request);
  if (!viewer) signInRedirect(request, "/pupil/login");
  if (viewer.role !== "pupil") notFound();
  return viewer;
}

/**
 * Only same-site paths are accepted as a return address after sign-in. Control characters are
 * refused (a line break in a Location header is a 500, and URL parsing drops tabs, turning
 * "/\t/evil" into "//evil"). The input is parsed as a URL, and then the path we would send back
 * is checked again, as the browser will read it: normalising can itself produce a
 * protocol-relative address ("/.//evil.test", "/a/..//x", "/%2e//x" and "/./\\x" all become
 * "//…"), so the result must start with exactly one slash, stay on this origin when parsed again,
 * and be plain ASCII (percent-encoded, as a header must be). Anything else gives the fallback.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback: string) {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\"))
    return fallback;
  if (/\p{Cc}/u.test(to)) return fallback;
  const base = "http://same.invalid";
  const url = URL.canParse(to, base) ? new URL(to, base) : null;
  if (!url || url.origin !== base) return fallback;
  const out = url.pathname + url.search + url.hash;
  if (!/^\/(?![/\\])[\x21-\x7e]*$/.test(out)) return fallback;
  const again = URL.canParse(out, base) ? new URL(out, base) : null;
  if (!again || again.origin !== base || again.pathname + again.search + again.hash !== out)
    return fallback;
  return out;
}
