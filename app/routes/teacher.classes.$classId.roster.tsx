// The teacher sets up the roster: a pasted list of names (one per line) becomes pupils with
// generated PINs, all or none. The answer is the sheet of sign-in cards with those PINs, shown
// this once; a refused list comes back as typed, with each refused line named.
import { Name, Trans } from "~/components/name";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { CardSheet, PrintButton } from "~/components/sign-in-cards";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { getTaughtClass, parseId } from "~/models/class.server";
import { addPupilsFromList, type LineProblem } from "~/models/roster.server";
import { NO_STORE, refuse } from "~/utils/accounts-form.server";
import { requireTeacher } from "~/utils/auth.server";
import { echoValues, parseWith, readForm, type FieldErrors } from "~/utils/form.server";
import { signInLink } from "~/utils/join-link.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => title(matches, "roster.add.pageTitle");

async function classOf(request: Request, classIdParam: string | undefined) {
  const teacher = await requireTeacher(request);
  const classId = parseId(classIdParam);
  return {
    teacherId: teacher.teacherId,
    klass: getTaughtClass({ classId, teacherId: teacher.teacherId }),
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
  const form = await readForm(request);
  const { teacherId, klass } = await classOf(request, params.classId);
  const parsed = parseWith(listSchema, form);
  if (!parsed.ok) return refuse(parsed);
  const result = await addPupilsFromList({ classId: klass.id, teacherId, text: parsed.data.names });
  const values = echoValues(form);
  if (!result.ok) {
    const error: MessageKey =
      result.reason === "empty"
        ? "roster.v.empty"
        : result.reason === "tooMany"
          ? "roster.v.tooMany"
          : "roster.v.lines";
    const problems: LineProblem[] = result.reason === "lines" ? result.problems : [];
    return json(
      { ok: false as const, errors: { names: error } as FieldErrors, values, problems },
      { status: 400, headers: NO_STORE },
    );
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

export default function AddPupils() {
  const t = useT();
  const { classId, className } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
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
  const error = data?.errors?.names;
  const problems = data && "problems" in data ? data.problems : [];
  const describedBy = ["names-hint", error ? "names-error" : undefined].filter(Boolean).join(" ");
  return (
    <div className="narrow">
      <h1>
        <Trans k="roster.add.heading" vars={{ name: <Name>{className}</Name> }} />
      </h1>
      <p>{t("roster.add.lead")}</p>
      <p>{back}</p>
      <Form method="post" noValidate>
        <div className="field">
          <label htmlFor="field-names">{t("roster.add.label")}</label>
          <p className="hint field-hint" id="names-hint">
            {t("roster.add.hint")}
          </p>
          <textarea
            id="field-names"
            name="names"
            rows={14}
            defaultValue={data?.values?.names ?? ""}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            autoComplete="off"
            spellCheck={false}
          />
          {error ? (
            <div className="field-error" id="names-error">
              <p>{t(error)}</p>
              {problems.length ? (
                <ul className="roster-problems">
                  {problems.map((p) => (
                    <li key={p.line}>
                      <Trans
                        k="roster.problem.line"
                        vars={{
                          line: String(p.line),
                          name: <Name>{p.name}</Name>,
                          reason: t(`roster.problem.${p.reason}` as MessageKey),
                        }}
                      />
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
        </div>
        <p>
          <button type="submit" disabled={busy}>
            {t("roster.add.submit")}
          </button>
        </p>
      </Form>
    </div>
  );
}
