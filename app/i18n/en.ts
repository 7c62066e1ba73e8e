// English: every key of the Indonesian dictionary (each feature module is checked by its type).
import type { MessageKey } from "./id";
import { core } from "./messages/core";
import { accounts } from "./messages/accounts";
import { assignments } from "./messages/assignments";
import { discussion } from "./messages/discussion";
import { results } from "./messages/results";
import { privacy } from "./messages/privacy";
import { pupilFlow } from "./messages/pupil-flow";
import { live } from "./messages/live";


export const en: Record<MessageKey, string> = {
  ...core.en,
  ...accounts.en,
  ...assignments.en,
  ...discussion.en,
  ...results.en,
  ...privacy.en,
  ...pupilFlow.en,
  ...live.en,
};
