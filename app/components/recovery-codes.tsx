// The recovery codes, shown once after sign-up or after making new ones on the account page.
import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

export function RecoveryCodes({
  codes,
  next,
  lead,
}: {
  codes: string[];
  next?: string;
  lead?: string;
}) {
  const t = useT();
  return (
    <section aria-labelledby="recovery-codes-heading" className="recovery-codes">
      <h2 id="recovery-codes-heading">{t("rc.codes.title")}</h2>
      {lead ? <p role="status">{lead}</p> : null}
      <p>{t("rc.codes.lead")}</p>
      <p className="note">{t("rc.codes.once")}</p>
      <ol aria-label={t("rc.codes.listLabel")} className="code-list">
        {codes.map((c) => (
          <li key={c}>
            <code translate="no">{c}</code>
          </li>
        ))}
      </ol>
      {next ? (
        <p className="no-print">
          <Link className="button" to={next}>
            {t("rc.codes.continue")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
