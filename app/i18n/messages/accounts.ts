// UI words for the accounts feature, both languages side by side (en must have every id key).
const id = {
  "accounts.signup.title": "Daftar sebagai guru",
  "accounts.signup.lead":
    "Akun guru memakai email dan kata sandi. Siswa tidak perlu email: mereka bergabung dengan kode kelas.",
  "accounts.signup.submit": "Buat akun",
  "accounts.signup.haveAccount": "Sudah punya akun?",
  "accounts.signup.link": "Daftar sebagai guru",

  "accounts.login.title": "Masuk sebagai guru",
  "accounts.login.submit": "Masuk",
  "accounts.login.link": "Masuk sebagai guru",
  "accounts.login.noAccount": "Belum punya akun?",
  "accounts.login.pupilHint": "Kamu siswa?",
  "accounts.login.failed": "Email atau kata sandi salah.",

  "accounts.field.teacherName": "Nama",
  "accounts.field.teacherNameHint":
    'Nama yang dilihat siswa, misalnya "Bu Sari". Paling banyak 80 karakter.',
  "accounts.field.email": "Email",
  "accounts.field.password": "Kata sandi",
  "accounts.field.newPassword": "Kata sandi",
  "accounts.field.newPasswordHint":
    "{min} sampai {max} karakter. Boleh berupa kalimat; kata sandi yang terlalu umum ditolak.",
  "accounts.field.className": "Nama kelas",
  "accounts.field.classNameHint": 'Misalnya "8A" atau "IX IPS 2". Paling banyak 60 karakter.',
  "accounts.field.grade": "Jenjang kelas",
  "accounts.field.subject": "Mata pelajaran",
  "accounts.field.subjectHint": "Misalnya Bahasa Indonesia, PPKn, atau IPS.",
  "accounts.field.timeZone": "Zona waktu",
  "accounts.field.classCode": "Kode kelas",
  "accounts.field.classCodeHint":
    "8 huruf dan angka dari gurumu. Huruf besar atau kecil sama saja.",
  "accounts.field.displayName": "Nama tampilan",
  "accounts.field.displayNameHint":
    "Nama yang dilihat guru dan teman sekelasmu. Paling banyak {max} karakter.",
  "accounts.field.pin": "PIN",
  "accounts.field.newPin": "Pilih PIN",
  "accounts.field.newPinHint": "4 sampai 8 angka. Ingat baik-baik dan jangan beri tahu siapa pun.",
  "accounts.field.pinConfirm": "Ulangi PIN",

  "accounts.grade.option": "Kelas {grade}",
  "accounts.zone.WIB": "WIB (Waktu Indonesia Barat)",
  "accounts.zone.WITA": "WITA (Waktu Indonesia Tengah)",
  "accounts.zone.WIT": "WIT (Waktu Indonesia Timur)",

  "accounts.honeypot.label": "Jangan isi kolom ini",
  "accounts.form.refused": "Permintaan ini tidak dapat diproses.",
  "accounts.throttled": "Terlalu banyak percobaan. Coba lagi dalam {minutes} menit.",

  "accounts.v.nameTooLong": "Nama terlalu panjang (paling banyak 80 karakter).",
  "accounts.v.classNameTooLong": "Nama kelas terlalu panjang (paling banyak 60 karakter).",
  "accounts.v.subjectTooLong": "Nama mata pelajaran terlalu panjang (paling banyak 60 karakter).",
  "accounts.v.emailInvalid": "Tulis alamat email yang benar, misalnya nama@sekolah.sch.id.",
  "accounts.v.emailTaken":
    "Email ini sudah terdaftar. Masuk dengan email ini, atau pakai email lain.",
  "accounts.v.passwordShort": "Kata sandi terlalu pendek: paling sedikit 8 karakter.",
  "accounts.v.passwordLong": "Kata sandi terlalu panjang: paling banyak 128 karakter.",
  "accounts.v.passwordCommon":
    "Kata sandi ini terlalu umum dan mudah ditebak. Pilih yang lain, misalnya beberapa kata acak.",
  "accounts.v.grade": "Pilih jenjang kelas.",
  "accounts.v.timeZone": "Pilih zona waktu.",
  "accounts.v.displayNameTooLong": "Nama tampilan terlalu panjang (paling banyak 40 karakter).",
  "accounts.v.displayNameChars": "Nama tampilan memuat karakter yang tidak diperbolehkan.",
  "accounts.v.pinFormat": "PIN harus 4 sampai 8 angka.",
  "accounts.v.pinMismatch": "Kedua PIN tidak sama. Ketik ulang PIN yang sama.",

  "accounts.dashboard.title": "Dasbor guru",
  "accounts.dashboard.greeting": "Selamat datang, {name}.",
  "accounts.dashboard.classes": "Kelas saya",
  "accounts.dashboard.noClasses": "Belum ada kelas. Buat kelas pertama di bawah ini.",
  "accounts.dashboard.create": "Buat kelas baru",
  "accounts.dashboard.createSubmit": "Buat kelas",
  "accounts.dashboard.archived": "Kelas yang diarsipkan",

  "accounts.class.pageTitle": "Kelas: {name}",
  "accounts.class.facts": "Kelas {grade} · {subject} · {zone}",
  "accounts.class.pupilCount": "Jumlah siswa: {count}",
  "accounts.class.back": "Kembali ke dasbor",
  "accounts.class.archivedNote": "Kelas ini diarsipkan: siswa tidak dapat bergabung atau masuk.",
  "accounts.class.joinTitle": "Kode kelas",
  "accounts.class.codeLabel": "Kode kelas",
  "accounts.class.linkLabel": "Tautan untuk bergabung",
  "accounts.class.joinStatus": "Pendaftaran siswa baru",
  "accounts.class.joinOpen": "Dibuka",
  "accounts.class.joinClosed": "Ditutup: kode ini tidak bisa dipakai untuk bergabung",
  "accounts.class.turnJoinOff": "Tutup pendaftaran",
  "accounts.class.turnJoinOn": "Buka pendaftaran",
  "accounts.class.regenerate": "Buat kode baru",
  "accounts.class.regenerateHint":
    "Kode baru langsung menggantikan kode lama: kode lama tidak berlaku lagi untuk bergabung maupun masuk. Bagikan kode baru kepada siswa.",
  "accounts.class.settingsTitle": "Pengaturan kelas",
  "accounts.class.renameSubmit": "Simpan nama",
  "accounts.class.archive": "Arsipkan kelas",
  "accounts.class.archiveHint":
    "Kelas yang diarsipkan pindah ke daftar arsip. Siswanya tidak dapat bergabung atau masuk sampai arsip dibuka lagi; datanya tetap tersimpan.",
  "accounts.class.unarchive": "Buka arsip",
  "accounts.class.unarchiveHint":
    "Membuka arsip mengaktifkan kelas lagi: siswanya dapat masuk kembali.",

  "accounts.roster.title": "Siswa",
  "accounts.roster.caption": "Daftar siswa {name}",
  "accounts.roster.name": "Nama tampilan",
  "accounts.roster.joined": "Bergabung",
  "accounts.roster.lastSeen": "Terakhir aktif",
  "accounts.roster.never": "belum pernah",
  "accounts.roster.actions": "Tindakan",
  "accounts.roster.resetPin": "Atur ulang PIN",
  "accounts.roster.remove": "Keluarkan",
  "accounts.roster.forPupil": "untuk {name}",
  "accounts.roster.empty": "Belum ada siswa. Bagikan kode kelas atau tautan bergabung.",
  "accounts.roster.newPin": "PIN baru untuk {name}:",
  "accounts.roster.newPinOnce":
    "Catat dan berikan PIN ini sekarang: PIN hanya ditampilkan sekali. Siswa dapat langsung masuk dengan PIN baru.",

  "accounts.remove.title": "Keluarkan siswa",
  "accounts.remove.heading": "Keluarkan {name}?",
  "accounts.remove.body": "{name} akan dikeluarkan dari {className}.",
  "accounts.remove.permanent":
    'Semua yang dibuat siswa ini (jawaban dan tulisan diskusi) terhapus permanen dan tidak dapat dikembalikan. Balasan teman sekelasnya tetap ada; tulisan yang dibalas diganti tanda "(dihapus)".',
  "accounts.remove.confirmLabel": "Ya, keluarkan {name} dan hapus datanya",
  "accounts.remove.confirmRequired": "Centang kotak ini untuk memastikan.",
  "accounts.remove.submit": "Keluarkan siswa",
  "accounts.remove.cancel": "Batal",

  "accounts.cards.title": "Kartu masuk siswa",
  "accounts.cards.heading": "Kartu masuk: {name}",
  "accounts.cards.link": "Cetak kartu masuk",
  "accounts.cards.lead":
    "Cetak halaman ini dan gunting kartunya. PIN tidak tercetak karena tidak disimpan: setiap kartu punya garis kosong untuk menuliskannya.",
  "accounts.cards.back": "Kembali ke kelas",
  "accounts.cards.newPupils": "Siswa baru bergabung di: {url}",
  "accounts.cards.listLabel": "Kartu masuk",
  "accounts.cards.where": "Masuk di",
  "accounts.cards.pinNote": "PIN pilihanmu sendiri",

  "accounts.join.title": "Gabung ke kelas",
  "accounts.join.lead":
    "Masukkan kode kelas dari gurumu, lalu pilih nama tampilan dan PIN. Tidak perlu email.",
  "accounts.join.submit": "Gabung",
  "accounts.join.link": "Gabung ke kelas",
  "accounts.join.haveAccount": "Sudah pernah bergabung?",
  "accounts.join.signedInNote":
    "Kamu sedang masuk sebagai {name}. Bergabung di sini membuat akun siswa baru.",
  "accounts.join.codeUnknown": "Kode kelas tidak ditemukan. Periksa lagi kodenya.",
  "accounts.join.codeDisabled":
    "Kelas ini sedang tidak menerima siswa baru. Minta gurumu membuka pendaftaran.",
  "accounts.join.classArchived": "Kelas ini sudah diarsipkan, jadi tidak bisa bergabung.",
  "accounts.join.nameTaken":
    "Nama ini sudah dipakai di kelas ini. Pilih nama lain, misalnya tambahkan inisial.",
  "accounts.join.privacyLink": "Data apa yang disimpan tentang saya?",

  "accounts.pupilLogin.title": "Masuk sebagai siswa",
  "accounts.pupilLogin.lead": "Masukkan kode kelas, nama tampilan, dan PIN-mu.",
  "accounts.pupilLogin.submit": "Masuk",
  "accounts.pupilLogin.link": "Masuk sebagai siswa",
  "accounts.pupilLogin.newHere": "Belum bergabung?",
  "accounts.pupilLogin.forgotPin": "Lupa PIN? Minta gurumu mengatur ulang PIN-mu.",
  "accounts.pupilLogin.failed": "Nama tampilan atau PIN salah.",
  "accounts.pupilLogin.classArchived":
    "Kelas ini sudah diarsipkan, jadi tidak bisa masuk. Tanyakan kepada gurumu.",

  "accounts.pupilHome.title": "Beranda siswa",
  "accounts.pupilHome.greeting": "Halo, {name}!",
  "accounts.pupilHome.class": "Kelas: {className}",
} as const;

