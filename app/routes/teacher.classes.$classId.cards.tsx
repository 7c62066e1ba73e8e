// Printable sign-in cards for a class: the class code, each pupil's name, a QR code of the sign-in
// page with the code filled in, and a blank for the PIN (only hashes are stored). "New PINs for
// every pupil" answers with the same sheet carrying the new PINs, shown this once.
import { Name, Trans } from "~/components/name";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Intent } from "~/components/form";
import { CardSheet, PrintButton } from "~/components/sign-in-cards";
import { useT } from "~/i18n/use-t";
import { getTaughtClass, parseId } from "~/models/class.server";
import { listRoster } from "~/models/pupil.server";
import { resetAllPins } from "~/models/roster.server";
import { NO_STORE } from "~/utils/accounts-form.server";
import { requireTeacher } from "~/utils/auth.server";
import { parseForm, refuse } from "~/utils/form.server";
import { joinLink, signInLink } from "~/utils/join-link.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => title(matches, "accounts.cards.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const classId = parseId(params.classId);
  const klass = await getTaughtClass({ classId, teacherId: teacher.teacherId });
  const link = await signInLink(request, klass.joinCode);
  const join = await joinLink(request, klass.joinCode);
  const roster = await listRoster({ classId, teacherId: teacher.teacherId });
  return json(
    {
      classId: klass.id,
      className: klass.name,
      joinCode: klass.joinCode,
      signInUrl: link.url,
      plainUrl: link.plainUrl,
      qrDataUri: link.qrDataUri,
      joinUrl: join.url,
      cards: roster.map((p) => ({
        id: p.id,
        name: p.displayName,
        pin: null as string | null,
      })),
    },
    { headers: NO_STORE },
  );
}

const resetAllSchema = z.object({ intent: z.literal("resetAll") });

export async function action({ request, params }: ActionFunctionArgs) {
  const { submission } = await parseForm(request, resetAllSchema);
  const teacher = await requireTeacher(request);
  const classId = parseId(params.classId);
  if (submission.status !== "success") return refuse(submission);
  // The new PINs travel only in this response (never stored in clear, never in a URL).
  const cards = await resetAllPins({ classId, teacherId: teacher.teacherId });
  return json(
    { cards: cards.map((c) => ({ id: c.id, name: c.displayName, pin: c.pin })) },
    { headers: NO_STORE },
  );
}

export default function SignInCards() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const fresh = answer && "cards" in answer ? answer : undefined;
  const busy = useNavigation().state === "submitting";
  const cards = fresh?.cards ?? data.cards;
  return (
    <div className="card-sheet-page">
      <h1>
        <Trans
          k={fresh ? "roster.cards.newHeading" : "accounts.cards.heading"}
          vars={{ name: <Name>{data.className}</Name> }}
        />
      </h1>
      {fresh ? (
        <p className="flash ok" role="status">
          {t("roster.cards.pinOnce")}
        </p>
      ) : (
        <p>{t("accounts.cards.lead")}</p>
      )}
      <p className="hint">{t("roster.cards.printHint")}</p>
      <p className="actions">
        <PrintButton />
        <Link to={`/teacher/classes/${data.classId}`}>{t("accounts.cards.back")}</Link>
      </p>
      <p>{t("accounts.cards.newPupils", { url: data.joinUrl })}</p>
      {cards.length ? (
        <CardSheet
          cards={cards}
          joinCode={data.joinCode}
          signInUrl={data.signInUrl}
          plainUrl={data.plainUrl}
          qrDataUri={data.qrDataUri}
        />
      ) : (
        <p>{t("accounts.roster.empty")}</p>
      )}
      {cards.length && !fresh ? (
        <details className="confirm">
          <summary>{t("roster.cards.resetAll")}</summary>
          <p className="hint">{t("roster.cards.resetAllHint")}</p>
          <Form method="post">
            <Intent value="resetAll" />
            <button type="submit" className="danger" disabled={busy}>
              {t("roster.cards.resetAllConfirm")}
            </button>
          </Form>
        </details>
      ) : null}
    </div>
  );
}
