// Form pieces shared by every page: a field's error message wired to its input by id.
import type { ReactNode } from "react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";

export type Errors = Partial<Record<string, MessageKey>> | undefined;

/** Props for an input: aria-invalid and aria-describedby pointing at its error. */
export function errorProps(errors: Errors, name: string, hintId?: string) {
  const error = errors?.[name];
  const described = [hintId, error ? `${name}-error` : undefined].filter(Boolean).join(" ");
  return {
    "aria-invalid": error ? (true as const) : undefined,
    "aria-describedby": described || undefined,
  };
}

export function FieldError({ errors, name }: { errors: Errors; name: string }) {
  const t = useT();
  const error = errors?.[name];
  if (!error) return null;
  return (
    <p className="field-error" id={`${name}-error`}>
      {t(error)}
    </p>
  );
}

/** The message for errors not tied to one field (key "form"). */
export function FormError({ errors }: { errors: Errors }) {
  const t = useT();
  const error = errors?.form;
  if (!error) return null;
  return (
    <p className="form-error" role="alert" id="form-error">
      {t(error)}
    </p>
  );
}

/** The "yes, I mean it" box of a destructive form (`confirm=yes`), with its error under it. */
export function ConfirmCheckbox({
  label,
  error,
  checked,
}: {
  label: ReactNode;
  error?: MessageKey;
  checked?: boolean;
}) {
  const t = useT();
  return (
    <div className="field checkbox-field">
      <label htmlFor="field-confirm">
        <input
          id="field-confirm"
          type="checkbox"
          name="confirm"
          value="yes"
          defaultChecked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "field-confirm-error" : undefined}
        />{" "}
        {label}
      </label>
      {error ? (
        <p className="field-error" id="field-confirm-error">
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}
