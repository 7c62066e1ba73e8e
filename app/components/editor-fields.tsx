// Labelled fields for the lesson editor: many forms on one page, so every id carries a prefix;
// each field's error (a dictionary key) sits next to it and is announced with it.
import type { ReactNode } from "react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";

export type EdErrors = Partial<Record<string, MessageKey>> | undefined;
export type EdValues = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));

function describe(prefix: string, name: string, errors: EdErrors, hint?: boolean) {
  const ids = [
    hint ? `${prefix}-${name}-hint` : null,
    errors?.[name] ? `${prefix}-${name}-error` : null,
  ].filter(Boolean);
  return {
    "aria-invalid": errors?.[name] ? (true as const) : undefined,
    "aria-describedby": ids.length ? ids.join(" ") : undefined,
  };
}

export function EdError({
  prefix,
  name,
  errors,
}: {
  prefix: string;
  name: string;
  errors: EdErrors;
}) {
  const t = useT();
  const key = errors?.[name];
  return key ? (
    <p className="field-error" id={`${prefix}-${name}-error`}>
      {t(key)}
    </p>
  ) : null;
}

export function EdText(props: {
  prefix: string;
  name: string;
  label: string;
  values: EdValues;
  errors: EdErrors;
  hint?: string;
  multiline?: boolean;
  rows?: number;
  type?: "text" | "date" | "url" | "number";
  lang?: string;
}) {
  const { prefix, name, values, errors } = props;
  const id = `${prefix}-${name}`;
  const common = {
    id,
    name,
    defaultValue: one(values[name]),
    lang: props.lang,
    ...describe(prefix, name, errors, !!props.hint),
  };
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.hint ? (
        <p className="hint field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.multiline ? (
        <textarea rows={props.rows ?? 3} {...common} />
      ) : (
        <input type={props.type ?? "text"} {...common} />
      )}
      <EdError prefix={prefix} name={name} errors={errors} />
    </div>
  );
}

export function EdSelect(props: {
  prefix: string;
  name: string;
  label: string;
  values: EdValues;
  errors: EdErrors;
  options: { value: string; label: string }[];
}) {
  const { prefix, name, values, errors } = props;
  const id = `${prefix}-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        name={name}
        defaultValue={one(values[name])}
        {...describe(prefix, name, errors)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <EdError prefix={prefix} name={name} errors={errors} />
    </div>
  );
}

export function EdCheck(props: {
  prefix: string;
  name: string;
  label: ReactNode;
  values: EdValues;
  value?: string;
}) {
  const value = props.value ?? "on";
  const current = props.values[props.name];
  const on = Array.isArray(current) ? current.includes(value) : current === value;
  return (
    <label className="check">
      <input type="checkbox" name={props.name} value={value} defaultChecked={on} /> {props.label}
    </label>
  );
}
