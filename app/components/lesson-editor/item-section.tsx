// A list of lesson items (questions, statements or prompts): each with its problems and warnings,
// its form, and move/delete buttons; then the form for a new one.
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { EdError, EdText, type EdErrors, type EdValues } from "~/components/editor-fields";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import type { ItemKind } from "~/models/lesson-editor.server";
import type { ItemNotes, WarningNote } from "~/models/lesson-editor-page.server";
import { useEditor } from "./context";
import { DraftForm } from "./draft-form";

/** A warning with the form to accept it, giving the reason (stored in the lesson's `acknowledged`). */
export function WarningWithAcceptance({
  warning,
  label,
}: {
  warning: WarningNote;
  label?: string;
}) {
  const t = useT();
  const editor = useEditor();
  const itemId = `${warning.check}:${warning.item}`;
  const prefix = `ack-${warning.check}-${warning.item}`.replace(/[^a-zA-Z0-9-]/g, "-");
  const errors = editor.errorsFor("acknowledge", itemId);
  return (
    <li className="warning">
      {label ? <strong>{label}:</strong> : null} {t(warning.key)}
      <details open={Boolean(errors)}>
        <summary>{t("le.ack")}</summary>
        <Form
          method="post"
          noValidate
          preventScrollReset
          aria-label={`${t("le.ack")}: ${warning.item}`}
        >
          <input type="hidden" name="intent" value="acknowledge" />
          <input type="hidden" name="itemId" value={itemId} />
          <input type="hidden" name="check" value={warning.check} />
          <input type="hidden" name="item" value={warning.item} />
          <EdText
            prefix={prefix}
            name="reason"
            label={t("le.ackReason")}
            multiline
            rows={2}
            values={editor.valuesFor("acknowledge", itemId, {})}
            errors={errors}
          />
          <EdError prefix={prefix} name="form" errors={errors} />
          <button type="submit" className="secondary">
            {t("le.ack")}
          </button>
        </Form>
      </details>
    </li>
  );
}

function Notes({ notes, id }: { notes: ItemNotes | undefined; id: string }) {
  const t = useT();
  if (!notes || (!notes.problems.length && !notes.warnings.length)) return null;
  return (
    <ul className="item-notes" id={`${id}-notes`}>
      {notes.problems.map((p, i) => (
        <li key={`p${i}`} className="problem">
          <strong>{t("ed.itemProblem")}:</strong> {t(p.key, p.vars)}
        </li>
      ))}
      {notes.warnings.map((w) => (
        <WarningWithAcceptance
          key={`${w.check}:${w.item}`}
          warning={w}
          label={t("ed.itemWarning")}
        />
      ))}
    </ul>
  );
}

function ItemTools({
  kind,
  itemId,
  first,
  last,
}: {
  kind: ItemKind;
  itemId: string;
  first: boolean;
  last: boolean;
}) {
  const t = useT();
  return (
    <Form method="post" className="item-tools" preventScrollReset>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="itemId" value={itemId} />
      {!first ? (
        <button type="submit" name="intent" value="up" className="secondary">
          {t("ed.up")}
        </button>
      ) : null}{" "}
      {!last ? (
        <button type="submit" name="intent" value="down" className="secondary">
          {t("ed.down")}
        </button>
      ) : null}{" "}
      <button type="submit" name="intent" value="deleteItem" className="danger">
        {t("ed.delete")}
      </button>
    </Form>
  );
}

export function ItemSection<T extends { id: string }>(props: {
  kind: ItemKind;
  intent: "question" | "sorting" | "prompt";
  heading: string;
  items: T[];
  itemTitle: (n: number) => string;
  newTitle: MessageKey;
  newValues: EdValues;
  notes: Record<string, ItemNotes>;
  valuesOf: (item: T) => EdValues;
  fields: (prefix: string, values: EdValues, errors: EdErrors) => ReactNode;
}) {
  const t = useT();
  const editor = useEditor();
  const { intent, kind, items } = props;
  return (
    <section aria-labelledby={`${kind}-heading`} className="card">
      <h2 id={`${kind}-heading`}>{props.heading}</h2>
      {items.map((item, i) => (
        <article key={item.id} className="editor-item" aria-labelledby={`${item.id}-title`}>
          <h3 id={`${item.id}-title`}>{props.itemTitle(i + 1)}</h3>
          <Notes notes={props.notes[item.id]} id={item.id} />
          <DraftForm
            intent={intent}
            itemId={item.id}
            label={props.itemTitle(i + 1)}
            autosave
            values={editor.valuesFor(intent, item.id, props.valuesOf(item))}
            errors={editor.errorsFor(intent, item.id)}
            submitLabel={t("ed.save")}
          >
            {(values, errors) => props.fields(item.id, values, errors)}
          </DraftForm>
          <ItemTools kind={kind} itemId={item.id} first={i === 0} last={i === items.length - 1} />
        </article>
      ))}
      <article className="editor-item new-item" aria-labelledby={`new-${kind}-title`}>
        <h3 id={`new-${kind}-title`}>{t(props.newTitle)}</h3>
        <DraftForm
          key={items.length}
          intent={intent}
          label={t(props.newTitle)}
          autosave={false}
          values={editor.valuesFor(intent, "", props.newValues)}
          errors={editor.errorsFor(intent, "")}
          submitLabel={t("ed.add")}
        >
          {(values, errors) => props.fields(`new-${kind}`, values, errors)}
        </DraftForm>
      </article>
    </section>
  );
}
