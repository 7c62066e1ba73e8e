// Step 3: the multiple-choice quiz, saved per choice, then one submit for the whole attempt.
import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { useAnswerQueue } from "~/components/answer-queue";
import {
  AnswerPageErrors,
  AnswerPageForm,
  NoOpenAttempt,
  noJsOutcome,
  OfflineBanner,
  useAnswerPageForm,
} from "~/components/choice-item";
import { useReportProgress } from "~/components/lesson-progress";
import { paragraphTexts, referencedParagraphs } from "~/components/paragraph-ref";
import { QuizQuestion } from "~/components/step-items";
import { useT } from "~/i18n/use-t";
import { answerPageAction } from "~/models/answer-page.server";
import { submitAttempt } from "~/models/attempt.server";
import { loadFlow, parseId, savedChoices } from "~/models/lesson-flow.server";
import { requirePupil } from "~/utils/auth.server";
import { attemptOrder, feedbackVisible } from "~/utils/quiz";
import { getPupilAssignment } from "~/models/assignment.server";
import { quizQuestionView } from "~/utils/lesson-review";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const pupil = await requirePupil(request);
  const flow = await loadFlow(pupil, parseId(params.assignmentId));
  const url = new URL(request.url);
  const base = {
    id: flow.assignment.id,
    language: flow.lesson.language,
    noJs: noJsOutcome(url),
    pastDue: flow.pastDue,
    workOpen: flow.workOpen,
  };
  if (!flow.open)
    return json({ ...base, attempt: null }, { headers: { "Cache-Control": "no-store" } });
  const order = attemptOrder(flow.lesson, flow.open.seed, flow.assignment.shuffle);
  const byId = new Map(flow.lesson.questions.map((q) => [q.id, q]));
  return json(
    {
      ...base,
      attempt: {
        id: flow.open.id,
        // stems and options only: the key and explanations stay on the server until feedback
        questions: order.questions.map(({ id, options }) =>
          quizQuestionView(byId.get(id)!, flow.lesson.paragraphs.length, options),
        ),
        paragraphs: paragraphTexts(
          flow.lesson.paragraphs,
          new Set(
            flow.lesson.questions.flatMap((q) =>
              referencedParagraphs(q.stem, flow.lesson.paragraphs.length),
            ),
          ),
        ),
        saved: savedChoices(flow, "quiz"),
        sortAnswered: flow.counts.sort,
        sortTotal: flow.counts.sortTotal,
      },
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

/**
 * The page's one form: an item's save button (no JavaScript) saves every choice on the page;
 * "Kumpulkan jawaban" saves them too, then hands the attempt in.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const pupil = await requirePupil(request);
  const assignmentId = parseId(params.assignmentId);
  const assignment = await getPupilAssignment({
    classId: pupil.classId,
    pupilId: pupil.pupilId,
    assignmentId,
  });
  return answerPageAction({
    request,
    assignmentId,
    kind: "quiz",
    onSubmit: async (attemptId, refuseSubmit) => {
      const result = await submitAttempt({ pupilId: pupil.pupilId, attemptId, assignmentId });
      if (!result.ok) return refuseSubmit("flow.err.closed");
      const step = feedbackVisible(assignment, true, Date.now()) ? "feedback" : "";
      return redirect(`/pupil/assignments/${assignmentId}${step ? `/${step}` : ""}`);
    },
  });
}

type Data = SerializeFrom<typeof loader>;

function QuizItems({ data, attempt }: { data: Data; attempt: NonNullable<Data["attempt"]> }) {
  const t = useT();
  const queue = useAnswerQueue(attempt.id, "quiz", attempt.saved);
  const { form, field } = useAnswerPageForm();
  const navigation = useNavigation();
  const partIds = attempt.questions.flatMap((q) => (q.partB ? [q.id, q.partB.id] : [q.id]));
  // counted in answerable parts (Part A and Part B each), as the step counter counts them
  const answered = partIds.filter((id) => queue.choices[id]).length;
  const unanswered =
    partIds.filter((id) => !queue.choices[id]).length + (attempt.sortTotal - attempt.sortAnswered);
  const waiting = queue.hydrated && queue.pendingCount > 0;
  useReportProgress("quiz", answered);
  return (
    <>
      <p>{queue.hydrated ? t("pf.quizLeadJs") : t("pf.quizLeadNoJs")}</p>
      <OfflineBanner offline={queue.offline} pending={queue.pendingCount} />
      <p role="status" className="muted">
        {t("flow.progress", { answered, total: partIds.length })}
      </p>
      <AnswerPageForm form={form} attemptId={attempt.id} hydrated={queue.hydrated}>
        {attempt.questions.map((q, index) => (
          <QuizQuestion
            key={q.id}
            q={q}
            index={index}
            language={data.language}
            paragraphs={attempt.paragraphs}
            choice={{ ...queue, onChoose: queue.choose, noJs: data.noJs, meta: field }}
          />
        ))}
        <section aria-labelledby="submit-heading" className="item">
          <h3 id="submit-heading">{t("quiz.submitTitle")}</h3>
          <p>{t("quiz.submitLead")}</p>
          {data.pastDue && data.workOpen ? <p className="note">{t("flow.lateWarning")}</p> : null}
          {unanswered > 0 ? <p>{t("quiz.unanswered", { n: unanswered })}</p> : null}
          <AnswerPageErrors form={form} />
          <div>
            <button
              type="submit"
              name="intent"
              value="submit"
              disabled={waiting || navigation.state !== "idle"}
              aria-describedby={waiting ? "submit-wait" : undefined}
            >
              {t("quiz.submit")}
            </button>
            {waiting ? (
              <p id="submit-wait" className="save-state failed">
                {t("quiz.waiting", { n: queue.pendingCount })}
              </p>
            ) : null}
          </div>
        </section>
      </AnswerPageForm>
    </>
  );
}

export default function Quiz() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="quiz-heading">
      <h2 id="quiz-heading">{t("quiz.title")}</h2>
      {data.attempt ? (
        <QuizItems data={data} attempt={data.attempt} />
      ) : (
        <NoOpenAttempt assignmentId={data.id} />
      )}
    </section>
  );
}
