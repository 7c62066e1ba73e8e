// The assignment's results as an .xlsx workbook for its teacher (404 for anyone else).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getLang } from "~/i18n/lang.server";
import { parseId } from "~/models/class.server";
import { assignmentResults, downloadName } from "~/models/results.server";
import { requireTeacher } from "~/utils/auth.server";
import { contentDisposition } from "~/utils/download-name";
import { applySecurityHeaders } from "~/utils/headers.server";
import { resultsXlsx } from "~/utils/results-xlsx.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const results = await assignmentResults({
    teacherId: teacher.teacherId,
    assignmentId: parseId(params.assignmentId),
  });
  const body = await resultsXlsx(results, await getLang(request));
  const headers = new Headers({
    "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "Content-Disposition": contentDisposition(downloadName(results), "xlsx"),
    "Cache-Control": "no-store",
  });
  applySecurityHeaders(headers);
  return new Response(body, { headers });
}
