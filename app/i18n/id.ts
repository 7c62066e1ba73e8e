// Bahasa Indonesia: the default language and the reference set of message keys.
// Each feature keeps its words in messages/<feature>.ts with both languages side by side.
import { core } from "./messages/core";

export const id = {
  ...core.id,
};

export type MessageKey = keyof typeof id;
