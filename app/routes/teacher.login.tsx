// Teacher sign-in with email and password; throttled per account and per IP.
import { CookieTrouble } from "~/components/cookie-trouble";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { Field, FormError, Honeypot } from "~/components/accounts-fields";
import { useT } from "~/i18n/use-t";
import { signInTeacher } from "~/models/teacher.server";
import {
  accountHeaders,
  NO_STORE,
  refuse,
  refuseBot,
  refuseThrottled,
  startSessionAndRedirect,
} from "~/utils/accounts-form.server";
import { teacherLoginSchema } from "~/utils/accounts-schemas";
import { getViewer, safeRedirect } from "~/utils/auth.server";
import { ipBucket } from "~/utils/client-ip.server";
import { echoValues, parseWith, readForm } from "~/utils/form.server";
import { honeypotFilled } from "~/utils/honeypot";
import { title } from "~/utils/meta";

export const headers = accountHeaders;

export const meta: MetaFunction = ({ matches }) => title(matches, "accounts.login.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  if (viewer?.role === "teacher") {
    const to = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/teacher");
    throw redirect(to, { headers: NO_STORE });
  }
  return json({}, { headers: NO_STORE });
}

// Never echoed back: the password; redirectTo is re-rendered from the URL.
const OMIT = ["password", "redirectTo"];

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  if (honeypotFilled(form)) return refuseBot();
  const parsed = parseWith(teacherLoginSchema, form, OMIT);
  if (!parsed.ok) return refuse(parsed);
  const result = await signInTeacher({
    ...parsed.data,
    ip: ipBucket(request),
    signal: request.signal,
  });
  if (!result.ok) {
    const values = echoValues(form, OMIT);
    if (result.reason === "throttled")
      return refuseThrottled(values, result.retryAfterMs, result.wait);
    return refuse({ errors: { password: "accounts.login.failed" }, values });
  }
  return startSessionAndRedirect(
    request,
    { role: "teacher", teacherId: result.teacherId },
    safeRedirect(form.get("redirectTo"), "/teacher"),
  );
}

export default function TeacherLogin() {
  const t = useT();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  const values = data?.values ?? {};
  const errors = data?.errors ?? {};
  const redirectTo = params.get("redirectTo");
  return (
    <div className="narrow">
      <h1>{t("accounts.login.title")}</h1>
      <CookieTrouble />
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
          name="password"
          type="password"
          label={t("accounts.field.password")}
          error={errors.password}
          autoComplete="current-password"
        />
        <Honeypot />
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <p>
          <button type="submit" disabled={busy}>
            {t("accounts.login.submit")}
          </button>
        </p>
      </Form>
      <p>
        <Link to="/teacher/forgot">{t("rc.forgot.link")}</Link>
      </p>
      <p>
        {t("accounts.login.noAccount")}{" "}
        <Link
          to={
            redirectTo
              ? `/teacher/signup?redirectTo=${encodeURIComponent(redirectTo)}`
              : "/teacher/signup"
          }
        >
          {t("accounts.signup.link")}
        </Link>
      </p>
      <p>
        {t("accounts.login.pupilHint")}{" "}
        <Link to="/pupil/login">{t("accounts.pupilLogin.link")}</Link>
      </p>
    </div>
  );
}
