// Liveness and readiness: answers only after a real database query succeeds.
import { json } from "@remix-run/node";
import { sql } from "drizzle-orm";
import { row } from "~/db.server";
import { applySecurityHeaders } from "~/utils/headers.server";

export async function loader() {
  const headers = new Headers({ "Cache-Control": "no-store" });
  applySecurityHeaders(headers);
  try {
    const found = await row<{ lessons: number }>(
      sql`SELECT count(*) AS "lessons" FROM lesson_versions`,
    );
    return json({ status: "ok", db: "ok", lessonVersions: found!.lessons }, { headers });
  } catch {
    return json({ status: "error", db: "unavailable" }, { status: 503, headers });
  }
}
