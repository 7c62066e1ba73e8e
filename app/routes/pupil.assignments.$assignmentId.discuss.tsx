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
import { replyOf } from "~/components/form";
import { parseSubmission, readForm, refuse } from "~/utils/form.server";
import { readMessage } from "~/utils/form-message";
import { badRequest, notFound } from "~/utils/http.server";
import { formIntent, Post, ResponseForm, shownForms } from "~/components/pupil-discussion";

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
  // A refusal answers the one form it came from: its kind and the prompt or post it is about.
  const answer = (
    submission: ReturnType<typeof parseSubmission>,
    forForm: string,
    result: WriteResult,
  ) => {
    if (result.ok) return redirect(`${back}#post-${result.postId}`);
    const { form: formError, ...byField } = result.errors;
    const fieldErrors = Object.fromEntries(
      Object.entries(byField).flatMap(([name, key]) => (key ? [[name, key]] : [])),
    );
    return refuse(submission, { intent: forForm, formError, fieldErrors });
  };

  if (intent === "respond") {
    const assignment = getPupilAssignment({
      classId: pupil.classId,
      pupilId: pupil.pupilId,
      assignmentId,
    });
    const prompt = assignment.lesson.prompts.find((p) => p.id === form.get("promptId"));
    if (!prompt) notFound();
    const forForm = formIntent("respond", prompt.id);
    if (prompt.mode === "cer") {
      const submission = parseSubmission(form, cerSchema);
      if (submission.status !== "success") return refuse(submission, { intent: forForm });
      const input = { mode: "cer" as const, ...submission.value };
      return answer(
        submission,
        forForm,
        postResponse({ pupil, assignmentId, promptId: prompt.id, input }),
      );
    }
    const submission = parseSubmission(form, openSchema);
    if (submission.status !== "success") return refuse(submission, { intent: forForm });
    const input = { mode: "open" as const, ...submission.value };
    return answer(
      submission,
      forForm,
      postResponse({ pupil, assignmentId, promptId: prompt.id, input }),
    );
  }
  if (intent === "reply") {
    const forForm = formIntent("reply", String(form.get("parentId")));
    const submission = parseSubmission(form, replySchema);
    if (submission.status !== "success") return refuse(submission, { intent: forForm });
    return answer(submission, forForm, postReply({ pupil, assignmentId, ...submission.value }));
  }
  if (intent === "edit" || intent === "delete") {
    const target = parseSubmission(form, postIdSchema);
    if (target.status !== "success") notFound();
    const { postId } = target.value;
    const kind = ownPostKind({ pupil, assignmentId, postId });
    if (intent === "delete") {
      const result = deletePost({ pupil, assignmentId, postId });
      return result.ok ? redirect(back) : answer(target, formIntent("delete", postId), result);
    }
    const forForm = formIntent("edit", postId);
    if (kind === "cer") {
      const submission = parseSubmission(form, cerSchema);
      if (submission.status !== "success") return refuse(submission, { intent: forForm });
      const input = submission.value;
      return answer(submission, forForm, editPost({ pupil, assignmentId, postId, input }));
    }
    const submission = parseSubmission(
      form,
      kind === "reply" ? replySchema.pick({ body: true }) : openSchema,
    );
    if (submission.status !== "success") return refuse(submission, { intent: forForm });
    const input = submission.value;
    return answer(submission, forForm, editPost({ pupil, assignmentId, postId, input }));
  }
  badRequest();
}

export default function Discuss() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const t = useT();
  const editing = Number(search.get("edit")) || null;
  // A refusal for a form the page no longer shows: its message and the text, here at the top.
  const refused = actionData && "intent" in actionData ? actionData.intent : undefined;
  const orphan =
    refused && !shownForms(data, editing).has(refused) ? replyOf(actionData) : undefined;
  const typed = orphan?.initialValue ?? {};
  const keptText = ["body", ...CER_FIELDS]
    .map((f) => typed[f])
    .filter((v): v is string => typeof v === "string" && v !== "")
    .join("\n\n");
  const orphanMessage = Object.values(orphan?.error ?? {}).find((list) => list?.length)?.[0];
  const orphanError = orphanMessage ? readMessage(orphanMessage) : undefined;
  return (
    <section aria-labelledby="discuss-heading">
      <h2 id="discuss-heading">{t("flow.discuss")}</h2>
      <p>{data.postFirst ? t("discuss.leadPostFirst") : t("discuss.lead")}</p>
      {data.closed ? <p className="note">{t("discuss.closedNote")}</p> : null}
      {orphanError ? (
        <div className="kept">
          <p className="form-error" role="alert">
            {t(orphanError.key, orphanError.vars)}
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
            <Post data={data} post={prompt.own} editing={editing} />
          ) : data.closed ? null : (
            <ResponseForm data={data} promptId={prompt.id} mode={prompt.mode} />
          )}
          <h4>{t("discuss.classmates")}</h4>
          {!prompt.canSeeClassmates ? (
            <p className="muted">{t("discuss.classmatesLocked")}</p>
          ) : prompt.classmates.length === 0 ? (
            <p className="muted">{t("discuss.noClassmates")}</p>
          ) : (
            prompt.classmates.map((post) => (
              <Post key={post.id} data={data} post={post} editing={editing} />
            ))
          )}
        </section>
      ))}
    </section>
  );
}
