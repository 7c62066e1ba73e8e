// Upload a lesson file (.md, ≤ 256 KB): it becomes a private draft, or `field: reason` errors.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import type { MessageKey, Vars } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { importLesson, MAX_UPLOAD_BYTES } from "~/models/lesson-editor.server";
import { requireTeacher } from "~/utils/auth.server";
import { isCrossSite } from "~/utils/form.server";
import { problemMessage } from "~/utils/lesson-editor-form";
import { title } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => title(matches, "imp.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireTeacher(request);
  return json({});
}

type Result = { error?: MessageKey; problems?: { key: MessageKey; vars: Vars }[] };

export async function action({ request }: ActionFunctionArgs) {
  const teacher = await requireTeacher(request);
  if (isCrossSite(request)) throw new Response("Cross-site request refused", { status: 403 });
  // The file plus the multipart envelope; anything bigger is refused before it is read.
  const length = Number(request.headers.get("Content-Length") ?? "0");
  if (length > MAX_UPLOAD_BYTES + 16 * 1024)
    return json<Result>({ error: "ed.err.fileSize" }, { status: 413 });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return json<Result>({ error: "ed.err.file" }, { status: 400 });
  }
  const file = form.get("file");
  let text: string | null = null;
  if (file && typeof file === "object" && "text" in file) {
    if (file.size > MAX_UPLOAD_BYTES)
      return json<Result>({ error: "ed.err.fileSize" }, { status: 413 });
    if (file.size > 0) text = await file.text();
  } else if (typeof file === "string" && file.trim()) text = file;
  if (!text) return json<Result>({ error: "ed.err.file" }, { status: 400 });
  const result = importLesson({ teacherId: teacher.teacherId, text });
  if (!result.ok)
    return json<Result>(
      { problems: result.problems.slice(0, 50).map(problemMessage) },
      { status: 400 },
    );
  return redirect(`/teacher/lessons/${result.lessonId}`);
}

export default function ImportLesson() {
  const t = useT();
  const result = useActionData<typeof action>() as Result | undefined;
  const invalid = Boolean(result?.error || result?.problems);
  return (
    <>
      <h1>{t("imp.title")}</h1>
      <p className="lead">{t("imp.lead")}</p>
      <Form method="post" encType="multipart/form-data" noValidate>
        <div className="field">
          <label htmlFor="imp-file">{t("imp.file")}</label>
          <input
            id="imp-file"
            type="file"
            name="file"
            accept=".md,text/markdown,text/plain"
            aria-invalid={invalid ? true : undefined}
            aria-describedby={invalid ? "imp-file-error" : undefined}
          />
          {invalid ? (
            <div className="field-error" id="imp-file-error">
              {result?.error ? <p>{t(result.error)}</p> : null}
              {result?.problems ? (
                <>
                  <p>{t("imp.problems")}</p>
                  <ul>
                    {result.problems.map((p, i) => (
                      <li key={i}>{t(p.key, p.vars)}</li>
                    ))}
                  </ul>
                </>
              ) : null}
            </div>
          ) : null}
        </div>
        <button type="submit">{t("imp.submit")}</button>
      </Form>
    </>
  );
}
