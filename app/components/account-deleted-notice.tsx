// The home page's confirmation after a teacher deleted their account (the session is gone, so
// the message travels in the redirect's query string and carries no data).
import { useSearchParams } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

export function AccountDeletedNotice() {
  const t = useT();
  const [params] = useSearchParams();
  if (params.get("notice") !== "account-deleted") return null;
  return (
    <p className="flash ok" role="status">
      {t("privacy.account.deleted")}
    </p>
  );
}
