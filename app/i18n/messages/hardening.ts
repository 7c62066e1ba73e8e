// UI words for the hardening work (throttle delays, name rules, hidden keys), both languages side by side.
const id = {
  "hardening.throttledSeconds":
    "Terlalu banyak percobaan dari jaringan ini. Coba lagi dalam {seconds} detik.",
  "hardening.v.nameInvisible":
    "Nama tampilan memuat karakter tak terlihat atau pengatur arah teks. Ketik namamu dengan huruf biasa saja.",
  "hardening.v.nameMarks": "Nama tampilan memuat terlalu banyak tanda diakritik bertumpuk.",
  "hardening.signup.unavailable":
    "Akun tidak dapat dibuat dengan email dan kata sandi ini. Jika kamu sudah punya akun, masuklah; jika lupa kata sandi, hubungi admin sekolah.",
  "hardening.keys.later":
    "Kunci jawaban dan penjelasannya muncul setelah kamu tidak bisa lagi memulai atau mengumpulkan percobaan untuk tugas ini.",
};

const en: Record<keyof typeof id, string> = {
  "hardening.throttledSeconds":
    "Too many attempts from this network. Try again in {seconds} seconds.",
  "hardening.v.nameInvisible":
    "The display name contains invisible characters or text-direction controls. Type your name with ordinary letters.",
  "hardening.v.nameMarks": "The display name has too many accent marks stacked on one letter.",
  "hardening.signup.unavailable":
    "An account cannot be created with this email and password. If you already have an account, sign in; if you forgot the password, ask the school admin.",
  "hardening.keys.later":
    "The answer key and explanations appear once you can no longer start or submit an attempt at this assignment.",
};

export const hardening = { id, en };
