// Step 2: sort quoted statements into the five kinds. No answer key leaves the server here.
import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
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
import { paragraphTexts } from "~/components/paragraph-ref";
import { CategoryList, SortStatement } from "~/components/step-items";
import { useT } from "~/i18n/use-t";
import { answerPageAction } from "~/models/answer-page.server";
import { loadFlow, parseId, savedChoices } from "~/models/lesson-flow.server";
import { requirePupil } from "~/utils/auth.server";
import { attemptOrder } from "~/utils/quiz";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const pupil = await requirePupil(request);
  const flow = await loadFlow(pupil, parseId(params.assignmentId));
  const url = new URL(request.url);
  const base = { id: flow.assignment.id, language: flow.lesson.language, noJs: noJsOutcome(url) };
  if (!flow.open)
    return json({ ...base, attempt: null }, { headers: { "Cache-Control": "no-store" } });
  const order = attemptOrder(flow.lesson, flow.open.seed, flow.assignment.shuffle);
  const byId = new Map(flow.lesson.sorting.map((s) => [s.id, s]));
  return json(
    {
      ...base,
      attempt: {
        id: flow.open.id,
        items: order.sorting.map((id) => {
          const s = byId.get(id)!;
          return { id: s.id, quote: s.quote, paragraph: s.paragraph };
        }),
        saved: savedChoices(flow, "sort"),
        paragraphs: paragraphTexts(
          flow.lesson.paragraphs,
          new Set(flow.lesson.sorting.map((x) => x.paragraph)),
        ),
      },
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

/** Without JavaScript: the page's one form saves every statement sorted on it (see AnswerPageForm). */
export async function action({ request, params }: ActionFunctionArgs) {
  return answerPageAction({ request, assignmentId: parseId(params.assignmentId), kind: "sort" });
}

type Data = SerializeFrom<typeof loader>;

function SortItems({ data, attempt }: { data: Data; attempt: NonNullable<Data["attempt"]> }) {
  const t = useT();
  const queue = useAnswerQueue(attempt.id, "sort", attempt.saved);
  const answered = attempt.items.filter((i) => queue.choices[i.id]).length;
  useReportProgress("sort", answered);
  const quiz = `/pupil/assignments/${data.id}/quiz`;
  const { form, field } = useAnswerPageForm();
  return (
    <>
      <p>{queue.hydrated ? t("pf.sortLeadJs") : t("pf.sortLeadNoJs")}</p>
      <OfflineBanner offline={queue.offline} pending={queue.pendingCount} />
      <p role="status" className="muted">
        {t("flow.progress", { answered, total: attempt.items.length })}
      </p>
      <CategoryList />
      <AnswerPageForm form={form} attemptId={attempt.id} hydrated={queue.hydrated} nextTo={quiz}>
        {attempt.items.map((item, index) => (
          <SortStatement
            key={item.id}
            item={item}
            index={index}
            language={data.language}
            paragraphs={attempt.paragraphs}
            choice={{ ...queue, onChoose: queue.choose, noJs: data.noJs, meta: field }}
          />
        ))}
        <AnswerPageErrors form={form} />
        <p>
          <button type="submit" name="intent" value="next">
            {t("flow.next", { step: t("flow.quiz") })}
          </button>
        </p>
      </AnswerPageForm>
    </>
  );
}

export default function Sort() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="sort-heading">
      <h2 id="sort-heading">{t("sort.title")}</h2>
      {data.attempt ? (
        <SortItems data={data} attempt={data.attempt} />
      ) : (
        <NoOpenAttempt assignmentId={data.id} />
      )}
    </section>
  );
}
