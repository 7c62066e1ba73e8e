// Messages of the GET forms moved onto the form kit (issue 13), both languages side by side.
const id = {
  "live.err.help": "Isi bilangan bulat 1 sampai 90. Tanda memakai 5 menit sampai angkanya benar.",
};

const en: Record<keyof typeof id, string> = {
  "live.err.help": "Enter a whole number from 1 to 90. The mark uses 5 minutes until it is.",
};

export const queryForms = { id, en };
