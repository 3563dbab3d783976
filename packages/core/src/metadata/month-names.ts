/**
 * Month names as news pages write them, in English, French, German, Spanish, Italian, Portuguese, Dutch,
 * the Scandinavian languages, Indonesian, Russian, Polish, Czech and Turkish (the form a date uses, full
 * and abbreviated, accents optional for the Latin ones), to their month number. Names shared by two languages
 * ("mar", "mai", "april") mean the same month in each, so no page language is needed to read them.
 */
const MONTHS_BY_NUMBER: readonly string[] = [
  'january jan janvier janv januar jänner jän enero ene gennaio gen janeiro januari января январь stycznia styczeń ocak ledna',
  'february feb febr février fevrier févr fevr februar febrero febbraio fevereiro fev februari февраля февраль lutego luty şubat subat února',
  'march mar mars märz maerz mär marzo março marco maart mrt maret марта март marca marzec mart března',
  'april apr avril avr abril abr aprile апреля апрель kwietnia kwiecień nisan dubna',
  'may mai mayo maggio mag maio mei maj мая май maja mayıs mayis května',
  'june jun juin juni junio giugno giu junho июня июнь czerwca czerwiec haziran června',
  'july jul juil juillet juli julio luglio lug julho июля июль lipca lipiec temmuz července',
  'august aug août aout agosto ago augustus augusti agustus августа август sierpnia sierpień ağustos agustos srpna',
  'september sep sept septembre setiembre septiembre settembre set setembro сентября сентябрь września wrzesień eylül eylul září',
  'october oct octobre oktober okt octubre ottobre ott outubro out октября октябрь października październik ekim října',
  'november nov novembre noviembre novembro nopember ноября ноябрь listopada listopad kasım kasim listopadu',
  'december dec décembre decembre déc dezember dez diciembre dic dicembre dezembro desember декабря декабрь grudnia grudzień aralık aralik prosince',
];

export const MONTH_NUMBER: ReadonlyMap<string, number> = new Map(
  MONTHS_BY_NUMBER.flatMap((names, i) => names.split(' ').map((n) => [n, i + 1] as const)),
);

/** An alternation of every month name, longest first so "septembre" is not read as "sept". */
export const MONTH_PATTERN = [...MONTH_NUMBER.keys()].sort((a, b) => b.length - a.length).join('|');

/** The English month names, January first: the language enrichment reads running text in. */
export const ENGLISH_MONTHS: readonly string[] = MONTHS_BY_NUMBER.map((names) => names.split(' ')[0]!);

/** English abbreviations as stories write them ("Sept" as well as "Sep"), May having none. */
export const ENGLISH_MONTH_ABBREVIATIONS: readonly string[] = ENGLISH_MONTHS.filter((m) => m !== 'may').map(
  (m) => (m === 'september' ? 'sept?' : m.slice(0, 3)),
);
