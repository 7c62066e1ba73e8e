// UI words for the privacy feature, both languages side by side (en must have every id key).
const id = {
  // The privacy notice (/privacy)
  "privacy.title": "Privasi dan data",
  "privacy.lead":
    "Halaman ini menjelaskan dengan bahasa sederhana data apa yang disimpan Telaah, untuk apa, berapa lama, siapa yang bisa melihatnya, dan apa hakmu.",
  "privacy.controller.title": "Siapa yang bertanggung jawab",
  "privacy.controller.body":
    "Sekolah yang menjalankan instalasi Telaah ini bertanggung jawab atas data di dalamnya. Telaah adalah perangkat lunak yang dijalankan sekolah di server pilihannya; Telaah sendiri tidak mengirim data ke siapa pun.",
  "privacy.collect.title": "Data apa yang disimpan",
  "privacy.collect.pupilsTitle": "Tentang siswa",
  "privacy.collect.pupilName":
    "Nama tampilan yang kamu pilih sendiri saat bergabung (boleh nama panggilan).",
  "privacy.collect.pupilPin":
    "PIN-mu, hanya dalam bentuk hash (diacak satu arah): tidak ada yang bisa membacanya, termasuk gurumu.",
  "privacy.collect.pupilClass":
    "Kelas yang kamu ikuti, kapan kamu bergabung, dan kapan terakhir kali kamu aktif.",
  "privacy.collect.pupilAnswers":
    "Pekerjaanmu: pilihan jawaban kuis dan pemilahan pernyataan, kapan disimpan dan dikumpulkan, serta nilainya.",
  "privacy.collect.pupilPosts":
    "Tulisanmu di diskusi kelas, dan umpan balik gurumu atas tulisan itu.",
  "privacy.collect.pupilNot":
    "Yang tidak disimpan: email, tanggal lahir, nomor telepon, alamat, foto, atau lokasi siswa.",
  "privacy.collect.teachersTitle": "Tentang guru",
  "privacy.collect.teacher":
    "Nama, alamat email, dan kata sandi dalam bentuk hash (tidak pernah sebagai teks biasa); kelas yang dibuat guru dan tugas yang diberikannya.",
  "privacy.collect.sessionsTitle": "Sesi masuk dan keamanan",
  "privacy.collect.sessions":
    "Saat kamu masuk, browser menyimpan satu cookie berisi nomor sesi acak; server menyimpan hash nomor itu, peranmu, dan waktunya. Cookie kedua hanya mengingat pilihan bahasa.",
  "privacy.collect.throttles":
    "Untuk mencegah tebak-tebakan PIN, kata sandi, dan kode kelas, jumlah percobaan yang gagal dicatat sebentar (per akun dan per alamat jaringan).",
  "privacy.collect.none":
    "Tidak ada iklan, pelacak, analitik, atau layanan pihak ketiga. Tidak ada data lain yang dikumpulkan.",
  "privacy.why.title": "Untuk apa",
  "privacy.why.signIn":
    "Nama tampilan dan PIN: agar siswa bisa masuk tanpa email, dan guru tahu siapa yang mengerjakan.",
  "privacy.why.work":
    "Jawaban dan nilai: agar siswa mendapat umpan balik dan guru tahu bagian mana yang perlu diajarkan ulang.",
  "privacy.why.posts": "Tulisan diskusi: agar kelas bisa berdiskusi tentang bukti dan tuduhan.",
  "privacy.why.security": "Sesi dan catatan percobaan gagal: agar akun tetap aman.",
  "privacy.why.nothingElse":
    "Data tidak dipakai untuk iklan, tidak dijual, dan tidak dipakai untuk apa pun di luar pelajaran.",
  "privacy.retention.title": "Berapa lama disimpan",
  "privacy.retention.pupilSession":
    "Sesi siswa berakhir setelah {idle} tanpa aktivitas, dan paling lama {max} setelah masuk.",
  "privacy.retention.teacherSession":
    "Sesi guru berakhir setelah {idle} tanpa aktivitas, dan paling lama {max} setelah masuk.",
  "privacy.retention.signOut": "Tombol «Keluar» langsung menghapus sesi.",
  "privacy.retention.classes":
    "Data kelas (siswa, jawaban, tulisan) disimpan selama kelas itu dipakai. Kelas yang diarsipkan dihapus seluruhnya {period} setelah diarsipkan.",
  "privacy.retention.removed":
    "Jika guru mengeluarkan seorang siswa dari kelas, semua data siswa itu langsung dihapus.",
  "privacy.retention.teacherDeleted":
    "Jika guru menghapus akunnya, semua kelasnya beserta siswa, jawaban, dan tulisan di dalamnya langsung dihapus.",
  "privacy.retention.throttles":
    "Catatan percobaan masuk yang gagal dihapus paling lama setelah satu hari.",
  "privacy.retention.backups":
    "Salinan cadangan (backup) yang dibuat sekolah mengikuti aturan sekolah tentang cadangan.",
  "privacy.access.title": "Siapa yang bisa melihatnya",
  "privacy.access.pupil":
    "Kamu sendiri: nama, kelas, jawaban, nilai (saat gurumu mengizinkan umpan balik), dan tulisanmu.",
  "privacy.access.teacher":
    "Gurumu (guru pemilik kelas): semua data siswa di kelasnya, kecuali PIN, yang tidak bisa dibaca siapa pun.",
  "privacy.access.classmates":
    "Teman sekelas: hanya nama tampilanmu dan tulisanmu di diskusi kelas. Mereka tidak melihat jawaban atau nilaimu.",
  "privacy.access.nobody":
    "Tidak ada orang lain: guru lain dan siswa kelas lain tidak bisa melihat data kelasmu. Pengelola server sekolah secara teknis bisa membuka berkas basis data; sekolah bertanggung jawab membatasi akses itu.",
  "privacy.rights.title": "Hakmu",
  "privacy.rights.see":
    "Melihat: siswa yang sudah masuk bisa membuka halaman «Data yang tersimpan tentang saya» dari dasbornya.",
  "privacy.rights.export":
    "Mengunduh: siswa bisa mengunduh datanya sendiri sebagai berkas JSON; guru bisa mengunduh data setiap siswa di kelasnya.",
  "privacy.rights.delete":
    "Menghapus: minta gurumu untuk mengeluarkanmu dari kelas; semua datamu langsung dihapus. Guru bisa menghapus akunnya sendiri beserta semua kelasnya.",
  "privacy.rights.viaTeacher":
    "Permintaan tentang data siswa dilayani lewat guru, karena guru dan sekolah yang mengelola kelas. Orang tua atau wali juga bisa meminta lewat sekolah.",
  "privacy.rights.myData": "Lihat data yang tersimpan tentang saya",
  "privacy.law.title": "Aturan hukumnya, dengan bahasa sederhana",
  "privacy.law.uu":
    "Di Indonesia, Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi (UU PDP) menggolongkan data anak sebagai data pribadi yang bersifat spesifik, yang perlu perlindungan lebih.",
  "privacy.law.consent":
    "Data anak hanya boleh diproses dengan persetujuan orang tua atau wali. Persetujuan ini diurus oleh sekolah yang memakai Telaah.",
  "privacy.law.minimal":
    "Karena itu Telaah mengumpulkan sesedikit mungkin data, melindunginya (PIN dan kata sandi di-hash, sesi singkat), dan memungkinkan data dilihat, diunduh, dan dihapus.",
  "privacy.law.contact": "Pertanyaan atau permintaan tentang data: hubungi gurumu atau sekolahmu.",

  // The pupil's own data (/pupil/data)
  "privacy.mine.title": "Data yang tersimpan tentang saya",
  "privacy.mine.link": "Data yang tersimpan tentang saya",
  "privacy.mine.lead": "Ini semua yang disimpan Telaah tentang kamu. Tidak ada data lain.",
  "privacy.mine.accountTitle": "Akun",
  "privacy.mine.name": "Nama tampilan",
  "privacy.mine.class": "Kelas",
  "privacy.mine.joined": "Bergabung",
  "privacy.mine.lastSeen": "Terakhir aktif",
  "privacy.mine.never": "belum pernah",
  "privacy.mine.pin": "PIN",
  "privacy.mine.pinStored": "Tersimpan hanya sebagai hash; tidak ada yang bisa membacanya.",
  "privacy.mine.sessions": "Sesi masuk yang aktif",
  "privacy.mine.workTitle": "Pekerjaan",
  "privacy.mine.attempts": "Percobaan mengerjakan tugas",
  "privacy.mine.answers": "Jawaban tersimpan",
  "privacy.mine.postsTitle": "Tulisanmu di diskusi",
  "privacy.mine.noPosts": "Belum ada tulisan.",
  "privacy.mine.postedAt": "Ditulis {date}",
  "privacy.mine.hidden": "Disembunyikan oleh guru",
  "privacy.mine.deleted": "Dihapus dari diskusi",
  "privacy.mine.claim": "Klaim",
  "privacy.mine.evidence": "Bukti",
  "privacy.mine.reasoning": "Alasan",
  "privacy.mine.feedback": "Umpan balik guru",
  "privacy.mine.downloadTitle": "Unduh datamu",
  "privacy.mine.download": "Unduh dataku (JSON)",
  "privacy.mine.downloadHint": "Berkas JSON bisa dibuka dengan editor teks apa pun.",
  "privacy.mine.deleteTitle": "Menghapus datamu",
  "privacy.mine.deleteBody":
    "Minta gurumu untuk mengeluarkanmu dari kelas. Semua data di atas langsung dihapus dan tidak bisa dikembalikan.",
  "privacy.mine.noticeLink": "Baca pemberitahuan privasi",

  // The teacher's roster export link
  "privacy.export.link": "Unduh data (JSON)",

  // The teacher's account page (/teacher/account)
  "privacy.account.title": "Akun saya",
  "privacy.account.link": "Akun dan penghapusan data",
  "privacy.account.name": "Nama",
  "privacy.account.email": "Email",
  "privacy.account.deleteTitle": "Hapus akun",
  "privacy.account.deleteBody":
    "Menghapus akunmu juga menghapus semua kelasmu, siswanya, tugas, jawaban, dan tulisan diskusi di dalamnya. Ini tidak bisa dibatalkan.",
  "privacy.account.classCount": "Kelas yang akan dihapus",
  "privacy.account.pupilCount": "Siswa yang akan dihapus",
  "privacy.account.exportFirst":
    "Jika data siswa masih perlu disimpan, unduh dulu dari daftar siswa di halaman setiap kelas.",
  "privacy.account.password": "Kata sandi saat ini",
  "privacy.account.confirm": "Ya, hapus akun saya dan semua datanya",
  "privacy.account.submit": "Hapus akun selamanya",
  "privacy.account.cancel": "Batal, kembali ke dasbor",
  "privacy.account.passwordRequired": "Masukkan kata sandimu.",
  "privacy.account.wrongPassword": "Kata sandi salah. Akun tidak dihapus.",
  "privacy.account.confirmRequired": "Centang kotak ini untuk memastikan.",
  "privacy.account.throttled": "Terlalu banyak percobaan. Coba lagi dalam {minutes} menit.",
  "privacy.account.deleted": "Akunmu dan semua datanya sudah dihapus.",
} as const;

