// The privacy notice: what is kept, why, how long (this deployment's own settings), who sees it, rights.
import type { MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { Lang } from "~/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { env } from "~/utils/env.server";
import { title } from "~/utils/meta";
import { SESSION_POLICY } from "~/utils/session.server";

export const meta: MetaFunction = ({ matches }) => title(matches, "privacy.title");

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

// The numbers come from the running configuration, so the notice cannot drift from what the app does.
export async function loader() {
  return json({
    pupilIdleHours: SESSION_POLICY.pupil.idleMs / HOUR_MS,
    pupilMaxHours: SESSION_POLICY.pupil.maxMs / HOUR_MS,
    teacherIdleDays: SESSION_POLICY.teacher.idleMs / DAY_MS,
    teacherMaxDays: SESSION_POLICY.teacher.maxMs / DAY_MS,
    retentionDays: env().ARCHIVE_RETENTION_DAYS,
  });
}

function duration(lang: Lang, value: number, unit: "hour" | "day") {
  return new Intl.NumberFormat(lang === "id" ? "id-ID" : "en-GB", {
    style: "unit",
    unit,
    unitDisplay: "long",
  }).format(value);
}

export default function Privacy() {
  const t = useT();
  const lang = useLang();
  const p = useLoaderData<typeof loader>();
  return (
    <div className="privacy-notice">
      <h1>{t("privacy.title")}</h1>
      <p className="lead">{t("privacy.lead")}</p>

      <section aria-labelledby="controller-heading">
        <h2 id="controller-heading">{t("privacy.controller.title")}</h2>
        <p>{t("privacy.controller.body")}</p>
      </section>

      <section aria-labelledby="collect-heading">
        <h2 id="collect-heading">{t("privacy.collect.title")}</h2>
        <h3>{t("privacy.collect.pupilsTitle")}</h3>
        <ul>
          <li>{t("privacy.collect.pupilName")}</li>
          <li>{t("privacy.collect.pupilPin")}</li>
          <li>{t("privacy.collect.pupilClass")}</li>
          <li>{t("privacy.collect.pupilAnswers")}</li>
          <li>{t("privacy.collect.pupilPosts")}</li>
        </ul>
        <p className="note">{t("privacy.collect.pupilNot")}</p>
        <h3>{t("privacy.collect.teachersTitle")}</h3>
        <p>{t("privacy.collect.teacher")}</p>
        <h3>{t("privacy.collect.sessionsTitle")}</h3>
        <p>{t("privacy.collect.sessions")}</p>
        <p>{t("privacy.collect.throttles")}</p>
        <p>
          <strong>{t("privacy.collect.none")}</strong>
        </p>
      </section>

      <section aria-labelledby="why-heading">
        <h2 id="why-heading">{t("privacy.why.title")}</h2>
        <ul>
          <li>{t("privacy.why.signIn")}</li>
          <li>{t("privacy.why.work")}</li>
          <li>{t("privacy.why.posts")}</li>
          <li>{t("privacy.why.security")}</li>
        </ul>
        <p>{t("privacy.why.nothingElse")}</p>
      </section>

      <section aria-labelledby="retention-heading">
        <h2 id="retention-heading">{t("privacy.retention.title")}</h2>
        <ul>
          <li>
            {t("privacy.retention.pupilSession", {
              idle: duration(lang, p.pupilIdleHours, "hour"),
              max: duration(lang, p.pupilMaxHours, "hour"),
            })}
          </li>
          <li>
            {t("privacy.retention.teacherSession", {
              idle: duration(lang, p.teacherIdleDays, "day"),
              max: duration(lang, p.teacherMaxDays, "day"),
            })}
          </li>
          <li>{t("privacy.retention.signOut")}</li>
          <li>
            {t("privacy.retention.classes", { period: duration(lang, p.retentionDays, "day") })}
          </li>
          <li>{t("privacy.retention.removed")}</li>
          <li>{t("privacy.retention.teacherDeleted")}</li>
          <li>{t("privacy.retention.throttles")}</li>
          <li>{t("privacy.retention.backups")}</li>
        </ul>
      </section>

      <section aria-labelledby="access-heading">
        <h2 id="access-heading">{t("privacy.access.title")}</h2>
        <ul>
          <li>{t("privacy.access.pupil")}</li>
          <li>{t("privacy.access.teacher")}</li>
          <li>{t("privacy.access.classmates")}</li>
          <li>{t("privacy.access.nobody")}</li>
        </ul>
      </section>

      <section aria-labelledby="rights-heading">
        <h2 id="rights-heading">{t("privacy.rights.title")}</h2>
        <ul>
          <li>{t("privacy.rights.see")}</li>
          <li>{t("privacy.rights.export")}</li>
          <li>{t("privacy.rights.delete")}</li>
        </ul>
        <p>{t("privacy.rights.viaTeacher")}</p>
        <p>
          <Link to="/pupil/data">{t("privacy.rights.myData")}</Link>
        </p>
      </section>

      <section aria-labelledby="law-heading">
        <h2 id="law-heading">{t("privacy.law.title")}</h2>
        <p>{t("privacy.law.uu")}</p>
        <p>{t("privacy.law.consent")}</p>
        <p>{t("privacy.law.minimal")}</p>
        <p>{t("privacy.law.contact")}</p>
      </section>
    </div>
  );
}
