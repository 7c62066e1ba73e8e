// The lesson editor: every part of a lesson file as small forms that work without JavaScript,
// the file pipeline's errors and the item-quality warnings next to the items, publish and share.
// Items are summary rows; `?edit=<item id>` opens one item's full form.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useCallback, useRef, useState } from "react";
import { TextareaField } from "~/components/form";
import { EditorContext } from "~/components/lesson-editor/context";
import { DraftForm } from "~/components/lesson-editor/draft-form";
import {
  PromptFields,
  QuestionFields,
  SortingFields,
} from "~/components/lesson-editor/item-fields";
import { ItemSection } from "~/components/lesson-editor/item-section";
import {
  OutsideInfoPanel,
  QualityPanel,
  StaleNotice,
  StatusPanel,
} from "~/components/lesson-editor/panels";
import { LessonMetaFields } from "~/components/lesson-meta-fields";
import { useT } from "~/i18n/use-t";
import { getOwnLesson } from "~/models/lesson-editor.server";
import { editorAction, editorPage, type EditorAnswer } from "~/models/lesson-editor-page.server";
import { requireTeacher } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";
import { parseId } from "~/utils/ids";
import { rawTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? rawTitle(matches, data.lesson.title) : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const edit = new URL(request.url).searchParams.get("edit");
  const page = await editorPage(
    { teacherId: teacher.teacherId, lessonId: parseId(params.lessonId) },
    edit,
  );
  return json(page, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const teacher = await requireTeacher(request);
  const ref = { teacherId: teacher.teacherId, lessonId: parseId(params.lessonId) };
  // The owner check comes before the body is read: someone else's lesson is a 404 either way.
  await getOwnLesson(ref);
  // A save (200), or the kit's refusal (400; 409 when the draft changed since this page was
  // loaded), whose reply the form renders from (decisions 017, 019).
  const answer = await editorAction(ref, await readForm(request));
  return answer === "deleted" ? redirect("/teacher/lessons") : answer;
}

/** The lesson's four lists, one line per entry (see listsSchema). */
const LIST_FIELDS = [
  { name: "objectives", label: "ed.objectives", rows: 4 },
  { name: "glossary", label: "ed.glossary", rows: 4 },
  { name: "speakers", label: "ed.speakers", rows: 3 },
  { name: "teacherNotes", label: "ed.teacherNotes", rows: 3 },
] as const;

function Sections() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const draft = data.lesson;
  return (
    <>
      <section aria-labelledby="meta-heading" className="card">
        <h2 id="meta-heading">{t("ed.meta")}</h2>
        <DraftForm
          id="meta-form"
          intent="meta"
          label={t("ed.meta")}
          autosave
          defaultValue={data.meta}
          submitLabel={t("ed.save")}
        >
          {(fields) => <LessonMetaFields formId="meta-form" fields={fields} withMinutes />}
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
          id="lists-form"
          intent="lists"
          label={t("ed.lists")}
          autosave
          defaultValue={data.lists}
          submitLabel={t("ed.save")}
        >
          {(fields) =>
            LIST_FIELDS.map((f) => (
              <TextareaField key={f.name} meta={fields[f.name]} label={t(f.label)} rows={f.rows} />
            ))
          }
        </DraftForm>
      </section>

      <ItemSection
        kind="questions"
        intent="question"
        heading={t("ed.questions")}
        items={data.items.questions}
        open={data.open}
        language={draft.language}
        itemTitle={(n) => t("ed.question", { n })}
        newTitle="ed.newQuestion"
        newValues={{ skill: "comprehension" }}
        fields={(fields) => <QuestionFields fields={fields} paragraphs={draft.paragraphs} />}
      />
      <ItemSection
        kind="sorting"
        intent="sorting"
        heading={t("ed.sorting")}
        items={data.items.sorting}
        open={data.open}
        language={draft.language}
        itemTitle={(n) => t("ed.statement", { n })}
        newTitle="ed.newStatement"
        newValues={{}}
        fields={(fields) => (
          <SortingFields fields={fields} paragraphs={draft.paragraphs} speakers={draft.speakers} />
        )}
      />
      <ItemSection
        kind="prompts"
        intent="prompt"
        heading={t("ed.prompts")}
        items={data.items.prompts}
        open={data.open}
        language={draft.language}
        itemTitle={(n) => t("ed.prompt", { n })}
        newTitle="ed.newPrompt"
        newValues={{ mode: "open" }}
        fields={(fields) => <PromptFields fields={fields} />}
      />
      <OutsideInfoPanel values={data.outside} />
    </>
  );
}

export default function LessonEditor() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as EditorAnswer | undefined;
  // The newest revision known: the page's, the last post's, or an autosave's answer.
  const [learned, setLearned] = useState(0);
  const revision = Math.max(data.revision, result?.revision ?? 0, learned);
  const latest = useRef(revision);
  latest.current = Math.max(latest.current, revision);
  const learn = useCallback((r: number) => {
    latest.current = Math.max(latest.current, r);
    setLearned((x) => Math.max(x, r));
  }, []);
  return (
    <EditorContext.Provider value={{ result, lessonId: data.id, revision, latest, learn }}>
      <div className="lesson-editor">
        <h1 lang={data.lesson.language}>{data.lesson.title}</h1>
        <StaleNotice />
        <StatusPanel data={data} />
        <QualityPanel data={data} />
        <Sections />
      </div>
    </EditorContext.Provider>
  );
}
