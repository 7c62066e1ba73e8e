// The assignment rules fieldset, used when assigning and when editing.
import { errorProps, FieldError, type Errors } from "~/components/forms";
import { useT } from "~/i18n/use-t";

export type SettingsValues = {
  due: string;
  opens: string;
  acceptLate: boolean;
  maxAttempts: string;
  counting: string;
  feedback: string;
  shuffle: boolean;
  postFirst: boolean;
};

export function AssignmentSettings({ values, errors }: { values: SettingsValues; errors: Errors }) {
  const t = useT();
  return (
    <>
      <label htmlFor="due">{t("assign.due")}</label>
      <p className="hint" id="due-hint">
        {t("assign.dueHint")}
      </p>
      <input
        id="due"
        name="due"
        type="datetime-local"
        defaultValue={values.due}
        required
        {...errorProps(errors, "due", "due-hint")}
      />
      <FieldError errors={errors} name="due" />

      <label htmlFor="opens">{t("sched.opens")}</label>
      <p className="hint" id="opens-hint">
        {t("sched.opensHint")}
      </p>
      <input
        id="opens"
        name="opens"
        type="datetime-local"
        defaultValue={values.opens}
        {...errorProps(errors, "opens", "opens-hint")}
      />
      <FieldError errors={errors} name="opens" />

      <fieldset>
        <legend>{t("assign.maxAttempts")}</legend>
        {(["1", "2", "3", "0"] as const).map((n) => (
          <label key={n}>
            <input
              type="radio"
              name="maxAttempts"
              value={n}
              defaultChecked={values.maxAttempts === n}
            />
            {t(`assign.attempts.${n}`)}
          </label>
        ))}
        <FieldError errors={errors} name="maxAttempts" />
      </fieldset>

      <fieldset>
        <legend>{t("assign.counting")}</legend>
        {(["highest", "last"] as const).map((c) => (
          <label key={c}>
            <input type="radio" name="counting" value={c} defaultChecked={values.counting === c} />
            {t(`assign.counting.${c}`)}
          </label>
        ))}
        <FieldError errors={errors} name="counting" />
      </fieldset>

      <fieldset>
        <legend>{t("assign.feedback")}</legend>
        {(["immediate", "after_due", "never"] as const).map((f) => (
          <label key={f}>
            <input type="radio" name="feedback" value={f} defaultChecked={values.feedback === f} />
            {t(`assign.feedback.${f}`)}
          </label>
        ))}
        <FieldError errors={errors} name="feedback" />
      </fieldset>

      <fieldset>
        <legend className="visually-hidden">{t("assign.edit")}</legend>
        <label>
          <input type="checkbox" name="acceptLate" defaultChecked={values.acceptLate} />
          {t("assign.acceptLate")}
        </label>
        <label>
          <input type="checkbox" name="shuffle" defaultChecked={values.shuffle} />
          {t("assign.shuffle")}
        </label>
        <label>
          <input type="checkbox" name="postFirst" defaultChecked={values.postFirst} />
          {t("assign.postFirst")}
        </label>
      </fieldset>
    </>
  );
}

/** Form values after a failed post: what the person had chosen, checkboxes included. */
export function settingsFromForm(
  values: Record<string, string> | undefined,
  fallback: SettingsValues,
): SettingsValues {
  if (!values) return fallback;
  return {
    due: values.due ?? fallback.due,
    opens: values.opens ?? fallback.opens,
    acceptLate: values.acceptLate !== undefined,
    maxAttempts: values.maxAttempts ?? fallback.maxAttempts,
    counting: values.counting ?? fallback.counting,
    feedback: values.feedback ?? fallback.feedback,
    shuffle: values.shuffle !== undefined,
    postFirst: values.postFirst !== undefined,
  };
}
