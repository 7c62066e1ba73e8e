// A short list of the passwords most often seen in breaches, with common Indonesian ones, all ≥ 8
// characters (shorter ones are already refused by length). Compared in lower case.
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  // International top lists
  "12345678", "123456789", "1234567890", "12345678910", "123123123", "11111111", "111111111",
  "1111111111", "00000000", "000000000", "0000000000", "88888888", "99999999", "66666666",
  "55555555", "22222222", "77777777", "12341234", "11223344", "12344321", "87654321",
  "987654321", "0987654321", "1q2w3e4r", "1q2w3e4r5t", "1qaz2wsx", "q1w2e3r4", "qwer1234",
  "1234qwer", "qwertyui", "qwertyuiop", "qwerty123", "qwerty12", "asdfghjkl", "asdfasdf",
  "zxcvbnm1", "zxcvbnm123", "1qazxsw2", "zaq12wsx", "password", "password1", "password12",
  "password123", "password!", "passw0rd", "p@ssw0rd", "p@ssword", "pass1234", "iloveyou",
  "iloveyou1", "iloveyou2", "sunshine", "princess", "football", "baseball", "basketball",
  "superman", "batman123", "starwars", "whatever", "trustno1", "welcome1", "welcome123",
  "letmein1", "monkey123", "dragon123", "master123", "michael1", "jennifer", "computer",
  "internet", "abcd1234", "abc12345", "abcdefgh", "a1b2c3d4", "aa123456", "123456aa",
  "123qweasd", "qweasdzxc", "123abc123", "asdf1234", "12qwaszx", "changeme", "secret123",
  "admin123", "administrator", "adminadmin", "root1234", "test1234", "testtest", "guest123",
  "default1", "loveyou1", "lovelove", "fuckyou1", "charlie1", "shadow12", "pokemon1",
  "minecraft", "samsung1", "samsung123", "google123", "facebook", "facebook1", "instagram",
  "whatsapp", "youtube1", "liverpool", "chelsea1", "arsenal1", "barcelona", "juventus",
  "manchester", "realmadrid", "cristiano", "ronaldo7", "messi123", "naruto123", "doraemon",
  "princess1", "qwerty1234", "1234abcd", "passpass", "112233445566", "147258369",
  "159753456", "123654789", "741852963", "789456123", "456789123", "999999999", "12121212",
  "123321123", "696969696", "147852369", "q1w2e3r4t5", "zxcvbnm12", "asdasdasd", "qazwsxedc",
  // Indonesian
  "indonesia", "indonesia1", "indonesia123", "indonesia45", "merdeka45", "merdeka1945",
  "bismillah", "bismillah1", "bismillah123", "alhamdulillah", "assalamualaikum",
  "insyaallah", "subhanallah", "astaghfirullah", "masyaallah", "allahuakbar", "sayangku",
  "sayangkamu", "sayang123", "sayangsayang", "cintaku1", "cintakamu", "cinta123",
  "akucintakamu", "akusayangkamu", "kamusayang", "rahasia1", "rahasia123", "rahasiaku",
  "katasandi", "katasandi123", "katakunci", "kata sandi", "sandiku123", "jakarta1",
  "jakarta123", "bandung123", "surabaya", "surabaya1", "semarang", "yogyakarta", "makassar",
  "palembang", "pancasila", "garuda123", "garudaindonesia", "bintang123", "matahari",
  "mataharii", "bulan123", "doremifasol", "persija1", "persib1933", "persebaya", "arema123",
  "bobotoh1", "jakmania", "sekolah1", "sekolah123", "pelajar1", "guru1234", "gurusd123",
  "kelas123", "belajar1", "belajar123", "anakku123", "keluarga", "keluarga1", "mamapapa",
  "mamaku123", "bapakku1", "ibuku123", "ganteng1", "ganteng123", "cantik123", "cantikku",
  "manis123", "ayangku1", "bebeb123", "qwerty00", "telaah123", "telaah12",
]);

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}
