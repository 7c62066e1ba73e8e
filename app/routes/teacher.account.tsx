// The teacher's account: who they are signed in as, new recovery codes (current password
// required; shown once), and deleting the account with all its data (password and a confirmation
// box required). Two forms told apart by `intent`; both work without JavaScript.
import { Name } from "~/components/name";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import {
  ConfirmCheckbox,
  Field,
  FormErrors,
  getFormProps,
  Intent,
  useAppForm,
} from "~/components/form";
import { RecoveryCodes } from "~/components/recovery-codes";
import {
  RECOVERY_CODE_COUNT,
  regenerateRecoveryCodes,
  unusedRecoveryCodes,
} from "~/models/recovery.server";
import { useT } from "~/i18n/use-t";
import { deleteTeacherAccount, teacherAccountSummary } from "~/models/privacy.server";
import { retryMinutes } from "~/models/throttle.server";
import { NO_STORE, throttled } from "~/utils/accounts-form.server";
import { requireTeacher } from "~/utils/auth.server";
import { parseSubmission, readForm, refuse } from "~/utils/form.server";
import { message } from "~/utils/form-message";
import { title } from "~/utils/meta";
import { destroySession } from "~/utils/session.server";

export const meta: MetaFunction = ({ matches }) => title(matches, "privacy.account.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const done = new URL(request.url).searchParams.get("done");
  const summary = await teacherAccountSummary({ teacherId: teacher.teacherId });
  const unusedCodes = await unusedRecoveryCodes(teacher.teacherId);
  return json(
    {
      ...summary,
      unusedCodes,
      totalCodes: RECOVERY_CODE_COUNT,
      done: done === "recovered" || done === "reset" ? done : null,
    },
    { headers: NO_STORE },
  );
}

// Never sent back: the passwords.
const HIDE = ["password", "currentPassword"];

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
    const intent = "recoveryCodes";
    const submission = parseSubmission(form, codesSchema);
    if (submission.status !== "success") return refuse(submission, { intent, hide: HIDE });
    const made = await regenerateRecoveryCodes({
      teacherId: teacher.teacherId,
      password: submission.value.currentPassword,
    });
    if (made.ok) return json({ ok: true as const, codes: made.codes }, { headers: NO_STORE });
    if (made.reason === "throttled")
      return refuse(submission, {
        ...throttled(made.retryAfterMs, made.wait),
        intent,
        hide: HIDE,
      });
    return refuse(submission, {
      intent,
      fieldErrors: { currentPassword: "rc.account.wrongPassword" },
      hide: HIDE,
    });
  }
  const intent = "delete";
  const submission = parseSubmission(form, deleteSchema);
  if (submission.status !== "success") return refuse(submission, { intent, hide: HIDE });
  const result = await deleteTeacherAccount({
    teacherId: teacher.teacherId,
    password: submission.value.password,
  });
  if (!result.ok) {
    if (result.reason === "throttled")
      return refuse(submission, {
        intent,
        formError: message("privacy.account.throttled", {
          minutes: retryMinutes(result.retryAfterMs),
        }),
        status: 429,
        hide: HIDE,
      });
    return refuse(submission, {
      intent,
      fieldErrors: { password: "privacy.account.wrongPassword" },
      hide: HIDE,
    });
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
  const [codesForm, codesFields] = useAppForm<typeof codesSchema>({
    id: "recovery-codes",
    intent: "recoveryCodes",
  });
  const [deleteForm, deleteFields] = useAppForm<typeof deleteSchema>({
    id: "delete-account",
    intent: "delete",
  });
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
          <Form method="post" {...getFormProps(codesForm)}>
            <FormErrors form={codesForm} />
            <Intent value="recoveryCodes" />
            <Field
              meta={codesFields.currentPassword}
              type="password"
              label={t("rc.account.password")}
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
        <Form method="post" {...getFormProps(deleteForm)}>
          <FormErrors form={deleteForm} />
          <Intent value="delete" />
          <Field
            meta={deleteFields.password}
            type="password"
            label={t("privacy.account.password")}
            autoComplete="current-password"
          />
          <ConfirmCheckbox meta={deleteFields.confirm} label={t("privacy.account.confirm")} />
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
