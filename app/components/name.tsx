// Text people wrote about themselves (names of pupils, teachers, classes), shown isolated: a
// right-to-left or stacked-mark name cannot rearrange or draw over what stands beside it.
import { Fragment, type ReactNode } from "react";
import { translate, type MessageKey } from "~/i18n";
import { useLang } from "~/i18n/use-t";
import { clipMarks } from "~/utils/display-name";

/** One user-written name: <bdi> (its own direction, isolated), stacked marks clipped. */
export function Name({ children }: { children: string }) {
  return <bdi className="user-text">{clipMarks(children)}</bdi>;
}

/**
 * A translated sentence with elements in its {placeholders} (usually <Name>), for the visible
 * sentences that contain a name; plain strings and numbers are filled in as by t().
 */
export function Trans({ k, vars }: { k: MessageKey; vars: Record<string, ReactNode> }) {
  const lang = useLang();
  // Placeholders left in by translate (no vars) are split out and filled here.
  const template = translate(lang, k);
  return (
    <>
      {template.split(/(\{\w+\})/).map((part, index) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        return (
          <Fragment key={index}>{name !== undefined && name in vars ? vars[name] : part}</Fragment>
        );
      })}
    </>
  );
}
