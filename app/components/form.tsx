// The one form kit (decision 017): Conform's `useForm` over the action's reply, and labelled
// fields whose ids, `aria-invalid` and `aria-describedby` come from Conform. Messages are
// dictionary keys (see ~/utils/form-message), translated here, next to their field.
import {
  getCollectionProps,
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type FieldMetadata,
  type FormMetadata,
  type SubmissionResult,
} from "@conform-to/react";
import { Form, useActionData } from "@remix-run/react";
import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from "react";
import type { z } from "zod";
import { useT } from "~/i18n/use-t";
import type { FormReply } from "~/utils/form-reply";
import { readMessage } from "~/utils/form-message";
import { HONEYPOT_FIELD } from "~/utils/honeypot";

export { getFormProps };
export type Reply = SubmissionResult<string[]>;

/** The reply of the form named `intent` (or of the page's only form) in an action's answer. */
export function replyOf(data: unknown, intent?: string): Reply | undefined {
  if (!data || typeof data !== "object" || !("result" in data)) return undefined;
  const reply = data as FormReply;
  if (intent !== undefined && reply.intent !== intent) return undefined;
  return reply.result;
}

/**
 * A form of the page: `id` must be unique on the page (the field ids derive from it), `intent`
 * names the form when the page has several, `reply` is for fetcher forms (their own data).
 */
export function useAppForm<S extends z.ZodTypeAny>(options: {
  id: string;
  intent?: string;
  reply?: unknown;
  defaultValue?: Partial<Record<keyof z.input<S>, unknown>>;
}) {
  const actionData = useActionData<unknown>();
  const lastResult = replyOf(
    options.reply === undefined ? actionData : options.reply,
    options.intent,
  );
  return useForm<z.input<S>, z.output<S>, string[]>({
    id: options.id,
    lastResult: lastResult ?? null,
    defaultValue: options.defaultValue as never,
    // The server validates; with JavaScript the form is sent as it is and the answer shown in place.
    shouldValidate: "onSubmit",
  });
}

type Meta = FieldMetadata<unknown, Record<string, unknown>, string[]>;
/** One field's metadata, and a form's fields by name, for components that render part of a form. */
export type FieldMeta = Meta;
export type Fields = Record<string, Meta>;

/**
 * The field's first message, translated; `id` is what the input's aria-describedby names.
 * `details` (e.g. a list of the refused lines) is shown with the message and read out with it.
 */
export function FieldErrors({ meta, details }: { meta: Meta; details?: ReactNode }) {
  const t = useT();
  const first = meta.errors?.[0];
  if (!first) return null;
  const { key, vars } = readMessage(first);
  if (details)
    return (
      <div className="field-error" id={meta.errorId}>
        <p>{t(key, vars)}</p>
        {details}
      </div>
    );
  return (
    <p className="field-error" id={meta.errorId}>
      {t(key, vars)}
    </p>
  );
}

/** A message about the whole form (refused, throttled, changed meanwhile), read out when it appears. */
export function FormErrors({ form }: { form: Pick<FormMetadata, "errors" | "errorId"> }) {
  const t = useT();
  const first = form.errors?.[0];
  if (!first) return null;
  const { key, vars } = readMessage(first);
  return (
    <p className="form-error" role="alert" id={form.errorId}>
      {t(key, vars)}
    </p>
  );
}

function Hint({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p className="hint field-hint" id={id}>
      {children}
    </p>
  );
}

type InputType =
  "text" | "search" | "email" | "password" | "number" | "date" | "datetime-local" | "url" | "file";

