// UI words for the pupil's everyday flow (issue 12): saving without JavaScript, paragraph
// references, the compact lesson frame, the feedback page. Both languages side by side.
const id = {
  "pf.sortLeadJs":
    "Untuk setiap kutipan dari artikel, pilih jenis pernyataannya. Jawaban tersimpan begitu kamu memilih.",
  "pf.sortLeadNoJs":
    'Untuk setiap kutipan dari artikel, pilih jenis pernyataannya. Tekan "Simpan jawaban" atau tombol lanjut di bawah: semua pilihan di halaman ini ikut tersimpan.',
  "pf.quizLeadJs":
    "Pilih satu jawaban untuk setiap soal. Jawaban tersimpan begitu kamu memilih; kumpulkan jika sudah selesai.",
  "pf.quizLeadNoJs":
    'Pilih satu jawaban untuk setiap soal. Tekan "Simpan jawaban" atau "Kumpulkan jawaban": semua pilihan di halaman ini ikut tersimpan.',
  "pf.savedAll": "{n} jawaban di halaman ini tersimpan.",
  "pf.paragraphRef": "Baca paragraf {p}",
  "pf.paragraphTitle": "Paragraf {p}",
  "pf.close": "Tutup",
  "pf.removedAuthor": "(siswa yang sudah dikeluarkan)",
  "pf.fb.summary": "Ringkasan",
  "pf.fb.allRight": "Semua benar. Bagus sekali!",
  "pf.fb.counts":
    "Salah: {wrong}. Tidak dijawab: {unanswered}. Pembahasannya ada di bawah, lebih dulu dari yang sudah benar.",
  "pf.fb.unansweredList": "Yang tidak dijawab:",
  "pf.fb.notAnswered": "Tidak dijawab",
  "pf.fb.answer": "Jawaban",
  "pf.fb.toFix": "Perlu diperhatikan: {n}.",
  "pf.fb.sectionAllRight": "Semuanya benar.",
  "pf.fb.rightItems": "Yang sudah benar ({n})",
  "pf.fb.openArticle": "Buka paragraf {p} di artikel",
  "pf.fb.next": "Berikutnya: {step}",
  "pf.pin.title": "Atur ulang PIN",
  "pf.pin.heading": "Atur ulang PIN {name}?",
  "pf.pin.body":
    "PIN lama langsung tidak berlaku dan siswa keluar dari perangkat yang sedang dipakainya. PIN baru ditampilkan sekali untuk kamu berikan.",
  "pf.pin.confirm": "Ya, buat PIN baru untuk {name}",
  "pf.pin.doneHeading": "PIN baru untuk {name}",
  "pf.archive.confirm": "Ya, arsipkan kelas ini",
  "pf.login.archived":
    "Kelasmu sudah diarsipkan oleh guru, jadi kamu dikeluarkan dan belum bisa masuk. Tanyakan kepada gurumu.",
} as const;

const en: Record<keyof typeof id, string> = {
  "pf.sortLeadJs":
    "For each quote from the article, choose the kind of statement. Your answer is saved as soon as you choose.",
  "pf.sortLeadNoJs":
    'For each quote from the article, choose the kind of statement. Press "Save answer" or the next-step button below: every choice on this page is saved.',
  "pf.quizLeadJs":
    "Choose one answer for each question. Answers are saved as soon as you choose; submit when you are done.",
  "pf.quizLeadNoJs":
    'Choose one answer for each question. Press "Save answer" or "Submit answers": every choice on this page is saved.',
  "pf.savedAll": "{n} answers on this page saved.",
  "pf.paragraphRef": "Read paragraph {p}",
  "pf.paragraphTitle": "Paragraph {p}",
  "pf.close": "Close",
  "pf.removedAuthor": "(removed pupil)",
  "pf.fb.summary": "Summary",
  "pf.fb.allRight": "All right. Well done!",
  "pf.fb.counts":
    "Wrong: {wrong}. Not answered: {unanswered}. They are explained below, before the ones you got right.",
  "pf.fb.unansweredList": "Not answered:",
  "pf.fb.notAnswered": "Not answered",
  "pf.fb.answer": "Answer",
  "pf.fb.toFix": "To look at: {n}.",
  "pf.fb.sectionAllRight": "All right.",
  "pf.fb.rightItems": "What you got right ({n})",
  "pf.fb.openArticle": "Open paragraph {p} in the article",
  "pf.fb.next": "Next: {step}",
  "pf.pin.title": "Reset PIN",
  "pf.pin.heading": "Reset {name}'s PIN?",
  "pf.pin.body":
    "The old PIN stops working at once and the pupil is signed out of the device they are using. The new PIN is shown once, for you to hand over.",
  "pf.pin.confirm": "Yes, make a new PIN for {name}",
  "pf.pin.doneHeading": "New PIN for {name}",
  "pf.archive.confirm": "Yes, archive this class",
  "pf.login.archived":
    "Your class has been archived by your teacher, so you were signed out and cannot sign in for now. Ask your teacher.",
};

export const pupilFlow = { id, en };
