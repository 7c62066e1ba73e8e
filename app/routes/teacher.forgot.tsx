// "Forgot password": email + one recovery code + a new password; signs the teacher in with every
// old session ended. Throttled like sign-in; the same answer for an unknown email and a wrong code.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useNavigation } from "@remix-run/react";
import {
  EmailField,
  Field,
  FormErrors,
  getFormProps,
  Honeypot,
  useAppForm,
} from "~/components/form";
import { useT } from "~/i18n/use-t";
import { recoverWithCode } from "~/models/recovery.server";
import {
  accountHeaders,
  BOT_REFUSAL,
  NO_STORE,
  startSessionAndRedirect,
  throttled,
} from "~/utils/accounts-form.server";
import { recoverSchema } from "~/utils/accounts-schemas";
import { ipBucket } from "~/utils/client-ip.server";
import { parseForm, refuse } from "~/utils/form.server";
import { honeypotFilled } from "~/utils/honeypot";
import { title } from "~/utils/meta";
import { PASSWORD_MAX, PASSWORD_MIN } from "~/utils/password-policy";

export const headers = accountHeaders;

export const meta: MetaFunction = ({ matches }) => title(matches, "rc.forgot.title");

export async function loader(_: LoaderFunctionArgs) {
  return json({}, { headers: NO_STORE });
}

// Never sent back: the new password and the code.
const HIDE = ["password", "code"];

export async function action({ request }: ActionFunctionArgs) {
  const { form, submission } = await parseForm(request, recoverSchema);
  if (honeypotFilled(form)) return refuse(submission, { ...BOT_REFUSAL, hide: HIDE });
  if (submission.status !== "success") return refuse(submission, { hide: HIDE });
  const result = await recoverWithCode({
    email: submission.value.email,
    code: submission.value.code,
    newPassword: submission.value.password,
    ip: ipBucket(request),
  });
  if (!result.ok) {
    if (result.reason === "throttled")
      return refuse(submission, { ...throttled(result.retryAfterMs, result.wait), hide: HIDE });
    return refuse(submission, { fieldErrors: { code: "rc.forgot.failed" }, hide: HIDE });
  }
  return startSessionAndRedirect(
    request,
    { role: "teacher", teacherId: result.teacherId },
    "/teacher/account?done=recovered",
  );
}

export default function ForgotPassword() {
  const t = useT();
  const [form, fields] = useAppForm<typeof recoverSchema>({ id: "forgot" });
  const busy = useNavigation().state === "submitting";
  return (
    <div className="narrow">
      <h1>{t("rc.forgot.title")}</h1>
      <p>{t("rc.forgot.lead")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors form={form} />
        <EmailField meta={fields.email} label={t("accounts.field.email")} />
        <Field
          meta={fields.code}
          label={t("rc.forgot.code")}
          hint={t("rc.forgot.codeHint")}
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
        />
        <Field
          meta={fields.password}
          type="password"
          label={t("accounts.field.newPassword")}
          hint={t("accounts.field.newPasswordHint", { min: PASSWORD_MIN, max: PASSWORD_MAX })}
          autoComplete="new-password"
        />
        <Honeypot />
        <p>
          <button type="submit" disabled={busy}>
            {t("rc.forgot.submit")}
          </button>
        </p>
      </Form>
      <p>{t("rc.forgot.noCodes")}</p>
      <p>
        <Link to="/teacher/login">{t("rc.reset.toLogin")}</Link>
      </p>
    </div>
  );
}
