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
import { Byline, CountedTextarea, PostBody } from "~/components/discussion";
import type { Errors } from "~/components/forms";
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
import { requireTeacher } from "~/utils/auth.server";
import { feedbackSchema, flagSchema } from "~/utils/discussion";
import { echoValues, invalid, parseWith, readForm } from "~/utils/form.server";
import { title } from "~/utils/meta";
import { LevelFields, LevelsGiven, RubricTable } from "~/components/rubric";
import type { Rubric } from "~/content/schema";
import { levelsSchema, type Levels } from "~/utils/rubric";

/** The levels the teacher chose in a form that failed, so nothing chosen is lost. */
function failedLevels(failure: { values: Record<string, string> } | null): Levels | null {
  if (!failure) return null;
  const parsed = levelsSchema.safeParse(failure.values);
  return parsed.success ? parsed.data : null;
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
    setDiscussionClosed({ ...ids, closed: form.get("closed") === "true" });
    return redirect(base);
  }
  if (intent === "feedback") {
    const parsed = parseWith(feedbackSchema, form);
    if (!parsed.ok) return invalid(parsed);
    const levels = levelsSchema.safeParse(Object.fromEntries(form));
    if (!levels.success) throw new Response("Bad request", { status: 400 });
    const result = saveFeedback({ ...ids, ...parsed.data, levels: levels.data });
    return result.ok
      ? redirect(`${base}#post-${result.postId}`)
      : invalid({ errors: result.errors, values: echoValues(form) });
  }
  if (intent === "hide" || intent === "exemplary") {
    const parsed = parseWith(flagSchema, form);
    if (!parsed.ok) return invalid(parsed);
    const { postId, value } = parsed.data;
    if (intent === "hide") setHidden({ ...ids, postId, hidden: value });
    else {
      const result = setExemplary({ ...ids, postId, exemplary: value });
      if (!result.ok) return invalid({ errors: result.errors, values: echoValues(form) });
    }
    return redirect(`${base}#post-${postId}`);
  }
  throw new Response("Bad request", { status: 400 });
}

type Data = SerializeFrom<typeof loader>;
type Failure = { errors: Errors; values: Record<string, string> };

function ModPost({
  data,
  post,
  topLevel,
  failure,
  rubric,
}: {
  data: Data;
  post: TeacherPostView;
  topLevel: boolean;
  failure: Failure | null;
  rubric?: Rubric | null;
}) {
  const t = useT();
  const citeHref = (n: number) => `/lessons/${data.slug}?highlight=${n}#p${n}`;
  const mine = failure && failure.values.postId === String(post.id) ? failure : null;
  const feedbackFailure = mine?.values.intent === "feedback" ? mine : null;
  const flagFailure = mine && mine.values.intent !== "feedback" ? mine : null;
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
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="hide" />
          <input type="hidden" name="postId" value={post.id} />
          <input type="hidden" name="value" value={post.hidden ? "false" : "true"} />
          <button type="submit" className="secondary">
            {post.hidden ? t("discuss.mod.unhide") : t("discuss.mod.hide")}
          </button>
        </Form>
        {topLevel && (!post.deleted || post.exemplary) ? (
          <Form method="post" preventScrollReset>
            <input type="hidden" name="intent" value="exemplary" />
            <input type="hidden" name="postId" value={post.id} />
            <input type="hidden" name="value" value={post.exemplary ? "false" : "true"} />
            <button type="submit" className="secondary">
              {post.exemplary ? t("discuss.mod.unmarkExemplary") : t("discuss.mod.markExemplary")}
            </button>
          </Form>
        ) : null}
      </div>
      {flagFailure?.errors?.form ? (
        <p className="form-error" role="alert">
          {t(flagFailure.errors.form)}
        </p>
      ) : null}
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
        <details className="reply-box" open={feedbackFailure ? true : undefined}>
          <summary>
            <Trans k="discuss.mod.feedbackFor" vars={{ name: <Name>{post.authorName}</Name> }} />
          </summary>
          {/* a new key once feedback is saved, so the form shows what is stored */}
          <Form method="post" noValidate preventScrollReset key={post.feedback?.body ?? ""}>
            <input type="hidden" name="intent" value="feedback" />
            <input type="hidden" name="postId" value={post.id} />
            <CountedTextarea
              id={`feedback-body-${post.id}`}
              name="body"
              label={t("discuss.mod.yourFeedback")}
              hint={t("discuss.mod.feedbackHint")}
              kind="feedback"
              error={feedbackFailure?.errors?.body}
              defaultValue={feedbackFailure?.values.body ?? post.feedback?.body ?? ""}
            />
            {rubric && post.cer ? (
              <LevelFields
                postId={post.id}
                levels={failedLevels(feedbackFailure) ?? post.feedback?.levels ?? null}
              />
            ) : null}
            <button type="submit">{t("discuss.mod.feedbackSave")}</button>
          </Form>
        </details>
      )}
      {post.replies.length ? (
        <ul className="replies" aria-label={t("discuss.replies")}>
          {post.replies.map((r) => (
            <li key={r.id}>
              <ModPost data={data} post={r} topLevel={false} failure={failure} />
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}

export default function DiscussionModeration() {
  const data = useLoaderData<typeof loader>();
  const failure = (useActionData<typeof action>() as Failure | undefined) ?? null;
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
        <input type="hidden" name="intent" value="discussion" />
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
              failure={failure}
              rubric={prompt.mode === "cer" ? prompt.rubric : null}
            />
          ))}
        </section>
      ))}
    </>
  );
}
