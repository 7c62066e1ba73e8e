// One pupil's data as a JSON download for their teacher (a resource route: no page of its own).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseId } from "~/models/class.server";
import { exportFileName, exportPupilForTeacher } from "~/models/privacy.server";
import { requireTeacher } from "~/utils/auth.server";
import { jsonDownload } from "~/utils/json-download.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const ref = {
    classId: parseId(params.classId),
    pupilId: parseId(params.pupilId),
    teacherId: teacher.teacherId,
  };
  return jsonDownload(await exportPupilForTeacher(ref), exportFileName(ref.pupilId));
}
