// Step 5: the class discussion — respond to each prompt, then read and reply to classmates.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { PromptIntro } from "~/components/step-items";
import { useT } from "~/i18n/use-t";
import { getPupilAssignment } from "~/models/assignment.server";
import {
  deletePost,
  editPost,
  markFeedbackSeen,
  ownPostKind,
  postReply,
  postResponse,
  pupilDiscussion,
  type WriteResult,
} from "~/models/discussion.server";
import { loadFlow, parseId } from "~/models/lesson-flow.server";
import { markRepliesSeen } from "~/models/news.server";
import { requirePupil } from "~/utils/auth.server";
import { CER_FIELDS, cerSchema, openSchema, postIdSchema, replySchema } from "~/utils/discussion";
import { echoValues, invalid, parseWith, readForm } from "~/utils/form.server";
import { notFound } from "~/utils/http.server";
import {
  formKeyOf,
  Post,
  ResponseForm,
  shownForms,
  type Failure,
} from "~/components/pupil-discussion";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const pupil = await requirePupil(request);
  const flow = loadFlow(pupil, parseId(params.assignmentId));
  const discussion = pupilDiscussion({ pupil, assignment: flow.assignment });
  // the feedback is on the page being sent, so from now on it counts as seen (the page still marks it new once)
  markFeedbackSeen({ pupilId: pupil.pupilId, assignmentId: flow.assignment.id });
  markRepliesSeen({ pupilId: pupil.pupilId, assignmentId: flow.assignment.id });
  return json(
    {
      id: flow.assignment.id,
      language: flow.lesson.language,
      paragraphCount: flow.lesson.paragraphs.length,
      timeZone: flow.assignment.timeZone,
      ...discussion,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const pupil = await requirePupil(request);
  const assignmentId = parseId(params.assignmentId);
  const form = await readForm(request);
  const intent = form.get("intent");
  const back = `/pupil/assignments/${assignmentId}/discuss`;
  const done = (result: WriteResult) =>
    result.ok
      ? redirect(`${back}#post-${result.postId}`)
      : invalid({ errors: result.errors, values: echoValues(form) });

  if (intent === "respond") {
    const assignment = getPupilAssignment({
      classId: pupil.classId,
      pupilId: pupil.pupilId,
      assignmentId,
    });
    const prompt = assignment.lesson.prompts.find((p) => p.id === form.get("promptId"));
    if (!prompt) notFound();
    if (prompt.mode === "cer") {
      const parsed = parseWith(cerSchema, form);
      if (!parsed.ok) return invalid(parsed);
      return done(
        postResponse({
          pupil,
          assignmentId,
          promptId: prompt.id,
          input: { mode: "cer", ...parsed.data },
        }),
      );
    }
    const parsed = parseWith(openSchema, form);
    if (!parsed.ok) return invalid(parsed);
    return done(
      postResponse({
        pupil,
        assignmentId,
        promptId: prompt.id,
        input: { mode: "open", ...parsed.data },
      }),
    );
  }
  if (intent === "reply") {
    const parsed = parseWith(replySchema, form);
    if (!parsed.ok) return invalid(parsed);
    return done(postReply({ pupil, assignmentId, ...parsed.data }));
  }
  if (intent === "edit" || intent === "delete") {
    const target = parseWith(postIdSchema, form);
    if (!target.ok) notFound();
    const { postId } = target.data;
    const kind = ownPostKind({ pupil, assignmentId, postId });
    if (intent === "delete") {
      const result = deletePost({ pupil, assignmentId, postId });
      return result.ok ? redirect(back) : done(result);
    }
    if (kind === "cer") {
      const parsed = parseWith(cerSchema, form);
      if (!parsed.ok) return invalid(parsed);
      return done(editPost({ pupil, assignmentId, postId, input: parsed.data }));
    }
    const parsed = parseWith(
      kind === "reply" ? replySchema.pick({ body: true }) : openSchema,
      form,
    );
    if (!parsed.ok) return invalid(parsed);
    return done(editPost({ pupil, assignmentId, postId, input: parsed.data }));
  }
  throw new Response("Bad request", { status: 400 });
}

export default function Discuss() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Failure | undefined;
  const [search] = useSearchParams();
  const t = useT();
  const editing = Number(search.get("edit")) || null;
  const failureKey = result?.values ? formKeyOf(result.values) : null;
  const failureFor = (key: string) => (result && failureKey === key ? result : null);
  const orphan = result && failureKey && !shownForms(data, editing).has(failureKey) ? result : null;
  const keptText = orphan
    ? ["body", ...CER_FIELDS]
        .map((f) => orphan.values[f])
        .filter(Boolean)
        .join("\n\n")
    : "";
  const orphanError = orphan ? Object.values(orphan.errors ?? {}).find(Boolean) : undefined;
  return (
    <section aria-labelledby="discuss-heading">
      <h2 id="discuss-heading">{t("flow.discuss")}</h2>
      <p>{data.postFirst ? t("discuss.leadPostFirst") : t("discuss.lead")}</p>
      {data.closed ? <p className="note">{t("discuss.closedNote")}</p> : null}
      {orphanError ? (
        <div className="kept">
          <p className="form-error" role="alert">
            {t(orphanError)}
          </p>
          {keptText ? (
            <>
              <label htmlFor="kept-text">{t("discuss.keptText")}</label>
              <textarea id="kept-text" readOnly defaultValue={keptText} lang={data.language} />
            </>
          ) : null}
        </div>
      ) : null}
      {data.prompts.length === 0 ? <p>{t("discuss.noPrompts")}</p> : null}
      {data.prompts.length ? (
        <p role="status" className={data.done === data.prompts.length ? "flash ok" : "muted"}>
          {data.done === data.prompts.length
            ? t("discuss.allDone")
            : t("discuss.progress", { done: data.done, total: data.prompts.length })}
        </p>
      ) : null}
      {data.prompts.map((prompt, index) => (
        <section
          key={prompt.id}
          className="prompt-block"
          aria-labelledby={`prompt-${prompt.id}`}
          id={`prompt-${prompt.id}-section`}
        >
          <PromptIntro
            prompt={prompt}
            index={index}
            language={data.language}
            rubricOpen={!prompt.own}
          />
          <h4>{t("discuss.yourResponse")}</h4>
          {prompt.own ? (
            <Post data={data} post={prompt.own} failureFor={failureFor} editing={editing} />
          ) : data.closed ? null : (
            <ResponseForm
              data={data}
              promptId={prompt.id}
              mode={prompt.mode}
              failure={failureFor(`respond:${prompt.id}`)}
            />
          )}
          <h4>{t("discuss.classmates")}</h4>
          {!prompt.canSeeClassmates ? (
            <p className="muted">{t("discuss.classmatesLocked")}</p>
          ) : prompt.classmates.length === 0 ? (
            <p className="muted">{t("discuss.noClassmates")}</p>
          ) : (
            prompt.classmates.map((post) => (
              <Post
                key={post.id}
                data={data}
                post={post}
                failureFor={failureFor}
                editing={editing}
              />
            ))
          )}
        </section>
      ))}
    </section>
  );
}
