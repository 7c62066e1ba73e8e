// The author's draft as a lesson file (.md), in exactly the format of content/lessons.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportLesson, getOwnLesson } from "~/models/lesson-editor.server";
import { requireTeacher } from "~/utils/auth.server";
import { parseId } from "~/utils/ids";
import { markdownDownload } from "~/utils/md-download.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const row = await getOwnLesson({
    teacherId: teacher.teacherId,
    lessonId: parseId(params.lessonId),
  });
  return markdownDownload(
    await exportLesson({ teacherId: teacher.teacherId, slug: row.slug, draft: true }),
    row.slug,
  );
}
