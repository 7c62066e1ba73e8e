// Step 5: the class discussion — respond to each prompt, then read and reply to classmates.
import { Name, Trans } from "~/components/name";
import { clipMarks } from "~/utils/display-name";
import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Byline, CER_HINTS, CER_LABELS, CountedTextarea, PostBody } from "~/components/discussion";
import type { Errors } from "~/components/forms";
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
  type PupilPostView,
  type WriteResult,
} from "~/models/discussion.server";
import { loadFlow, parseId } from "~/models/lesson-flow.server";
import { markRepliesSeen } from "~/models/news.server";
import { requirePupil } from "~/utils/auth.server";
import { CER_FIELDS, cerSchema, openSchema, postIdSchema, replySchema } from "~/utils/discussion";
import { LevelsGiven, RubricTable } from "~/components/rubric";
import { echoValues, invalid, parseWith, readForm } from "~/utils/form.server";

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

const notFound = () => new Response("Not found", { status: 404 });

export async function action({ request, params }: ActionFunctionArgs) {
  const pupil = await requirePupil(request);
  const assignmentId = parseId(params.assignmentId);
  const form = await readForm(request);
  const intent = form.get("intent");
  const back = `/pupil/assignments/${assignmentId}/discuss`;
  const done = (result: WriteResult) =>
    result.ok ? redirect(`${back}#post-${result.postId}`) : invalid({ errors: result.errors, values: echoValues(form) });

  if (intent === "respond") {
    const assignment = getPupilAssignment({ classId: pupil.classId, pupilId: pupil.pupilId, assignmentId });
    const prompt = assignment.lesson.prompts.find((p) => p.id === form.get("promptId"));
    if (!prompt) throw notFound();
    if (prompt.mode === "cer") {
      const parsed = parseWith(cerSchema, form);
      if (!parsed.ok) return invalid(parsed);
      return done(postResponse({ pupil, assignmentId, promptId: prompt.id, input: { mode: "cer", ...parsed.data } }));
    }
    const parsed = parseWith(openSchema, form);
    if (!parsed.ok) return invalid(parsed);
    return done(postResponse({ pupil, assignmentId, promptId: prompt.id, input: { mode: "open", ...parsed.data } }));
  }
  if (intent === "reply") {
    const parsed = parseWith(replySchema, form);
    if (!parsed.ok) return invalid(parsed);
    return done(postReply({ pupil, assignmentId, ...parsed.data }));
  }
  if (intent === "edit" || intent === "delete") {
    const target = parseWith(postIdSchema, form);
    if (!target.ok) throw notFound();
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
    const parsed = parseWith(kind === "reply" ? replySchema.pick({ body: true }) : openSchema, form);
    if (!parsed.ok) return invalid(parsed);
    return done(editPost({ pupil, assignmentId, postId, input: parsed.data }));
  }
  throw new Response("Bad request", { status: 400 });
}

type Data = SerializeFrom<typeof loader>;
type Failure = { errors: Errors; values: Record<string, string> };

/** Which of the page's many forms a failed post came from, read from its own hidden fields. */
function formKeyOf(values: Record<string, string>): string {
  switch (values.intent) {
    case "respond":
      return `respond:${values.promptId}`;
    case "reply":
      return `reply:${values.parentId}`;
    default:
      return `${values.intent}:${values.postId}`;
  }
}

function FormAlert({ failure, id }: { failure: Failure | null; id: string }) {
  const t = useT();
  const error = failure?.errors?.form;
  if (!error) return null;
  return (
    <p className="form-error" role="alert" id={id}>
      {t(error)}
    </p>
  );
}

function ResponseForm({ data, promptId, mode, failure }: { data: Data; promptId: string; mode: "open" | "cer"; failure: Failure | null }) {
  const t = useT();
  const values = failure?.values ?? {};
  const errors = failure?.errors;
  return (
    <Form method="post" noValidate preventScrollReset className="response-form">
      <input type="hidden" name="intent" value="respond" />
      <input type="hidden" name="promptId" value={promptId} />
      {mode === "cer" ? (
        CER_FIELDS.map((field) => (
          <CountedTextarea
            key={field}
            id={`${promptId}-${field}`}
            name={field}
            label={t(CER_LABELS[field])}
            hint={t(CER_HINTS[field])}
            kind="cer"
            error={errors?.[field]}
            defaultValue={values[field]}
            language={data.language}
          />
        ))
      ) : (
        <CountedTextarea
          id={`${promptId}-body`}
          name="body"
          label={t("discuss.field.body")}
          hint={t("discuss.hint.open")}
          kind="open"
          error={errors?.body}
          defaultValue={values.body}
          language={data.language}
        />
      )}
      <FormAlert failure={failure} id={`respond-${promptId}-error`} />
      <button type="submit">{t("discuss.submit")}</button>
    </Form>
  );
}

