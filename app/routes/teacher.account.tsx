// The teacher's account: who they are signed in as, new recovery codes (current password
// required; shown once), and deleting the account with all its data (password and a confirmation
// box required). Two forms told apart by `intent`; both work without JavaScript.
import { Name } from "~/components/name";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Field, FormError } from "~/components/accounts-fields";
import { RecoveryCodes } from "~/components/recovery-codes";
import {
  RECOVERY_CODE_COUNT,
  regenerateRecoveryCodes,
  unusedRecoveryCodes,
} from "~/models/recovery.server";
import { ConfirmCheckbox } from "~/components/forms";
import { useT } from "~/i18n/use-t";
import { deleteTeacherAccount, teacherAccountSummary } from "~/models/privacy.server";
import { retryMinutes } from "~/models/throttle.server";
import { NO_STORE, refuse, refuseThrottled } from "~/utils/accounts-form.server";
import { requireTeacher } from "~/utils/auth.server";
import { echoValues, parseWith, readForm } from "~/utils/form.server";
import { title } from "~/utils/meta";
import { destroySession } from "~/utils/session.server";

export const meta: MetaFunction = ({ matches }) => title(matches, "privacy.account.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const done = new URL(request.url).searchParams.get("done");
  return json(
    {
      ...teacherAccountSummary({ teacherId: teacher.teacherId }),
      unusedCodes: unusedRecoveryCodes(teacher.teacherId),
      totalCodes: RECOVERY_CODE_COUNT,
      done: done === "recovered" || done === "reset" ? done : null,
    },
    { headers: NO_STORE },
  );
}

const OMIT = ["password", "currentPassword"];

const codesSchema = z.object({
  currentPassword: z
    .string({ required_error: "privacy.account.passwordRequired", invalid_type_error: "v.invalid" })
    .min(1, "privacy.account.passwordRequired")
    .max(1024, "v.invalid"),
});

const deleteSchema = z.object({
  password: z
    .string({ required_error: "privacy.account.passwordRequired", invalid_type_error: "v.invalid" })
    .min(1, "privacy.account.passwordRequired")
    .max(1024, "v.invalid"),
  confirm: z.literal("yes", { errorMap: () => ({ message: "privacy.account.confirmRequired" }) }),
});

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const teacher = await requireTeacher(request);
  if (form.get("intent") === "recoveryCodes") {
    const parsed = parseWith(codesSchema, form, OMIT);
    if (!parsed.ok) return refuse(parsed);
    const made = await regenerateRecoveryCodes({
      teacherId: teacher.teacherId,
      password: parsed.data.currentPassword,
    });
    if (made.ok) return json({ ok: true as const, codes: made.codes }, { headers: NO_STORE });
    if (made.reason === "throttled")
      return refuseThrottled({ intent: "recoveryCodes" }, made.retryAfterMs, made.wait);
    return refuse({
      errors: { currentPassword: "rc.account.wrongPassword" },
      values: { intent: "recoveryCodes" },
    });
  }
  const parsed = parseWith(deleteSchema, form, OMIT);
  if (!parsed.ok) return refuse(parsed);
  const result = await deleteTeacherAccount({
    teacherId: teacher.teacherId,
    password: parsed.data.password,
  });
  if (!result.ok) {
    const values = echoValues(form, OMIT);
    if (result.reason === "throttled")
      return refuse(
        {
          errors: {},
          values,
          formError: "privacy.account.throttled",
          formVars: { minutes: retryMinutes(result.retryAfterMs) },
        },
        429,
      );
    return refuse({ errors: { password: "privacy.account.wrongPassword" }, values });
  }
  return redirect("/?notice=account-deleted", {
    headers: {
      "Set-Cookie": await destroySession(request),
      // The browser may be a shared school computer: nothing of this site should stay in it.
      "Clear-Site-Data": '"cookies"',
      ...NO_STORE,
    },
  });
}

export default function TeacherAccount() {
  const t = useT();
  const account = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const codes = result?.ok ? result.codes : null;
  const data = result?.ok ? undefined : result;
  // Which of the two forms a refusal belongs to (its echoed intent says).
  const codesFailed = data?.values.intent === "recoveryCodes";
  const errors = data?.errors ?? {};
  const values = data?.values ?? {};
  const confirmError = errors.confirm;
  return (
    <div className="narrow">
      <h1>{t("privacy.account.title")}</h1>
      <dl className="data-facts">
        <dt>{t("privacy.account.name")}</dt>
        <dd>
          <Name>{account.name}</Name>
        </dd>
        <dt>{t("privacy.account.email")}</dt>
        <dd>{account.email}</dd>
      </dl>

      {account.done ? (
        <p className="flash ok" role="status">
          {account.done === "recovered"
            ? t("rc.account.recovered", { count: account.unusedCodes })
            : t("rc.account.resetDone")}
        </p>
      ) : null}

      {codes ? (
        <RecoveryCodes codes={codes} />
      ) : (
        <section aria-labelledby="codes-heading">
          <h2 id="codes-heading">{t("rc.account.title")}</h2>
          <p>{t("rc.account.unused", { count: account.unusedCodes, total: account.totalCodes })}</p>
          <p>{t("rc.account.body")}</p>
          <Form method="post" noValidate>
            {codesFailed ? <FormError error={data?.formError} vars={data?.formVars} /> : null}
            <input type="hidden" name="intent" value="recoveryCodes" />
            <Field
              name="currentPassword"
              type="password"
              label={t("rc.account.password")}
              error={errors.currentPassword}
              autoComplete="current-password"
            />
            <p>
              <button type="submit" className="secondary" disabled={busy}>
                {t("rc.account.submit")}
              </button>
            </p>
          </Form>
        </section>
      )}

      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">{t("privacy.account.deleteTitle")}</h2>
        <p>{t("privacy.account.deleteBody")}</p>
        <dl className="data-facts">
          <dt>{t("privacy.account.classCount")}</dt>
          <dd>{account.classes}</dd>
          <dt>{t("privacy.account.pupilCount")}</dt>
          <dd>{account.pupils}</dd>
        </dl>
        <p className="note">{t("privacy.account.exportFirst")}</p>
        <Form method="post" noValidate>
          {codesFailed ? null : <FormError error={data?.formError} vars={data?.formVars} />}
          <input type="hidden" name="intent" value="delete" />
          <Field
            name="password"
            type="password"
            label={t("privacy.account.password")}
            error={errors.password}
            autoComplete="current-password"
          />
          <ConfirmCheckbox
            label={t("privacy.account.confirm")}
            error={confirmError}
            checked={values.confirm === "yes"}
          />
          <p className="actions">
            <button type="submit" className="danger" disabled={busy}>
              {t("privacy.account.submit")}
            </button>
            <Link to="/teacher">{t("privacy.account.cancel")}</Link>
          </p>
        </Form>
      </section>
    </div>
  );
}
