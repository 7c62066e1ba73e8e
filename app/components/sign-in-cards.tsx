// The sheet of sign-in cards: one card per pupil with the class code, the name, the PIN (only
// right after it was made) or a blank to write it on, and the QR code of the sign-in page with
// the class code filled in. Printed on A4, ten to a page, with dashed cut lines (app.css).
import { useEffect, useState } from "react";
import { Name } from "~/components/name";
import { useT } from "~/i18n/use-t";

export type Card = { id: number; name: string; pin: string | null };
export type CardSheetProps = {
  cards: Card[];
  joinCode: string;
  signInUrl: string;
  plainUrl: string;
  qrDataUri: string;
};

export function CardSheet({ cards, joinCode, signInUrl, plainUrl, qrDataUri }: CardSheetProps) {
  const t = useT();
  return (
    <ul className="sign-in-cards" aria-label={t("accounts.cards.listLabel")}>
      {cards.map(({ id, name, pin }) => (
        <li key={id}>
          <div className="card-text">
            <p className="card-name">
              <Name>{name}</Name>
            </p>
            <dl className="card-facts">
              <dt>{t("accounts.cards.where")}</dt>
              <dd>{plainUrl}</dd>
              <dt>{t("accounts.field.classCode")}</dt>
              <dd className="code">{joinCode}</dd>
              <dt>{t("accounts.field.displayName")}</dt>
              <dd>
                <Name>{name}</Name>
              </dd>
              <dt>{t("accounts.field.pin")}</dt>
              {pin ? (
                <dd className="code card-pin">{pin}</dd>
              ) : (
                <dd>
                  <span className="write-here" aria-hidden="true" />
                  <span className="card-pin-note">{t("roster.cards.pinBlank")}</span>
                </dd>
              )}
            </dl>
          </div>
          <figure className="card-qr">
            <img
              src={qrDataUri}
              alt={t("roster.cards.qrAlt", { url: signInUrl })}
              width={96}
              height={96}
            />
            <figcaption>{t("roster.cards.scan")}</figcaption>
          </figure>
        </li>
      ))}
    </ul>
  );
}

/** Opens the browser's print dialog; only there once scripts run (Ctrl+P works without them). */
export function PrintButton() {
  const t = useT();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  if (!hydrated) return null;
  return (
    <button type="button" className="no-print" onClick={() => window.print()}>
      {t("roster.cards.print")}
    </button>
  );
}
