// The teacher-only part of a lesson page: notes for teaching and dated, attributed context from outside the article.
import type { Lesson } from "~/content/schema";
import { useT } from "~/i18n/use-t";

export type TeacherOnly = {
  notes: Lesson["teacherNotes"];
  outsideInfo: NonNullable<Lesson["outsideInfo"]> | null;
};

/** Picks the teacher-only fields; the loader calls this only for a signed-in teacher, so pupils never receive them. */
export function teacherOnly(lesson: Lesson): TeacherOnly {
  return { notes: lesson.teacherNotes, outsideInfo: lesson.outsideInfo ?? null };
}

export function TeacherNotes({ data, language }: { data: TeacherOnly; language: string }) {
  const t = useT();
  if (data.notes.length === 0 && !data.outsideInfo) return null;
  return (
    <aside className="teacher-only" aria-labelledby="teacher-notes-heading">
      <h2 id="teacher-notes-heading">{t("teacherBox.notesTitle")}</h2>
      <p className="muted">{t("teacherBox.onlyTeachers")}</p>
      {data.notes.map((note) => (
        <p key={note} lang={language}>
          {note}
        </p>
      ))}
      {data.outsideInfo ? (
        <section className="box" aria-labelledby="outside-info-heading">
          <h3 id="outside-info-heading" lang={language}>
            {data.outsideInfo.title}
          </h3>
          <ul>
            {data.outsideInfo.facts.map((f) => (
              <li key={f.text} lang={language}>
                <strong>{t("teacherBox.reported", { date: f.date, source: f.source })}:</strong>{" "}
                {f.text}
              </li>
            ))}
          </ul>
          <p lang={language}>{data.outsideInfo.caveat}</p>
        </section>
      ) : null}
    </aside>
  );
}
