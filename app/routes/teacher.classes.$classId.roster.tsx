// The teacher sets up the roster: a pasted list of names (one per line) becomes pupils with
// generated PINs, all or none. The answer is the sheet of sign-in cards with those PINs, shown
// this once; a refused list comes back as typed, with each refused line named.
import { Name, Trans } from "~/components/name";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getFormProps, TextareaField, useAppForm } from "~/components/form";
import { z } from "zod";
import { CardSheet, PrintButton } from "~/components/sign-in-cards";
import { isMessageKey, type MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { getTaughtClass, parseId } from "~/models/class.server";
import { addPupilsFromList } from "~/models/roster.server";
import { NO_STORE } from "~/utils/accounts-form.server";
import { requireTeacher } from "~/utils/auth.server";
import { message, readMessage } from "~/utils/form-message";
import { parseForm, refuse } from "~/utils/form.server";
import { signInLink } from "~/utils/join-link.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => title(matches, "roster.add.pageTitle");

async function classOf(request: Request, classIdParam: string | undefined) {
  const teacher = await requireTeacher(request);
  const classId = parseId(classIdParam);
  return {
    teacherId: teacher.teacherId,
    klass: await getTaughtClass({ classId, teacherId: teacher.teacherId }),
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { klass } = await classOf(request, params.classId);
  return json({ classId: klass.id, className: klass.name }, { headers: NO_STORE });
}

// 60 names of at most 40 characters fit well inside the form reader's 64 KiB.
const listSchema = z.object({
  names: z
    .string({ required_error: "roster.v.empty", invalid_type_error: "v.invalid" })
    .max(8000, "roster.v.tooMany"),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { submission } = await parseForm(request, listSchema);
  const { teacherId, klass } = await classOf(request, params.classId);
  if (submission.status !== "success") return refuse(submission);
  const result = await addPupilsFromList({
    classId: klass.id,
    teacherId,
    text: submission.value.names,
  });
  if (!result.ok) {
    if (result.reason !== "lines")
      return refuse(submission, {
        fieldErrors: { names: result.reason === "empty" ? "roster.v.empty" : "roster.v.tooMany" },
      });
    // the message, then one per refused line (listed under it on the page)
    const lines = result.problems.map((p) =>
      message("roster.problem.line", { line: p.line, name: p.name, reason: p.reason }),
    );
    return refuse(submission, { fieldErrors: { names: ["roster.v.lines", ...lines] } });
  }
  const link = await signInLink(request, klass.joinCode);
  // The PINs travel only in this response (never stored in clear, never in a URL).
  return json(
    {
      ok: true as const,
      cards: result.cards.map((c) => ({ id: c.id, name: c.displayName, pin: c.pin })),
      joinCode: klass.joinCode,
      signInUrl: link.url,
      plainUrl: link.plainUrl,
      qrDataUri: link.qrDataUri,
    },
    { headers: NO_STORE },
  );
}

function reasonKey(reason: string): MessageKey {
  const key = `roster.problem.${reason}`;
  return isMessageKey(key) ? key : "v.invalid";
}

export default function AddPupils() {
  const t = useT();
  const { classId, className } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [form, fields] = useAppForm<typeof listSchema>({ id: "roster" });
  const busy = useNavigation().state === "submitting";
  const back = <Link to={`/teacher/classes/${classId}`}>{t("accounts.cards.back")}</Link>;
  if (data && data.ok) {
    return (
      <div className="card-sheet-page">
        <h1>
          <Trans k="roster.cards.newHeading" vars={{ name: <Name>{className}</Name> }} />
        </h1>
        <div className="flash ok" role="status">
          <p>{t("roster.cards.created", { count: data.cards.length })}</p>
          <p>{t("roster.cards.pinOnce")}</p>
        </div>
        <p className="hint">{t("roster.cards.printHint")}</p>
        <p className="actions">
          <PrintButton />
          {back}
        </p>
        <CardSheet
          cards={data.cards}
          joinCode={data.joinCode}
          signInUrl={data.signInUrl}
          plainUrl={data.plainUrl}
          qrDataUri={data.qrDataUri}
        />
      </div>
    );
  }
  const problems = (fields.names.errors ?? []).slice(1).map(readMessage);
  return (
    <div className="narrow">
      <h1>
        <Trans k="roster.add.heading" vars={{ name: <Name>{className}</Name> }} />
      </h1>
      <p>{t("roster.add.lead")}</p>
      <p>{back}</p>
      <Form method="post" {...getFormProps(form)}>
        <TextareaField
          meta={fields.names}
          label={t("roster.add.label")}
          hint={t("roster.add.hint")}
          rows={14}
          autoComplete="off"
          spellCheck={false}
          errorDetails={
            problems.length ? (
              <ul className="roster-problems">
                {problems.map(({ vars = {} }) => (
                  <li key={vars.line}>
                    <Trans
                      k="roster.problem.line"
                      vars={{
                        line: String(vars.line),
                        name: <Name>{String(vars.name)}</Name>,
                        reason: t(reasonKey(String(vars.reason))),
                      }}
                    />
                  </li>
                ))}
              </ul>
            ) : null
          }
        />
        <p>
          <button type="submit" disabled={busy}>
            {t("roster.add.submit")}
          </button>
        </p>
      </Form>
    </div>
  );
}
