// Bahasa Indonesia: the default language and the reference set of message keys.
// Each feature keeps its words in messages/<feature>.ts with both languages side by side.
import { core } from "./messages/core";
import { accounts } from "./messages/accounts";
import { assignments } from "./messages/assignments";
import { discussion } from "./messages/discussion";
import { results } from "./messages/results";
import { privacy } from "./messages/privacy";
import { pupilFlow } from "./messages/pupil-flow";
import { live } from "./messages/live";


export const id = {
  ...core.id,
  ...accounts.id,
  ...assignments.id,
  ...discussion.id,
  ...results.id,
  ...privacy.id,
  ...pupilFlow.id,
  ...live.id,
};

export type MessageKey = keyof typeof id;