/** A labelled input with its hint and error. Extra attributes go to the input. */
export function Field({
  meta,
  label,
  hint,
  type = "text",
  errorDetails,
  className,
  ...attributes
}: {
  meta: Meta;
  label: ReactNode;
  hint?: ReactNode;
  type?: InputType;
  /** Shown under the field's message when it has one (see FieldErrors). */
  errorDetails?: ReactNode;
  className?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "name" | "id" | "defaultValue">) {
  const { key, ...props } = getInputProps(meta as FieldMetadata<string>, {
    type,
    ariaDescribedBy: hint ? meta.descriptionId : undefined,
  });
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={meta.id}>{label}</label>
      <Hint id={meta.descriptionId}>{hint}</Hint>
      <input key={key} {...props} {...attributes} />
      <FieldErrors meta={meta} details={errorDetails} />
    </div>
  );
}

/**
 * An email address field: the email keyboard, no spell check; `autoComplete` is "username" where it signs in, "email" where one's own address is entered,
 * "off" for someone else's.
 */
export function EmailField({
  meta,
  label,
  autoComplete = "username",
  ...rest
}: { meta: Meta; label: ReactNode; autoComplete?: "username" | "email" | "off" } & Omit<
  Parameters<typeof Field>[0],
  "meta" | "label" | "type" | "autoComplete"
>) {
  return (
    <Field
      meta={meta}
      type="email"
      label={label}
      autoComplete={autoComplete}
      inputMode="email"
      spellCheck={false}
      {...rest}
    />
  );
}

export function TextareaField({
  meta,
  label,
  hint,
  errorDetails,
  className,
  ...attributes
}: {
  meta: Meta;
  label: ReactNode;
  hint?: ReactNode;
  /** Shown under the field's message when it has one (see FieldErrors). */
  errorDetails?: ReactNode;
  className?: string;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id" | "defaultValue">) {
  const { key, ...props } = getTextareaProps(meta as FieldMetadata<string>, {
    ariaDescribedBy: hint ? meta.descriptionId : undefined,
  });
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={meta.id}>{label}</label>
      <Hint id={meta.descriptionId}>{hint}</Hint>
      <textarea key={key} {...props} {...attributes} />
      <FieldErrors meta={meta} details={errorDetails} />
    </div>
  );
}

export function SelectField({
  meta,
  label,
  hint,
  children,
  className,
  ...attributes
}: {
  meta: Meta;
  label: ReactNode;
  hint?: ReactNode;
  children: ReactNode;
  className?: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id" | "defaultValue">) {
  const { key, ...props } = getSelectProps(meta as FieldMetadata<string>, {
    ariaDescribedBy: hint ? meta.descriptionId : undefined,
  });
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={meta.id}>{label}</label>
      <Hint id={meta.descriptionId}>{hint}</Hint>
      <select key={key} {...props} {...attributes}>
        {children}
      </select>
      <FieldErrors meta={meta} />
    </div>
  );
}

/** One checkbox sending `value` (default "yes") when ticked, its label beside it. */
export function CheckboxField({
  meta,
  label,
  hint,
  value = "yes",
  className,
}: {
  meta: Meta;
  label: ReactNode;
  hint?: ReactNode;
  value?: string;
  className?: string;
}) {
  const { key, ...props } = getInputProps(meta as FieldMetadata<string>, {
    type: "checkbox",
    value,
    ariaDescribedBy: hint ? meta.descriptionId : undefined,
  });
  return (
    <div className={className ? `field checkbox-field ${className}` : "field checkbox-field"}>
      <label htmlFor={meta.id}>
        <input key={key} {...props} /> {label}
      </label>
      <Hint id={meta.descriptionId}>{hint}</Hint>
      <FieldErrors meta={meta} />
    </div>
  );
}

/** The "yes, I mean it" box of a destructive form: a field named `confirm` in the schema. */
export function ConfirmCheckbox({ meta, label }: { meta: Meta; label: ReactNode }) {
  return <CheckboxField meta={meta} label={label} />;
}

/**
 * Radio buttons or checkboxes for one field, in a fieldset whose legend names the group; the
 * error is announced with the group. `children` (e.g. the quotation a question is about) comes
 * between the legend and the options. With `onSelect` the radios are controlled by `selected`
 * (the pupils' answer queue) instead of starting from the form's value.
 */
