// One question or statement inside the page's one answer form (see AnswerPageForm): radio
// choices that save at once with JavaScript (the queue), or — without it — a save button that
// posts the whole page's form, so every choice picked anywhere on the page is kept.
import { Form, Link, useNavigate } from "@remix-run/react";
import type { ReactNode } from "react";
import { FormErrors, getFormProps, useAppForm } from "~/components/form";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import type { ItemState } from "./answer-queue";

export type NoJsOutcome = { saved: string | null; error: string | null; item: string | null };

const REFUSAL_KEYS: Record<string, MessageKey> = {
  submitted: "flow.err.submitted",
  closed: "flow.err.closed",
  ended: "flow.err.ended",
  item: "flow.err.item",
  choice: "flow.err.choice",
  noChoice: "flow.err.noChoice",
  signedOut: "save.failed",
};

/**
 * The form field holding an item's choice: one radio group per item, all in one form. Part B
 * (`q16.b`) travels as `b.q16`: a dot in the field name would nest it under Part A's field.
 */
export const choiceField = (itemId: string) =>
  itemId.endsWith(".b") ? `b.${itemId.slice(0, -2)}` : `a.${itemId}`;

export function ChoiceItem(props: {
  itemId: string;
  /** The radio group's name; the answer form's `a.<item>` unless given (the editor's preview carries its own). */
  field?: string;
  legend: ReactNode;
  legendLang?: string;
  body?: ReactNode;
  options: { id: string; label: ReactNode; lang?: string }[];
  choice: string | undefined;
  state: ItemState | undefined;
  refusal: string | undefined;
  hydrated: boolean;
  saveLabel: string;
  onChoose: (itemId: string, choice: string) => void;
  noJs: NoJsOutcome;
}) {
  const t = useT();
  const { itemId } = props;
  const savedNoJs = !props.hydrated && props.noJs.saved === itemId;
  const refusal =
    props.refusal ?? (props.noJs.item === itemId ? (props.noJs.error ?? undefined) : undefined);
  let status: ReactNode = null;
  let statusClass = "save-state";
  if (refusal) {
    status = t(REFUSAL_KEYS[refusal] ?? "flow.err.item");
    statusClass += " failed";
  } else if (props.state === "failed") {
    status = t("save.failed");
    statusClass += " failed";
  } else if (props.state === "saving") status = t("save.saving");
  else if (props.state === "saved" || savedNoJs) {
    status = t("save.saved");
    statusClass += " saved";
  }
  return (
    <section className="item" id={itemId} aria-labelledby={`${itemId}-legend`}>
      <fieldset>
        <legend id={`${itemId}-legend`} lang={props.legendLang}>
          {props.legend}
        </legend>
        {props.body}
        {props.options.map((o) => (
          <label key={o.id} lang={o.lang}>
            <input
              type="radio"
              name={props.field ?? choiceField(itemId)}
              value={o.id}
              checked={props.choice === o.id}
              onChange={() => props.onChoose(itemId, o.id)}
            />
            {o.label}
          </label>
        ))}
      </fieldset>
      {props.hydrated ? null : (
        // Saves every choice on the page (the form holds them all) and comes back here.
        <button type="submit" name="save" value={itemId} className="secondary">
          {t("quiz.save")}
          <span className="visually-hidden"> {props.saveLabel}</span>
        </button>
      )}
      <p className={statusClass} role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}

/** The page's one answer form on the kit (its id, and the reply of a refused post). */
export const useAnswerPageForm = () => useAppForm({ id: "answers" })[0];
type AnswerForm = ReturnType<typeof useAnswerPageForm>;

/** Why the page's form was refused (a refused hand-in, or a form that is not the page's). */
export function AnswerPageErrors({ form }: { form: AnswerForm }) {
  return <FormErrors form={form} />;
}

/**
 * The one form of a sorting or quiz page. Without JavaScript every button in it (an item's
 * save, "next step", "submit") posts all the choices picked on the page. With JavaScript the
 * queue has already saved each choice, so "next step" just navigates (it works offline too).
 */
export function AnswerPageForm(props: {
  form: AnswerForm;
  attemptId: number;
  hydrated: boolean;
  nextTo?: string;
  children: ReactNode;
}) {
  const navigate = useNavigate();
  const formProps = getFormProps(props.form);
  return (
    <Form
      method="post"
      {...formProps}
      onSubmit={(event) => {
        const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        if (props.hydrated && submitter?.value === "next" && props.nextTo) {
          event.preventDefault();
          navigate(props.nextTo);
          return;
        }
        formProps.onSubmit(event);
      }}
    >
      <input type="hidden" name="attemptId" value={props.attemptId} />
      {props.children}
    </Form>
  );
}

export function noJsOutcome(url: URL): NoJsOutcome {
  return {
    saved: url.searchParams.get("saved"),
    error: url.searchParams.get("error"),
    item: url.searchParams.get("item"),
  };
}

export function OfflineBanner({ offline, pending }: { offline: boolean; pending: number }) {
  const t = useT();
  return (
    <div role="alert" aria-live="assertive">
      {offline && pending > 0 ? (
        <p className="banner">
          {t("save.offlineBanner")} {t("save.pending", { n: pending })}
        </p>
      ) : null}
    </div>
  );
}

/** Shown on the sort and quiz steps when there is no open attempt (not started, or submitted). */
export function NoOpenAttempt({ assignmentId }: { assignmentId: number }) {
  const t = useT();
  return (
    <p className="note">
      {t("flow.noOpenAttempt")}{" "}
      <Link to={`/pupil/assignments/${assignmentId}`}>{t("flow.overview")}</Link>
    </p>
  );
}
