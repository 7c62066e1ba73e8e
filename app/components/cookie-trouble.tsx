// On a sign-in page after a sign-in whose cookie did not come back (see cookieTrouble in
// session.server.ts): says why in plain words instead of showing the form as if nothing happened.
import { useSearchParams } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

export function CookieTrouble() {
  const t = useT();
  const [params] = useSearchParams();
  const trouble = params.get("cookie");
  if (trouble !== "missing" && trouble !== "secure-over-http") return null;
  return (
    <div className="flash error" role="alert">
      <p>
        <strong>{t("session.cookieMissing.title")}</strong>
      </p>
      <p>{t("session.cookieMissing.body")}</p>
      {trouble === "secure-over-http" ? <p>{t("session.cookieMissing.secureOverHttp")}</p> : null}
    </div>
  );
}