/** A fieldset's description: its hint, then its message when it has one. */
function groupDescribedBy(meta: Meta, hint: ReactNode): string | undefined {
  return (
    [hint ? meta.descriptionId : null, meta.errors?.length ? meta.errorId : null]
      .filter(Boolean)
      .join(" ") || undefined
  );
}

export function ChoiceGroup({
  meta,
  legend,
  legendId,
  legendLang,
  type,
  options,
  hint,
  className,
  children,
  selected,
  onSelect,
}: {
  meta: Meta;
  legend: ReactNode;
  legendId?: string;
  legendLang?: string;
  type: "radio" | "checkbox";
  options: { value: string; label: ReactNode; lang?: string }[];
  hint?: ReactNode;
  className?: string;
  children?: ReactNode;
  selected?: string;
  onSelect?: (value: string) => void;
}) {
  // Conform's props for the group, from a plain copy of the field's metadata: every read of `meta`
  // goes through Conform's proxy, getCollectionProps reads it again for each option, and a quiz
  // page renders some thirty of these groups (6.5 % of the server's time in a bench:load profile).
  // The copy holds every property getCollectionProps reads.
  const snapshot = {
    id: meta.id,
    name: meta.name,
    formId: meta.formId,
    errorId: meta.errorId,
    errors: meta.errors,
    required: meta.required,
    key: meta.key,
    initialValue: meta.initialValue,
  };
  const items = getCollectionProps(snapshot as unknown as FieldMetadata<string | string[]>, {
    type,
    options: options.map((o) => o.value),
  });
  const described = groupDescribedBy(meta, hint);
  return (
    <fieldset className={className} aria-describedby={described}>
      <legend id={legendId} lang={legendLang}>
        {legend}
      </legend>
      <Hint id={meta.descriptionId}>{hint}</Hint>
      {children}
      {items.map(({ key, defaultChecked, ...props }, index) => (
        <div className="field checkbox-field" key={key}>
          <label htmlFor={props.id} lang={options[index].lang}>
            {onSelect ? (
              <input
                {...props}
                checked={selected === props.value}
                onChange={() => onSelect(options[index].value)}
              />
            ) : (
              <input {...props} defaultChecked={defaultChecked} />
            )}{" "}
            {options[index].label}
          </label>
        </div>
      ))}
      <FieldErrors meta={meta} />
    </fieldset>
  );
}

/**
 * The metadata of a field in a plain form that the server never refuses (the lesson preview
 * carries its choices in one), so its radios still come from `ChoiceGroup`.
 */
export function looseField(name: string, id: string): Meta {
  return {
    key: undefined,
    id,
    name,
    formId: undefined,
    descriptionId: `${id}-description`,
    errorId: `${id}-error`,
    initialValue: undefined,
    valid: true,
    errors: undefined,
    required: false,
  } as unknown as Meta;
}

/**
 * Fields that share one message (e.g. "at least three options", "every fact needs all three
 * parts"), in a fieldset described by its hint and that message; `meta` is the name the server
 * files the shared message under.
 */
export function FieldGroup({
  meta,
  legend,
  hint,
  className,
  children,
}: {
  meta: Meta;
  legend: ReactNode;
  hint?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const described = groupDescribedBy(meta, hint);
  return (
    <fieldset className={className} aria-describedby={described}>
      <legend>{legend}</legend>
      <Hint id={meta.descriptionId}>{hint}</Hint>
      {children}
      <FieldErrors meta={meta} />
    </fieldset>
  );
}

/** Names which of a page's forms was sent; the action dispatches on it. */
export function Intent({ value }: { value: string }) {
  return <input type="hidden" name="intent" value={value} />;
}

/** A form that is one button: it posts its intent and nothing else. */
export function IntentButton({
  intent,
  className,
  disabled,
  children,
}: {
  intent: string;
  className?: string;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <Form method="post">
      <Intent value={intent} />
      <button type="submit" className={className} disabled={disabled}>
        {children}
      </button>
    </Form>
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
