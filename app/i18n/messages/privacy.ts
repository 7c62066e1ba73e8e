// UI words for the privacy feature, both languages side by side (en must have every id key).
const id = {} as const;

const en: Record<keyof typeof id, string> = {};

export const privacy = { id, en };
