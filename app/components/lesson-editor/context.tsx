// What every editor form needs from the page: the last posted answer (the kit's reply, which the
// form it belongs to renders from), the lesson's id (typing kept in the browser is stored per
// lesson), and the draft's newest known revision (sent with every save, so a stale tab cannot
// overwrite).
import { createContext, useContext, type MutableRefObject } from "react";
import type { EditorAnswer, EditorSaved } from "~/models/lesson-editor-page.server";

export type EditorState = {
  result: EditorAnswer | undefined;
  lessonId: number;
  /** The newest revision this tab knows of: the page's, or a later save's answer. */
  revision: number;
  /** The same, readable when an autosave is sent (after the render that scheduled it). */
  latest: MutableRefObject<number>;
  /** A save's answer tells the tab the revision it made. */
  learn: (revision: number) => void;
};

export const EditorContext = createContext<EditorState>({
  result: undefined,
  lessonId: 0,
  revision: 0,
  latest: { current: 0 },
  learn: () => {},
});

/** The hidden field every editor form sends: the revision the teacher's page shows. */
export function RevisionField() {
  const { revision } = useContext(EditorContext);
  return <input type="hidden" name="revision" value={revision} />;
}

export function useEditor() {
  const state = useContext(EditorContext);
  const own = (intent: string, itemId: string) =>
    state.result?.intent === intent && (state.result.itemId ?? "") === itemId;
  return {
    ...state,
    own,
    /**
     * The page's last answer when it belongs to this form (`null` otherwise, so the form's
     * `useAppForm` takes no other form's reply): its `result` is the form's `lastResult`.
     */
    replyFor: (intent: string, itemId: string): EditorAnswer | null =>
      own(intent, itemId) ? state.result! : null,
    /** This form's answer when it was saved (its message, e.g. "Saved"). */
    savedBy: (intent: string, itemId: string) =>
      own(intent, itemId) && state.result!.ok ? (state.result as EditorSaved) : undefined,
    /** Whether this form's last post was refused (its form stays open). */
    refused: (intent: string, itemId: string) => own(intent, itemId) && !state.result!.ok,
  };
}
