// Joining a class: class code (pre-filled from /join?code=…), display name and a PIN the pupil picks.
import { Name, Trans } from "~/components/name";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FormError, Honeypot } from "~/components/accounts-fields";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n";
import { joinClass } from "~/models/pupil.server";
import {
  accountHeaders,
  NO_STORE,
  refuse,
  refuseBot,
  refuseThrottled,
  startSessionAndRedirect,
} from "~/utils/accounts-form.server";
import { joinSchema } from "~/utils/accounts-schemas";
import { getViewer } from "~/utils/auth.server";
import { ipBucket } from "~/utils/client-ip.server";
import { echoValues, parseWith, readForm } from "~/utils/form.server";
import { honeypotFilled } from "~/utils/honeypot";
import { normalizeJoinCode } from "~/utils/join-code";
import { title } from "~/utils/meta";
import { DISPLAY_NAME_MAX } from "~/utils/name-key";

export const headers = accountHeaders;

export const meta: MetaFunction = ({ matches }) => title(matches, "accounts.join.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const code = new URL(request.url).searchParams.get("code");
  return json(
    { code: code ? normalizeJoinCode(code).slice(0, 16) : "", signedInAs: viewer?.name ?? null },
    { headers: NO_STORE },
  );
}

const OMIT = ["pin", "pinConfirm"];

const CODE_ERRORS: Record<"unknownCode" | "joinDisabled" | "archived", MessageKey> = {
  unknownCode: "accounts.join.codeUnknown",
  joinDisabled: "accounts.join.codeDisabled",
  archived: "accounts.join.classArchived",
};

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  if (honeypotFilled(form)) return refuseBot();
  const parsed = parseWith(joinSchema, form, OMIT);
  if (!parsed.ok) return refuse(parsed);
  const result = await joinClass({ ...parsed.data, ip: ipBucket(request) });
  if (!result.ok) {
    const values = echoValues(form, OMIT);
    if (result.reason === "throttled")
      return refuseThrottled(values, result.retryAfterMs, result.wait);
    if (result.reason === "nameTaken")
      return refuse({ errors: { displayName: "accounts.join.nameTaken" }, values });
    return refuse({ errors: { code: CODE_ERRORS[result.reason] }, values });
  }
  return startSessionAndRedirect(request, { role: "pupil", pupilId: result.pupilId }, "/pupil");
}

export default function Join() {
  const t = useT();
  const { code, signedInAs } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const values = data?.values ?? {};
  const errors = data?.errors ?? {};
  return (
    <div className="narrow">
      <h1>{t("accounts.join.title")}</h1>
      <p>{t("accounts.join.lead")}</p>
      {signedInAs ? (
        <p className="note">
          <Trans k="accounts.join.signedInNote" vars={{ name: <Name>{signedInAs}</Name> }} />
        </p>
      ) : null}
      <Form method="post" noValidate>
        <FormError error={data?.formError} vars={data?.formVars} />
        <Field
          name="code"
          className="code-field"
          label={t("accounts.field.classCode")}
          hint={t("accounts.field.classCodeHint")}
          error={errors.code}
          defaultValue={values.code ?? code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
        />
        <Field
          name="displayName"
          label={t("accounts.field.displayName")}
          hint={t("accounts.field.displayNameHint", { max: DISPLAY_NAME_MAX })}
          error={errors.displayName}
          defaultValue={values.displayName}
          autoComplete="nickname"
        />
        <Field
          name="pin"
          type="password"
          inputMode="numeric"
          label={t("accounts.field.newPin")}
          hint={t("accounts.field.newPinHint")}
          error={errors.pin}
          autoComplete="new-password"
        />
        <Field
          name="pinConfirm"
          type="password"
          inputMode="numeric"
          label={t("accounts.field.pinConfirm")}
          error={errors.pinConfirm}
          autoComplete="new-password"
        />
        <Honeypot />
        <p>
          <button type="submit" disabled={busy}>
            {t("accounts.join.submit")}
          </button>
        </p>
      </Form>
      <p>
        {t("accounts.join.haveAccount")}{" "}
        <Link to="/pupil/login">{t("accounts.pupilLogin.link")}</Link>
      </p>
      <p>
        <Link to="/privacy">{t("accounts.join.privacyLink")}</Link>
      </p>
    </div>
  );
}
