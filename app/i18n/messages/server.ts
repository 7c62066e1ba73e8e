// UI words of our own HTTP server's pages and of the LAN set-up (join link, QR code, cookie
// trouble), both languages side by side (en must have every id key).
const id = {
  "server.crossSite.title": "Permintaan ditolak",
  "server.crossSite.body":
    "Formulir ini dikirim dari situs lain, jadi Telaah tidak menjalankannya. Buka Telaah langsung di browsermu, lalu coba lagi.",
  "server.tooLarge.title": "Kiriman terlalu besar",
  "server.tooLarge.body":
    "Isian yang dikirim lebih besar dari 64 KB, batas Telaah. Persingkat teksnya, lalu coba lagi.",
  "server.home": "Kembali ke halaman awal",
  "session.cookieMissing.title": "Kamu belum tetap masuk",
  "session.cookieMissing.body":
    "Masuknya berhasil, tetapi browser ini tidak mengirim kembali cookie sesi, jadi kamu keluar lagi. Izinkan cookie untuk situs ini (bukan mode yang memblokir cookie), lalu masuk lagi.",
  "session.cookieMissing.secureOverHttp":
    "Server ini memberi tanda Secure pada cookie-nya, padahal alamat ini memakai http:// tanpa https://, sehingga browser membuangnya. Minta pengelola Telaah menghapus pengaturan COOKIE_SECURE=true atau memakai https://.",
  "class.joinLink.title": "Tautan bergabung",
  "class.joinLink.lead":
    "Siswa di jaringan yang sama membuka alamat ini atau memindai kode QR, lalu memasukkan kode kelas.",
  "class.joinLink.qrAlt": "Kode QR untuk {url}",
  "class.joinLink.loopback":
    "Kamu membuka Telaah lewat localhost, alamat yang hanya berlaku di komputer ini. Untuk siswa, buka Telaah lewat alamat jaringan komputer ini (tertulis saat server dijalankan), lalu tautan dan kode QR di sini ikut berubah.",
} as const;

const en: Record<keyof typeof id, string> = {
  "server.crossSite.title": "Request refused",
  "server.crossSite.body":
    "This form was sent from another website, so Telaah did not act on it. Open Telaah directly in your browser and try again.",
  "server.tooLarge.title": "Too much data",
  "server.tooLarge.body":
    "What was sent is larger than 64 KB, Telaah's limit. Shorten the text and try again.",
  "server.home": "Back to the start page",
  "session.cookieMissing.title": "You are not signed in yet",
  "session.cookieMissing.body":
    "Signing in worked, but this browser did not send the session cookie back, so you are signed out again. Allow cookies for this site (not a mode that blocks them) and sign in again.",
  "session.cookieMissing.secureOverHttp":
    "This server marks its cookie Secure, but this address uses http:// without https://, so the browser drops it. Ask whoever runs Telaah to remove the COOKIE_SECURE=true setting or to use https://.",
  "class.joinLink.title": "Join link",
  "class.joinLink.lead":
    "Pupils on the same network open this address or scan the QR code, then enter the class code.",
  "class.joinLink.qrAlt": "QR code for {url}",
  "class.joinLink.loopback":
    "You opened Telaah through localhost, an address that only works on this computer. For pupils, open Telaah through this computer's network address (printed when the server starts); the link and QR code here follow.",
};

export const server = { id, en };