const en: Record<keyof typeof id, string> = {
  "accounts.signup.title": "Sign up as a teacher",
  "accounts.signup.lead":
    "Teacher accounts use an email and a password. Pupils need no email: they join with a class code.",
  "accounts.signup.submit": "Create account",
  "accounts.signup.haveAccount": "Already have an account?",
  "accounts.signup.link": "Sign up as a teacher",

  "accounts.login.title": "Sign in as a teacher",
  "accounts.login.submit": "Sign in",
  "accounts.login.link": "Sign in as a teacher",
  "accounts.login.noAccount": "No account yet?",
  "accounts.login.pupilHint": "Are you a pupil?",
  "accounts.login.failed": "Wrong email or password.",

  "accounts.field.teacherName": "Name",
  "accounts.field.teacherNameHint": 'The name pupils see, e.g. "Ms Sari". At most 80 characters.',
  "accounts.field.email": "Email",
  "accounts.field.password": "Password",
  "accounts.field.newPassword": "Password",
  "accounts.field.newPasswordHint":
    "{min} to {max} characters. A sentence is fine; very common passwords are refused.",
  "accounts.field.className": "Class name",
  "accounts.field.classNameHint": 'For example "8A" or "IX IPS 2". At most 60 characters.',
  "accounts.field.grade": "Grade",
  "accounts.field.subject": "Subject",
  "accounts.field.subjectHint": "For example Bahasa Indonesia, PPKn or social studies.",
  "accounts.field.timeZone": "Time zone",
  "accounts.field.classCode": "Class code",
  "accounts.field.classCodeHint":
    "8 letters and digits from your teacher. Upper or lower case does not matter.",
  "accounts.field.displayName": "Display name",
  "accounts.field.displayNameHint":
    "The name your teacher and classmates see. At most {max} characters.",
  "accounts.field.pin": "PIN",
  "accounts.field.newPin": "Choose a PIN",
  "accounts.field.newPinHint": "4 to 8 digits. Remember it and tell no one.",
  "accounts.field.pinConfirm": "Repeat the PIN",

  "accounts.grade.option": "Grade {grade}",
  "accounts.zone.WIB": "WIB (Western Indonesia Time)",
  "accounts.zone.WITA": "WITA (Central Indonesia Time)",
  "accounts.zone.WIT": "WIT (Eastern Indonesia Time)",

  "accounts.honeypot.label": "Leave this field empty",
  "accounts.form.refused": "This request could not be processed.",
  "accounts.throttled": "Too many attempts. Try again in {minutes} minutes.",

  "accounts.v.nameTooLong": "The name is too long (at most 80 characters).",
  "accounts.v.classNameTooLong": "The class name is too long (at most 60 characters).",
  "accounts.v.subjectTooLong": "The subject is too long (at most 60 characters).",
  "accounts.v.emailInvalid": "Enter a valid email address, e.g. name@school.sch.id.",
  "accounts.v.emailTaken":
    "This email is already registered. Sign in with it, or use another email.",
  "accounts.v.passwordShort": "The password is too short: at least 8 characters.",
  "accounts.v.passwordLong": "The password is too long: at most 128 characters.",
  "accounts.v.passwordCommon":
    "This password is too common and easy to guess. Choose another, e.g. a few random words.",
  "accounts.v.grade": "Choose a grade.",
  "accounts.v.timeZone": "Choose a time zone.",
  "accounts.v.displayNameTooLong": "The display name is too long (at most 40 characters).",
  "accounts.v.displayNameChars": "The display name contains characters that are not allowed.",
  "accounts.v.pinFormat": "The PIN must be 4 to 8 digits.",
  "accounts.v.pinMismatch": "The two PINs differ. Type the same PIN again.",

  "accounts.dashboard.title": "Teacher dashboard",
  "accounts.dashboard.greeting": "Welcome, {name}.",
  "accounts.dashboard.classes": "My classes",
  "accounts.dashboard.noClasses": "No classes yet. Create your first class below.",
  "accounts.dashboard.create": "Create a class",
  "accounts.dashboard.createSubmit": "Create class",
  "accounts.dashboard.archived": "Archived classes",

  "accounts.class.pageTitle": "Class: {name}",
  "accounts.class.facts": "Grade {grade} · {subject} · {zone}",
  "accounts.class.pupilCount": "Pupils: {count}",
  "accounts.class.back": "Back to the dashboard",
  "accounts.class.archivedNote": "This class is archived: pupils cannot join or sign in.",
  "accounts.class.joinTitle": "Class code",
  "accounts.class.codeLabel": "Class code",
  "accounts.class.linkLabel": "Join link",
  "accounts.class.joinStatus": "Joining for new pupils",
  "accounts.class.joinOpen": "Open",
  "accounts.class.joinClosed": "Closed: this code cannot be used to join",
  "accounts.class.turnJoinOff": "Close joining",
  "accounts.class.turnJoinOn": "Open joining",
  "accounts.class.regenerate": "Make a new code",
  "accounts.class.regenerateHint":
    "A new code replaces the old one at once: the old code no longer works for joining or signing in. Give pupils the new code.",
  "accounts.class.settingsTitle": "Class settings",
  "accounts.class.renameSubmit": "Save name",
  "accounts.class.archive": "Archive class",
  "accounts.class.archiveHint":
    "An archived class moves to the archive list. Its pupils cannot join or sign in until it is unarchived; its data is kept.",
  "accounts.class.unarchive": "Unarchive",
  "accounts.class.unarchiveHint":
    "Unarchiving makes the class active again: its pupils can sign in again.",

  "accounts.roster.title": "Pupils",
  "accounts.roster.caption": "Pupils of {name}",
  "accounts.roster.name": "Display name",
  "accounts.roster.joined": "Joined",
  "accounts.roster.lastSeen": "Last seen",
  "accounts.roster.never": "never",
  "accounts.roster.actions": "Actions",
  "accounts.roster.resetPin": "Reset PIN",
  "accounts.roster.remove": "Remove",
  "accounts.roster.forPupil": "for {name}",
  "accounts.roster.empty": "No pupils yet. Share the class code or the join link.",
  "accounts.roster.newPin": "New PIN for {name}:",
  "accounts.roster.newPinOnce":
    "Write it down and hand it over now: the PIN is shown only once. The pupil can sign in with it straight away.",

  "accounts.remove.title": "Remove pupil",
  "accounts.remove.heading": "Remove {name}?",
  "accounts.remove.body": "{name} will be removed from {className}.",
  "accounts.remove.permanent":
    'Everything this pupil made (answers and discussion posts) is deleted for good and cannot be restored. Classmates\' replies stay; a post that was replied to is replaced by a "(deleted)" marker.',
  "accounts.remove.confirmLabel": "Yes, remove {name} and delete their data",
  "accounts.remove.confirmRequired": "Tick this box to confirm.",
  "accounts.remove.submit": "Remove pupil",
  "accounts.remove.cancel": "Cancel",

  "accounts.cards.title": "Pupil sign-in cards",
  "accounts.cards.heading": "Sign-in cards: {name}",
  "accounts.cards.link": "Print sign-in cards",
  "accounts.cards.lead":
    "Print this page and cut out the cards. PINs are not printed because they are not stored: each card has a blank line to write one on.",
  "accounts.cards.back": "Back to the class",
  "accounts.cards.newPupils": "New pupils join at: {url}",
  "accounts.cards.listLabel": "Sign-in cards",
  "accounts.cards.where": "Sign in at",
  "accounts.cards.pinNote": "The PIN you chose",

  "accounts.join.title": "Join a class",
  "accounts.join.lead":
    "Enter the class code from your teacher, then choose a display name and a PIN. No email needed.",
  "accounts.join.submit": "Join",
  "accounts.join.link": "Join a class",
  "accounts.join.haveAccount": "Joined before?",
  "accounts.join.signedInNote":
    "You are signed in as {name}. Joining here creates a new pupil account.",
  "accounts.join.codeUnknown": "No class has this code. Check the code again.",
  "accounts.join.codeDisabled":
    "This class is not accepting new pupils right now. Ask your teacher to open joining.",
  "accounts.join.classArchived": "This class has been archived, so you cannot join it.",
  "accounts.join.nameTaken":
    "This name is already used in this class. Choose another, e.g. add an initial.",
  "accounts.join.privacyLink": "What data is kept about me?",

  "accounts.pupilLogin.title": "Sign in as a pupil",
  "accounts.pupilLogin.lead": "Enter the class code, your display name and your PIN.",
  "accounts.pupilLogin.submit": "Sign in",
  "accounts.pupilLogin.link": "Sign in as a pupil",
  "accounts.pupilLogin.newHere": "Not joined yet?",
  "accounts.pupilLogin.forgotPin": "Forgot your PIN? Ask your teacher to reset it.",
  "accounts.pupilLogin.failed": "Wrong display name or PIN.",
  "accounts.pupilLogin.classArchived":
    "This class has been archived, so you cannot sign in. Ask your teacher.",

  "accounts.pupilHome.title": "Pupil home",
  "accounts.pupilHome.greeting": "Hello, {name}!",
  "accounts.pupilHome.class": "Class: {className}",
};

export const accounts = { id, en };
