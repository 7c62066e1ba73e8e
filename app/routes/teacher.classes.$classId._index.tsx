// One class for its teacher: join code and its switches, the roster (reset PIN, remove), renaming
// and archiving. Every action names the class in the URL; the models check it is this teacher's.
import { Name, Trans } from "~/components/name";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Field, getFormProps, Intent, IntentButton, useAppForm } from "~/components/form";
import { useT } from "~/i18n/use-t";
import {
  parseId,
  regenerateJoinCode,
  renameClass,
  setArchived,
  setJoinEnabled,
} from "~/models/class.server";
import { teacherClassPage } from "~/models/class-page.server";
import { resetPin } from "~/models/pupil.server";
import { JoinSection, RosterSection } from "~/components/class-page";
import { ClassAssignmentList } from "~/components/assignment-lists";
import { NO_STORE } from "~/utils/accounts-form.server";
import { className } from "~/utils/accounts-schemas";
import { requireTeacher } from "~/utils/auth.server";
import { parseSubmission, readForm, refuse } from "~/utils/form.server";
import { joinLink } from "~/utils/join-link.server";
import { title } from "~/utils/meta";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? title(matches, "accounts.class.pageTitle", { name: data.klass.name }) : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const page = await teacherClassPage({
    classId: parseId(params.classId),
    teacherId: teacher.teacherId,
  });
  const join = await joinLink(request, page.klass.joinCode);
  return json({ ...page, join }, { headers: NO_STORE });
}

const intentSchema = z.object({
  intent: z.enum(
    ["rename", "archive", "unarchive", "joinOff", "joinOn", "regenerate", "resetPin"],
    {
      errorMap: () => ({ message: "v.invalid" }),
    },
  ),
});
const renameSchema = z.object({ name: className });
const pupilSchema = z.object({
  pupilId: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, "v.invalid")
    .transform(Number),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const teacher = await requireTeacher(request);
  const ref = { classId: parseId(params.classId), teacherId: teacher.teacherId };
  const chosen = parseSubmission(form, intentSchema);
  if (chosen.status !== "success") return refuse(chosen);
  const { intent } = chosen.value;
  const back = () => redirect(`/teacher/classes/${ref.classId}`, { headers: NO_STORE });
  switch (intent) {
    case "rename": {
      const submission = parseSubmission(form, renameSchema);
      if (submission.status !== "success") return refuse(submission, { intent });
      await renameClass({ ...ref, name: submission.value.name });
      return back();
    }
    case "archive":
    case "unarchive":
      await setArchived({ ...ref, archived: intent === "archive" });
      return back();
    case "joinOff":
    case "joinOn":
      await setJoinEnabled({ ...ref, enabled: intent === "joinOn" });
      return back();
    case "regenerate":
      await regenerateJoinCode(ref);
      return back();
    case "resetPin": {
      const submission = parseSubmission(form, pupilSchema);
      if (submission.status !== "success") notFound();
      // The new PIN travels only in this response (never stored in clear, never in a URL).
      const reset = await resetPin({ ...ref, pupilId: submission.value.pupilId });
      return json({ ok: true as const, reset }, { headers: NO_STORE });
    }
  }
}

export default function ClassPage() {
  const t = useT();
  const { klass, join, roster, assignments, owner } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [renameForm, renameFields] = useAppForm<typeof renameSchema>({
    id: "rename-class",
    intent: "rename",
    defaultValue: { name: klass.name },
  });
  const reset = data && data.ok ? data.reset : null;
  return (
    <>
      <h1>
        <Name>{klass.name}</Name>
      </h1>
      <p className="muted">
        {t("accounts.class.facts", {
          grade: klass.grade,
          subject: klass.subject,
          zone: klass.timeZone,
        })}
      </p>
      {klass.archived ? <p className="note">{t("accounts.class.archivedNote")}</p> : null}
      {owner !== null ? (
        <p>
          <Trans k="co.classRole" vars={{ owner: <Name>{owner}</Name> }} />
        </p>
      ) : null}
      <p className="actions no-print">
        <Link to="/teacher">{t("accounts.class.back")}</Link>
        <Link to={`/teacher/classes/${klass.id}/teachers`}>{t("co.link")}</Link>
      </p>

      <ClassAssignmentList
        classId={klass.id}
        items={assignments}
        zone={klass.timeZone}
        archived={klass.archived}
      />
      {assignments.length ? (
        <p className="no-print">
          <Link to={`/teacher/classes/${klass.id}/results`}>{t("results.classLink")}</Link>
        </p>
      ) : null}

      <JoinSection klass={klass} join={join} />

      <RosterSection klass={klass} roster={roster} reset={reset} />

      <section aria-labelledby="settings-heading" className="no-print">
        <h2 id="settings-heading">{t("accounts.class.settingsTitle")}</h2>
        <p>
          <Link to={`/teacher/classes/${klass.id}/copy`}>{t("next.copyClass.link")}</Link>
        </p>
        <Form method="post" {...getFormProps(renameForm)}>
          <Intent value="rename" />
          <Field
            meta={renameFields.name}
            label={t("accounts.field.className")}
            autoComplete="off"
          />
          <p>
            <button type="submit" disabled={busy}>
              {t("accounts.class.renameSubmit")}
            </button>
          </p>
        </Form>
        {!klass.isOwner ? (
          <p className="hint">{t("co.archiveOwnerOnly")}</p>
        ) : klass.archived ? (
          <Form method="post">
            <Intent value="unarchive" />
            <p className="hint">{t("accounts.class.unarchiveHint")}</p>
            <p>
              <button type="submit" className="secondary" disabled={busy}>
                {t("accounts.class.unarchive")}
              </button>
            </p>
          </Form>
        ) : (
          // archiving signs every pupil out: it asks first, in place, without JavaScript
          <details className="confirm">
            <summary>{t("accounts.class.archive")}</summary>
            <p className="hint">{t("accounts.class.archiveHint")}</p>
            <IntentButton intent="archive" className="danger" disabled={busy}>
              {t("pf.archive.confirm")}
            </IntentButton>
          </details>
        )}
        {klass.isOwner ? (
          <p>
            <Link to={`/teacher/classes/${klass.id}/delete`}>{t("co.delete.link")}</Link>
          </p>
        ) : null}
      </section>
    </>
  );
}
