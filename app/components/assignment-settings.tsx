// The assignment rules fieldset, used when assigning and when editing (fields of the form kit).
import { CheckboxField, ChoiceGroup, Field } from "~/components/form";
import { useT } from "~/i18n/use-t";

type Meta = Parameters<typeof Field>[0]["meta"];
type SettingsName =
  | "due"
  | "opens"
  | "acceptLate"
  | "maxAttempts"
  | "counting"
  | "feedback"
  | "shuffle"
  | "postFirst";

/** The form's values for the rules, as the loader gives them (checkboxes as booleans). */
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

export function AssignmentSettings({ fields }: { fields: Record<SettingsName, Meta> }) {
  const t = useT();
  return (
    <>
      <Field
        meta={fields.due}
        type="datetime-local"
        label={t("assign.due")}
        hint={t("assign.dueHint")}
        required
      />
      <Field
        meta={fields.opens}
        type="datetime-local"
        label={t("sched.opens")}
        hint={t("sched.opensHint")}
      />
      <ChoiceGroup
        meta={fields.maxAttempts}
        type="radio"
        legend={t("assign.maxAttempts")}
        options={(["1", "2", "3", "0"] as const).map((n) => ({
          value: n,
          label: t(`assign.attempts.${n}`),
        }))}
      />
      <ChoiceGroup
        meta={fields.counting}
        type="radio"
        legend={t("assign.counting")}
        options={(["highest", "last"] as const).map((c) => ({
          value: c,
          label: t(`assign.counting.${c}`),
        }))}
      />
      <ChoiceGroup
        meta={fields.feedback}
        type="radio"
        legend={t("assign.feedback")}
        options={(["immediate", "after_due", "never"] as const).map((f) => ({
          value: f,
          label: t(`assign.feedback.${f}`),
        }))}
      />
      <fieldset>
        <legend className="visually-hidden">{t("assign.edit")}</legend>
        {/* no value attribute before: the browser sent "on", which the schema reads as ticked */}
        <CheckboxField meta={fields.acceptLate} value="on" label={t("assign.acceptLate")} />
        <CheckboxField meta={fields.shuffle} value="on" label={t("assign.shuffle")} />
        <CheckboxField meta={fields.postFirst} value="on" label={t("assign.postFirst")} />
      </fieldset>
    </>
  );
}
