// Any lesson the teacher may use (a file, their own published or a shared one) as a .md file.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportLesson } from "~/models/lesson-editor.server";
import { requireTeacher } from "~/utils/auth.server";
import { markdownDownload } from "~/utils/md-download.server";
import { notFound } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const slug = params.slug ?? "";
  if (!/^[a-z0-9][a-z0-9-]{0,120}$/.test(slug)) notFound();
  return markdownDownload(await exportLesson({ teacherId: teacher.teacherId, slug }), slug);
}
