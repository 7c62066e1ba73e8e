// The pupil discussion page's parts: the response, edit and reply forms, one post with its replies,
// and which form a failed post came from (the route pupil.assignments.$assignmentId.discuss.tsx).
import type { SerializeFrom } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import { Byline, CER_HINTS, CER_LABELS, CountedTextarea, PostBody } from "~/components/discussion";
import { Name, Trans } from "~/components/name";
import { LevelsGiven } from "~/components/rubric";
import { clipMarks } from "~/utils/display-name";
import type { Errors } from "~/components/forms";
import { useT } from "~/i18n/use-t";
import type { PupilPostView } from "~/models/discussion.server";
import { CER_FIELDS } from "~/utils/discussion";
import type { loader } from "~/routes/pupil.assignments.$assignmentId.discuss";

export type Data = SerializeFrom<typeof loader>;
export type Failure = { errors: Errors; values: Record<string, string> };

/** Which of the page's many forms a failed post came from, read from its own hidden fields. */
export function formKeyOf(values: Record<string, string>): string {
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

export function ResponseForm({
  data,
  promptId,
  mode,
  failure,
  notSaved,
}: {
  data: Pick<Data, "language">;
  promptId: string;
  mode: "open" | "cer";
  failure: Failure | null;
  /** The editor's preview: the fields as pupils see them, sending turned off with this reason. */
  notSaved?: string;
}) {
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
      {notSaved ? (
        <p className="note" id={`respond-${promptId}-preview`}>
          {notSaved}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={notSaved ? true : undefined}
        aria-describedby={notSaved ? `respond-${promptId}-preview` : undefined}
      >
        {t("discuss.submit")}
      </button>
    </Form>
  );
}

function EditForm({
  data,
  post,
  failure,
}: {
  data: Data;
  post: PupilPostView;
  failure: Failure | null;
}) {
  const t = useT();
  const values = failure?.values;
  const errors = failure?.errors;
  const kind = post.cer
    ? "cer"
    : data.prompts.some((p) => p.own?.id === post.id)
      ? "open"
      : "reply";
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

function ReplyForm({
  data,
  post,
  failure,
}: {
  data: Data;
  post: PupilPostView;
  failure: Failure | null;
}) {
  const t = useT();
  const name = post.own ? null : post.authorName;
  return (
    <details className="reply-box" open={failure ? true : undefined}>
      <summary>
        {name ? (
          <Trans k="discuss.replyTo" vars={{ name: <Name>{name}</Name> }} />
        ) : (
          t("discuss.replyOwn")
        )}
      </summary>
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

export function Post({
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
  const classes = ["post", post.exemplary ? "exemplary" : "", post.hidden ? "hidden-post" : ""]
    .filter(Boolean)
    .join(" ");
  const isEditing = editing === post.id && post.canEdit;
  return (
    <article className={classes} id={`post-${post.id}`}>
      {post.deleted ? (
        <p className="muted">{t("discuss.deleted")}</p>
      ) : (
        <>
          <Byline
            name={post.own ? t("discuss.you") : post.authorName}
            at={post.createdAt}
            edited={post.edited}
            zone={data.timeZone}
          />
          {post.exemplary ? (
            <p className="badge exemplary-badge">{t("discuss.exemplary")}</p>
          ) : null}
          {post.hidden ? <p className="note">{t("discuss.hiddenOwn")}</p> : null}
          {isEditing ? (
            <EditForm
              data={data}
              post={post}
              failure={failureFor(`edit:${post.id}`) ?? failureFor(`delete:${post.id}`)}
            />
          ) : (
            <PostBody
              body={post.body}
              cer={post.cer}
              paragraphCount={data.paragraphCount}
              citeHref={citeHref}
              language={data.language}
            />
          )}
          {post.feedback ? (
            <div className="feedback-box">
              <p id={`feedback-${post.id}`} className="feedback-title">
                {t("discuss.feedback")}
                {post.feedback.isNew ? (
                  <span className="badge"> {t("discuss.feedbackNew")}</span>
                ) : null}
              </p>
              <p className="post-text" lang={data.language}>
                {clipMarks(post.feedback.body)}
              </p>
              <LevelsGiven levels={post.feedback.levels} title={t("rubric.yourLevels")} />
            </div>
          ) : null}
          {post.own && post.feedback && !data.closed ? (
            <p className="hint">{t("discuss.locked")}</p>
          ) : null}
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
        <ReplyForm
          key={`${post.id}-${post.replies.length}`}
          data={data}
          post={post}
          failure={failureFor(`reply:${post.id}`)}
        />
      ) : null}
    </article>
  );
}

/** Keys of the forms this page shows, so a failure from a form no longer shown still gets its message. */
export function shownForms(data: Data, editing: number | null): Set<string> {
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
