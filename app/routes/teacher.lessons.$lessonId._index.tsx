// The lesson editor: every part of a lesson file as small forms that work without JavaScript,
// the file pipeline's errors and the item-quality warnings next to the items, publish and share.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { EdText } from "~/components/editor-fields";
import { EditorContext, useEditor } from "~/components/lesson-editor/context";
import { DraftForm } from "~/components/lesson-editor/draft-form";
import {
  PromptFields,
  QuestionFields,
  SortingFields,
} from "~/components/lesson-editor/item-fields";
import { ItemSection } from "~/components/lesson-editor/item-section";
import { OutsideInfoPanel, QualityPanel, StatusPanel } from "~/components/lesson-editor/panels";
import { LessonMetaFields } from "~/components/lesson-meta-fields";
import { useT } from "~/i18n/use-t";
import { getOwnLesson } from "~/models/lesson-editor.server";
import { editorAction, editorPage, type EditorResult } from "~/models/lesson-editor-page.server";
import { requireTeacher } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";
import { parseId } from "~/utils/ids";
import {
  listsValues,
  metaValues,
  outsideInfoValues,
  promptValues,
  questionValues,
  sortingValues,
} from "~/utils/lesson-editor-form";
import { rawTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? rawTitle(matches, data.draft.title) : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const page = editorPage({ teacherId: teacher.teacherId, lessonId: parseId(params.lessonId) });
  return json(page, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const teacher = await requireTeacher(request);
  const ref = { teacherId: teacher.teacherId, lessonId: parseId(params.lessonId) };
  // The owner check comes before the body is read: someone else's lesson is a 404 either way.
  getOwnLesson(ref);
  const result = editorAction(ref, await readForm(request));
  if (result === "deleted") return redirect("/teacher/lessons");
  return json<EditorResult>(result, { status: result.ok ? 200 : 400 });
}

function Sections() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const editor = useEditor();
  const draft = data.draft;
  return (
    <>
      <section aria-labelledby="meta-heading" className="card">
        <h2 id="meta-heading">{t("ed.meta")}</h2>
        <DraftForm
          intent="meta"
          label={t("ed.meta")}
          autosave
          values={editor.valuesFor("meta", "", metaValues(draft))}
          errors={editor.errorsFor("meta", "")}
          submitLabel={t("ed.save")}
        >
          {(values, errors) => (
            <LessonMetaFields prefix="meta" values={values} errors={errors} withMinutes />
          )}
        </DraftForm>
      </section>

      <section aria-labelledby="article-heading" className="card">
        <h2 id="article-heading">{t("lesson.article")}</h2>
        <ol className="editor-paragraphs" lang={draft.language}>
          {draft.paragraphs.map((p, i) => (
            <li key={i} data-paragraph={i + 1}>
              {p}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="lists-heading" className="card">
        <h2 id="lists-heading">{t("ed.lists")}</h2>
        <DraftForm
          intent="lists"
          label={t("ed.lists")}
          autosave
          values={editor.valuesFor("lists", "", listsValues(draft))}
          errors={editor.errorsFor("lists", "")}
          submitLabel={t("ed.save")}
        >
          {(values, errors) => (
            <>
              <EdText
                prefix="lists"
                name="objectives"
                label={t("ed.objectives")}
                multiline
                rows={4}
                values={values}
                errors={errors}
              />
              <EdText
                prefix="lists"
                name="glossary"
                label={t("ed.glossary")}
                multiline
                rows={4}
                values={values}
                errors={errors}
              />
              <EdText
                prefix="lists"
                name="speakers"
                label={t("ed.speakers")}
                multiline
                rows={3}
                values={values}
                errors={errors}
              />
              <EdText
                prefix="lists"
                name="teacherNotes"
                label={t("ed.teacherNotes")}
                multiline
                rows={3}
                values={values}
                errors={errors}
              />
            </>
          )}
        </DraftForm>
      </section>

      <ItemSection
        kind="questions"
        intent="question"
        heading={t("ed.questions")}
        items={draft.questions}
        itemTitle={(n) => t("ed.question", { n })}
        newTitle="ed.newQuestion"
        newValues={{ skill: "comprehension" }}
        notes={data.notes}
        valuesOf={questionValues}
        fields={(prefix, values, errors) => (
          <QuestionFields
            prefix={prefix}
            values={values}
            errors={errors}
            paragraphs={draft.paragraphs}
          />
        )}
      />
      <ItemSection
        kind="sorting"
        intent="sorting"
        heading={t("ed.sorting")}
        items={draft.sorting}
        itemTitle={(n) => t("ed.statement", { n })}
        newTitle="ed.newStatement"
        newValues={{}}
        notes={data.notes}
        valuesOf={sortingValues}
        fields={(prefix, values, errors) => (
          <SortingFields
            prefix={prefix}
            values={values}
            errors={errors}
            paragraphs={draft.paragraphs}
            speakers={draft.speakers}
          />
        )}
      />
      <ItemSection
        kind="prompts"
        intent="prompt"
        heading={t("ed.prompts")}
        items={draft.prompts}
        itemTitle={(n) => t("ed.prompt", { n })}
        newTitle="ed.newPrompt"
        newValues={{ mode: "open" }}
        notes={data.notes}
        valuesOf={promptValues}
        fields={(prefix, values, errors) => (
          <PromptFields prefix={prefix} values={values} errors={errors} />
        )}
      />
      <OutsideInfoPanel
        values={editor.valuesFor("outside", "", outsideInfoValues(draft.outsideInfo))}
      />
    </>
  );
}

export default function LessonEditor() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as EditorResult | undefined;
  return (
    <EditorContext.Provider value={{ result, lessonId: data.id }}>
      <div className="lesson-editor">
        <h1 lang={data.draft.language}>{data.draft.title}</h1>
        <StatusPanel data={data} />
        <QualityPanel data={data} />
        <Sections />
      </div>
    </EditorContext.Provider>
  );
}
