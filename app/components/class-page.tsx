// The sections of a class's page for its teacher (routes/teacher.classes.$classId._index): how pupils
// join (code, link, QR code and their switches) and the roster with each pupil's actions.
import { Form, Link, useNavigation } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { IntentButton } from "~/components/form";
import { Name, Trans } from "~/components/name";
import { useLang, useT } from "~/i18n/use-t";
import type { TeacherClassPage } from "~/models/class-page.server";
import { formatDateTime } from "~/utils/format";

type Klass = TeacherClassPage["klass"];
type JoinLink = { url: string; qrDataUri: string; loopback: boolean };

export function JoinSection({ klass, join }: { klass: Klass; join: JoinLink }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  return (
    <section aria-labelledby="join-heading">
      <h2 id="join-heading">{t("accounts.class.joinTitle")}</h2>
      <dl className="join-facts">
        <dt>{t("accounts.class.codeLabel")}</dt>
        <dd className="join-code">{klass.joinCode}</dd>
        <dt>{t("accounts.class.linkLabel")}</dt>
        <dd>
          <a href={join.url}>{join.url}</a>
        </dd>
        <dt>{t("accounts.class.joinStatus")}</dt>
        <dd>{klass.joinEnabled ? t("accounts.class.joinOpen") : t("accounts.class.joinClosed")}</dd>
      </dl>
      <div className="actions no-print">
        <IntentButton
          intent={klass.joinEnabled ? "joinOff" : "joinOn"}
          className="secondary"
          disabled={busy}
        >
          {klass.joinEnabled ? t("accounts.class.turnJoinOff") : t("accounts.class.turnJoinOn")}
        </IntentButton>
        <IntentButton intent="regenerate" className="secondary" disabled={busy}>
          {t("accounts.class.regenerate")}
        </IntentButton>
      </div>
      <p className="hint no-print">{t("accounts.class.regenerateHint")}</p>
      {klass.joinEnabled && !klass.archived ? (
        <figure className="join-qr">
          <img
            src={join.qrDataUri}
            alt={t("class.joinLink.qrAlt", { url: join.url })}
            width={240}
            height={240}
          />
          <figcaption>{t("class.joinLink.lead")}</figcaption>
        </figure>
      ) : null}
      {join.loopback ? <p className="note no-print">{t("class.joinLink.loopback")}</p> : null}
    </section>
  );
}

/** Visually hidden "for <pupil>" after each action's link text, so every link says whom it is for. */
function ForPupil({ name }: { name: string }) {
  const t = useT();
  return <span className="visually-hidden"> {t("accounts.roster.forPupil", { name })}</span>;
}

export function RosterSection({
  klass,
  roster,
  reset,
}: {
  klass: Klass;
  roster: TeacherClassPage["roster"];
  /** The new PIN after a reset: shown once, in this response only. */
  reset: { displayName: string; pin: string } | null;
}) {
  const t = useT();
  const lang = useLang();
  const busy = useNavigation().state === "submitting";
  return (
    <section aria-labelledby="roster-heading">
      <h2 id="roster-heading">{t("accounts.roster.title")}</h2>
      {reset ? (
        <div className="flash ok" role="status">
          <p>
            <Trans k="accounts.roster.newPin" vars={{ name: <Name>{reset.displayName}</Name> }} />{" "}
            <strong className="code">{reset.pin}</strong>
          </p>
          <p>{t("accounts.roster.newPinOnce")}</p>
        </div>
      ) : null}
      {roster.length ? (
        <div className="table-wrap">
          <DataTable
            id="roster"
            captionHidden
            caption={t("accounts.roster.caption", { name: klass.name })}
            scroll={false}
            rows={roster}
            rowKey={(p) => p.id}
            columns={[
              {
                key: "name",
                header: t("accounts.roster.name"),
                cell: (p) => <Name>{p.displayName}</Name>,
              },
              {
                key: "joined",
                header: t("accounts.roster.joined"),
                cell: (p) => formatDateTime(lang, p.joinedAt, klass.timeZone),
              },
              {
                key: "lastSeen",
                header: t("accounts.roster.lastSeen"),
                cell: (p) =>
                  p.lastSeenAt
                    ? formatDateTime(lang, p.lastSeenAt, klass.timeZone)
                    : t("accounts.roster.never"),
              },
              {
                key: "actions",
                th: true,
                header: (
                  <th scope="col" className="no-print">
                    {t("accounts.roster.actions")}
                  </th>
                ),
                cellClassName: () => "no-print",
                cell: (p) => (
                  <div className="actions">
                    {/* asks first, in place and without JavaScript; the PIN then shows on its own page */}
                    <details className="confirm">
                      <summary>
                        {t("accounts.roster.resetPin")}
                        <ForPupil name={p.displayName} />
                      </summary>
                      <p className="hint">{t("pf.pin.body")}</p>
                      <Form
                        method="post"
                        action={`/teacher/classes/${klass.id}/pupils/${p.id}/pin`}
                      >
                        <button type="submit" className="secondary" disabled={busy}>
                          {t("pf.pin.confirm", { name: p.displayName })}
                        </button>
                      </Form>
                    </details>
                    <a href={`/teacher/classes/${klass.id}/pupils/${p.id}/export`} download>
                      {t("privacy.export.link")}
                      <ForPupil name={p.displayName} />
                    </a>
                    <Link to={`/teacher/classes/${klass.id}/pupils/${p.id}/rename`}>
                      {t("roster.rename.link")}
                      <ForPupil name={p.displayName} />
                    </Link>
                    {roster.length > 1 ? (
                      <Link to={`/teacher/classes/${klass.id}/pupils/${p.id}/merge`}>
                        {t("roster.merge.link")}
                        <ForPupil name={p.displayName} />
                      </Link>
                    ) : null}
                    <Link to={`/teacher/classes/${klass.id}/pupils/${p.id}/remove`}>
                      {t("accounts.roster.remove")}
                      <ForPupil name={p.displayName} />
                    </Link>
                  </div>
                ),
              },
            ]}
          />
        </div>
      ) : (
        <p>{t("accounts.roster.empty")}</p>
      )}
      <p className="actions no-print">
        {klass.archived ? null : (
          <Link to={`/teacher/classes/${klass.id}/roster`}>{t("roster.add.link")}</Link>
        )}
        <Link to={`/teacher/classes/${klass.id}/cards`}>{t("accounts.cards.link")}</Link>
      </p>
    </section>
  );
}
