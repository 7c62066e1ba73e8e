// The preview's steps (read, sort, quiz, feedback, discuss) with the pupils' own components: choices
// travel as hidden fields and link parameters between steps (decision 093), nothing is saved.
import type { SerializeFrom } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";
import { Glossary, Paragraphs, SourceLine } from "~/components/article";
import { type NoJsOutcome } from "~/components/choice-item";
import { looseField } from "~/components/form";
import { LessonFeedback } from "~/components/lesson-feedback";
import { ResponseForm } from "~/components/pupil-discussion";
import { CategoryList, PromptIntro, QuizQuestion, SortStatement } from "~/components/step-items";
import { useT } from "~/i18n/use-t";
import type { previewPage, previewReview } from "~/models/lesson-preview.server";
import {
  carriedFields,
  quizField,
  sortField,
  type Choices,
  type PreviewStep,
} from "~/utils/preview-fields";

type Data = SerializeFrom<typeof previewPage>;
type Review = SerializeFrom<typeof previewReview>;

const NO_JS_OUTCOME: NoJsOutcome = { saved: null };
// The preview's radios carry their choices in its own plain form, never refused by the server.
const fieldOf = (name: (itemId: string) => string) => (itemId: string) =>
  looseField(name(itemId), `choice-${itemId.replace(/\W/g, "-")}`);
const sortMeta = fieldOf(sortField);
const quizMeta = fieldOf(quizField);

function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

