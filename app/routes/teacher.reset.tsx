// The page a one-time reset link opens (`npm run teacher:reset-password -- <email>` prints it):
// a new password, once, within the hour; every old session of the teacher ends. Expired or used
// links get a page saying so (410), never an error.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FormErrors, getFormProps, useAppForm } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { resetLinkState, resetWithToken } from "~/models/recovery.server";
import {
  accountHeaders,
  NO_STORE,
  startSessionAndRedirect,
  throttled,
} from "~/utils/accounts-form.server";
import { resetSchema } from "~/utils/accounts-schemas";
import { ipBucket } from "~/utils/client-ip.server";
import { parseForm, refuse } from "~/utils/form.server";
import { title } from "~/utils/meta";
import { PASSWORD_MAX, PASSWORD_MIN } from "~/utils/password-policy";

export const headers = accountHeaders;

export const meta: MetaFunction = ({ matches }) => title(matches, "rc.reset.title");

type LinkState =
  { state: "none" } | { state: "ok"; name: string; token: string } | { state: "expired" | "used" };

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token");
  if (!token) return json<LinkState>({ state: "none" }, { headers: NO_STORE });
  const link = await resetLinkState(token);
  if (!link.ok) return json<LinkState>({ state: link.reason }, { status: 410, headers: NO_STORE });
  return json<LinkState>({ state: "ok", name: link.name, token }, { headers: NO_STORE });
}

// Never sent back: the new password and the link's token (re-rendered from the loader).
const HIDE = ["password", "token"];

export async function action({ request }: ActionFunctionArgs) {
  const { submission } = await parseForm(request, resetSchema);
  if (submission.status !== "success") {
    // No token at all: nothing to reset; the page explains where links come from.
    if (submission.error?.token?.length)
      return json(
        { ok: false as const, gone: "used" as const },
        { status: 410, headers: NO_STORE },
      );
    return refuse(submission, { hide: HIDE });
  }
  const result = await resetWithToken({
    token: submission.value.token,
    newPassword: submission.value.password,
    ip: ipBucket(request),
  });
  if (!result.ok) {
    if (result.reason === "throttled")
      return refuse(submission, { ...throttled(result.retryAfterMs, result.wait), hide: HIDE });
    return json({ ok: false as const, gone: result.reason }, { status: 410, headers: NO_STORE });
  }
  return startSessionAndRedirect(
    request,
    { role: "teacher", teacherId: result.teacherId },
    "/teacher/account?done=reset",
  );
}

export default function ResetPassword() {
  const t = useT();
  const link = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [form, fields] = useAppForm<typeof resetSchema>({ id: "reset" });
  const busy = useNavigation().state === "submitting";
  const gone =
    data && "gone" in data
      ? data.gone
      : link.state === "expired" || link.state === "used"
        ? link.state
        : null;
  if (gone || link.state !== "ok")
    return (
      <div className="narrow">
        <h1>
          {gone === "expired"
            ? t("rc.reset.expiredTitle")
            : gone === "used"
              ? t("rc.reset.usedTitle")
              : t("rc.reset.title")}
        </h1>
        <p>
          {gone === "expired"
            ? t("rc.reset.expired")
            : gone === "used"
              ? t("rc.reset.used")
              : t("rc.reset.noToken")}
        </p>
        <p>
          <Link to="/teacher/forgot">{t("rc.forgot.link")}</Link>
        </p>
        <p>
          <Link to="/teacher/login">{t("rc.reset.toLogin")}</Link>
        </p>
      </div>
    );
  return (
    <div className="narrow">
      <h1>{t("rc.reset.title")}</h1>
      <p>{t("rc.reset.lead", { name: link.name })}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors form={form} />
        <input type="hidden" name="token" value={link.token} />
        <Field
          meta={fields.password}
          type="password"
          label={t("accounts.field.newPassword")}
          hint={t("accounts.field.newPasswordHint", { min: PASSWORD_MIN, max: PASSWORD_MAX })}
          autoComplete="new-password"
        />
        <p>
          <button type="submit" disabled={busy}>
            {t("rc.reset.submit")}
          </button>
        </p>
      </Form>
    </div>
  );
}
