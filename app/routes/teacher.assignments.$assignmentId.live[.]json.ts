// The live class view's data as JSON for the page's poll: 304 when nothing changed since the ETag
// the page holds (one small read), else the snapshot; `?view=counts` leaves out every pupil (projector).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { livePoll } from "~/models/live.server";
import { requireTeacher } from "~/utils/auth.server";
import { applySecurityHeaders } from "~/utils/headers.server";
import { parseId } from "~/utils/ids";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const view = new URL(request.url).searchParams.get("view") === "counts" ? "counts" : "full";
  const r = await livePoll({
    teacherId: teacher.teacherId,
    assignmentId: parseId(params.assignmentId),
    ifNoneMatch: request.headers.get("If-None-Match"),
    view,
  });
  // no-store: names of children never stay in a cache; the page sends the ETag it holds itself
  // (If-None-Match), so the 304 path works without the browser's cache
  const headers = new Headers({ ETag: r.etag, "Cache-Control": "no-store", Vary: "Cookie" });
  applySecurityHeaders(headers);
  if (r.status === 304) return new Response(null, { status: 304, headers });
  headers.set("Content-Type", "application/json; charset=utf-8");
  return new Response(r.body, { status: 200, headers });
}
