// The pupil discussion page's parts: the response, edit, delete and reply forms (each on the form
// kit: one intent per kind of form, the prompt or post it is about as a hidden field) and one post
// with its replies (the route pupil.assignments.$assignmentId.discuss.tsx).
import type { SerializeFrom } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import type { z } from "zod";
import {
  Byline,
  CER_HINTS,
  CER_LABELS,
  CountedField,
  PostBody,
  Replies,
} from "~/components/discussion";
import {
  FormErrors,
  getFormProps,
  Intent,
  replyOf,
  TextareaField,
  useAppForm,
} from "~/components/form";
import { Name, Trans } from "~/components/name";
import { LevelsGiven } from "~/components/rubric";
import { clipMarks } from "~/utils/display-name";
import { useT } from "~/i18n/use-t";
import type { PupilPostView } from "~/models/discussion.server";
import { CER_FIELDS, type CerField, type postIdSchema, type replySchema } from "~/utils/discussion";
import type { loader } from "~/routes/pupil.assignments.$assignmentId.discuss";

export type Data = SerializeFrom<typeof loader>;

/** The fields of a response or an edit: the body, or the three CER parts. */
type PostText = z.ZodType<Partial<Record<"body" | CerField, string>>>;

type Kind = "respond" | "edit" | "delete" | "reply";
/** The hidden field naming what each kind of form is about. */
const TARGET = {
  respond: "promptId",
  reply: "parentId",
  edit: "postId",
  delete: "postId",
} as const;

/**
 * The action's answer when it answers this form: its intent, and its hidden prompt or post id
 * among the entries sent back; `null` otherwise (so `useAppForm` takes no reply).
 */
function replyFor(data: unknown, kind: Kind, target: string | number): unknown {
  const reply = replyOf(data, kind);
  return reply?.initialValue?.[TARGET[kind]] === String(target) ? data : null;
}

/** This form's reply in the page's action answer (see replyFor); `null` when it is another's. */
export function useReplyFor(kind: Kind, target: string | number) {
  return replyFor(useActionData<unknown>(), kind, target);
}

