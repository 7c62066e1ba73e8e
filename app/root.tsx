// The document shell: language, navigation, language switch, error pages.
import type { HeadersFunction, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { translate, type Lang } from "~/i18n";
import { getLang } from "~/i18n/lang.server";
import { useLang, useT } from "~/i18n/use-t";
import { getViewer } from "~/utils/auth.server";
import { useNonce } from "~/utils/nonce";
import { putBackTypingAfterHydration } from "~/utils/typed-before-hydration";
import styles from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.ico", sizes: "any" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await getLang(request);
  const viewer = await getViewer(request);
  return json({ lang, viewer }, viewer ? { headers: { "Cache-Control": "no-store" } } : undefined);
}

// Documents only take headers from a `headers` export: pass the loader's no-store on, so every
// page a signed-in person sees is kept out of shared caches (routes without `headers` inherit it).
export const headers: HeadersFunction = ({ loaderHeaders }) => {
  const headers = new Headers();
  const cache = loaderHeaders.get("Cache-Control");
  if (cache) headers.set("Cache-Control", cache);
  return headers;
};

function LanguageSwitch() {
  const t = useT();
  const lang = useLang();
  const location = useLocation();
  const other: Lang = lang === "id" ? "en" : "id";
  return (
    <Form method="post" action="/lang" className="lang-switch" aria-label={t("lang.switchTo")}>
      <input
        type="hidden"
        name="redirectTo"
        value={location.pathname + location.search + location.hash}
      />
      <button type="submit" name="lang" value={other} lang={other}>
        {translate(other, other === "id" ? "lang.id" : "lang.en")}
      </button>
    </Form>
  );
}

function Header() {
  const t = useT();
  const data = useRouteLoaderData<typeof loader>("root");
  const viewer = data?.viewer;
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <nav aria-label={t("nav.main")}>
        <Link to="/" className="brand">
          {t("app.name")}
        </Link>
        <ul>
          <li>
            <Link to="/lessons">{t("nav.lessons")}</Link>
          </li>
          {viewer ? (
            <>
              <li>
                <Link to={viewer.role === "teacher" ? "/teacher" : "/pupil"}>
                  {t("nav.dashboard")}
                </Link>
              </li>
              <li>
                <Form method="post" action="/logout">
                  <button type="submit" className="link-button">
                    {t("nav.logout")}
                  </button>
                </Form>
              </li>
            </>
          ) : null}
        </ul>
      </nav>
      <LanguageSwitch />
    </header>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const lang = useLang();
  const nonce = useNonce();
  // the document's effects run after every page's: all of it is hydrated by now (decision 128)
  useEffect(putBackTypingAfterHydration, []);
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <Header />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>{translate(lang, "footer.note")}</p>
          <p>
            <Link to="/privacy">{translate(lang, "nav.privacy")}</Link>
          </p>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <div className="error-page">
      <title>{`${notFound ? t("error.notFoundTitle") : t("error.title")} · ${t("app.name")}`}</title>
      <h1>{notFound ? t("error.notFoundTitle") : t("error.title")}</h1>
      <p>
        {notFound
          ? t("error.notFoundBody")
          : status === 403
            ? t("error.forbidden")
            : t("error.body")}
      </p>
      <p className="muted">{t("error.status", { status })}</p>
      <p>
        <Link to="/">{t("error.backHome")}</Link>
      </p>
    </div>
  );
}
