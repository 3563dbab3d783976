/**
 * Month names as news pages write them, in English, French, German, Spanish, Italian, Portuguese and
 * Dutch, full and abbreviated (accents optional), to their month number. Names shared by two languages
 * ("mar", "mai", "april") mean the same month in each, so no page language is needed to read them.
 */
const MONTHS_BY_NUMBER: readonly string[] = [
  'january jan janvier janv januar jänner jän enero ene gennaio gen janeiro januari',
  'february feb febr février fevrier févr fevr februar febrero febbraio fevereiro fev februari',
  'march mar mars märz maerz mär marzo março marco maart mrt',
  'april apr avril avr abril abr aprile',
  'may mai mayo maggio mag maio mei',
  'june jun juin juni junio giugno giu junho',
  'july jul juil juillet juli julio luglio lug julho',
  'august aug août aout agosto ago augustus',
  'september sep sept septembre setiembre septiembre settembre set setembro',
  'october oct octobre oktober okt octubre ottobre ott outubro out',
  'november nov novembre noviembre novembro',
  'december dec décembre decembre déc dezember dez diciembre dic dicembre dezembro',
];

export const MONTH_NUMBER: ReadonlyMap<string, number> = new Map(
  MONTHS_BY_NUMBER.flatMap((names, i) => names.split(' ').map((n) => [n, i + 1] as const)),
);

/** An alternation of every month name, longest first so "septembre" is not read as "sept". */
export const MONTH_PATTERN = [...MONTH_NUMBER.keys()].sort((a, b) => b.length - a.length).join('|');
