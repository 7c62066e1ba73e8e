// Joining a class: class code (pre-filled from /join?code=…), display name and a PIN the pupil picks.
import { Name, Trans } from "~/components/name";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FormErrors, getFormProps, Honeypot, useAppForm } from "~/components/form";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n";
import { joinClass } from "~/models/pupil.server";
import {
  accountHeaders,
  BOT_REFUSAL,
  NO_STORE,
  startSessionAndRedirect,
  throttled,
} from "~/utils/accounts-form.server";
import { joinSchema } from "~/utils/accounts-schemas";
import { getViewer } from "~/utils/auth.server";
import { ipBucket } from "~/utils/client-ip.server";
import { parseForm, refuse } from "~/utils/form.server";
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

// Never sent back: the PIN and its repetition.
const HIDE = ["pin", "pinConfirm"];

const CODE_ERRORS: Record<"unknownCode" | "joinDisabled" | "archived", MessageKey> = {
  unknownCode: "accounts.join.codeUnknown",
  joinDisabled: "accounts.join.codeDisabled",
  archived: "accounts.join.classArchived",
};

export async function action({ request }: ActionFunctionArgs) {
  const { form, submission } = await parseForm(request, joinSchema);
  if (honeypotFilled(form)) return refuse(submission, { ...BOT_REFUSAL, hide: HIDE });
  if (submission.status !== "success") return refuse(submission, { hide: HIDE });
  const result = await joinClass({ ...submission.value, ip: ipBucket(request) });
  if (!result.ok) {
    if (result.reason === "throttled")
      return refuse(submission, { ...throttled(result.retryAfterMs, result.wait), hide: HIDE });
    if (result.reason === "nameTaken")
      return refuse(submission, {
        fieldErrors: { displayName: "accounts.join.nameTaken" },
        hide: HIDE,
      });
    return refuse(submission, { fieldErrors: { code: CODE_ERRORS[result.reason] }, hide: HIDE });
  }
  return startSessionAndRedirect(request, { role: "pupil", pupilId: result.pupilId }, "/pupil");
}

export default function Join() {
  const t = useT();
  const { code, signedInAs } = useLoaderData<typeof loader>();
  const [form, fields] = useAppForm<typeof joinSchema>({ id: "join", defaultValue: { code } });
  const busy = useNavigation().state === "submitting";
  return (
    <div className="narrow">
      <h1>{t("accounts.join.title")}</h1>
      <p>{t("accounts.join.lead")}</p>
      {signedInAs ? (
        <p className="note">
          <Trans k="accounts.join.signedInNote" vars={{ name: <Name>{signedInAs}</Name> }} />
        </p>
      ) : null}
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
          hint={t("accounts.field.displayNameHint", { max: DISPLAY_NAME_MAX })}
          autoComplete="nickname"
        />
        <Field
          meta={fields.pin}
          type="password"
          inputMode="numeric"
          label={t("accounts.field.newPin")}
          hint={t("accounts.field.newPinHint")}
          autoComplete="new-password"
        />
        <Field
          meta={fields.pinConfirm}
          type="password"
          inputMode="numeric"
          label={t("accounts.field.pinConfirm")}
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
