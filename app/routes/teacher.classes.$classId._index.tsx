// One class for its teacher: join code and its switches, the roster (reset PIN, remove), renaming
// and archiving. Every action names the class in the URL; the models check it is this teacher's.
import { Name, Trans } from "~/components/name";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Field, getFormProps, Intent, useAppForm } from "~/components/form";
import { useLang, useT } from "~/i18n/use-t";
import {
  getTaughtClass,
  parseId,
  regenerateJoinCode,
  renameClass,
  setArchived,
  setJoinEnabled,
} from "~/models/class.server";
import { listClassTeachers } from "~/models/class-access.server";
import { listRoster, resetPin } from "~/models/pupil.server";
import { listClassAssignments } from "~/models/assignment.server";
import { ClassAssignmentList } from "~/components/assignment-lists";
import { NO_STORE } from "~/utils/accounts-form.server";
import { className } from "~/utils/accounts-schemas";
import { requireTeacher } from "~/utils/auth.server";
import { parseSubmission, readForm, refuse } from "~/utils/form.server";
import { formatDateTime } from "~/utils/format";
import { joinLink } from "~/utils/join-link.server";
import { title } from "~/utils/meta";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? title(matches, "accounts.class.pageTitle", { name: data.klass.name }) : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const classId = parseId(params.classId);
  const klass = getTaughtClass({ classId, teacherId: teacher.teacherId });
  const roster = listRoster({ classId, teacherId: teacher.teacherId });
  const assignments = listClassAssignments({ classId, teacherId: teacher.teacherId }).map((a) => ({
    id: a.id,
    title: a.title,
    language: a.language,
    dueAt: a.dueAt.toISOString(),
    opensAt: a.opensAt && a.opensAt.getTime() > Date.now() ? a.opensAt.toISOString() : null,
    submitted: a.submitted,
    pupils: a.pupils,
  }));
  const join = await joinLink(request, klass.joinCode);
  return json(
    {
      klass: {
        id: klass.id,
        name: klass.name,
        grade: klass.grade,
        subject: klass.subject,
        timeZone: klass.timeZone,
        joinCode: klass.joinCode,
        joinEnabled: klass.joinEnabled,
        archived: klass.archivedAt !== null,
        isOwner: klass.role === "owner",
      },
      owner:
        klass.role === "owner"
          ? null
          : (listClassTeachers({ classId, teacherId: teacher.teacherId }).find((t) => t.owner)
              ?.name ?? ""),
      join,
      roster,
      assignments,
    },
    { headers: NO_STORE },
  );
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
      renameClass({ ...ref, name: submission.value.name });
      return back();
    }
    case "archive":
    case "unarchive":
      setArchived({ ...ref, archived: intent === "archive" });
      return back();
    case "joinOff":
    case "joinOn":
      setJoinEnabled({ ...ref, enabled: intent === "joinOn" });
      return back();
    case "regenerate":
      regenerateJoinCode(ref);
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
  const lang = useLang();
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

      <section aria-labelledby="join-heading">
        <h2 id="join-heading">{t("accounts.class.joinTitle")}</h2>
        <dl className="join-facts">
          <dt>{t("accounts.class.codeLabel")}</dt>
          <dd className="join-code">{klass.joinCode}</dd>
          <dt>{t("accounts.class.linkLabel")}</dt>
          <dd>
            <a href={join.url}>{join.url}</a>
          </dd>
          <dt>{t("accounts.class.joinStatus")}</dt>
          <dd>
            {klass.joinEnabled ? t("accounts.class.joinOpen") : t("accounts.class.joinClosed")}
          </dd>
        </dl>
        <div className="actions no-print">
          <Form method="post">
            <Intent value={klass.joinEnabled ? "joinOff" : "joinOn"} />
            <button type="submit" className="secondary" disabled={busy}>
              {klass.joinEnabled ? t("accounts.class.turnJoinOff") : t("accounts.class.turnJoinOn")}
            </button>
          </Form>
          <Form method="post">
            <Intent value="regenerate" />
            <button type="submit" className="secondary" disabled={busy}>
              {t("accounts.class.regenerate")}
            </button>
          </Form>
        </div>
        <p className="hint no-print">{t("accounts.class.regenerateHint")}</p>
        {klass.joinEnabled && !klass.archived ? (
          <figure className="join-qr">
            <img
              src={join.qrDataUri}
              alt={t("class.joinLink.qrAlt", { url: join.url })}
              width={240}
              height={240}
            />
            <figcaption>{t("class.joinLink.lead")}</figcaption>
          </figure>
        ) : null}
        {join.loopback ? <p className="note no-print">{t("class.joinLink.loopback")}</p> : null}
      </section>

      <section aria-labelledby="roster-heading">
        <h2 id="roster-heading">{t("accounts.roster.title")}</h2>
        {reset ? (
          <div className="flash ok" role="status">
            <p>
              <Trans k="accounts.roster.newPin" vars={{ name: <Name>{reset.displayName}</Name> }} />{" "}
              <strong className="code">{reset.pin}</strong>
            </p>
            <p>{t("accounts.roster.newPinOnce")}</p>
          </div>
        ) : null}
        {roster.length ? (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">
                {t("accounts.roster.caption", { name: klass.name })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("accounts.roster.name")}</th>
                  <th scope="col">{t("accounts.roster.joined")}</th>
                  <th scope="col">{t("accounts.roster.lastSeen")}</th>
                  <th scope="col" className="no-print">
                    {t("accounts.roster.actions")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {roster.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Name>{p.displayName}</Name>
                    </th>
                    <td>{formatDateTime(lang, p.joinedAt, klass.timeZone)}</td>
                    <td>
                      {p.lastSeenAt
                        ? formatDateTime(lang, p.lastSeenAt, klass.timeZone)
                        : t("accounts.roster.never")}
                    </td>
                    <td className="no-print">
                      <div className="actions">
                        {/* asks first, in place and without JavaScript; the PIN then shows on its own page */}
                        <details className="confirm">
                          <summary>
                            {t("accounts.roster.resetPin")}
                            <span className="visually-hidden">
                              {" "}
                              {t("accounts.roster.forPupil", { name: p.displayName })}
                            </span>
                          </summary>
                          <p className="hint">{t("pf.pin.body")}</p>
                          <Form
                            method="post"
                            action={`/teacher/classes/${klass.id}/pupils/${p.id}/pin`}
                          >
                            <button type="submit" className="secondary" disabled={busy}>
                              {t("pf.pin.confirm", { name: p.displayName })}
                            </button>
                          </Form>
                        </details>
                        <a href={`/teacher/classes/${klass.id}/pupils/${p.id}/export`} download>
                          {t("privacy.export.link")}
                          <span className="visually-hidden">
                            {" "}
                            {t("accounts.roster.forPupil", { name: p.displayName })}
                          </span>
                        </a>
                        <Link to={`/teacher/classes/${klass.id}/pupils/${p.id}/rename`}>
                          {t("roster.rename.link")}
                          <span className="visually-hidden">
                            {" "}
                            {t("accounts.roster.forPupil", { name: p.displayName })}
                          </span>
                        </Link>
                        {roster.length > 1 ? (
                          <Link to={`/teacher/classes/${klass.id}/pupils/${p.id}/merge`}>
                            {t("roster.merge.link")}
                            <span className="visually-hidden">
                              {" "}
                              {t("accounts.roster.forPupil", { name: p.displayName })}
                            </span>
                          </Link>
                        ) : null}
                        <Link to={`/teacher/classes/${klass.id}/pupils/${p.id}/remove`}>
                          {t("accounts.roster.remove")}
                          <span className="visually-hidden">
                            {" "}
                            {t("accounts.roster.forPupil", { name: p.displayName })}
                          </span>
                        </Link>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t("accounts.roster.empty")}</p>
        )}
        <p className="actions no-print">
          {klass.archived ? null : (
            <Link to={`/teacher/classes/${klass.id}/roster`}>{t("roster.add.link")}</Link>
          )}
          <Link to={`/teacher/classes/${klass.id}/cards`}>{t("accounts.cards.link")}</Link>
        </p>
      </section>

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
            <Form method="post">
              <Intent value="archive" />
              <button type="submit" className="danger" disabled={busy}>
                {t("pf.archive.confirm")}
              </button>
            </Form>
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
