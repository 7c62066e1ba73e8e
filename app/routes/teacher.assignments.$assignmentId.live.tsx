// The live class view during the lesson: each pupil's step and progress, live answer counts with the
// key marked, the "may need help" mark, and closing the assignment for everyone.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { ConfirmCheckbox, Field, getFormProps, Intent, useAppForm } from "~/components/form";
import { LiveCountTable, LivePupilTable, useLivePoll } from "~/components/live";
import type { MessageKey } from "~/i18n";
import { useLang, useT } from "~/i18n/use-t";
import type { helpQuerySchema } from "~/models/live.server";
import { closeForEveryone, liveClass, readHelpQuery } from "~/models/live.server";
import { extensionsOf } from "~/models/extension.server";
import { requireTeacher } from "~/utils/auth.server";
import { parseForm, refuse } from "~/utils/form.server";
import { formatDateTime, TIME_ZONES } from "~/utils/format";
import { parseId } from "~/utils/ids";
import { DEFAULT_HELP_MINUTES, HELP_MINUTES_MAX, mayNeedHelp } from "~/utils/live";
import { title } from "~/utils/meta";
import { CATEGORY_IDS } from "~/utils/quiz";
import { optionLetter } from "~/utils/results-table";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? title(matches, "live.pageTitle", { title: data.title }) : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const url = new URL(request.url);
  const r = await liveClass({
    teacherId: teacher.teacherId,
    assignmentId: parseId(params.assignmentId),
  });
  if (r.notModified) throw new Error("unreachable: no If-None-Match was given");
  const a = r.assignment;
  const closedNow = url.searchParams.get("closed");
  const help = readHelpQuery(url.searchParams);
  const extensions = await extensionsOf(a.id);
  return json(
    {
      id: a.id,
      classId: a.classId,
      className: a.className,
      timeZone: a.timeZone,
      title: a.lesson.title,
      language: a.lesson.language,
      dueAt: a.dueAt.toISOString(),
      help: help.minutes,
      helpReply: help.reply,
      // pupils whose own later due date outlives a close for everyone (decision 110)
      extended: [...extensions.values()].filter((e) => e.dueAt && e.dueAt.getTime() > Date.now())
        .length,
      closedNow: closedNow !== null && /^\d{1,5}$/.test(closedNow) ? Number(closedNow) : null,
      questions: a.lesson.questions.map((q) => ({
        id: q.id,
        stem: q.stem,
        correct: q.correct,
        options: q.options.map((o) => ({ id: o.id, text: o.text })),
      })),
      statements: a.lesson.sorting.map((s) => ({ id: s.id, quote: s.quote, category: s.category })),
      snapshot: r.snapshot,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

const closeSchema = z.object({
  intent: z.literal("close"),
  confirm: z.literal("yes", { errorMap: () => ({ message: "live.err.confirm" }) }),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const teacher = await requireTeacher(request);
  const assignmentId = parseId(params.assignmentId);
  const { submission } = await parseForm(request, closeSchema);
  if (submission.status !== "success") {
    // the page exists only for the assignment's own teacher
    await liveClass({ teacherId: teacher.teacherId, assignmentId, ifNoneMatch: null });
    return refuse(submission, { intent: "close" });
  }
  const { closed } = await closeForEveryone({ teacherId: teacher.teacherId, assignmentId });
  const { minutes, reply } = readHelpQuery(new URL(request.url).searchParams);
  const query = new URLSearchParams({ closed: String(closed) });
  if (!reply && minutes !== DEFAULT_HELP_MINUTES) query.set("help", String(minutes));
  return redirect(`/teacher/assignments/${assignmentId}/live?${query.toString()}`);
}

export default function LiveClass() {
  const loaded = useLoaderData<typeof loader>();
  const [closeForm, closeFields] = useAppForm<typeof closeSchema>({
    id: "close-form",
    intent: "close",
  });
  const [helpForm, helpFields] = useAppForm<typeof helpQuerySchema>({
    id: "help-form",
    intent: "help",
    reply: loaded.helpReply,
    defaultValue: { help: String(loaded.help) },
  });
  const t = useT();
  const lang = useLang();
  const location = useLocation();
  const {
    data: snapshot,
    now,
    live,
  } = useLivePoll(`/teacher/assignments/${loaded.id}/live.json`, loaded.snapshot);
  const pupils = snapshot.pupils;
  const started = pupils.filter((p) => p.step !== "not_started").length;
  const submitted = pupils.filter((p) => p.step === "submitted" || p.step === "discussing").length;
  const help = pupils.filter((p) => mayNeedHelp(p, loaded.help, now)).length;
  const time = new Intl.DateTimeFormat(lang === "id" ? "id-ID" : "en-GB", {
    timeStyle: "medium",
    timeZone: TIME_ZONES[loaded.timeZone],
  }).format(new Date(snapshot.serverNow));
  const refreshTo = `${location.pathname}${loaded.help !== DEFAULT_HELP_MINUTES ? `?help=${loaded.help}` : ""}`;
  return (
    <>
      <p>
        <Link to={`/teacher/assignments/${loaded.id}`}>{t("live.backToAssignment")}</Link>
      </p>
      <h1>
        {t("live.title")}: <span lang={loaded.language}>{loaded.title}</span>
      </h1>
      <p className="muted">
        {t("live.facts", {
          name: loaded.className,
          due: formatDateTime(lang, loaded.dueAt, loaded.timeZone),
        })}
      </p>
      {loaded.closedNow !== null ? (
        <p className="live-notice" role="status">
          {t("live.closedNow", { n: loaded.closedNow })}
        </p>
      ) : null}
      {snapshot.closedAt !== null ? (
        <p className="live-closed">
          {t("live.closedAt", { at: formatDateTime(lang, snapshot.closedAt, loaded.timeZone) })}
          {loaded.extended > 0 ? ` ${t("ext.liveNote", { n: loaded.extended })}` : null}
        </p>
      ) : null}
      <p className="live-refresh">
        <span>{t("live.updatedAt", { time })}</span> {live ? <span>{t("live.auto")}</span> : null}{" "}
        <Link to={refreshTo} reloadDocument>
          {t("live.refresh")}
        </Link>
      </p>
      <p className="actions">
        <Link className="button secondary" to={`/teacher/assignments/${loaded.id}/projector`}>
          {t("live.projector")}
        </Link>
      </p>

      <h2 id="live-pupils">{t("live.pupilsHeading")}</h2>
      <p className="live-summary">
        {t("live.summary", { started, total: pupils.length, submitted, help })}
      </p>
      <LivePupilTable pupils={pupils} total={snapshot.total} help={loaded.help} now={now} />
      <Form method="get" className="live-help" {...getFormProps(helpForm)}>
        <fieldset>
          <legend>{t("live.helpLegend")}</legend>
          <Field
            meta={helpFields.help}
            type="number"
            label={t("live.helpLabel")}
            hint={t("live.helpHint")}
            min={1}
            max={HELP_MINUTES_MAX}
            step={1}
            inputMode="numeric"
          />{" "}
          <button type="submit" className="secondary">
            {t("live.helpApply")}
          </button>
        </fieldset>
      </Form>

      <h2>{t("live.questionsHeading")}</h2>
      <p className="muted">{t("live.countsNote")}</p>
      <div className="live-grid">
        {loaded.questions.map((q, i) => (
          <LiveCountTable
            key={q.id}
            id={q.id}
            caption={`${t("live.questionN", { n: i + 1 })}: ${q.stem}`}
            captionLang={loaded.language}
            rows={q.options.map((o, j) => ({
              id: o.id,
              label: `${optionLetter(j)}. ${o.text}`,
              lang: loaded.language,
              correct: o.id === q.correct,
            }))}
            counts={snapshot.quiz[q.id] ?? {}}
          />
        ))}
      </div>
      {loaded.statements.length ? (
        <>
          <h2>{t("live.statementsHeading")}</h2>
          <div className="live-grid">
            {loaded.statements.map((s, i) => (
              <LiveCountTable
                key={s.id}
                id={s.id}
                caption={`${t("live.statementN", { n: i + 1 })}: “${s.quote}”`}
                captionLang={loaded.language}
                rows={CATEGORY_IDS.map((c) => ({
                  id: c,
                  label: t(`cat.${c}` as MessageKey),
                  correct: c === s.category,
                }))}
                counts={snapshot.sort[s.id] ?? {}}
              />
            ))}
          </div>
        </>
      ) : null}

      {snapshot.closedAt === null ? (
        <section aria-labelledby="live-close" className="live-close">
          <h2 id="live-close">{t("live.closeHeading")}</h2>
          <p>{t("live.closeExplain")}</p>
          {loaded.extended > 0 ? <p>{t("ext.liveNote", { n: loaded.extended })}</p> : null}
          <Form
            method="post"
            action={`${location.pathname}${location.search}`}
            {...getFormProps(closeForm)}
          >
            <Intent value="close" />
            <ConfirmCheckbox meta={closeFields.confirm} label={t("live.closeConfirm")} />
            <button type="submit" className="danger">
              {t("live.closeButton")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
