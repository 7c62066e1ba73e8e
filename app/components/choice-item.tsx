// One question or statement as its own small form: radio choices that save at once with
// JavaScript, or a save button that posts the form without it.
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import type { ItemState, Kind } from "./answer-queue";

export type NoJsOutcome = { saved: string | null; error: string | null; item: string | null };

const REFUSAL_KEYS: Record<string, MessageKey> = {
  submitted: "flow.err.submitted",
  closed: "flow.err.closed",
  item: "flow.err.item",
  choice: "flow.err.choice",
  noChoice: "flow.err.noChoice",
  signedOut: "save.failed",
};

export function ChoiceItem(props: {
  attemptId: number;
  kind: Kind;
  itemId: string;
  legend: ReactNode;
  legendLang?: string;
  body?: ReactNode;
  options: { id: string; label: ReactNode; lang?: string }[];
  choice: string | undefined;
  state: ItemState | undefined;
  refusal: string | undefined;
  hydrated: boolean;
  returnTo: string;
  saveLabel: string;
  onChoose: (itemId: string, choice: string) => void;
  noJs: NoJsOutcome;
}) {
  const t = useT();
  const { itemId } = props;
  const savedNoJs = !props.hydrated && props.noJs.saved === itemId;
  const refusal = props.refusal ?? (props.noJs.item === itemId ? props.noJs.error ?? undefined : undefined);
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
      <Form
        method="post"
        action={`/pupil/attempts/${props.attemptId}/answers`}
        onSubmit={(event) => {
          if (props.hydrated) event.preventDefault();
        }}
      >
        <input type="hidden" name="kind" value={props.kind} />
        <input type="hidden" name="itemId" value={itemId} />
        <input type="hidden" name="redirectTo" value={props.returnTo} />
        <fieldset>
          <legend id={`${itemId}-legend`} lang={props.legendLang}>
            {props.legend}
          </legend>
          {props.body}
          {props.options.map((o) => (
            <label key={o.id} lang={o.lang}>
              <input
                type="radio"
                name="choice"
                value={o.id}
                checked={props.choice === o.id}
                onChange={() => props.onChoose(itemId, o.id)}
              />
              {o.label}
            </label>
          ))}
        </fieldset>
        {props.hydrated ? null : (
          <button type="submit" className="secondary">
            {t("quiz.save")}
            <span className="visually-hidden"> {props.saveLabel}</span>
          </button>
        )}
        <p className={statusClass} role="status" aria-live="polite">
          {status}
        </p>
      </Form>
    </section>
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
      {t("flow.noOpenAttempt")} <Link to={`/pupil/assignments/${assignmentId}`}>{t("flow.overview")}</Link>
    </p>
  );
}
