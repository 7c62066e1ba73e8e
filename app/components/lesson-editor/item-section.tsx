// A list of lesson items (questions, statements or prompts): one summary row per item (number,
// first words, its problems and warnings, an "edit" link, move/delete), the full form only for the
// item being edited (or whose save was just refused); then the form for a new one.
import { Form, Link } from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";
import {
  FormErrors,
  getFormProps,
  TextareaField,
  useAppForm,
  type Fields,
} from "~/components/form";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import type { ItemKind } from "~/models/lesson-editor.server";
import type {
  ItemNotes,
  ItemSummary,
  OpenItem,
  WarningNote,
} from "~/models/lesson-editor-page.server";
import type { EditorFormSchema } from "~/utils/lesson-editor-form";
import { RevisionField, useEditor } from "./context";
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
  const id = `ack-${warning.check}-${warning.item}`.replace(/[^a-zA-Z0-9-]/g, "-");
  const [form, fields] = useAppForm<EditorFormSchema>({
    id: `${id}-form`,
    reply: editor.replyFor("acknowledge", itemId),
  });
  return (
    <li className="warning">
      {label ? <strong>{label}:</strong> : null} {t(warning.key)}
      <details open={editor.refused("acknowledge", itemId)}>
        <summary>{t("le.ack")}</summary>
        <Form
          method="post"
          {...getFormProps(form)}
          preventScrollReset
          aria-label={`${t("le.ack")}: ${warning.item}`}
        >
          <input type="hidden" name="intent" value="acknowledge" />
          <input type="hidden" name="itemId" value={itemId} />
          <input type="hidden" name="check" value={warning.check} />
          <input type="hidden" name="item" value={warning.item} />
          <RevisionField />
          <FormErrors form={form} />
          <TextareaField meta={fields.reason} label={t("le.ackReason")} rows={2} />
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
      <RevisionField />
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

/** The problems and warnings of an item that is not open: read-only, so the teacher sees which need work. */
function SummaryNotes({ notes }: { notes: ItemNotes }) {
  const t = useT();
  if (!notes.problems.length && !notes.warnings.length) return null;
  return (
    <ul className="item-notes">
      {notes.problems.map((p, i) => (
        <li key={`p${i}`} className="problem">
          <strong>{t("ed.itemProblem")}:</strong> {t(p.key, p.vars)}
        </li>
      ))}
      {notes.warnings.map((w) => (
        <li key={`${w.check}:${w.item}`} className="warning">
          <strong>{t("ed.itemWarning")}:</strong> {t(w.key)}
        </li>
      ))}
    </ul>
  );
}

/** With JavaScript: typing of this item kept in this browser and never saved (decision 091). */
function KeptTyping({ storageKey }: { storageKey: string }) {
  const t = useT();
  const [kept, setKept] = useState(false);
  useEffect(() => {
    try {
      setKept(localStorage.getItem(storageKey) !== null);
    } catch {
      setKept(false);
    }
  }, [storageKey]);
  return kept ? <p className="note">{t("edi.keptTyping")}</p> : null;
}

export function ItemSection(props: {
  kind: ItemKind;
  intent: "question" | "sorting" | "prompt";
  heading: string;
  items: ItemSummary[];
  open: OpenItem | null;
  language: string;
  itemTitle: (n: number) => string;
  newTitle: MessageKey;
  newValues: Record<string, string>;
  fields: (fields: Fields) => ReactNode;
}) {
  const t = useT();
  const editor = useEditor();
  const { intent, kind, items } = props;
  // The form of a refused save stays open with what was typed, whichever item the address names.
  const result = editor.result;
  const refused = result && !result.ok && result.intent === intent ? result.itemId : "";
  const openId = refused || (props.open?.kind === kind ? props.open.id : "");
  const openValues = props.open?.kind === kind && props.open.id === openId ? props.open.values : {};
  return (
    <section aria-labelledby={`${kind}-heading`} className="card">
      <h2 id={`${kind}-heading`}>{props.heading}</h2>
      {items.map((item, i) => {
        const title = props.itemTitle(item.n);
        const counts = {
          problems: item.notes.problems.length,
          warnings: item.notes.warnings.length,
        };
        return (
          <article
            key={item.id}
            id={item.id}
            className={`editor-item${item.id === openId ? " open" : ""}`}
            aria-labelledby={`${item.id}-title`}
          >
            <h3 id={`${item.id}-title`}>{title}</h3>
            {item.id === openId ? (
              <>
                <Notes notes={item.notes} id={item.id} />
                <DraftForm
                  id={`${item.id}-form`}
                  intent={intent}
                  itemId={item.id}
                  label={title}
                  autosave
                  defaultValue={openValues}
                  submitLabel={t("ed.save")}
                >
                  {(fields) => props.fields(fields)}
                </DraftForm>
                <p>
                  <Link to={`?#${item.id}`}>{t("edi.close", { item: title })}</Link>
                </p>
              </>
            ) : (
              <>
                <p className="item-summary" lang={props.language}>
                  {item.text || t("edi.empty")}
                </p>
                {counts.problems || counts.warnings ? (
                  <p className="item-counts">{t("edi.counts", counts)}</p>
                ) : null}
                <SummaryNotes notes={item.notes} />
                <KeptTyping storageKey={`telaah-editor:${editor.lessonId}:${intent}:${item.id}`} />
                <p>
                  <Link to={`?edit=${item.id}#${item.id}`}>{t("edi.edit", { item: title })}</Link>
                </p>
              </>
            )}
            <ItemTools kind={kind} itemId={item.id} first={i === 0} last={i === items.length - 1} />
          </article>
        );
      })}
      <article className="editor-item new-item" aria-labelledby={`new-${kind}-title`}>
        <h3 id={`new-${kind}-title`}>{t(props.newTitle)}</h3>
        <DraftForm
          key={items.length}
          id={`new-${kind}-form`}
          intent={intent}
          label={t(props.newTitle)}
          autosave={false}
          defaultValue={props.newValues}
          submitLabel={t("ed.add")}
        >
          {(fields) => props.fields(fields)}
        </DraftForm>
      </article>
    </section>
  );
}
