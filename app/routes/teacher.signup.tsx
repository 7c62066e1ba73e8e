// Teacher sign-up: name, email, password; signs the new teacher in and shows their recovery codes once.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import {
  EmailField,
  Field,
  FormErrors,
  getFormProps,
  Honeypot,
  useAppForm,
} from "~/components/form";
import { RecoveryCodes } from "~/components/recovery-codes";
import { useT } from "~/i18n/use-t";
import { issueRecoveryCodes } from "~/models/recovery.server";
import { createTeacher } from "~/models/teacher.server";
import {
  accountHeaders,
  BOT_REFUSAL,
  NO_STORE,
  startSessionAndRedirect,
  throttled,
} from "~/utils/accounts-form.server";
import { createSession, destroySession } from "~/utils/session.server";
import { signUpSchema } from "~/utils/accounts-schemas";
import { getViewer, safeRedirect } from "~/utils/auth.server";
import { ipBucket } from "~/utils/client-ip.server";
import { parseForm, refuse } from "~/utils/form.server";
import { honeypotFilled } from "~/utils/honeypot";
import { title } from "~/utils/meta";
import { PASSWORD_MAX, PASSWORD_MIN } from "~/utils/password-policy";

export const headers = accountHeaders;

export const meta: MetaFunction = ({ matches }) => title(matches, "accounts.signup.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  if (viewer?.role === "teacher") throw redirect("/teacher", { headers: NO_STORE });
  return json({}, { headers: NO_STORE });
}

// Never sent back: the password; redirectTo is re-rendered from the URL.
const HIDE = ["password", "redirectTo"];

export async function action({ request }: ActionFunctionArgs) {
  const { form, submission } = await parseForm(request, signUpSchema);
  if (honeypotFilled(form)) return refuse(submission, { ...BOT_REFUSAL, hide: HIDE });
  if (submission.status !== "success") return refuse(submission, { hide: HIDE });
  const created = await createTeacher({ ...submission.value, ip: ipBucket(request) });
  if (!created.ok) {
    if (created.reason === "throttled")
      return refuse(submission, { ...throttled(created.retryAfterMs, created.wait), hide: HIDE });
    // Neutral: it does not say whether the email has an account (decision record 032).
    return refuse(submission, { formError: "hardening.signup.unavailable", hide: HIDE });
  }
  const next = safeRedirect(form.get("redirectTo"), "/teacher");
  // An existing owner who typed their own password is signed in as before (decision 032).
  if (!created.fresh)
    return startSessionAndRedirect(
      request,
      { role: "teacher", teacherId: created.teacherId },
      next,
    );
  // A new account: signed in, and its recovery codes are shown in this answer, once (never stored in clear).
  await destroySession(request);
  const cookie = await createSession({ role: "teacher", teacherId: created.teacherId });
  const codes = await issueRecoveryCodes(created.teacherId);
  return json(
    { ok: true as const, codes, next },
    { headers: { "Set-Cookie": cookie, ...NO_STORE } },
  );
}

// The loader sends a signed-in teacher on to /teacher: after the sign-up that would hide the codes.
export const shouldRevalidate: ShouldRevalidateFunction = ({
  actionResult,
  defaultShouldRevalidate,
}) => (actionResult?.codes ? false : defaultShouldRevalidate);

export default function TeacherSignUp() {
  const t = useT();
  const result = useActionData<typeof action>();
  const [form, fields] = useAppForm<typeof signUpSchema>({ id: "signup" });
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  if (result?.ok)
    return (
      <div className="narrow">
        <h1>{t("accounts.signup.title")}</h1>
        <RecoveryCodes codes={result.codes} next={result.next} lead={t("rc.codes.signupDone")} />
      </div>
    );
  const redirectTo = params.get("redirectTo");
  return (
    <div className="narrow">
      <h1>{t("accounts.signup.title")}</h1>
      <p>{t("accounts.signup.lead")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors form={form} />
        <Field
          meta={fields.name}
          label={t("accounts.field.teacherName")}
          hint={t("accounts.field.teacherNameHint")}
          autoComplete="name"
        />
        <EmailField meta={fields.email} label={t("accounts.field.email")} autoComplete="email" />
        <Field
          meta={fields.password}
          type="password"
          label={t("accounts.field.newPassword")}
          hint={t("accounts.field.newPasswordHint", { min: PASSWORD_MIN, max: PASSWORD_MAX })}
          autoComplete="new-password"
        />
        <Honeypot />
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <p>
          <button type="submit" disabled={busy}>
            {t("accounts.signup.submit")}
          </button>
        </p>
      </Form>
      <p>
        {t("accounts.signup.haveAccount")}{" "}
        <Link
          to={
            redirectTo
              ? `/teacher/login?redirectTo=${encodeURIComponent(redirectTo)}`
              : "/teacher/login"
          }
        >
          {t("accounts.login.link")}
        </Link>
      </p>
    </div>
  );
}
