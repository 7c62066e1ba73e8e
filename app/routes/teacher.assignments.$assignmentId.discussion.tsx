// The teacher's view of an assignment's discussion: every post per prompt, hide, exemplary, private feedback, close.
// Each post and its forms: ModPost (components/discussion-moderation).
import { Name } from "~/components/name";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ModPost } from "~/components/discussion-moderation";
import { Intent } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { setDiscussionClosed } from "~/models/assignment.server";
import {
  saveFeedback,
  setExemplary,
  setHidden,
  teacherDiscussionPage,
} from "~/models/discussion.server";
import { parseId } from "~/models/lesson-flow.server";
import { badRequest } from "~/utils/http.server";
import { requireTeacher } from "~/utils/auth.server";
import { feedbackFormSchema, flagSchema, postIntent } from "~/utils/discussion";
import { modelRefusal, parseSubmission, readForm, refuse } from "~/utils/form.server";
import { title } from "~/utils/meta";

/** Closing or reopening: "true" closes, anything else reopens (as it always did). */
const discussionSchema = z.object({ closed: z.string().optional() });

export const meta: MetaFunction = ({ matches }) => title(matches, "discuss.mod.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const page = await teacherDiscussionPage({
    teacherId: teacher.teacherId,
    assignmentId: parseId(params.assignmentId),
  });
  return json(page, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const teacher = await requireTeacher(request);
  const assignmentId = parseId(params.assignmentId);
  const form = await readForm(request);
  const intent = form.get("intent");
  const base = `/teacher/assignments/${assignmentId}/discussion`;
  const ids = { teacherId: teacher.teacherId, assignmentId };
  if (intent === "discussion") {
    const submission = parseSubmission(form, discussionSchema);
    if (submission.status !== "success") return refuse(submission, { intent });
    await setDiscussionClosed({ ...ids, closed: submission.value.closed === "true" });
    return redirect(base);
  }
  if (intent === "feedback") {
    const submission = parseSubmission(form, feedbackFormSchema);
    const answer = postIntent(intent, form.get("postId"));
    if (submission.status !== "success") return refuse(submission, { intent: answer });
    const { postId, body, claimLevel, evidenceLevel, reasoningLevel } = submission.value;
    const levels = { claim: claimLevel, evidence: evidenceLevel, reasoning: reasoningLevel };
    const result = await saveFeedback({ ...ids, postId, body, levels });
    if (result.ok) return redirect(`${base}#post-${result.postId}`);
    return refuse(submission, { intent: answer, ...modelRefusal(result.errors) });
  }
  if (intent === "hide" || intent === "exemplary") {
    const submission = parseSubmission(form, flagSchema);
    const answer = postIntent(intent, form.get("postId"));
    if (submission.status !== "success") return refuse(submission, { intent: answer });
    const { postId, value } = submission.value;
    if (intent === "hide") await setHidden({ ...ids, postId, hidden: value });
    else {
      const result = await setExemplary({ ...ids, postId, exemplary: value });
      if (!result.ok) return refuse(submission, { intent: answer, ...modelRefusal(result.errors) });
    }
    return redirect(`${base}#post-${postId}`);
  }
  badRequest();
}

export default function DiscussionModeration() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <p>
        <Link to={`/teacher/assignments/${data.id}`} lang={data.language}>
          {data.title}
        </Link>{" "}
        · <Name>{data.className}</Name>
      </p>
      <h1>{t("discuss.mod.title")}</h1>
      <p>{t("discuss.mod.done", { done: data.progress.done, total: data.progress.total })}</p>
      <Form method="post" className="actions">
        <Intent value="discussion" />
        <input type="hidden" name="closed" value={data.closed ? "false" : "true"} />
        <p role="status">{data.closed ? t("discuss.mod.isClosed") : t("discuss.mod.isOpen")}</p>
        <button type="submit" className={data.closed ? undefined : "secondary"}>
          {data.closed ? t("discuss.mod.reopen") : t("discuss.mod.close")}
        </button>
      </Form>
      {data.prompts.map((prompt, index) => (
        <section key={prompt.id} className="prompt-block" aria-labelledby={`prompt-${prompt.id}`}>
          <h2 id={`prompt-${prompt.id}`}>
            {t("discuss.promptHeading", { n: index + 1 })}
            {prompt.mode === "cer" ? ` (${t("discuss.cerTag")})` : null}
          </h2>
          <p className="prompt-text" lang={data.language}>
            {prompt.prompt}
          </p>
          <h3>{t("discuss.mod.guidance")}</h3>
          <p lang={data.language}>{prompt.guidance}</p>
          <h3>{t("discuss.mod.responses", { n: prompt.responses.length })}</h3>
          {prompt.responses.length === 0 ? <p className="muted">{t("discuss.mod.none")}</p> : null}
          {prompt.responses.map((post) => (
            <ModPost
              key={post.id}
              data={data}
              post={post}
              topLevel
              rubric={prompt.mode === "cer" ? prompt.rubric : null}
            />
          ))}
        </section>
      ))}
    </>
  );
}
