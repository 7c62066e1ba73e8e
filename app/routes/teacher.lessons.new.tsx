// A new lesson from a pasted article: title, text (numbered at once), language, grade, source.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { LessonMetaFields } from "~/components/lesson-meta-fields";
import { useT } from "~/i18n/use-t";
import { createLesson } from "~/models/lesson-editor.server";
import { requireTeacher } from "~/utils/auth.server";
import { replyOf } from "~/components/form";
import { parseForm, refuse } from "~/utils/form.server";
import { editorSchema, firstErrors, parseMeta, rawOf } from "~/utils/lesson-editor-form";
import { title } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => title(matches, "new.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireTeacher(request);
  return json({}, { headers: { "Cache-Control": "no-store" } });
}

const newLessonSchema = editorSchema((raw) => parseMeta(raw, false));

export async function action({ request }: ActionFunctionArgs) {
  const teacher = await requireTeacher(request);
  const { form, submission } = await parseForm(request, newLessonSchema);
  if (submission.status !== "success") return refuse(submission);
  // "Preview" without JavaScript: the same page again, numbered, nothing stored.
  if (form.get("intent") === "preview")
    return json(
      { ok: false as const, result: submission.reply() },
      { headers: { "Cache-Control": "no-store" } },
    );
  const m = submission.value;
  const id = createLesson(teacher.teacherId, {
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
  const reply = replyOf(useActionData<typeof action>());
  const values = reply ? rawOf(reply.initialValue) : { language: "id" };
  const errors = firstErrors(reply?.error);
  const hasErrors = errors && Object.keys(errors).length > 0;
  return (
    <>
      <h1>{t("new.title")}</h1>
      <p className="lead">{t("new.lead")}</p>
      <Form method="post" noValidate className="editor-form">
        {hasErrors ? (
          <p className="form-error" role="alert">
            {t("ed.err.fields")}
          </p>
        ) : null}
        <LessonMetaFields
          prefix="new"
          values={values}
          errors={errors}
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
