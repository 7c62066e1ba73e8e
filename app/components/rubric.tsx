// The CER rubric on screen: the table of levels, the teacher's level fields, the levels a pupil got, the class distribution.
import type { ReactNode } from "react";
import {
  RUBRIC_COMPONENTS,
  RUBRIC_LEVELS,
  type Rubric,
  type RubricComponent,
  type RubricLevel,
} from "~/content/schema";
import { SelectField } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { levelField, type LevelCounts, type Levels } from "~/utils/rubric";

/** The component × level grid both rubric tables share; `cell` fills each level of each component. */
function LevelGrid(props: {
  caption: ReactNode;
  captionId?: string;
  cell: (component: RubricComponent, level: RubricLevel) => ReactNode;
  cellLang?: string;
}) {
  const t = useT();
  return (
    <table className="rubric">
      <caption id={props.captionId}>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("rubric.component")}</th>
          {RUBRIC_LEVELS.map((l) => (
            <th key={l} scope="col">
              {t(`rubric.level.${l}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {RUBRIC_COMPONENTS.map((c) => (
          <tr key={c}>
            <th scope="row">{t(`rubric.component.${c}`)}</th>
            {RUBRIC_LEVELS.map((l) => (
              <td key={l} lang={props.cellLang}>
                {props.cell(c, l)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RubricTable({
  rubric,
  language,
  id,
}: {
  rubric: Rubric;
  language: string;
  id: string;
}) {
  const t = useT();
  return (
    <LevelGrid
      caption={t("rubric.caption")}
      captionId={id}
      cellLang={language}
      cell={(c, l) => rubric[c][l]}
    />
  );
}

/** Three selects inside the feedback form (fields of the form kit); the empty choice means "not rated". */
export function LevelFields({
  fields,
}: {
  fields: Record<ReturnType<typeof levelField>, Parameters<typeof SelectField>[0]["meta"]>;
}) {
  const t = useT();
  return (
    <fieldset className="rubric-levels">
      <legend>{t("rubric.title")}</legend>
      {RUBRIC_COMPONENTS.map((c) => (
        <SelectField
          key={c}
          meta={fields[levelField(c)]}
          label={t("rubric.levelFor", { component: t(`rubric.component.${c}`) })}
        >
          <option value="">{t("rubric.notRated")}</option>
          {RUBRIC_LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`rubric.level.${l}`)}
            </option>
          ))}
        </SelectField>
      ))}
    </fieldset>
  );
}

/** The levels given, for the pupil (with their feedback) and the teacher (beside the saved feedback). */
export function LevelsGiven({ levels, title }: { levels: Levels; title: string }) {
  const t = useT();
  if (!RUBRIC_COMPONENTS.some((c) => levels[c])) return null;
  return (
    <>
      <p className="feedback-title">{title}</p>
      <dl className="levels">
        {RUBRIC_COMPONENTS.map((c) => (
          <div key={c}>
            <dt>{t(`rubric.component.${c}`)}</dt>
            <dd>{levels[c] ? t(`rubric.level.${levels[c]!}`) : t("rubric.notRated")}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/** Results page: per CER prompt, responses at each level for each component. */
export function RubricResults({
  prompts,
  distribution,
  language,
}: {
  prompts: { id: string; prompt: string }[];
  distribution: Record<string, LevelCounts>;
  language: string;
}) {
  const t = useT();
  if (prompts.length === 0) return null;
  return (
    <section aria-labelledby="rubric-results-heading">
      <h2 id="rubric-results-heading">{t("rubric.results")}</h2>
      {prompts.map((p) => {
        const d = distribution[p.id];
        if (!d || d.rated === 0)
          return (
            <p key={p.id}>
              <span lang={language}>{p.prompt}</span> — {t("rubric.resultsNone")}
            </p>
          );
        return (
          <LevelGrid
            key={p.id}
            caption={
              <>
                {t("rubric.resultsCaption")}
                <span lang={language}>{p.prompt}</span> ({t("rubric.rated")}: {d.rated})
              </>
            }
            cell={(c, l) => d[c][l]}
          />
        );
      })}
    </section>
  );
}