export function ResponseForm({
  data,
  promptId,
  mode,
  notSaved,
}: {
  data: Pick<Data, "language">;
  promptId: string;
  mode: "open" | "cer";
  /** The editor's preview: the fields as pupils see them, sending turned off with this reason. */
  notSaved?: string;
}) {
  const t = useT();
  const [form, fields] = useAppForm<PostText>({
    id: `respond-${promptId}`,
    reply: useReplyFor("respond", promptId),
  });
  return (
    <Form method="post" preventScrollReset className="response-form" {...getFormProps(form)}>
      <Intent value="respond" />
      <input type="hidden" name="promptId" value={promptId} />
      {mode === "cer" ? (
        CER_FIELDS.map((field) => (
          <CountedField
            key={field}
            meta={fields[field]}
            label={t(CER_LABELS[field])}
            hint={t(CER_HINTS[field])}
            kind="cer"
            language={data.language}
          />
        ))
      ) : (
        <CountedField
          meta={fields.body}
          label={t("discuss.field.body")}
          hint={t("discuss.hint.open")}
          kind="open"
          language={data.language}
        />
      )}
      <FormErrors form={form} />
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

function EditForm({ data, post }: { data: Data; post: PupilPostView }) {
  const t = useT();
  const kind = post.cer
    ? "cer"
    : data.prompts.some((p) => p.own?.id === post.id)
      ? "open"
      : "reply";
  const [form, fields] = useAppForm<PostText>({
    id: `edit-${post.id}`,
    reply: useReplyFor("edit", post.id),
    defaultValue: post.cer ? post.cer : { body: post.body },
  });
  const [deleteForm] = useAppForm<typeof postIdSchema>({
    id: `delete-${post.id}`,
    reply: useReplyFor("delete", post.id),
  });
  return (
    <div className="edit-post">
      <Form method="post" preventScrollReset {...getFormProps(form)}>
        <Intent value="edit" />
        <input type="hidden" name="postId" value={post.id} />
        {post.cer ? (
          CER_FIELDS.map((field) => (
            <CountedField
              key={field}
              meta={fields[field]}
              label={t(CER_LABELS[field])}
              hint={t(CER_HINTS[field])}
              kind="cer"
              language={data.language}
            />
          ))
        ) : (
          <CountedField
            meta={fields.body}
            label={t("discuss.editHeading")}
            hint={kind === "open" ? t("discuss.hint.open") : undefined}
            kind={kind === "open" ? "open" : "reply"}
            language={data.language}
          />
        )}
        <FormErrors form={form} />
        <p className="actions">
          <button type="submit">{t("discuss.save")}</button>
          <Link to={`/pupil/assignments/${data.id}/discuss#post-${post.id}`} preventScrollReset>
            {t("discuss.cancel")}
          </Link>
        </p>
      </Form>
      <Form method="post" preventScrollReset {...getFormProps(deleteForm)}>
        <Intent value="delete" />
        <input type="hidden" name="postId" value={post.id} />
        <FormErrors form={deleteForm} />
        <p className="hint">{t("discuss.deleteNote")}</p>
        <button type="submit" className="danger">
          {t("discuss.delete")}
        </button>
      </Form>
    </div>
  );
}

function ReplyForm({ data, post }: { data: Data; post: PupilPostView }) {
  const t = useT();
  const name = post.own ? null : post.authorName;
  const [form, fields] = useAppForm<typeof replySchema>({
    id: `reply-${post.id}`,
    reply: useReplyFor("reply", post.id),
  });
  return (
    <details className="reply-box" open={form.status === "error" ? true : undefined}>
      <summary>
        {name ? (
          <Trans k="discuss.replyTo" vars={{ name: <Name>{name}</Name> }} />
        ) : (
          t("discuss.replyOwn")
        )}
      </summary>
      <Form method="post" preventScrollReset {...getFormProps(form)}>
        <Intent value="reply" />
        <input type="hidden" name="parentId" value={post.id} />
        <CountedField
          meta={fields.body}
          label={name ? t("discuss.replyLabel", { name }) : t("discuss.replyOwnLabel")}
          kind="reply"
          language={data.language}
        />
        <FormErrors form={form} />
        <button type="submit">{t("discuss.sendReply")}</button>
      </Form>
    </details>
  );
}

export function Post({
  data,
  post,
  editing,
}: {
  data: Data;
  post: PupilPostView;
  editing: number | null;
}) {
  const t = useT();
  const citeHref = (n: number) => `/pupil/assignments/${data.id}/read?highlight=${n}#p${n}`;
  const classes = ["post", post.exemplary ? "exemplary" : "", post.hidden ? "hidden-post" : ""]
    .filter(Boolean)
    .join(" ");
  // A refused edit or delete stays open with its message and text, even if the post may no
  // longer be changed (feedback given, discussion closed meanwhile).
  const replyRefused = useReplyFor("reply", post.id) !== null;
  const editRefused = useReplyFor("edit", post.id) !== null;
  const deleteRefused = useReplyFor("delete", post.id) !== null;
  const refusedHere = editRefused || deleteRefused;
  const isEditing = (editing === post.id && post.canEdit) || refusedHere;
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
            <EditForm data={data} post={post} />
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
      <Replies replies={post.replies}>
        {(r) => <Post data={data} post={r} editing={editing} />}
      </Replies>
      {post.canReply || replyRefused ? (
        // a new key after each reply empties the form again
        <ReplyForm key={`${post.id}-${post.replies.length}`} data={data} post={post} />
      ) : null}
    </article>
  );
}

/** Whether post `id` is on the page: a response, a classmate's, or a reply to one. */
function postOnPage(data: Data, id: string): boolean {
  const has = (p: PupilPostView): boolean => String(p.id) === id || p.replies.some(has);
  return data.prompts.some((p) => (p.own && has(p.own)) || p.classmates.some(has));
}

/**
 * A refused reply to a post that is not on the page (hidden or deleted meanwhile, or never
 * there), so it has no reply form to come back to: its message and the text typed, read-only.
 */
export function LostReply({ data }: { data: Data }) {
  const t = useT();
  const actionData = useActionData<unknown>();
  const parentId = replyOf(actionData, "reply")?.initialValue?.parentId;
  const lost = typeof parentId === "string" && !postOnPage(data, parentId);
  const [form, fields] = useAppForm<typeof replySchema>({
    id: "lost-reply",
    reply: lost ? actionData : null,
  });
  if (!lost) return null;
  return (
    <div className="kept">
      <TextareaField
        meta={fields.body}
        label={t("discuss.keptText")}
        readOnly
        lang={data.language}
      />
      <FormErrors form={form} />
    </div>
  );
}
