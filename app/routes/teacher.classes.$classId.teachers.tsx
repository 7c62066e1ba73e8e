// The teachers of one class: the owner adds a co-teacher by the email of their account and removes
// co-teachers; a co-teacher can leave. Both see the list. Rules: app/models/class-access.server.ts.
import { Name, Trans } from "~/components/name";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { EmailField, FormErrors, getFormProps, Intent, useAppForm } from "~/components/form";
import { useT } from "~/i18n/use-t";
import {
  addCoTeacher,
  getTaughtClass,
  leaveClass,
  listClassTeachers,
  removeCoTeacher,
} from "~/models/class-access.server";
import { parseId } from "~/models/class.server";
import { retryMinutes } from "~/models/throttle.server";
import { NO_STORE } from "~/utils/accounts-form.server";
import { email } from "~/utils/accounts-schemas";
import { requireTeacher } from "~/utils/auth.server";
import { message } from "~/utils/form-message";
import { parseSubmission, readForm, refuse } from "~/utils/form.server";
import { title } from "~/utils/meta";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction = ({ matches }) => title(matches, "co.link");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const ref = { classId: parseId(params.classId), teacherId: teacher.teacherId };
  const klass = await getTaughtClass(ref);
  return json(
    {
      klass: { id: klass.id, name: klass.name },
      isOwner: klass.role === "owner",
      teachers: await listClassTeachers(ref),
    },
    { headers: NO_STORE },
  );
}

const intentSchema = z.object({
  intent: z.enum(["invite", "remove", "leave"], { errorMap: () => ({ message: "v.invalid" }) }),
});
const inviteSchema = z.object({ email });
const removeSchema = z.object({
  coTeacherId: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, "v.invalid")
    .transform(Number),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const teacher = await requireTeacher(request);
  const ref = { classId: parseId(params.classId), teacherId: teacher.teacherId };
  await getTaughtClass(ref);
  const chosen = parseSubmission(form, intentSchema);
  if (chosen.status !== "success") return refuse(chosen);
  const { intent } = chosen.value;
  const here = `/teacher/classes/${ref.classId}/teachers`;
  switch (intent) {
    case "invite": {
      const submission = parseSubmission(form, inviteSchema);
      if (submission.status !== "success") return refuse(submission, { intent });
      const added = await addCoTeacher({ ...ref, email: submission.value.email });
      if (added.ok) return redirect(`${here}?added=${added.coTeacherId}`, { headers: NO_STORE });
      if (added.reason === "throttled")
        return refuse(submission, {
          intent,
          status: 429,
          formError: message("co.throttled", { minutes: retryMinutes(added.retryAfterMs) }),
        });
      const refused =
        added.reason === "noSuchTeacher"
          ? "co.noSuchTeacher"
          : added.reason === "self"
            ? "co.self"
            : "co.already";
      return refuse(submission, { intent, fieldErrors: { email: refused } });
    }
    case "remove": {
      const submission = parseSubmission(form, removeSchema);
      if (submission.status !== "success") notFound();
      await removeCoTeacher({ ...ref, coTeacherId: submission.value.coTeacherId });
      return redirect(`${here}?removed=1`, { headers: NO_STORE });
    }
    case "leave":
      await leaveClass(ref);
      return redirect("/teacher", { headers: NO_STORE });
  }
}

export default function ClassTeachers() {
  const t = useT();
  const { klass, isOwner, teachers } = useLoaderData<typeof loader>();
  const [inviteForm, inviteFields] = useAppForm<typeof inviteSchema>({
    id: "invite",
    intent: "invite",
  });
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  const added = teachers.find((c) => !c.owner && String(c.id) === params.get("added"))?.name;
  return (
    <>
      <h1>
        <Trans k="co.title" vars={{ name: <Name>{klass.name}</Name> }} />
      </h1>
      <p>
        <Link to={`/teacher/classes/${klass.id}`}>{t("co.back")}</Link>
      </p>
      <p>{t("co.lead")}</p>
      {added ? (
        <p className="flash ok" role="status">
          <Trans k="co.invited" vars={{ name: <Name>{added}</Name> }} />
        </p>
      ) : params.get("removed") ? (
        <p className="flash ok" role="status">
          {t("co.removed")}
        </p>
      ) : null}

      <section aria-labelledby="teachers-heading">
        <h2 id="teachers-heading">{t("co.listTitle")}</h2>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("co.caption", { name: klass.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("co.col.name")}</th>
                <th scope="col">{t("co.col.email")}</th>
                <th scope="col">{t("co.col.role")}</th>
                {isOwner ? <th scope="col">{t("co.col.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {teachers.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Name>{c.name}</Name>
                  </th>
                  <td>{c.email}</td>
                  <td>{c.owner ? t("co.role.owner") : t("co.role.coTeacher")}</td>
                  {isOwner ? (
                    <td>
                      {c.owner ? null : (
                        <Form method="post">
                          <Intent value="remove" />
                          <input type="hidden" name="coTeacherId" value={c.id} />
                          <button
                            type="submit"
                            className="secondary"
                            disabled={busy}
                            aria-label={t("co.removeFor", { name: c.name })}
                          >
                            {t("co.remove")}
                          </button>
                        </Form>
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {isOwner ? (
        <section aria-labelledby="invite-heading" className="narrow">
          <h2 id="invite-heading">{t("co.inviteTitle")}</h2>
          <p>{t("co.inviteBody")}</p>
          <Form method="post" {...getFormProps(inviteForm)}>
            <FormErrors form={inviteForm} />
            <Intent value="invite" />
            <EmailField meta={inviteFields.email} label={t("co.email")} autoComplete="off" />
            <p>
              <button type="submit" disabled={busy}>
                {t("co.inviteSubmit")}
              </button>
            </p>
          </Form>
        </section>
      ) : (
        <section aria-labelledby="leave-heading" className="narrow">
          <h2 id="leave-heading">{t("co.leaveTitle")}</h2>
          <p>{t("co.leaveBody")}</p>
          <Form method="post">
            <Intent value="leave" />
            <p>
              <button type="submit" className="danger" disabled={busy}>
                {t("co.leaveSubmit")}
              </button>
            </p>
          </Form>
        </section>
      )}
    </>
  );
}
