// The teacher's moderation of one post: its body, badges, hide and exemplary buttons, private
// feedback (with rubric levels on a CER response) and its replies, each with the same.
import { Form, useActionData } from "@remix-run/react";
import { Byline, CountedField, PostBody, Replies } from "~/components/discussion";
import { FormErrors, getFormProps, Intent, replyOf, useAppForm } from "~/components/form";
import { Name, Trans } from "~/components/name";
import { LevelFields, LevelsGiven, RubricTable } from "~/components/rubric";
import type { Rubric } from "~/content/schema";
import { useT } from "~/i18n/use-t";
import type { TeacherPostView, teacherDiscussionPage } from "~/models/discussion.server";
import { clipMarks } from "~/utils/display-name";
import type { feedbackFormSchema, flagSchema } from "~/utils/discussion";
import { postIntent } from "~/utils/discussion";

/** What a post needs of its page: the lesson (citations, language) and the class's time zone. */
type Page = Pick<
  Awaited<ReturnType<typeof teacherDiscussionPage>>,
  "slug" | "language" | "paragraphCount" | "timeZone"
>;

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
  const refused = Boolean(replyOf(useActionData(), intent));
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

export function ModPost({
  data,
  post,
  topLevel,
  rubric,
}: {
  data: Page;
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
      <Replies replies={post.replies}>
        {(r) => <ModPost data={data} post={r} topLevel={false} />}
      </Replies>
    </article>
  );
}
