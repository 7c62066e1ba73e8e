// What every editor form needs from the page: the last posted result (to re-fill a refused form
// and show its messages), and the lesson's id (typing kept in the browser is stored per lesson).
import { createContext, useContext } from "react";
import type { EdErrors, EdValues } from "~/components/editor-fields";
import type { EditorResult } from "~/models/lesson-editor-page.server";

export type EditorState = { result: EditorResult | undefined; lessonId: number };

export const EditorContext = createContext<EditorState>({ result: undefined, lessonId: 0 });

export function useEditor() {
  const state = useContext(EditorContext);
  const own = (intent: string, itemId: string) =>
    state.result?.intent === intent && (state.result.itemId ?? "") === itemId;
  return {
    ...state,
    own,
    /** What the teacher typed when this form was refused, else the saved values. */
    valuesFor: (intent: string, itemId: string, saved: EdValues): EdValues =>
      own(intent, itemId) && !state.result!.ok ? (state.result!.values ?? saved) : saved,
    errorsFor: (intent: string, itemId: string): EdErrors =>
      own(intent, itemId) && !state.result!.ok ? state.result!.errors : undefined,
    savedBy: (intent: string, itemId: string) =>
      own(intent, itemId) && state.result!.ok ? state.result! : undefined,
  };
}