function Hidden({ fields }: { fields: [string, string][] }) {
  return (
    <>
      {fields.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

export function ReadStep({
  data,
  read,
  next,
}: {
  data: Data;
  read: NonNullable<Data["read"]>;
  next: string;
}) {
  const t = useT();
  return (
    <section aria-labelledby="read-heading" className="lesson">
      <h2 id="read-heading">{t("flow.read")}</h2>
      <p>{t("flow.readFirst")}</p>
      <p className="meta">{t("lesson.readingTime", { minutes: read.readingMinutes })}</p>
      <SourceLine source={read.source} language={data.language} headingLevel={3} />
      <Paragraphs
        paragraphs={read.paragraphs}
        language={data.language}
        highlight={read.highlight}
        headingLevel={3}
        glossary={read.glossary}
      />
      <Glossary glossary={read.glossary} language={data.language} headingLevel={3} />
      <div className="no-print">
        <Link className="button" to={next}>
          {t("flow.next", { step: t("flow.sort") })}
        </Link>
      </div>
    </section>
  );
}

/**
 * A step's one form, sent with GET: an item's save button (no JavaScript) comes back to this
 * step, the next-step button goes on; the other step's choices ride along as hidden fields.
 */
function StepForm({
  base,
  step,
  carry,
  children,
}: {
  base: string;
  step: PreviewStep;
  carry: [string, string][];
  children: ReactNode;
}) {
  return (
    <Form method="get" action={base}>
      <input type="hidden" name="step" value={step} />
      <Hidden fields={carry} />
      {children}
    </Form>
  );
}

export function SortStep({
  data,
  sort,
  choices,
  base,
}: {
  data: Data;
  sort: NonNullable<Data["sort"]>;
  choices: Choices;
  base: string;
}) {
  const t = useT();
  const hydrated = useHydrated();
  const [picked, setPicked] = useState<Record<string, string>>(choices.sort);
  const answered = sort.items.filter((i) => picked[i.id]).length;
  const carry = carriedFields({ sort: {}, quiz: choices.quiz });
  return (
    <section aria-labelledby="sort-heading">
      <h2 id="sort-heading">{t("sort.title")}</h2>
      <p>{hydrated ? t("pf.sortLeadJs") : t("pf.sortLeadNoJs")}</p>
      <p role="status" className="muted">
        {t("flow.progress", { answered, total: sort.items.length })}
      </p>
      <CategoryList />
      <StepForm base={base} step="sort" carry={carry}>
        {sort.items.map((item, index) => (
          <SortStatement
            key={item.id}
            item={item}
            index={index}
            language={data.language}
            paragraphs={sort.paragraphs}
            choice={{
              choices: picked,
              hydrated,
              onChoose: (itemId, choice) => setPicked((p) => ({ ...p, [itemId]: choice })),
              noJs: NO_JS_OUTCOME,
              meta: sortMeta,
            }}
          />
        ))}
        <p>
          <button type="submit" name="go" value="quiz">
            {t("flow.next", { step: t("flow.quiz") })}
          </button>
        </p>
      </StepForm>
    </section>
  );
}

export function QuizStep({
  data,
  quiz,
  choices,
  base,
}: {
  data: Data;
  quiz: NonNullable<Data["quiz"]>;
  choices: Choices;
  base: string;
}) {
  const t = useT();
  const hydrated = useHydrated();
  const [picked, setPicked] = useState<Record<string, string>>(choices.quiz);
  const choose = (itemId: string, choice: string) => setPicked((p) => ({ ...p, [itemId]: choice }));
  const partIds = quiz.questions.flatMap((q) => (q.partB ? [q.id, q.partB.id] : [q.id]));
  const answered = partIds.filter((id) => picked[id]).length;
  const unanswered =
    partIds.length - answered + (data.counts.sortTotal - Object.keys(choices.sort).length);
  const carry = carriedFields({ sort: choices.sort, quiz: {} });
  return (
    <section aria-labelledby="quiz-heading">
      <h2 id="quiz-heading">{t("quiz.title")}</h2>
      <p>{hydrated ? t("pf.quizLeadJs") : t("pf.quizLeadNoJs")}</p>
      <p role="status" className="muted">
        {t("flow.progress", { answered, total: partIds.length })}
      </p>
      <StepForm base={base} step="quiz" carry={carry}>
        {quiz.questions.map((q, index) => (
          <QuizQuestion
            key={q.id}
            q={q}
            index={index}
            language={data.language}
            paragraphs={quiz.paragraphs}
            choice={{
              choices: picked,
              hydrated,
              onChoose: choose,
              noJs: NO_JS_OUTCOME,
              meta: quizMeta,
            }}
          />
        ))}
        <section aria-labelledby="submit-heading" className="item">
          <h3 id="submit-heading">{t("quiz.submitTitle")}</h3>
          <p>{t("quiz.submitLead")}</p>
          {unanswered > 0 ? <p>{t("quiz.unanswered", { n: unanswered })}</p> : null}
          <div>
            {/* posted, not a link: the feedback (with the keys) is only ever an answer to this */}
            <button type="submit" formMethod="post" formAction={`${base}?step=feedback`}>
              {t("quiz.submit")}
            </button>
          </div>
        </section>
      </StepForm>
    </section>
  );
}

export function FeedbackStep(props: {
  data: Data;
  review: Review | null;
  quizHref: string;
  discussHref: string;
  readHref: (p: number) => string;
}) {
  const { data, review: r } = props;
  const t = useT();
  if (!r)
    return (
      <section aria-labelledby="feedback-heading">
        <h2 id="feedback-heading">{t("feedback.title")}</h2>
        <p className="note">{t("feedback.notSubmitted")}</p>
        <p>
          <Link to={props.quizHref}>{t("pvs.toQuiz")}</Link>
        </p>
      </section>
    );
  return (
    <LessonFeedback
      review={r}
      language={data.language}
      articleHref={props.readHref}
      discussHref={props.discussHref}
    />
  );
}

export function DiscussStep({
  data,
  prompts,
}: {
  data: Data;
  prompts: NonNullable<Data["prompts"]>;
}) {
  const t = useT();
  return (
    <section aria-labelledby="discuss-heading">
      <h2 id="discuss-heading">{t("flow.discuss")}</h2>
      <p>{t("discuss.lead")}</p>
      {prompts.length === 0 ? <p>{t("discuss.noPrompts")}</p> : null}
      {prompts.length ? (
        <p role="status" className="muted">
          {t("discuss.progress", { done: 0, total: prompts.length })}
        </p>
      ) : null}
      {prompts.map((prompt, index) => (
        <section
          key={prompt.id}
          className="prompt-block"
          aria-labelledby={`prompt-${prompt.id}`}
          id={`prompt-${prompt.id}-section`}
        >
          <PromptIntro prompt={prompt} index={index} language={data.language} rubricOpen={true} />
          <h4>{t("discuss.yourResponse")}</h4>
          <ResponseForm
            data={data}
            promptId={prompt.id}
            mode={prompt.mode}
            notSaved={t("pvs.notSavedDiscuss")}
          />
          <h4>{t("discuss.classmates")}</h4>
          <p className="muted">{t("discuss.noClassmates")}</p>
        </section>
      ))}
    </section>
  );
}
