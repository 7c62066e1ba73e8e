// UI words for the pupil's everyday flow (issue 12): saving without JavaScript, paragraph
// references, the compact lesson frame, the feedback page. Both languages side by side.
const id = {
  "pf.sortLeadJs": "Untuk setiap kutipan dari artikel, pilih jenis pernyataannya. Jawaban tersimpan begitu kamu memilih.",
  "pf.sortLeadNoJs":
    "Untuk setiap kutipan dari artikel, pilih jenis pernyataannya. Tekan \"Simpan jawaban\" atau tombol lanjut di bawah: semua pilihan di halaman ini ikut tersimpan.",
  "pf.quizLeadJs": "Pilih satu jawaban untuk setiap soal. Jawaban tersimpan begitu kamu memilih; kumpulkan jika sudah selesai.",
  "pf.quizLeadNoJs":
    "Pilih satu jawaban untuk setiap soal. Tekan \"Simpan jawaban\" atau \"Kumpulkan jawaban\": semua pilihan di halaman ini ikut tersimpan.",
  "pf.savedAll": "{n} jawaban di halaman ini tersimpan.",
  "pf.paragraphRef": "Baca paragraf {p}",
  "pf.paragraphTitle": "Paragraf {p}",
  "pf.close": "Tutup",
  "pf.removedAuthor": "(siswa yang sudah dikeluarkan)",
} as const;

const en: Record<keyof typeof id, string> = {
  "pf.sortLeadJs": "For each quote from the article, choose the kind of statement. Your answer is saved as soon as you choose.",
  "pf.sortLeadNoJs":
    "For each quote from the article, choose the kind of statement. Press \"Save answer\" or the next-step button below: every choice on this page is saved.",
  "pf.quizLeadJs": "Choose one answer for each question. Answers are saved as soon as you choose; submit when you are done.",
  "pf.quizLeadNoJs":
    "Choose one answer for each question. Press \"Save answer\" or \"Submit answers\": every choice on this page is saved.",
  "pf.savedAll": "{n} answers on this page saved.",
  "pf.paragraphRef": "Read paragraph {p}",
  "pf.paragraphTitle": "Paragraph {p}",
  "pf.close": "Close",
  "pf.removedAuthor": "(removed pupil)",
};

export const pupilFlow = { id, en };
