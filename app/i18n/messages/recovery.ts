// UI words for a way back in (recovery codes, forgotten password, reset links) and for co-teachers.
const id = {
  // Recovery codes, shown once (sign-up and account page)
  "rc.codes.title": "Kode pemulihan akunmu",
  "rc.codes.lead":
    "Jika kamu lupa kata sandi, satu kode ini membuatmu bisa masuk lagi dan memilih kata sandi baru. Setiap kode hanya bisa dipakai sekali.",
  "rc.codes.once":
    "Kode ini hanya ditampilkan sekarang, satu kali. Tulis atau cetak, lalu simpan di tempat aman (bukan di komputer sekolah bersama).",
  "rc.codes.listLabel": "Kode pemulihan",
  "rc.codes.continue": "Saya sudah menyimpannya, lanjut ke beranda guru",
  "rc.codes.signupDone": "Akunmu sudah dibuat dan kamu sudah masuk.",
  // Account page
  "rc.account.title": "Kode pemulihan",
  "rc.account.unused": "Kode yang belum dipakai: {count} dari {total}.",
  "rc.account.body":
    "Buat kode baru jika kodemu hilang atau hampir habis. Semua kode lama langsung tidak berlaku lagi.",
  "rc.account.password": "Kata sandimu, untuk membuat kode baru",
  "rc.account.submit": "Buat kode pemulihan baru",
  "rc.account.wrongPassword": "Kata sandi salah.",
  "rc.account.recovered":
    "Kata sandimu sudah diganti dan semua sesi lama sudah diakhiri. Sisa kode pemulihan: {count}. Buat kode baru jika tinggal sedikit.",
  "rc.account.resetDone": "Kata sandimu sudah diganti dan semua sesi lama sudah diakhiri.",
  // Forgot password (/teacher/forgot)
  "rc.forgot.link": "Lupa kata sandi?",
  "rc.forgot.title": "Lupa kata sandi",
  "rc.forgot.lead":
    "Masukkan email akunmu, salah satu kode pemulihan yang kamu terima saat mendaftar, dan kata sandi baru.",
  "rc.forgot.noCodes":
    "Tidak punya kode lagi? Minta orang yang mengelola server Telaah sekolahmu membuat tautan atur ulang untukmu.",
  "rc.forgot.code": "Kode pemulihan",
  "rc.forgot.codeHint":
    "16 huruf dan angka, misalnya ABCD-EFGH-JKMN-PQRS. Tanda hubung boleh ditulis atau tidak.",
  "rc.forgot.submit": "Ganti kata sandi dan masuk",
  "rc.forgot.failed":
    "Email atau kode pemulihan tidak cocok, atau kode itu sudah pernah dipakai. Periksa lalu coba lagi.",
  "rc.v.code": "Tulis kode pemulihan seperti di kertasmu (16 huruf dan angka).",
  // Reset link (/teacher/reset?token=…)
  "rc.reset.title": "Atur ulang kata sandi",
  "rc.reset.lead":
    "Pilih kata sandi baru untuk akun {name}. Setelah itu semua sesi lama akun ini berakhir.",
  "rc.reset.submit": "Simpan kata sandi baru",
  "rc.reset.expiredTitle": "Tautan ini sudah kedaluwarsa",
  "rc.reset.expired":
    "Tautan atur ulang hanya berlaku satu jam. Minta pengelola server membuat tautan baru.",
  "rc.reset.usedTitle": "Tautan ini tidak bisa dipakai",
  "rc.reset.used":
    "Tautan ini sudah dipakai, sudah diganti dengan tautan yang lebih baru, atau tidak lengkap. Setiap tautan hanya bisa dipakai sekali; minta pengelola server membuat tautan baru.",
  "rc.reset.noToken":
    "Halaman ini dibuka dari tautan atur ulang yang dibuat pengelola server dengan perintah teacher:reset-password.",
  "rc.reset.toLogin": "Ke halaman masuk guru",

  // Co-teachers (/teacher/classes/:id/teachers)
  "co.link": "Guru kelas ini",
  "co.title": "Guru kelas {name}",
  "co.lead":
    "Guru pendamping melihat dan mengelola kelas ini seperti pemiliknya: siswa, tugas, hasil, tampilan langsung, diskusi, dan unduhan. Hanya pemilik yang bisa mengarsipkan atau menghapus kelas dan mengeluarkan guru pendamping.",
  "co.listTitle": "Guru",
  "co.caption": "Guru kelas {name}",
  "co.col.name": "Nama",
  "co.col.email": "Email",
  "co.col.role": "Peran",
  "co.col.actions": "Tindakan",
  "co.role.owner": "Pemilik",
  "co.role.coTeacher": "Guru pendamping",
  "co.remove": "Keluarkan",
  "co.removeFor": "Keluarkan {name} dari kelas ini",
  "co.inviteTitle": "Tambah guru pendamping",
  "co.inviteBody":
    "Guru itu harus sudah punya akun di Telaah sekolah ini. Kelas ini langsung muncul di beranda gurunya.",
  "co.email": "Email akun guru",
  "co.inviteSubmit": "Tambahkan",
  "co.invited": "{name} sekarang guru pendamping kelas ini.",
  "co.removed": "Guru pendamping sudah dikeluarkan dari kelas ini.",
  "co.noSuchTeacher": "Tidak ada akun guru dengan email ini di Telaah sekolah ini.",
  "co.already": "Guru ini sudah mengajar kelas ini.",
  "co.self": "Ini email akunmu sendiri: kamu pemilik kelas ini.",
  "co.throttled": "Terlalu banyak undangan dalam waktu singkat. Coba lagi dalam {minutes} menit.",
  "co.leaveTitle": "Berhenti mendampingi kelas ini",
  "co.leaveBody": "Kelas ini hilang dari berandamu. Pemilik bisa menambahkanmu lagi.",
  "co.leaveSubmit": "Berhenti mendampingi",
  "co.back": "Kembali ke kelas",
  "co.dashboardRole": "Guru pendamping (pemilik: {owner})",
  "co.classRole": "Kamu guru pendamping kelas ini. Pemiliknya: {owner}.",
  // Deleting a class (/teacher/classes/:id/delete)
  "co.delete.link": "Hapus kelas",
  "co.delete.title": "Hapus kelas {name}",
  "co.delete.body":
    "Menghapus kelas menghapus semua siswanya, tugas, jawaban, nilai, dan tulisan diskusinya, untuk selamanya. Unduh hasil dulu jika masih diperlukan.",
  "co.delete.confirm": "Ya, hapus kelas ini dengan semua datanya",
  "co.delete.submit": "Hapus kelas",
  "co.delete.confirmRequired": "Centang kotak ini untuk menghapus kelas.",
  "co.delete.ownerOnly": "Hanya pemilik kelas ({owner}) yang bisa menghapus kelas ini.",
  "co.delete.deleted": "Kelas {name} sudah dihapus.",
  "co.archiveOwnerOnly": "Hanya pemilik kelas yang bisa mengarsipkan atau menghapus kelas ini.",
} as const;