function EditForm({ data, post, failure }: { data: Data; post: PupilPostView; failure: Failure | null }) {
  const t = useT();
  const values = failure?.values;
  const errors = failure?.errors;
  const kind = post.cer ? "cer" : data.prompts.some((p) => p.own?.id === post.id) ? "open" : "reply";
  return (
    <div className="edit-post">
      <Form method="post" noValidate preventScrollReset>
        <input type="hidden" name="intent" value="edit" />
        <input type="hidden" name="postId" value={post.id} />
        {post.cer ? (
          CER_FIELDS.map((field) => (
            <CountedTextarea
              key={field}
              id={`edit-${post.id}-${field}`}
              name={field}
              label={t(CER_LABELS[field])}
              hint={t(CER_HINTS[field])}
              kind="cer"
              error={errors?.[field]}
              defaultValue={values?.[field] ?? post.cer![field]}
              language={data.language}
            />
          ))
        ) : (
          <CountedTextarea
            id={`edit-${post.id}-body`}
            name="body"
            label={t("discuss.editHeading")}
            hint={kind === "open" ? t("discuss.hint.open") : undefined}
            kind={kind === "open" ? "open" : "reply"}
            error={errors?.body}
            defaultValue={values?.body ?? post.body}
            language={data.language}
          />
        )}
        <FormAlert failure={failure} id={`edit-${post.id}-error`} />
        <p className="actions">
          <button type="submit">{t("discuss.save")}</button>
          <Link to={`/pupil/assignments/${data.id}/discuss#post-${post.id}`} preventScrollReset>
            {t("discuss.cancel")}
          </Link>
        </p>
      </Form>
      <Form method="post" preventScrollReset>
        <input type="hidden" name="intent" value="delete" />
        <input type="hidden" name="postId" value={post.id} />
        <p className="hint">{t("discuss.deleteNote")}</p>
        <button type="submit" className="danger">
          {t("discuss.delete")}
        </button>
      </Form>
    </div>
  );
}

function ReplyForm({ data, post, failure }: { data: Data; post: PupilPostView; failure: Failure | null }) {
  const t = useT();
  const name = post.own ? null : post.authorName;
  return (
    <details className="reply-box" open={failure ? true : undefined}>
      <summary>{name ? <Trans k="discuss.replyTo" vars={{ name: <Name>{name}</Name> }} /> : t("discuss.replyOwn")}</summary>
      <Form method="post" noValidate preventScrollReset>
        <input type="hidden" name="intent" value="reply" />
        <input type="hidden" name="parentId" value={post.id} />
        <CountedTextarea
          id={`reply-${post.id}`}
          name="body"
          label={name ? t("discuss.replyLabel", { name }) : t("discuss.replyOwnLabel")}
          kind="reply"
          error={failure?.errors?.body}
          defaultValue={failure?.values.body}
          language={data.language}
        />
        <FormAlert failure={failure} id={`reply-${post.id}-error`} />
        <button type="submit">{t("discuss.sendReply")}</button>
      </Form>
    </details>
  );
}

