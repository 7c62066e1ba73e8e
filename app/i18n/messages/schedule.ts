// UI words for scheduled opening and per-pupil extensions (issue 18, parts 4 and 5), both languages side by side.
const id = {
  "sched.opens": "Dibuka untuk siswa (boleh kosong)",
  "sched.opensHint":
    "Kosongkan agar tugas langsung terlihat. Sebelum waktu ini siswa tidak melihat tugas ini sama sekali. Zona waktu masing-masing kelas.",
  "sched.opensLine": "Dibuka untuk siswa pada {opens}",
  "sched.notYetOpen": "Belum dibuka: siswa baru melihat tugas ini pada {opens}.",
  "sched.err.opens": "Tulis tanggal dan jam yang benar, atau kosongkan.",
  "sched.err.opensAfterDue": "Waktu buka harus sebelum batas waktu.",
  "sched.err.opensStarted":
    "Siswa sudah mulai mengerjakan, jadi waktu buka tidak bisa dipindah ke masa depan.",
  "ext.heading": "Perpanjangan untuk siswa ini",
  "ext.lead":
    "Untuk siswa yang sakit atau terputus koneksinya: batas waktu yang lebih lambat dan/atau percobaan tambahan, hanya untuk siswa ini.",
  "ext.due": "Batas waktu baru (boleh kosong)",
  "ext.dueHint": "Kosongkan untuk tetap memakai batas kelas ({due}). Zona waktu {zone}.",
  "ext.extra": "Percobaan tambahan",
  "ext.extra.0": "Tidak ada",
  "ext.extra.1": "+1",
  "ext.extra.2": "+2",
  "ext.extra.3": "+3",
  "ext.save": "Simpan perpanjangan",
  "ext.clear": "Hapus perpanjangan",
  "ext.saved": "Perpanjangan disimpan.",
  "ext.cleared": "Perpanjangan dihapus.",
  "ext.err.due": "Tulis tanggal dan jam yang benar, atau kosongkan.",
  "ext.err.dueBefore": "Batas baru harus setelah batas kelas.",
  "ext.err.empty": "Beri batas waktu baru, percobaan tambahan, atau keduanya.",
  "ext.err.choice": "Pilih salah satu pilihan.",
  "ext.closedHint":
    "Tugas ini sudah ditutup untuk semua. Siswa ini bisa bekerja lagi sampai batas barunya; bila percobaannya sudah dikumpulkan, beri juga percobaan tambahan.",
  "ext.current": "Perpanjangan sekarang:",
  "ext.none": "Siswa ini belum punya perpanjangan.",
  "ext.extendedTo": "diperpanjang sampai {due}",
  "ext.plusAttempts": "+{n} percobaan",
  "ext.col": "Perpanjangan",
  "ext.colDue": "Batas pribadi",
  "ext.colExtra": "Percobaan tambahan",
  "ext.forYou": "diperpanjang untukmu",
  "ext.liveNote":
    "{n} siswa punya perpanjangan: penutupan untuk semua tidak berlaku bagi mereka sampai batas pribadinya.",
};

const en: Record<keyof typeof id, string> = {
  "sched.opens": "Opens to pupils (optional)",
  "sched.opensHint":
    "Leave empty to show the assignment at once. Before this time pupils do not see it at all. In each class's own time zone.",
  "sched.opensLine": "Opens to pupils at {opens}",
  "sched.notYetOpen": "Not open yet: pupils see this assignment from {opens}.",
  "sched.err.opens": "Enter a valid date and time, or leave it empty.",
  "sched.err.opensAfterDue": "The opening time must be before the due date.",
  "sched.err.opensStarted":
    "Pupils have already started, so the opening cannot move into the future.",
  "ext.heading": "Extension for this pupil",
  "ext.lead":
    "For a pupil who was ill or lost their connection: a later due date and/or extra attempts, for this pupil only.",
  "ext.due": "New due date (optional)",
  "ext.dueHint": "Leave empty to keep the class's due date ({due}). Time zone {zone}.",
  "ext.extra": "Extra attempts",
  "ext.extra.0": "None",
  "ext.extra.1": "+1",
  "ext.extra.2": "+2",
  "ext.extra.3": "+3",
  "ext.save": "Save extension",
  "ext.clear": "Remove extension",
  "ext.saved": "Extension saved.",
  "ext.cleared": "Extension removed.",
  "ext.err.due": "Enter a valid date and time, or leave it empty.",
  "ext.err.dueBefore": "The new due date must be after the class's.",
  "ext.err.empty": "Give a new due date, extra attempts, or both.",
  "ext.err.choice": "Choose one of the options.",
  "ext.closedHint":
    "This assignment is closed for everyone. This pupil can work again until their new due date; if their attempt was already handed in, give an extra attempt as well.",
  "ext.current": "Current extension:",
  "ext.none": "This pupil has no extension.",
  "ext.extendedTo": "extended to {due}",
  "ext.plusAttempts": "+{n} attempts",
  "ext.col": "Extension",
  "ext.colDue": "Own due date",
  "ext.colExtra": "Extra attempts",
  "ext.forYou": "extended for you",
  "ext.liveNote":
    "{n} pupil(s) have an extension: closing for everyone does not apply to them until their own due date.",
};

export const schedule = { id, en };