const en: Record<keyof typeof id, string> = {
  "privacy.title": "Privacy and data",
  "privacy.lead":
    "This page explains in plain words what data Telaah keeps, why, for how long, who can see it, and what your rights are.",
  "privacy.controller.title": "Who is responsible",
  "privacy.controller.body":
    "The school that runs this Telaah installation is responsible for it. Telaah is software the school runs on a server of its choice; Telaah itself sends data to no one.",
  "privacy.collect.title": "What is kept",
  "privacy.collect.pupilsTitle": "About pupils",
  "privacy.collect.pupilName":
    "The display name you chose yourself when joining (a nickname is fine).",
  "privacy.collect.pupilPin":
    "Your PIN, only as a hash (scrambled one way): nobody can read it, not even your teacher.",
  "privacy.collect.pupilClass":
    "The class you are in, when you joined, and when you were last active.",
  "privacy.collect.pupilAnswers":
    "Your work: your quiz choices and statement sorting, when they were saved and handed in, and the scores.",
  "privacy.collect.pupilPosts":
    "What you write in the class discussion, and your teacher's feedback on it.",
  "privacy.collect.pupilNot":
    "Not kept: pupils' email, birth date, phone number, address, photo or location.",
  "privacy.collect.teachersTitle": "About teachers",
  "privacy.collect.teacher":
    "Name, email address and password as a hash (never as plain text); the classes a teacher creates and the work they assign.",
  "privacy.collect.sessionsTitle": "Sign-in sessions and security",
  "privacy.collect.sessions":
    "When you sign in, the browser keeps one cookie holding a random session number; the server keeps a hash of that number, your role and the times. A second cookie only remembers your language.",
  "privacy.collect.throttles":
    "To stop guessing of PINs, passwords and class codes, failed attempts are counted for a short while (per account and per network address).",
  "privacy.collect.none":
    "No ads, no tracking, no analytics, no third-party services. Nothing else is collected.",
  "privacy.why.title": "Why",
  "privacy.why.signIn":
    "Display name and PIN: so pupils can sign in without email, and the teacher knows whose work it is.",
  "privacy.why.work":
    "Answers and scores: so pupils get feedback and the teacher sees what to teach again.",
  "privacy.why.posts": "Discussion posts: so the class can discuss evidence and allegations.",
  "privacy.why.security": "Sessions and failed-attempt counts: to keep accounts safe.",
  "privacy.why.nothingElse":
    "The data is not used for ads, not sold, and not used for anything beyond the lessons.",
  "privacy.retention.title": "How long it is kept",
  "privacy.retention.pupilSession":
    "A pupil's session ends after {idle} without activity, and at most {max} after signing in.",
  "privacy.retention.teacherSession":
    "A teacher's session ends after {idle} without activity, and at most {max} after signing in.",
  "privacy.retention.signOut": "The “Sign out” button deletes the session at once.",
  "privacy.retention.classes":
    "Class data (pupils, answers, posts) is kept while the class is in use. An archived class is deleted completely {period} after it was archived.",
  "privacy.retention.removed":
    "When a teacher removes a pupil from a class, all of that pupil's data is deleted at once.",
  "privacy.retention.teacherDeleted":
    "When a teacher deletes their account, all their classes with the pupils, answers and posts in them are deleted at once.",
  "privacy.retention.throttles":
    "Counts of failed sign-in attempts are deleted after one day at most.",
  "privacy.retention.backups":
    "Backup copies made by the school follow the school's own rules for backups.",
  "privacy.access.title": "Who can see it",
  "privacy.access.pupil":
    "You: your name, class, answers, scores (when your teacher allows feedback) and posts.",
  "privacy.access.teacher":
    "Your teacher (the teacher who owns the class): all pupil data in their class, except the PIN, which nobody can read.",
  "privacy.access.classmates":
    "Classmates: only your display name and your posts in the class discussion. They do not see your answers or scores.",
  "privacy.access.nobody":
    "Nobody else: other teachers and pupils of other classes cannot see your class's data. Whoever runs the school's server can technically open the database file; the school is responsible for limiting that access.",
  "privacy.rights.title": "Your rights",
  "privacy.rights.see":
    "See it: a signed-in pupil can open “What is stored about me” from their dashboard.",
  "privacy.rights.export":
    "Export it: a pupil can download their own data as a JSON file; a teacher can download the data of each pupil in their class.",
  "privacy.rights.delete":
    "Delete it: ask your teacher to remove you from the class; all your data is deleted at once. A teacher can delete their own account with all its classes.",
  "privacy.rights.viaTeacher":
    "Requests about pupils' data go through the teacher, because the teacher and the school run the class. Parents or guardians can also ask through the school.",
  "privacy.rights.myData": "See what is stored about me",
  "privacy.law.title": "The law, in plain words",
  "privacy.law.uu":
    "In Indonesia, Law No. 27 of 2022 on Personal Data Protection (UU PDP) treats children's data as specific personal data, which needs extra protection.",
  "privacy.law.consent":
    "Children's data may only be processed with the consent of a parent or guardian. The school that uses Telaah takes care of this consent.",
  "privacy.law.minimal":
    "That is why Telaah collects as little as possible, protects it (PINs and passwords hashed, short sessions), and lets the data be seen, exported and deleted.",
  "privacy.law.contact": "Questions or requests about data: talk to your teacher or your school.",

  "privacy.mine.title": "What is stored about me",
  "privacy.mine.link": "What is stored about me",
  "privacy.mine.lead": "This is everything Telaah keeps about you. There is nothing else.",
  "privacy.mine.accountTitle": "Account",
  "privacy.mine.name": "Display name",
  "privacy.mine.class": "Class",
  "privacy.mine.joined": "Joined",
  "privacy.mine.lastSeen": "Last active",
  "privacy.mine.never": "never",
  "privacy.mine.pin": "PIN",
  "privacy.mine.pinStored": "Kept only as a hash; nobody can read it.",
  "privacy.mine.sessions": "Active sign-in sessions",
  "privacy.mine.workTitle": "Work",
  "privacy.mine.attempts": "Attempts at assignments",
  "privacy.mine.answers": "Saved answers",
  "privacy.mine.postsTitle": "Your discussion posts",
  "privacy.mine.noPosts": "No posts yet.",
  "privacy.mine.postedAt": "Written {date}",
  "privacy.mine.hidden": "Hidden by the teacher",
  "privacy.mine.deleted": "Removed from the discussion",
  "privacy.mine.claim": "Claim",
  "privacy.mine.evidence": "Evidence",
  "privacy.mine.reasoning": "Reasoning",
  "privacy.mine.feedback": "Teacher's feedback",
  "privacy.mine.downloadTitle": "Download your data",
  "privacy.mine.download": "Download my data (JSON)",
  "privacy.mine.downloadHint": "A JSON file opens in any text editor.",
  "privacy.mine.deleteTitle": "Deleting your data",
  "privacy.mine.deleteBody":
    "Ask your teacher to remove you from the class. All the data above is deleted at once and cannot be brought back.",
  "privacy.mine.noticeLink": "Read the privacy notice",

  "privacy.export.link": "Download data (JSON)",

  "privacy.account.title": "My account",
  "privacy.account.link": "Account and data deletion",
  "privacy.account.name": "Name",
  "privacy.account.email": "Email",
  "privacy.account.deleteTitle": "Delete account",
  "privacy.account.deleteBody":
    "Deleting your account also deletes all your classes, their pupils, assignments, answers and discussion posts. This cannot be undone.",
  "privacy.account.classCount": "Classes that will be deleted",
  "privacy.account.pupilCount": "Pupils that will be deleted",
  "privacy.account.exportFirst":
    "If pupils' data still needs to be kept, download it first from the pupil list on each class page.",
  "privacy.account.password": "Current password",
  "privacy.account.confirm": "Yes, delete my account and all its data",
  "privacy.account.submit": "Delete account for good",
  "privacy.account.cancel": "Cancel, back to the dashboard",
  "privacy.account.passwordRequired": "Enter your password.",
  "privacy.account.wrongPassword": "Wrong password. The account was not deleted.",
  "privacy.account.confirmRequired": "Tick this box to confirm.",
  "privacy.account.throttled": "Too many attempts. Try again in {minutes} minutes.",
  "privacy.account.deleted": "Your account and all its data have been deleted.",
};

export const privacy = { id, en };
