const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}+/gu;

/** Case and diacritic folding after NFKC: "Ｃafé" and "cafe" fold alike. ASCII text takes a fast path. */
export function fold(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKC').normalize('NFKD').replace(MARKS, '').toLowerCase().normalize('NFC');
}
