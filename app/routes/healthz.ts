// Liveness and readiness: answers only after a real database query succeeds.
import { json } from "@remix-run/node";
import { sqlite } from "~/db.server";
import { applySecurityHeaders } from "~/utils/headers.server";

export async function loader() {
  const headers = new Headers({ "Cache-Control": "no-store" });
  applySecurityHeaders(headers);
  try {
    const row = sqlite().prepare("SELECT count(*) AS lessons FROM lesson_versions").get() as {
      lessons: number;
    };
    return json({ status: "ok", db: "ok", lessonVersions: row.lessons }, { headers });
  } catch {
    return json({ status: "error", db: "unavailable" }, { status: 503, headers });
  }
}
