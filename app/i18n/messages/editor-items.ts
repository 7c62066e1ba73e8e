// UI words for the lesson editor's item summaries (one item's form at a time) and for saves refused
// because the draft changed in another tab (issue 15), both languages side by side.
const id = {
  "edi.edit": "Ubah {item}",
  "edi.close": "Tutup {item}",
  "edi.empty": "(kosong)",
  "edi.counts": "Perlu diperiksa: {problems} kesalahan, {warnings} peringatan",
  "edi.keptTyping": "Ada ketikan yang belum tersimpan di peramban ini. Buka untuk memulihkannya.",
  "ed.err.stale":
    "Pelajaran ini sudah diubah di tab lain atau oleh simpan otomatis, jadi perubahan ini tidak disimpan. Teksmu tetap ada di bawah. Muat ulang halaman untuk melihat versi yang lebih baru, atau simpan lagi untuk menggantinya dengan teksmu.",
};

const en: Record<keyof typeof id, string> = {
  "edi.edit": "Edit {item}",
  "edi.close": "Close {item}",
  "edi.empty": "(empty)",
  "edi.counts": "Needs checking: {problems} errors, {warnings} warnings",
  "edi.keptTyping": "There is unsaved typing in this browser. Open it to get it back.",
  "ed.err.stale":
    "This lesson was changed in another tab or by autosave, so this change was not saved. Your text is kept below. Reload the page to see the newer version, or save again to replace it with your text.",
};

export const editorItems = { id, en };
