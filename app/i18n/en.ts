// English: every key of the Indonesian dictionary (each feature module is checked by its type).
import type { MessageKey } from "./id";
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

export const en: Record<MessageKey, string> = {
  ...core.en,
  ...accounts.en,
  ...assignments.en,
  ...discussion.en,
  ...results.en,
  ...privacy.en,
  ...server.en,
  ...hardening.en,
  ...pupilFlow.en,
  ...teaching.en,
  ...quality.en,
  ...editor.en,
  ...editorParts.en,
  ...live.en,
  ...roster.en,
  ...recovery.en,
  ...schedule.en,
  ...preview.en,
  ...editorItems.en,
  ...queryForms.en,
};