const en: Record<keyof typeof id, string> = {
  "rc.codes.title": "Your account recovery codes",
  "rc.codes.lead":
    "If you forget your password, one of these codes lets you sign in again and choose a new password. Each code works once.",
  "rc.codes.once":
    "These codes are shown now, once. Write them down or print them and keep them somewhere safe (not on a shared school computer).",
  "rc.codes.listLabel": "Recovery codes",
  "rc.codes.continue": "I have kept them, go on to the teacher home page",
  "rc.codes.signupDone": "Your account has been created and you are signed in.",
  "rc.account.title": "Recovery codes",
  "rc.account.unused": "Unused codes: {count} of {total}.",
  "rc.account.body":
    "Make new codes if yours are lost or nearly used up. Every old code stops working at once.",
  "rc.account.password": "Your password, to make new codes",
  "rc.account.submit": "Make new recovery codes",
  "rc.account.wrongPassword": "Wrong password.",
  "rc.account.recovered":
    "Your password has been changed and every old session has been ended. Recovery codes left: {count}. Make new ones if few are left.",
  "rc.account.resetDone": "Your password has been changed and every old session has been ended.",
  "rc.forgot.link": "Forgot your password?",
  "rc.forgot.title": "Forgot password",
  "rc.forgot.lead":
    "Enter your account's email, one of the recovery codes you were given when you signed up, and a new password.",
  "rc.forgot.noCodes":
    "No codes left? Ask the person who runs your school's Telaah server to make a reset link for you.",
  "rc.forgot.code": "Recovery code",
  "rc.forgot.codeHint":
    "16 letters and digits, for example ABCD-EFGH-JKMN-PQRS. Dashes are optional.",
  "rc.forgot.submit": "Change password and sign in",
  "rc.forgot.failed":
    "The email or recovery code does not match, or the code was used before. Check and try again.",
  "rc.v.code": "Type the recovery code as it is on your paper (16 letters and digits).",
  "rc.reset.title": "Reset your password",
  "rc.reset.lead":
    "Choose a new password for {name}'s account. Every old session of this account then ends.",
  "rc.reset.submit": "Save the new password",
  "rc.reset.expiredTitle": "This link has expired",
  "rc.reset.expired":
    "A reset link works for one hour. Ask the person who runs the server for a new one.",
  "rc.reset.usedTitle": "This link cannot be used",
  "rc.reset.used":
    "This link was already used, was replaced by a newer one, or is incomplete. Each link works once; ask the person who runs the server for a new one.",
  "rc.reset.noToken":
    "This page is opened from a reset link that the person who runs the server makes with the teacher:reset-password command.",
  "rc.reset.toLogin": "To the teacher sign-in page",
  "co.link": "Teachers of this class",
  "co.title": "Teachers of {name}",
  "co.lead":
    "Co-teachers see and manage this class like its owner: pupils, assignments, results, the live view, the discussion and downloads. Only the owner can archive or delete the class and remove co-teachers.",
  "co.listTitle": "Teachers",
  "co.caption": "Teachers of {name}",
  "co.col.name": "Name",
  "co.col.email": "Email",
  "co.col.role": "Role",
  "co.col.actions": "Actions",
  "co.role.owner": "Owner",
  "co.role.coTeacher": "Co-teacher",
  "co.remove": "Remove",
  "co.removeFor": "Remove {name} from this class",
  "co.inviteTitle": "Add a co-teacher",
  "co.inviteBody":
    "The teacher must already have an account on this school's Telaah. The class appears on their home page at once.",
  "co.email": "Email of the teacher's account",
  "co.inviteSubmit": "Add",
  "co.invited": "{name} is now a co-teacher of this class.",
  "co.removed": "The co-teacher has been removed from this class.",
  "co.noSuchTeacher": "There is no teacher account with this email on this school's Telaah.",
  "co.already": "This teacher already teaches this class.",
  "co.self": "This is your own account's email: you own this class.",
  "co.throttled": "Too many invitations in a short time. Try again in {minutes} minutes.",
  "co.leaveTitle": "Stop co-teaching this class",
  "co.leaveBody": "The class disappears from your home page. The owner can add you again.",
  "co.leaveSubmit": "Stop co-teaching",
  "co.back": "Back to the class",
  "co.dashboardRole": "Co-teacher (owner: {owner})",
  "co.classRole": "You co-teach this class. Its owner: {owner}.",
  "co.delete.link": "Delete class",
  "co.delete.title": "Delete {name}",
  "co.delete.body":
    "Deleting a class deletes all its pupils, assignments, answers, scores and discussion posts, for good. Download the results first if you still need them.",
  "co.delete.confirm": "Yes, delete this class with all its data",
  "co.delete.submit": "Delete class",
  "co.delete.confirmRequired": "Tick this box to delete the class.",
  "co.delete.ownerOnly": "Only the owner of the class ({owner}) can delete it.",
  "co.delete.deleted": "The class {name} has been deleted.",
  "co.archiveOwnerOnly": "Only the owner of the class can archive or delete it.",
};

export const recovery = { id, en };
