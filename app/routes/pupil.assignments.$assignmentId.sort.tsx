// Step 2: sort quoted statements into the five kinds. No answer key leaves the server here.
import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useAnswerQueue } from "~/components/answer-queue";
import {
  AnswerPageForm,
  ChoiceItem,
  NoOpenAttempt,
  noJsOutcome,
  OfflineBanner,
} from "~/components/choice-item";
import { useReportProgress } from "~/components/lesson-progress";
import { paragraphTexts, ParagraphRef } from "~/components/paragraph-ref";
import { useT } from "~/i18n/use-t";
import { answerPageAction } from "~/models/answer-page.server";
import { loadFlow, parseId, savedChoices } from "~/models/lesson-flow.server";
import { requirePupil } from "~/utils/auth.server";
import { attemptOrder, CATEGORY_IDS } from "~/utils/quiz";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const pupil = await requirePupil(request);
  const flow = loadFlow(pupil, parseId(params.assignmentId));
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
  return (
    <>
      <p>{queue.hydrated ? t("pf.sortLeadJs") : t("pf.sortLeadNoJs")}</p>
      <OfflineBanner offline={queue.offline} pending={queue.pendingCount} />
      <p role="status" className="muted">
        {t("flow.progress", { answered, total: attempt.items.length })}
      </p>
      <details className="categories">
        <summary>{t("sort.category")}</summary>
        <dl>
          {CATEGORY_IDS.map((c) => (
            <div key={c}>
              <dt>{t(`cat.${c}`)}</dt>
              <dd>{t(`cat.${c}.hint`)}</dd>
            </div>
          ))}
        </dl>
      </details>
      <AnswerPageForm attemptId={attempt.id} hydrated={queue.hydrated} nextTo={quiz}>
        {attempt.items.map((item, index) => (
          <ChoiceItem
            key={item.id}
            itemId={item.id}
            legend={t("sort.item", { n: index + 1, p: item.paragraph })}
            body={
              <>
                <blockquote lang={data.language}>
                  <p>{item.quote}</p>
                </blockquote>
                {attempt.paragraphs[item.paragraph] ? (
                  <ParagraphRef
                    n={item.paragraph}
                    text={attempt.paragraphs[item.paragraph]}
                    language={data.language}
                    idPrefix={item.id}
                  />
                ) : null}
              </>
            }
            options={CATEGORY_IDS.map((c) => ({ id: c, label: t(`cat.${c}`) }))}
            choice={queue.choices[item.id]}
            state={queue.states[item.id]}
            refusal={queue.refusals[item.id]}
            hydrated={queue.hydrated}
            saveLabel={t("sort.item", { n: index + 1, p: item.paragraph })}
            onChoose={queue.choose}
            noJs={data.noJs}
          />
        ))}
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
