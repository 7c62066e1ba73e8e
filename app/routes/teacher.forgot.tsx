// "Forgot password": email + one recovery code + a new password; signs the teacher in with every
// old session ended. Throttled like sign-in; the same answer for an unknown email and a wrong code.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { Field, FormError, Honeypot } from "~/components/accounts-fields";
import { useT } from "~/i18n/use-t";
import { recoverWithCode } from "~/models/recovery.server";
import {
  accountHeaders,
  NO_STORE,
  refuse,
  refuseBot,
  refuseThrottled,
  startSessionAndRedirect,
} from "~/utils/accounts-form.server";
import { recoverSchema } from "~/utils/accounts-schemas";
import { ipBucket } from "~/utils/client-ip.server";
import { echoValues, parseWith, readForm } from "~/utils/form.server";
import { honeypotFilled } from "~/utils/honeypot";
import { title } from "~/utils/meta";
import { PASSWORD_MAX, PASSWORD_MIN } from "~/utils/password-policy";

export const headers = accountHeaders;

export const meta: MetaFunction = ({ matches }) => title(matches, "rc.forgot.title");

export async function loader(_: LoaderFunctionArgs) {
  return json({}, { headers: NO_STORE });
}

// Never echoed back: the new password and the code.
const OMIT = ["password", "code"];

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  if (honeypotFilled(form)) return refuseBot();
  const parsed = parseWith(recoverSchema, form, OMIT);
  if (!parsed.ok) return refuse(parsed);
  const result = await recoverWithCode({
    email: parsed.data.email,
    code: parsed.data.code,
    newPassword: parsed.data.password,
    ip: ipBucket(request),
  });
  if (!result.ok) {
    const values = echoValues(form, OMIT);
    if (result.reason === "throttled")
      return refuseThrottled(values, result.retryAfterMs, result.wait);
    return refuse({ errors: { code: "rc.forgot.failed" }, values });
  }
  return startSessionAndRedirect(
    request,
    { role: "teacher", teacherId: result.teacherId },
    "/teacher/account?done=recovered",
  );
}

export default function ForgotPassword() {
  const t = useT();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const values = data?.values ?? {};
  const errors = data?.errors ?? {};
  return (
    <div className="narrow">
      <h1>{t("rc.forgot.title")}</h1>
      <p>{t("rc.forgot.lead")}</p>
      <Form method="post" noValidate>
        <FormError error={data?.formError} vars={data?.formVars} />
        <Field
          name="email"
          type="email"
          label={t("accounts.field.email")}
          error={errors.email}
          defaultValue={values.email}
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
        />
        <Field
          name="code"
          label={t("rc.forgot.code")}
          hint={t("rc.forgot.codeHint")}
          error={errors.code}
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
        />
        <Field
          name="password"
          type="password"
          label={t("accounts.field.newPassword")}
          hint={t("accounts.field.newPasswordHint", { min: PASSWORD_MIN, max: PASSWORD_MAX })}
          error={errors.password}
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
