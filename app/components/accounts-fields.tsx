// Form pieces of the account pages: labelled fields with their error beside them, the form-wide
// message, and the honeypot.
import type { ReactNode } from "react";
import type { MessageKey, Vars } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { HONEYPOT_FIELD } from "~/utils/honeypot";

type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  error?: MessageKey;
  id?: string;
  type?: "text" | "email" | "password";
  defaultValue?: string;
  autoComplete?: string;
  inputMode?: "numeric" | "text" | "email";
  className?: string;
  autoCapitalize?: string;
  spellCheck?: boolean;
};

/** A labelled input whose error (a dictionary key) is announced with it via aria-describedby. */
export function Field({
  name,
  label,
  hint,
  error,
  id,
  type = "text",
  className,
  ...rest
}: FieldProps) {
  const t = useT();
  const fieldId = id ?? `field-${name}`;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = error ? `${fieldId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={fieldId}>{label}</label>
      {hint ? (
        <p className="hint field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <input
        id={fieldId}
        name={name}
        type={type}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...rest}
      />
      {error ? (
        <p className="field-error" id={errorId}>
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled select, same error convention as Field. */
export function SelectField(props: {
  name: string;
  label: string;
  error?: MessageKey;
  defaultValue?: string;
  children: ReactNode;
}) {
  const t = useT();
  const fieldId = `field-${props.name}`;
  const errorId = props.error ? `${fieldId}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={fieldId}>{props.label}</label>
      <select
        id={fieldId}
        name={props.name}
        defaultValue={props.defaultValue}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={errorId}
      >
        {props.children}
      </select>
      {props.error ? (
        <p className="field-error" id={errorId}>
          {t(props.error)}
        </p>
      ) : null}
    </div>
  );
}

/** A message about the whole form (throttling, refused submission), read out when it appears. */
export function FormError({ error, vars }: { error?: MessageKey; vars?: Vars }) {
  const t = useT();
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {t(error, vars)}
    </p>
  );
}

/**
 * Hidden from people (off-screen, aria-hidden, out of the tab order) but present for bots that
 * fill every input; the server refuses a submission where it is filled.
 */
export function Honeypot() {
  const t = useT();
  return (
    <div className="honeypot" aria-hidden="true">
      <label htmlFor="field-honeypot">{t("accounts.honeypot.label")}</label>
      <input
        id="field-honeypot"
        name={HONEYPOT_FIELD}
        type="text"
        tabIndex={-1}
        autoComplete="off"
        defaultValue=""
      />
    </div>
  );
}
