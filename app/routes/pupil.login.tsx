// Pupil sign-in: class code (pre-filled from ?code=…, as a sign-in card's QR code opens it) +
// display name + PIN; throttled per pupil and per IP.
import { CookieTrouble } from "~/components/cookie-trouble";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Field, FormErrors, getFormProps, Honeypot, useAppForm } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { signInPupil } from "~/models/pupil.server";
import {
  accountHeaders,
  BOT_REFUSAL,
  NO_STORE,
  startSessionAndRedirect,
  throttled,
} from "~/utils/accounts-form.server";
import { pupilLoginSchema } from "~/utils/accounts-schemas";
import { getViewer, safeRedirect } from "~/utils/auth.server";
import { ipBucket } from "~/utils/client-ip.server";
import { parseForm, refuse } from "~/utils/form.server";
import { honeypotFilled } from "~/utils/honeypot";
import { normalizeJoinCode } from "~/utils/join-code";
import { title } from "~/utils/meta";

export const headers = accountHeaders;

export const meta: MetaFunction = ({ matches }) => title(matches, "accounts.pupilLogin.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  if (viewer?.role === "pupil") {
    const to = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/pupil");
    throw redirect(to, { headers: NO_STORE });
  }
  // a sign-in card's QR code opens /pupil/login?code=… with the class code filled in
  const code = new URL(request.url).searchParams.get("code");
  return json({ code: code ? normalizeJoinCode(code).slice(0, 16) : "" }, { headers: NO_STORE });
}

// Never sent back: the PIN; redirectTo is re-rendered from the URL.
const HIDE = ["pin", "redirectTo"];

export async function action({ request }: ActionFunctionArgs) {
  const { form, submission } = await parseForm(request, pupilLoginSchema);
  if (honeypotFilled(form)) return refuse(submission, { ...BOT_REFUSAL, hide: HIDE });
  if (submission.status !== "success") return refuse(submission, { hide: HIDE });
  const result = await signInPupil({
    ...submission.value,
    ip: ipBucket(request),
    signal: request.signal,
  });
  if (!result.ok) {
    if (result.reason === "throttled")
      return refuse(submission, { ...throttled(result.retryAfterMs, result.wait), hide: HIDE });
    if (result.reason === "unknownCode")
      return refuse(submission, { fieldErrors: { code: "accounts.join.codeUnknown" }, hide: HIDE });
    if (result.reason === "archived")
      return refuse(submission, {
        fieldErrors: { code: "accounts.pupilLogin.classArchived" },
        hide: HIDE,
      });
    return refuse(submission, { fieldErrors: { pin: "accounts.pupilLogin.failed" }, hide: HIDE });
  }
  return startSessionAndRedirect(
    request,
    { role: "pupil", pupilId: result.pupilId },
    safeRedirect(form.get("redirectTo"), "/pupil"),
  );
}

export default function PupilLogin() {
  const t = useT();
  const { code: prefilled } = useLoaderData<typeof loader>();
  const [form, fields] = useAppForm<typeof pupilLoginSchema>({
    id: "pupil-login",
    defaultValue: { code: prefilled || undefined },
  });
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  const redirectTo = params.get("redirectTo");
  return (
    <div className="narrow">
      <h1>{t("accounts.pupilLogin.title")}</h1>
      <CookieTrouble />
      {params.get("reason") === "archived" && !form.status ? (
        <p className="note" role="status">
          {t("pf.login.archived")}
        </p>
      ) : null}
      <p>{t("accounts.pupilLogin.lead")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors form={form} />
        <Field
          meta={fields.code}
          className="code-field"
          label={t("accounts.field.classCode")}
          hint={t("accounts.field.classCodeHint")}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
        />
        <Field
          meta={fields.displayName}
          label={t("accounts.field.displayName")}
          autoComplete="username"
        />
        <Field
          meta={fields.pin}
          type="password"
          inputMode="numeric"
          label={t("accounts.field.pin")}
          autoComplete="current-password"
        />
        <Honeypot />
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <p>
          <button type="submit" disabled={busy}>
            {t("accounts.pupilLogin.submit")}
          </button>
        </p>
      </Form>
      <p>
        {t("accounts.pupilLogin.newHere")} <Link to="/join">{t("accounts.join.link")}</Link>
      </p>
      <p className="muted">{t("accounts.pupilLogin.forgotPin")}</p>
    </div>
  );
}
