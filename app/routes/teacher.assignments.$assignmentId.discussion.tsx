// The teacher's view of an assignment's discussion: every post per prompt, hide, exemplary, private feedback, close.
import { Name, Trans } from "~/components/name";
import { clipMarks } from "~/utils/display-name";
import type {
  ActionFunctionArgs,
  LoaderFunctionArgs,
  MetaFunction,
  SerializeFrom,
} from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Byline, CountedField, PostBody } from "~/components/discussion";
import { FormErrors, getFormProps, Intent, replyOf, useAppForm } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { setDiscussionClosed } from "~/models/assignment.server";
import {
  saveFeedback,
  setExemplary,
  setHidden,
  teacherDiscussion,
  type TeacherPostView,
} from "~/models/discussion.server";
import { parseId } from "~/models/lesson-flow.server";
import { badRequest } from "~/utils/http.server";
import { requireTeacher } from "~/utils/auth.server";
import { feedbackSchema, flagSchema } from "~/utils/discussion";
import { parseSubmission, readForm, refuse } from "~/utils/form.server";
import { title } from "~/utils/meta";
import { LevelFields, LevelsGiven, RubricTable } from "~/components/rubric";
import type { Rubric } from "~/content/schema";
import { levelsSchema } from "~/utils/rubric";

/** The feedback form: text and, on a CER response, the three rubric levels. */
const feedbackFormSchema = feedbackSchema.merge(levelsSchema.innerType());
/** Closing or reopening: "true" closes, anything else reopens (as it always did). */
const discussionSchema = z.object({ closed: z.string().optional() });
/** Each post has its own forms: a refusal answers `<intent>:<post id>` so only that one shows it. */
const postIntent = (intent: string, postId: unknown) => `${intent}:${String(postId ?? "")}`;

/** A model's refusal ({ form?, field… } as dictionary keys) in `refuse()`'s terms. */
function modelRefusal(errors: Partial<Record<string, string>>) {
  const { form: formError, ...rest } = errors;
  const fieldErrors: Record<string, string> = {};
  for (const [name, key] of Object.entries(rest)) if (key) fieldErrors[name] = key;
  return { formError, fieldErrors };
}

export const meta: MetaFunction = ({ matches }) => title(matches, "discuss.mod.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const { assignment, prompts, progress } = teacherDiscussion({
    teacherId: teacher.teacherId,
    assignmentId: parseId(params.assignmentId),
  });
  return json(
    {
      id: assignment.id,
      title: assignment.lesson.title,
      slug: assignment.lesson.slug,
      language: assignment.lesson.language,
      paragraphCount: assignment.lesson.paragraphs.length,
      className: assignment.className,
      timeZone: assignment.timeZone,
      closed: assignment.discussionClosed,
      prompts,
      progress,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
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
    setDiscussionClosed({ ...ids, closed: submission.value.closed === "true" });
    return redirect(base);
  }
  if (intent === "feedback") {
    const submission = parseSubmission(form, feedbackFormSchema);
    const answer = postIntent(intent, form.get("postId"));
    if (submission.status !== "success") return refuse(submission, { intent: answer });
    const { postId, body, claimLevel, evidenceLevel, reasoningLevel } = submission.value;
    const levels = { claim: claimLevel, evidence: evidenceLevel, reasoning: reasoningLevel };
    const result = saveFeedback({ ...ids, postId, body, levels });
    if (result.ok) return redirect(`${base}#post-${result.postId}`);
    return refuse(submission, { intent: answer, ...modelRefusal(result.errors) });
  }
  if (intent === "hide" || intent === "exemplary") {
    const submission = parseSubmission(form, flagSchema);
    const answer = postIntent(intent, form.get("postId"));
    if (submission.status !== "success") return refuse(submission, { intent: answer });
    const { postId, value } = submission.value;
    if (intent === "hide") setHidden({ ...ids, postId, hidden: value });
    else {
      const result = setExemplary({ ...ids, postId, exemplary: value });
      if (!result.ok) return refuse(submission, { intent: answer, ...modelRefusal(result.errors) });
    }
    return redirect(`${base}#post-${postId}`);
  }
  badRequest();
}

type Data = SerializeFrom<typeof loader>;

/** Hide/unhide or mark/unmark as an example: one button; its refusal is shown under the actions. */
function FlagForm({
  form,
  post,
  intent,
  value,
  label,
}: {
  form: ReturnType<typeof useAppForm<typeof flagSchema>>[0];
  post: TeacherPostView;
  intent: "hide" | "exemplary";
  value: boolean;
  label: string;
}) {
  return (
    <Form method="post" preventScrollReset {...getFormProps(form)}>
      <Intent value={intent} />
      <input type="hidden" name="postId" value={post.id} />
      <input type="hidden" name="value" value={value ? "true" : "false"} />
      <button type="submit" className="secondary">
        {label}
      </button>
    </Form>
  );
}

