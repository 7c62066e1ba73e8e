// English: every key of the Indonesian dictionary (each feature module is checked by its type).
import type { MessageKey } from "./id";
import { core } from "./messages/core";

export const en: Record<MessageKey, string> = {
  ...core.en,
};
