// A new lesson from a pasted article: title, text (numbered at once), language, grade, source.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { FormErrors, getFormProps, useAppForm, type Fields } from "~/components/form";
import { LessonMetaFields } from "~/components/lesson-meta-fields";
import { useT } from "~/i18n/use-t";
import { createLesson } from "~/models/lesson-editor.server";
import { requireTeacher } from "~/utils/auth.server";
import { parseForm, refuse } from "~/utils/form.server";
import { metaSchema } from "~/utils/lesson-editor-form";
import { title } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => title(matches, "new.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireTeacher(request);
  return json({}, { headers: { "Cache-Control": "no-store" } });
}

const newLessonSchema = metaSchema(false);

export async function action({ request }: ActionFunctionArgs) {
  const teacher = await requireTeacher(request);
  const { submission } = await parseForm(request, newLessonSchema);
  if (submission.status !== "success") return refuse(submission, { formError: "ed.err.fields" });
  // "Preview" without JavaScript: the same page again, numbered, nothing stored.
  if (submission.payload.intent === "preview")
    return json(
      { ok: false as const, result: submission.reply() },
      { headers: { "Cache-Control": "no-store" } },
    );
  const m = submission.value;
  const id = await createLesson(teacher.teacherId, {
    title: m.title,
    article: m.paragraphs.join("\n\n"),
    language: m.language,
    gradeBand: m.gradeBand,
    source: {
      outlet: m.source.outlet,
      author: m.source.author,
      publishedAt: m.source.publishedAt,
      eventDate: m.source.eventDate,
      url: m.source.url ?? null,
      note: m.source.note ?? null,
    },
  });
  return redirect(`/teacher/lessons/${id}`);
}

export default function NewLesson() {
  const t = useT();
  // The kit's reply to the last post: what was typed, and the messages by field.
  const [form, fields] = useAppForm<typeof newLessonSchema>({
    id: "new-form",
    defaultValue: { language: "id" },
  });
  return (
    <>
      <h1>{t("new.title")}</h1>
      <p className="lead">{t("new.lead")}</p>
      <Form method="post" {...getFormProps(form)} className="editor-form">
        <FormErrors form={form} />
        <LessonMetaFields
          formId={form.id}
          fields={fields as Fields}
          withMinutes={false}
          headingLevel={2}
        />
        <p className="actions">
          <button type="submit" name="intent" value="preview" className="secondary">
            {t("new.preview")}
          </button>{" "}
          <button type="submit" name="intent" value="create">
            {t("new.create")}
          </button>
        </p>
      </Form>
    </>
  );
}
