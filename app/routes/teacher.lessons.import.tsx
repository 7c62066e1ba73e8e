// Upload a lesson file (.md, ≤ 256 KB): it becomes a private draft, or `field: reason` errors.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { z } from "zod";
import { Field, getFormProps, useAppForm } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { importLesson, MAX_UPLOAD_BYTES } from "~/models/lesson-editor.server";
import { requireTeacher } from "~/utils/auth.server";
import { message, readMessage } from "~/utils/form-message";
import { parseForm, parseSubmission, refuse } from "~/utils/form.server";
import { problemMessage } from "~/utils/lesson-editor-form";
import { title } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => title(matches, "imp.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireTeacher(request);
  return json({});
}

const isFile = (value: unknown): value is Blob =>
  typeof value === "object" && value !== null && "text" in value && "size" in value;

/** The file field: a chosen, non-empty file of at most 256 KB (or the file's text itself). */
const importSchema = z.object({
  file: z.unknown().superRefine((value, ctx) => {
    const empty = typeof value === "string" ? !value.trim() : !isFile(value) || value.size === 0;
    if (empty) ctx.addIssue({ code: z.ZodIssueCode.custom, message: "ed.err.file" });
    else if (isFile(value) && value.size > MAX_UPLOAD_BYTES)
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "ed.err.fileSize" });
  }),
});

// The file plus the multipart envelope; anything bigger is refused before it is read.
const MAX_BODY = MAX_UPLOAD_BYTES + 16 * 1024;

/** parseForm with the upload's limit: a cross-site post is refused first (403), then size (413). */
async function readUpload(request: Request) {
  try {
    return await parseForm(request, importSchema, { maxBytes: MAX_BODY });
  } catch (thrown) {
    if (!(thrown instanceof Response) || thrown.status !== 413) throw thrown;
    // too large for the same-site upload form: say so next to the file field
    return { tooLarge: true as const };
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const teacher = await requireTeacher(request);
  const read = await readUpload(request);
  if ("tooLarge" in read)
    return refuse(parseSubmission(new FormData(), importSchema), {
      fieldErrors: { file: "ed.err.fileSize" },
      status: 413,
    });
  const { form, submission } = read;
  if (submission.status !== "success")
    return refuse(submission, {
      status: submission.error?.file?.[0] === "ed.err.fileSize" ? 413 : 400,
    });
  const file = form.get("file");
  const text = typeof file === "string" ? file : isFile(file) ? await file.text() : "";
  const result = await importLesson({ teacherId: teacher.teacherId, text });
  // The file's problems, listed under the field's own message.
  if (!result.ok)
    return refuse(submission, {
      fieldErrors: {
        file: [
          "imp.problems",
          ...result.problems.slice(0, 50).map((p) => {
            const { key, vars } = problemMessage(p);
            return message(key, vars);
          }),
        ],
      },
    });
  return redirect(`/teacher/lessons/${result.lessonId}`);
}

export default function ImportLesson() {
  const t = useT();
  const [form, fields] = useAppForm<typeof importSchema>({ id: "import" });
  const problems = fields.file.errors?.slice(1) ?? [];
  return (
    <>
      <h1>{t("imp.title")}</h1>
      <p className="lead">{t("imp.lead")}</p>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <Field
          meta={fields.file}
          type="file"
          label={t("imp.file")}
          accept=".md,text/markdown,text/plain"
          errorDetails={
            problems.length ? (
              <ul>
                {problems.map((text, i) => {
                  const { key, vars } = readMessage(text);
                  return <li key={i}>{t(key, vars)}</li>;
                })}
              </ul>
            ) : undefined
          }
        />
        <button type="submit">{t("imp.submit")}</button>
      </Form>
    </>
  );
}
