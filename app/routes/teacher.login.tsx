// Teacher sign-in with email and password; throttled per account and per IP.
import { CookieTrouble } from "~/components/cookie-trouble";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useNavigation, useSearchParams } from "@remix-run/react";
import {
  EmailField,
  Field,
  FormErrors,
  getFormProps,
  Honeypot,
  useAppForm,
} from "~/components/form";
import { useT } from "~/i18n/use-t";
import { signInTeacher } from "~/models/teacher.server";
import {
  accountHeaders,
  BOT_REFUSAL,
  NO_STORE,
  startSessionAndRedirect,
  throttled,
} from "~/utils/accounts-form.server";
import { teacherLoginSchema } from "~/utils/accounts-schemas";
import { getViewer, safeRedirect } from "~/utils/auth.server";
import { ipBucket } from "~/utils/client-ip.server";
import { parseForm, refuse } from "~/utils/form.server";
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

// Never sent back: the password; redirectTo is re-rendered from the URL.
const HIDE = ["password", "redirectTo"];

export async function action({ request }: ActionFunctionArgs) {
  const { form, submission } = await parseForm(request, teacherLoginSchema);
  if (honeypotFilled(form)) return refuse(submission, { ...BOT_REFUSAL, hide: HIDE });
  if (submission.status !== "success") return refuse(submission, { hide: HIDE });
  const result = await signInTeacher({
    ...submission.value,
    ip: ipBucket(request),
    signal: request.signal,
  });
  if (!result.ok) {
    if (result.reason === "throttled")
      return refuse(submission, { ...throttled(result.retryAfterMs, result.wait), hide: HIDE });
    return refuse(submission, { fieldErrors: { password: "accounts.login.failed" }, hide: HIDE });
  }
  return startSessionAndRedirect(
    request,
    { role: "teacher", teacherId: result.teacherId },
    safeRedirect(form.get("redirectTo"), "/teacher"),
  );
}

export default function TeacherLogin() {
  const t = useT();
  const [form, fields] = useAppForm<typeof teacherLoginSchema>({ id: "login" });
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  const redirectTo = params.get("redirectTo");
  return (
    <div className="narrow">
      <h1>{t("accounts.login.title")}</h1>
      <CookieTrouble />
      <Form method="post" {...getFormProps(form)}>
        <FormErrors form={form} />
        <EmailField meta={fields.email} label={t("accounts.field.email")} />
        <Field
          meta={fields.password}
          type="password"
          label={t("accounts.field.password")}
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
