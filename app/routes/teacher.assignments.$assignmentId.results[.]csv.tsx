// The assignment's results as a CSV download for its teacher (404 for anyone else).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getLang } from "~/i18n/lang.server";
import { parseId } from "~/models/class.server";
import { assignmentResults, downloadName } from "~/models/results.server";
import { requireTeacher } from "~/utils/auth.server";
import { contentDisposition } from "~/utils/download-name";
import { applySecurityHeaders } from "~/utils/headers.server";
import { resultsCsv } from "~/utils/results-csv";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const results = await assignmentResults({
    teacherId: teacher.teacherId,
    assignmentId: parseId(params.assignmentId),
  });
  const body = resultsCsv(results, await getLang(request));
  const headers = new Headers({
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": contentDisposition(downloadName(results), "csv"),
    "Cache-Control": "no-store",
  });
  // Resource routes bypass entry.server: without nosniff a browser could sniff pupil text as HTML.
  applySecurityHeaders(headers);
  return new Response(body, { headers });
}
