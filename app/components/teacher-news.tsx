// The teacher dashboard's "new since your last visit": submissions and discussion posts per assignment.
import { Link } from "@remix-run/react";
import { useLang, useT } from "~/i18n/use-t";
import { formatDateTime } from "~/utils/format";

export type NewsView = {
  since: string | null;
  zone: "WIB" | "WITA" | "WIT";
  items: {
    id: number;
    className: string;
    title: string;
    language: string;
    submissions: number;
    posts: number;
  }[];
};

export function TeacherNewsSection({ news }: { news: NewsView }) {
  const t = useT();
  const lang = useLang();
  return (
    <section aria-labelledby="news-heading" className="card news">
      <h2 id="news-heading">{t("news.heading")}</h2>
      {news.since === null ? (
        <p>{t("news.first")}</p>
      ) : (
        <>
          <p className="muted">
            {t("news.since", { when: formatDateTime(lang, news.since, news.zone) })}
          </p>
          {news.items.length === 0 ? (
            <p>{t("news.none")}</p>
          ) : (
            <ul>
              {news.items.map((a) => (
                <li key={a.id}>
                  {a.className} · <span lang={a.language}>{a.title}</span>:{" "}
                  {a.submissions > 0 ? (
                    <Link to={`/teacher/assignments/${a.id}/results`}>
                      {t("news.submissionsLink", { count: a.submissions })}
                    </Link>
                  ) : null}
                  {a.submissions > 0 && a.posts > 0 ? " · " : null}
                  {a.posts > 0 ? (
                    <Link to={`/teacher/assignments/${a.id}/discussion`}>
                      {t("news.postsLink", { count: a.posts })}
                    </Link>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