/** The private feedback form; a new key once feedback is saved, so it shows what is stored. */
function FeedbackForm({ post, rubric }: { post: TeacherPostView; rubric: boolean }) {
  const t = useT();
  const intent = postIntent("feedback", post.id);
  const refused = Boolean(replyOf(useActionData<typeof action>(), intent));
  const [form, fields] = useAppForm<typeof feedbackFormSchema>({
    id: `feedback-form-${post.id}`,
    intent,
    defaultValue: {
      body: post.feedback?.body ?? "",
      claimLevel: post.feedback?.levels.claim ?? "",
      evidenceLevel: post.feedback?.levels.evidence ?? "",
      reasoningLevel: post.feedback?.levels.reasoning ?? "",
    },
  });
  return (
    <details className="reply-box" open={refused ? true : undefined}>
      <summary>
        <Trans k="discuss.mod.feedbackFor" vars={{ name: <Name>{post.authorName}</Name> }} />
      </summary>
      <Form method="post" preventScrollReset {...getFormProps(form)}>
        <Intent value="feedback" />
        <input type="hidden" name="postId" value={post.id} />
        <FormErrors form={form} />
        <CountedField
          meta={fields.body}
          label={t("discuss.mod.yourFeedback")}
          hint={t("discuss.mod.feedbackHint")}
          kind="feedback"
        />
        {rubric ? <LevelFields fields={fields} /> : null}
        <button type="submit">{t("discuss.mod.feedbackSave")}</button>
      </Form>
    </details>
  );
}

function ModPost({
  data,
  post,
  topLevel,
  rubric,
}: {
  data: Data;
  post: TeacherPostView;
  topLevel: boolean;
  rubric?: Rubric | null;
}) {
  const t = useT();
  const [hideForm] = useAppForm<typeof flagSchema>({
    id: `hide-form-${post.id}`,
    intent: postIntent("hide", post.id),
  });
  const [exemplaryForm] = useAppForm<typeof flagSchema>({
    id: `exemplary-form-${post.id}`,
    intent: postIntent("exemplary", post.id),
  });
  const citeHref = (n: number) => `/lessons/${data.slug}?highlight=${n}#p${n}`;
  const classes = [
    "post",
    post.exemplary ? "exemplary" : "",
    post.hidden || post.deleted ? "hidden-post" : "",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <article className={classes} id={`post-${post.id}`}>
      <Byline
        name={post.authorName || t("pf.removedAuthor")}
        at={post.createdAt}
        edited={post.edited}
        zone={data.timeZone}
      />
      <p>
        {post.hidden ? <span className="badge hidden-badge">{t("discuss.mod.hidden")}</span> : null}{" "}
        {post.deleted ? (
          <span className="badge hidden-badge">{t("discuss.mod.deleted")}</span>
        ) : null}{" "}
        {post.exemplary ? (
          <span className="badge exemplary-badge">{t("discuss.exemplary")}</span>
        ) : null}
      </p>
      <PostBody
        body={post.body}
        cer={post.cer}
        paragraphCount={data.paragraphCount}
        citeHref={citeHref}
        language={data.language}
      />
      {rubric && post.cer ? (
        <details className="rubric-box">
          <summary>{t("rubric.title")}</summary>
          <RubricTable rubric={rubric} language={data.language} id={`rubric-${post.id}`} />
        </details>
      ) : null}
      <div
        className="mod-actions"
        role="group"
        aria-label={t("discuss.mod.postActions", { name: post.authorName })}
      >
        <FlagForm
          form={hideForm}
          post={post}
          intent="hide"
          value={!post.hidden}
          label={post.hidden ? t("discuss.mod.unhide") : t("discuss.mod.hide")}
        />
        {topLevel && (!post.deleted || post.exemplary) ? (
          <FlagForm
            form={exemplaryForm}
            post={post}
            intent="exemplary"
            value={!post.exemplary}
            label={
              post.exemplary ? t("discuss.mod.unmarkExemplary") : t("discuss.mod.markExemplary")
            }
          />
        ) : null}
      </div>
      <FormErrors form={hideForm} />
      <FormErrors form={exemplaryForm} />
      {post.feedback ? (
        <div className="feedback-box">
          <p id={`feedback-${post.id}`} className="feedback-title">
            {t("discuss.mod.yourFeedback")} ·{" "}
            {post.feedback.seen ? t("discuss.mod.feedbackSeen") : t("discuss.mod.feedbackUnseen")}
          </p>
          <p className="post-text">{clipMarks(post.feedback.body)}</p>
          {rubric && post.cer ? (
            <LevelsGiven levels={post.feedback.levels} title={t("rubric.title")} />
          ) : null}
        </div>
      ) : null}
      {post.deleted ? null : (
        <FeedbackForm
          key={post.feedback?.body ?? ""}
          post={post}
          rubric={Boolean(rubric && post.cer)}
        />
      )}
      {post.replies.length ? (
        <ul className="replies" aria-label={t("discuss.replies")}>
          {post.replies.map((r) => (
            <li key={r.id}>
              <ModPost data={data} post={r} topLevel={false} />
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
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
