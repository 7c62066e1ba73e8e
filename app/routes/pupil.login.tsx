// Pupil sign-in: class code (pre-filled from ?code=…, as a sign-in card's QR code opens it) +
// display name + PIN; throttled per pupil and per IP.
import { CookieTrouble } from "~/components/cookie-trouble";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { Field, FormError, Honeypot } from "~/components/accounts-fields";
import { useT } from "~/i18n/use-t";
import { signInPupil } from "~/models/pupil.server";
import {
  accountHeaders,
  NO_STORE,
  refuse,
  refuseBot,
  refuseThrottled,
  startSessionAndRedirect,
} from "~/utils/accounts-form.server";
import { pupilLoginSchema } from "~/utils/accounts-schemas";
import { getViewer, safeRedirect } from "~/utils/auth.server";
import { ipBucket } from "~/utils/client-ip.server";
import { echoValues, parseWith, readForm } from "~/utils/form.server";
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

const OMIT = ["pin", "redirectTo"];

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  if (honeypotFilled(form)) return refuseBot();
  const parsed = parseWith(pupilLoginSchema, form, OMIT);
  if (!parsed.ok) return refuse(parsed);
  const result = await signInPupil({
    ...parsed.data,
    ip: ipBucket(request),
    signal: request.signal,
  });
  if (!result.ok) {
    const values = echoValues(form, OMIT);
    if (result.reason === "throttled")
      return refuseThrottled(values, result.retryAfterMs, result.wait);
    if (result.reason === "unknownCode")
      return refuse({ errors: { code: "accounts.join.codeUnknown" }, values });
    if (result.reason === "archived")
      return refuse({ errors: { code: "accounts.pupilLogin.classArchived" }, values });
    return refuse({ errors: { pin: "accounts.pupilLogin.failed" }, values });
  }
  return startSessionAndRedirect(
    request,
    { role: "pupil", pupilId: result.pupilId },
    safeRedirect(form.get("redirectTo"), "/pupil"),
  );
}

export default function PupilLogin() {
  const t = useT();
  const data = useActionData<typeof action>();
  const { code: prefilled } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  const values = data?.values ?? {};
  const errors = data?.errors ?? {};
  const redirectTo = params.get("redirectTo");
  return (
    <div className="narrow">
      <h1>{t("accounts.pupilLogin.title")}</h1>
      <CookieTrouble />
      {params.get("reason") === "archived" && !data ? (
        <p className="note" role="status">
          {t("pf.login.archived")}
        </p>
      ) : null}
      <p>{t("accounts.pupilLogin.lead")}</p>
      <Form method="post" noValidate>
        <FormError error={data?.formError} vars={data?.formVars} />
        <Field
          name="code"
          className="code-field"
          label={t("accounts.field.classCode")}
          hint={t("accounts.field.classCodeHint")}
          error={errors.code}
          defaultValue={values.code ?? (prefilled || undefined)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
        />
        <Field
          name="displayName"
          label={t("accounts.field.displayName")}
          error={errors.displayName}
          defaultValue={values.displayName}
          autoComplete="username"
        />
        <Field
          name="pin"
          type="password"
          inputMode="numeric"
          label={t("accounts.field.pin")}
          error={errors.pin}
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
