// UI words for the lesson editor's pupil preview in steps (issue 15, item 5), both languages side by side.
const id = {
  "pvs.banner": "Pratinjau — tidak ada yang disimpan",
  "pvs.bannerLead":
    "Langkah-langkah di bawah sama dengan yang dilihat siswa. Pilihanmu hanya dibawa dari langkah ke langkah di halaman ini; tidak ada percobaan, jawaban, atau hasil yang dibuat.",
  "pvs.notSavedDiscuss": "Dalam pratinjau, tanggapan tidak dikirim dan tidak disimpan.",
  "pvs.toQuiz": "Ke langkah Kuis",
};

const en: Record<keyof typeof id, string> = {
  "pvs.banner": "Preview — nothing is saved",
  "pvs.bannerLead":
    "The steps below are what pupils see. Your choices are only carried from step to step on this page; no attempt, answer or result is made.",
  "pvs.notSavedDiscuss": "In the preview, responses are not sent and not saved.",
  "pvs.toQuiz": "Go to the quiz step",
};

export const preview = { id, en };