function Post({
  data,
  post,
  failureFor,
  editing,
}: {
  data: Data;
  post: PupilPostView;
  failureFor: (key: string) => Failure | null;
  editing: number | null;
}) {
  const t = useT();
  const citeHref = (n: number) => `/pupil/assignments/${data.id}/read?highlight=${n}#p${n}`;
  const classes = ["post", post.exemplary ? "exemplary" : "", post.hidden ? "hidden-post" : ""].filter(Boolean).join(" ");
  const isEditing = editing === post.id && post.canEdit;
  return (
    <article className={classes} id={`post-${post.id}`}>
      {post.deleted ? (
        <p className="muted">{t("discuss.deleted")}</p>
      ) : (
        <>
          <Byline name={post.own ? t("discuss.you") : post.authorName} at={post.createdAt} edited={post.edited} zone={data.timeZone} />
          {post.exemplary ? <p className="badge exemplary-badge">{t("discuss.exemplary")}</p> : null}
          {post.hidden ? <p className="note">{t("discuss.hiddenOwn")}</p> : null}
          {isEditing ? (
            <EditForm data={data} post={post} failure={failureFor(`edit:${post.id}`) ?? failureFor(`delete:${post.id}`)} />
          ) : (
            <PostBody body={post.body} cer={post.cer} paragraphCount={data.paragraphCount} citeHref={citeHref} language={data.language} />
          )}
          {post.feedback ? (
            <div className="feedback-box">
              <p id={`feedback-${post.id}`} className="feedback-title">
                {t("discuss.feedback")}
                {post.feedback.isNew ? <span className="badge"> {t("discuss.feedbackNew")}</span> : null}
              </p>
              <p className="post-text" lang={data.language}>
                {clipMarks(post.feedback.body)}
              </p>
              <LevelsGiven levels={post.feedback.levels} title={t("rubric.yourLevels")} />
            </div>
          ) : null}
          {post.own && post.feedback && !data.closed ? <p className="hint">{t("discuss.locked")}</p> : null}
          {post.canEdit && !isEditing ? (
            <p>
              <Link to={`?edit=${post.id}#post-${post.id}`} preventScrollReset>
                {t("discuss.edit")}
              </Link>
            </p>
          ) : null}
        </>
      )}
      {post.replies.length ? (
        <ul className="replies" aria-label={t("discuss.replies")}>
          {post.replies.map((r) => (
            <li key={r.id}>
              <Post data={data} post={r} failureFor={failureFor} editing={editing} />
            </li>
          ))}
        </ul>
      ) : null}
      {post.canReply ? (
        // a new key after each reply empties the form again
        <ReplyForm key={`${post.id}-${post.replies.length}`} data={data} post={post} failure={failureFor(`reply:${post.id}`)} />
      ) : null}
    </article>
  );
}

/** Keys of the forms this page shows, so a failure from a form no longer shown still gets its message. */
function shownForms(data: Data, editing: number | null): Set<string> {
  const keys = new Set<string>();
  const walk = (p: PupilPostView) => {
    if (p.canReply) keys.add(`reply:${p.id}`);
    if (p.canEdit && editing === p.id) keys.add(`edit:${p.id}`).add(`delete:${p.id}`);
    p.replies.forEach(walk);
  };
  for (const prompt of data.prompts) {
    if (!prompt.own && !data.closed) keys.add(`respond:${prompt.id}`);
    if (prompt.own) walk(prompt.own);
    prompt.classmates.forEach(walk);
  }
  return keys;
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
  const keptText = orphan ? ["body", ...CER_FIELDS].map((f) => orphan.values[f]).filter(Boolean).join("\n\n") : "";
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
          {data.done === data.prompts.length ? t("discuss.allDone") : t("discuss.progress", { done: data.done, total: data.prompts.length })}
        </p>
      ) : null}
      {data.prompts.map((prompt, index) => (
        <section key={prompt.id} className="prompt-block" aria-labelledby={`prompt-${prompt.id}`} id={`prompt-${prompt.id}-section`}>
          <h3 id={`prompt-${prompt.id}`}>
            {t("discuss.promptHeading", { n: index + 1 })}
            {prompt.mode === "cer" ? ` (${t("discuss.cerTag")})` : null}
          </h3>
          <p lang={data.language} className="prompt-text">
            {prompt.prompt}
          </p>
          {prompt.rubric ? (
            <details className="rubric-box" open={prompt.own ? undefined : true}>
              <summary>
                {t("rubric.title")} — {t("rubric.beforeWriting")}
              </summary>
              <RubricTable rubric={prompt.rubric} language={data.language} id={`rubric-${prompt.id}`} />
            </details>
          ) : null}
          <h4>{t("discuss.yourResponse")}</h4>
          {prompt.own ? (
            <Post data={data} post={prompt.own} failureFor={failureFor} editing={editing} />
          ) : data.closed ? null : (
            <ResponseForm data={data} promptId={prompt.id} mode={prompt.mode} failure={failureFor(`respond:${prompt.id}`)} />
          )}
          <h4>{t("discuss.classmates")}</h4>
          {!prompt.canSeeClassmates ? (
            <p className="muted">{t("discuss.classmatesLocked")}</p>
          ) : prompt.classmates.length === 0 ? (
            <p className="muted">{t("discuss.noClassmates")}</p>
          ) : (
            prompt.classmates.map((post) => (
              <Post key={post.id} data={data} post={post} failureFor={failureFor} editing={editing} />
            ))
          )}
        </section>
      ))}
    </section>
  );
}
