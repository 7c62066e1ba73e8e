// Step 5: the class discussion — respond to each prompt, then read and reply to classmates.
import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
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
import { cerSchema, openSchema, postIdSchema, replySchema } from "~/utils/discussion";
import { parseSubmission, readForm, refuse } from "~/utils/form.server";
import { badRequest, notFound } from "~/utils/http.server";
import { LostReply, Post, ResponseForm, useReplyFor } from "~/components/pupil-discussion";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const pupil = await requirePupil(request);
  const flow = await loadFlow(pupil, parseId(params.assignmentId));
  const discussion = await pupilDiscussion({ pupil, assignment: flow.assignment });
  // the feedback is on the page being sent, so from now on it counts as seen (the page still marks it new once)
  await markFeedbackSeen({ pupilId: pupil.pupilId, assignmentId: flow.assignment.id });
  await markRepliesSeen({ pupilId: pupil.pupilId, assignmentId: flow.assignment.id });
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
  // A refusal answers with the form's intent; its hidden prompt or post id comes back among the
  // entries, so the page gives it to that one form (useReplyFor in components/pupil-discussion).
  const answer = (
    submission: ReturnType<typeof parseSubmission>,
    forForm: "respond" | "reply" | "edit" | "delete",
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
    const assignment = await getPupilAssignment({
      classId: pupil.classId,
      pupilId: pupil.pupilId,
      assignmentId,
    });
    const prompt = assignment.lesson.prompts.find((p) => p.id === form.get("promptId"));
    if (!prompt) notFound();
    const forForm = "respond";
    if (prompt.mode === "cer") {
      const submission = parseSubmission(form, cerSchema);
      if (submission.status !== "success") return refuse(submission, { intent: forForm });
      const input = { mode: "cer" as const, ...submission.value };
      return answer(
        submission,
        forForm,
        await postResponse({ pupil, assignmentId, promptId: prompt.id, input }),
      );
    }
    const submission = parseSubmission(form, openSchema);
    if (submission.status !== "success") return refuse(submission, { intent: forForm });
    const input = { mode: "open" as const, ...submission.value };
    return answer(
      submission,
      forForm,
      await postResponse({ pupil, assignmentId, promptId: prompt.id, input }),
    );
  }
  if (intent === "reply") {
    const forForm = "reply";
    const submission = parseSubmission(form, replySchema);
    if (submission.status !== "success") return refuse(submission, { intent: forForm });
    return answer(
      submission,
      forForm,
      await postReply({ pupil, assignmentId, ...submission.value }),
    );
  }
  if (intent === "edit" || intent === "delete") {
    const target = parseSubmission(form, postIdSchema);
    if (target.status !== "success") notFound();
    const { postId } = target.value;
    const kind = await ownPostKind({ pupil, assignmentId, postId });
    if (intent === "delete") {
      const result = await deletePost({ pupil, assignmentId, postId });
      return result.ok ? redirect(back) : answer(target, "delete", result);
    }
    const forForm = "edit";
    if (kind === "cer") {
      const submission = parseSubmission(form, cerSchema);
      if (submission.status !== "success") return refuse(submission, { intent: forForm });
      const input = submission.value;
      return answer(submission, forForm, await editPost({ pupil, assignmentId, postId, input }));
    }
    const submission = parseSubmission(
      form,
      kind === "reply" ? replySchema.pick({ body: true }) : openSchema,
    );
    if (submission.status !== "success") return refuse(submission, { intent: forForm });
    const input = submission.value;
    return answer(submission, forForm, await editPost({ pupil, assignmentId, postId, input }));
  }
  badRequest();
}

/** A response form, shown while the pupil may respond and, when refused, with its message. */
function ResponseSlot({
  data,
  prompt,
}: {
  data: SerializeFrom<typeof loader>;
  prompt: SerializeFrom<typeof loader>["prompts"][number];
}) {
  // a refused response (the discussion closed meanwhile, a response sent from another tab) keeps
  // its form on the page, with the text and the message
  const refused = useReplyFor("respond", prompt.id) !== null;
  if ((prompt.own || data.closed) && !refused) return null;
  return <ResponseForm data={data} promptId={prompt.id} mode={prompt.mode} />;
}

export default function Discuss() {
  const data = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const t = useT();
  const editing = Number(search.get("edit")) || null;
  return (
    <section aria-labelledby="discuss-heading">
      <h2 id="discuss-heading">{t("flow.discuss")}</h2>
      <p>{data.postFirst ? t("discuss.leadPostFirst") : t("discuss.lead")}</p>
      {data.closed ? <p className="note">{t("discuss.closedNote")}</p> : null}
      <LostReply data={data} />
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
          {prompt.own ? <Post data={data} post={prompt.own} editing={editing} /> : null}
          <ResponseSlot data={data} prompt={prompt} />
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
