// One question or statement inside the page's one answer form (see AnswerPageForm): the kit's
// radio group, whose choice saves at once with JavaScript (the queue), or — without it — a save
// button that posts the whole page's form, so every choice picked anywhere on the page is kept.
import { Form, Link, useLocation, useNavigate } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import type { z } from "zod";
import {
  ChoiceGroup,
  FormErrors,
  getFormProps,
  useAppForm,
  type FieldMeta,
} from "~/components/form";
import { useT } from "~/i18n/use-t";
import { choiceField, refusalMessage } from "~/utils/answer-refusal";
import type { ItemState } from "./answer-queue";

export { choiceField };

/**
 * A save without JavaScript that went through (`?saved=<item id>`, after the redirect back). A
 * refused save answers with the form's reply instead: a message beside the item's radio group.
 */
export type NoJsOutcome = { saved: string | null };

export function ChoiceItem(props: {
  itemId: string;
  /**
   * The radio group's field: in the pupils' answer form (its refusal message, the choice sent), or
   * the editor's preview's own (`looseField`).
   */
  meta: FieldMeta;
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
  const { pathname } = useLocation();
  const { itemId } = props;
  const { meta } = props;
  // without JavaScript a refused page shows the choices it sent (the queue holds the saved ones)
  const sent = props.hydrated ? undefined : meta.initialValue;
  const selected = typeof sent === "string" ? sent : props.choice;
  const savedNoJs = !props.hydrated && props.noJs.saved === itemId && !meta.errors?.length;
  // A choice ticked before the page's scripts ran (a slow phone) is on the screen but not in the
  // queue, and the render after hydration would untick it: it is taken as chosen now. A child's
  // effects run before its page's, so this sees the page as hydrated, before that render. Once,
  // with what the first render showed.
  const section = useRef<HTMLElement>(null);
  const first = useRef({ itemId, selected, onChoose: props.onChoose });
  useEffect(() => {
    const { itemId: id, selected: shown, onChoose } = first.current;
    const ticked = section.current?.querySelector<HTMLInputElement>("input[type=radio]:checked");
    if (ticked && ticked.value !== shown) onChoose(id, ticked.value);
  }, []);
  let status: ReactNode = null;
  let statusClass = "save-state";
  if (props.refusal) {
    // the queue's refusal (JSON `reason`), with the message a refused form shows beside the item
    status = t(refusalMessage(props.refusal));
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
    <section ref={section} className="item" id={itemId} aria-labelledby={`${itemId}-legend`}>
      <ChoiceGroup
        meta={meta}
        type="radio"
        legend={props.legend}
        legendId={`${itemId}-legend`}
        legendLang={props.legendLang}
        options={props.options.map((o) => ({ value: o.id, label: o.label, lang: o.lang }))}
        selected={selected}
        onSelect={(choice) => props.onChoose(itemId, choice)}
      >
        {props.body}
      </ChoiceGroup>
      {props.hydrated ? null : (
        // Saves every choice on the page (the form holds them all) and comes back here: the
        // fragment brings a refused save's answer (no redirect) back to this item too.
        <button
          type="submit"
          name="save"
          value={itemId}
          className="secondary"
          formAction={props.meta ? `${pathname}#${itemId}` : undefined}
        >
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

type AnswerFields = z.ZodType<{ a?: Record<string, string>; b?: Record<string, string> }>;

/**
 * The page's one answer form on the kit (its id, and the reply of a refused post), and each
 * item's radio group field in it (`a.<item id>`, Part B `b.<question id>`).
 */
export function useAnswerPageForm() {
  const [form, fields] = useAppForm<AnswerFields>({ id: "answers" });
  const a = fields.a.getFieldset();
  const b = fields.b.getFieldset();
  const field = (itemId: string): FieldMeta =>
    (itemId.endsWith(".b") ? b[itemId.slice(0, -2)] : a[itemId]) as FieldMeta;
  return { form, field };
}
type AnswerForm = ReturnType<typeof useAnswerPageForm>["form"];

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
  return { saved: url.searchParams.get("saved") };
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
