// Bahasa Indonesia: the default language and the reference set of message keys.
// Each feature keeps its words in messages/<feature>.ts with both languages side by side.
import { core } from "./messages/core";
import { accounts } from "./messages/accounts";
import { assignments } from "./messages/assignments";
import { discussion } from "./messages/discussion";
import { results } from "./messages/results";
import { privacy } from "./messages/privacy";
import { server } from "./messages/server";
import { hardening } from "./messages/hardening";
import { pupilFlow } from "./messages/pupil-flow";
import { teaching } from "./messages/teaching";
import { quality } from "./messages/quality";
import { editor } from "./messages/editor";
import { editorParts } from "./messages/editor-parts";
import { live } from "./messages/live";
import { roster } from "./messages/roster";
import { recovery } from "./messages/recovery";
import { schedule } from "./messages/schedule";
import { preview } from "./messages/preview";
import { editorItems } from "./messages/editor-items";
import { queryForms } from "./messages/query-forms";

export const id = {
  ...core.id,
  ...accounts.id,
  ...assignments.id,
  ...discussion.id,
  ...results.id,
  ...privacy.id,
  ...server.id,
  ...hardening.id,
  ...pupilFlow.id,
  ...teaching.id,
  ...quality.id,
  ...editor.id,
  ...editorParts.id,
  ...live.id,
  ...roster.id,
  ...recovery.id,
  ...schedule.id,
  ...preview.id,
  ...editorItems.id,
  ...queryForms.id,
};

export type MessageKey = keyof typeof id;
