// "What is stored about me": everything the database holds about the signed-in pupil, the
// download of it, and how to have it deleted.
import { Name } from "~/components/name";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLang, useT } from "~/i18n/use-t";
import { pupilDataSummary } from "~/models/privacy.server";
import { NO_STORE } from "~/utils/accounts-form.server";
import { requirePupil } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { title } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => title(matches, "privacy.mine.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const pupil = await requirePupil(request);
  const data = await pupilDataSummary({ pupilId: pupil.pupilId });
  return json(
    {
      timeZone: data.profile.timeZone,
      name: data.profile.displayName,
      className: data.profile.className,
      joinedAt: data.profile.joinedAt.toISOString(),
      lastSeenAt: data.profile.lastSeenAt?.toISOString() ?? null,
      sessions: data.sessions,
      attempts: data.attempts,
      answers: data.answers,
      posts: data.posts.map((p) => ({ ...p, createdAt: p.createdAt.toISOString() })),
    },
    { headers: NO_STORE },
  );
}

export default function MyData() {
  const t = useT();
  const lang = useLang();
  const d = useLoaderData<typeof loader>();
  const when = (at: string) => formatDateTime(lang, at, d.timeZone);
  return (
    <>
      <h1>{t("privacy.mine.title")}</h1>
      <p className="lead">{t("privacy.mine.lead")}</p>

      <section aria-labelledby="account-heading">
        <h2 id="account-heading">{t("privacy.mine.accountTitle")}</h2>
        <dl className="data-facts">
          <dt>{t("privacy.mine.name")}</dt>
          <dd>
            <Name>{d.name}</Name>
          </dd>
          <dt>{t("privacy.mine.class")}</dt>
          <dd>
            <Name>{d.className}</Name>
          </dd>
          <dt>{t("privacy.mine.joined")}</dt>
          <dd>{when(d.joinedAt)}</dd>
          <dt>{t("privacy.mine.lastSeen")}</dt>
          <dd>{d.lastSeenAt ? when(d.lastSeenAt) : t("privacy.mine.never")}</dd>
          <dt>{t("privacy.mine.pin")}</dt>
          <dd>{t("privacy.mine.pinStored")}</dd>
          <dt>{t("privacy.mine.sessions")}</dt>
          <dd>{d.sessions}</dd>
        </dl>
      </section>

      <section aria-labelledby="work-heading">
        <h2 id="work-heading">{t("privacy.mine.workTitle")}</h2>
        <dl className="data-facts">
          <dt>{t("privacy.mine.attempts")}</dt>
          <dd>{d.attempts}</dd>
          <dt>{t("privacy.mine.answers")}</dt>
          <dd>{d.answers}</dd>
        </dl>
      </section>

      <section aria-labelledby="posts-heading">
        <h2 id="posts-heading">{t("privacy.mine.postsTitle")}</h2>
        {d.posts.length ? (
          <ul className="data-posts">
            {d.posts.map((p) => (
              <li key={p.id}>
                <p className="byline">
                  {p.lesson.title ? (
                    <cite lang={p.lesson.language ?? undefined}>{p.lesson.title}</cite>
                  ) : null}{" "}
                  · {t("privacy.mine.postedAt", { date: when(p.createdAt) })}
                  {p.hidden ? <> · {t("privacy.mine.hidden")}</> : null}
                  {p.deleted ? <> · {t("privacy.mine.deleted")}</> : null}
                </p>
                {/* a CER post's body is its three parts joined: show the parts, once */}
                {p.claim || p.evidence || p.reasoning ? null : <p className="post">{p.body}</p>}
                {p.claim || p.evidence || p.reasoning ? (
                  <dl className="data-facts">
                    {p.claim ? (
                      <>
                        <dt>{t("privacy.mine.claim")}</dt>
                        <dd className="post">{p.claim}</dd>
                      </>
                    ) : null}
                    {p.evidence ? (
                      <>
                        <dt>{t("privacy.mine.evidence")}</dt>
                        <dd className="post">{p.evidence}</dd>
                      </>
                    ) : null}
                    {p.reasoning ? (
                      <>
                        <dt>{t("privacy.mine.reasoning")}</dt>
                        <dd className="post">{p.reasoning}</dd>
                      </>
                    ) : null}
                  </dl>
                ) : null}
                {p.feedback ? (
                  <p>
                    <strong>{t("privacy.mine.feedback")}:</strong> {p.feedback}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("privacy.mine.noPosts")}</p>
        )}
      </section>

      <section aria-labelledby="download-heading">
        <h2 id="download-heading">{t("privacy.mine.downloadTitle")}</h2>
        <p>
          <a className="button" href="/pupil/data/export" download>
            {t("privacy.mine.download")}
          </a>
        </p>
        <p className="hint">{t("privacy.mine.downloadHint")}</p>
      </section>

      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">{t("privacy.mine.deleteTitle")}</h2>
        <p>{t("privacy.mine.deleteBody")}</p>
        <p>
          <Link to="/privacy">{t("privacy.mine.noticeLink")}</Link>
        </p>
      </section>
    </>
  );
}
