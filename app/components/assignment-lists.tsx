// Assignment lists for the two dashboards: a pupil's to-do list and a class's assignments.
import { Link } from "@remix-run/react";
import { useLang, useT } from "~/i18n/use-t";
import type { PupilStatus } from "~/utils/quiz";
import { formatDateTime } from "~/utils/format";

type Zone = "WIB" | "WITA" | "WIT";

export type TodoItem = {
  id: number;
  title: string;
  language: string;
  dueAt: string;
  /** The due date is the pupil's own, later than the class's. */
  extended?: boolean;
  status: PupilStatus;
  answered: number;
  total: number;
  submitted: boolean;
  discussionDone: boolean;
  unseenFeedback: number;
  /** Classmates' replies to the pupil's posts not seen yet. */
  unseenReplies?: number;
};

function TodoRow({ item, zone }: { item: TodoItem; zone: Zone }) {
  const t = useT();
  const lang = useLang();
  return (
    <li className="card">
      <h4 lang={item.language}>
        <Link to={`/pupil/assignments/${item.id}`}>{item.title}</Link>
      </h4>
      <p>
        <span className={`status ${item.status}`}>{t(`status.${item.status}`)}</span> ·{" "}
        {t("flow.due", { due: formatDateTime(lang, item.dueAt, zone) })}
        {item.extended ? ` (${t("ext.forYou")})` : null}
        {item.status === "in_progress"
          ? ` · ${t("flow.progress", { answered: item.answered, total: item.total })}`
          : null}
        {item.discussionDone
          ? ` · ${t("discuss.todo.done")}`
          : item.submitted
            ? ` · ${t("discuss.todo.pending")}`
            : null}
      </p>
      {item.unseenFeedback > 0 || (item.unseenReplies ?? 0) > 0 ? (
        <p className="actions">
          {item.unseenFeedback > 0 ? (
            <Link className="badge" to={`/pupil/assignments/${item.id}/discuss`}>
              {t("discuss.todo.feedback")}
            </Link>
          ) : null}
          {(item.unseenReplies ?? 0) > 0 ? (
            <Link className="badge" to={`/pupil/assignments/${item.id}/discuss`}>
              {t("news.replies", { count: item.unseenReplies ?? 0 })}
            </Link>
          ) : null}
        </p>
      ) : null}
    </li>
  );
}

/** To do (not started, in progress, late-but-open) soonest first; finished work below. */
export function PupilTodoList({ items, zone }: { items: TodoItem[]; zone: Zone }) {
  const t = useT();
  const finished = (i: TodoItem) => i.submitted || i.status === "missed";
  const todo = items.filter((i) => !finished(i));
  const done = items.filter(finished);
  return (
    <section aria-labelledby="todo-heading">
      <h2 id="todo-heading">{t("todo.title")}</h2>
      {items.length === 0 ? <p>{t("todo.none")}</p> : null}
      {items.length ? (
        <>
          <h3>{t("todo.todo")}</h3>
          <ul className="lesson-list">
            {todo.map((i) => (
              <TodoRow key={i.id} item={i} zone={zone} />
            ))}
          </ul>
          <h3>{t("todo.done")}</h3>
          {done.length ? (
            <ul className="lesson-list">
              {done.map((i) => (
                <TodoRow key={i.id} item={i} zone={zone} />
              ))}
            </ul>
          ) : (
            <p>{t("todo.noneDone")}</p>
          )}
        </>
      ) : null}
    </section>
  );
}

export type ClassAssignmentItem = {
  id: number;
  title: string;
  language: string;
  dueAt: string;
  /** A scheduled opening still to come (pupils do not see the assignment yet). */
  opensAt?: string | null;
  submitted: number;
  pupils: number;
};

/** A class's assignments for its teacher, newest due date first, with submission counts. */
export function ClassAssignmentList({
  classId,
  items,
  zone,
  archived,
}: {
  classId: number;
  items: ClassAssignmentItem[];
  zone: Zone;
  archived: boolean;
}) {
  const t = useT();
  const lang = useLang();
  return (
    <section aria-labelledby="assignments-heading">
      <h2 id="assignments-heading">{t("assign.listTitle")}</h2>
      {archived ? null : (
        <p className="no-print">
          <Link className="button" to={`/teacher/assign?class=${classId}`}>
            {t("assign.new")}
          </Link>
        </p>
      )}
      {items.length === 0 ? (
        <p>{t("assign.none")}</p>
      ) : (
        <ul className="lesson-list">
          {items.map((a) => (
            <li key={a.id} className="card">
              <h3 lang={a.language}>
                <Link to={`/teacher/assignments/${a.id}`}>{a.title}</Link>
              </h3>
              <p>
                {t("flow.due", { due: formatDateTime(lang, a.dueAt, zone) })} ·{" "}
                {t("assign.submittedCount", { submitted: a.submitted, pupils: a.pupils })}
              </p>
              {a.opensAt ? (
                <p className="note">
                  {t("sched.notYetOpen", { opens: formatDateTime(lang, a.opensAt, zone) })}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
