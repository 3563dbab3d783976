import type { Amount } from '../model/amount-schema';

const CURRENCY: Record<string, string> = {
  $: 'USD',
  '£': 'GBP',
  '€': 'EUR',
  '¥': 'JPY',
  '₹': 'INR',
  '₦': 'NGN',
};
const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'USD',
  dollars: 'USD',
  euro: 'EUR',
  euros: 'EUR',
  pound: 'GBP',
  pounds: 'GBP',
  yen: 'JPY',
  naira: 'NGN',
  rupees: 'INR',
  'cfa francs': 'XOF',
};
const SCALE: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  bn: 1e9,
  billion: 1e9,
  trillion: 1e12,
  tn: 1e12,
};
const WORD_NUMBERS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  hundreds: 100,
  thousands: 1000,
  dozens: 12,
};
// Words after a number that are not what is counted.
const NOT_NOUNS = new Set(
  'a an the of and or to in on at by for from with as is are was were be been has have had it its this that than per who which while when after before since until if but not no so also'.split(
    ' ',
  ),
);
const MONTH_OR_DAY = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
// Words that describe what is counted rather than name it ("27 million working people", "thousands of
// young protesters"): the counted thing is the noun after them.
const DESCRIBING = new Set(
  'new old young elderly older younger more other extra additional local foreign small big large poor rich low high armed full'.split(
    ' ',
  ),
);
const NEXT_WORD = /^\s+(\p{Ll}+)\b/u;

/** The counted noun after `word` (which ends at `end` in `text`): the word itself, or the noun it describes. */
function countedNoun(text: string, word: string, end: number): { noun: string; end: number } {
  const next = NEXT_WORD.exec(text.slice(end, end + 40));
  const describes = DESCRIBING.has(word) || /.(?:ing|ed)$/.test(word);
  if (!next || !describes) return { noun: word, end };
  const noun = next[1]!.toLowerCase();
  // "1 building collapsed": a participle after it is what happened, not what is counted.
  if (NOT_NOUNS.has(noun) || /.(?:ing|ed|ly)$/.test(noun)) return { noun: word, end };
  return { noun, end: end + next[0].length };
}

const NUM = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
const SCALE_WORDS = 'thousand|million|billion|trillion|bn|mn|tn|m|k';
const AMOUNT_RE = new RegExp(
  [
    // $1.13bn, £600m, €5 million, US$3
    `(?:US)?([$£€¥₹₦])\\s?(${NUM})(?:\\s?(${SCALE_WORDS})\\b)?`,
    // 5%, 5 per cent, 5 percent
    `\\b(${NUM})\\s?(%|per\\s?cent\\b|percent\\b)`,
    // 48-hour ultimatum, 10-year-old girl
    `\\b(\\d+(?:\\.\\d+)?)-(\\p{L}+)(?:-old)?(?:\\s+(\\p{Ll}+))?`,
    // 1,500 soldiers, 3 million people, 20 dollars
    `\\b(${NUM})(?:\\s+(${SCALE_WORDS}))?\\s+(\\p{Ll}+(?:\\s+francs)?)`,
    // two million people, thousands of protesters
    `\\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds|thousands|dozens)(?:\\s+(thousand|million|billion))?\\s+(?:of\\s+)?(\\p{Ll}+)`,
  ].join('|'),
  'giu',
);

const num = (s: string) => Number(s.replace(/,/g, ''));

/** Amounts in one block: money, percentages and counted things, each with a numeric value. */
export function findAmounts(text: string, block: number): Amount[] {
  const out: Amount[] = [];
  AMOUNT_RE.lastIndex = 0;
  for (const m of text.matchAll(AMOUNT_RE)) {
    let value: number;
    let unit: string | undefined;
    let matched = m[0];
    if (m[1]) {
      value = num(m[2]!) * (m[3] ? (SCALE[m[3].toLowerCase()] ?? 1) : 1);
      unit = CURRENCY[m[1]];
    } else if (m[4]) {
      value = num(m[4]);
      unit = '%';
    } else if (m[6]) {
      value = Number(m[6]);
      unit = m[7]!.toLowerCase();
      if (
        /^(year|month|week|day|hour|minute|second|km|mile|metre|meter|foot|point|seat|man|member|nation|party|game|match|page|storey|story|lane|strong)s?$/.test(
          unit,
        ) === false
      ) {
        // "COVID-19 cases": a number glued to a word is an amount only with a unit.
        continue;
      }
      if (m[8] && NOT_NOUNS.has(m[8].toLowerCase())) matched = matched.slice(0, -m[8].length).trimEnd();
    } else if (m[9]) {
      const counted = countedNoun(text, m[11]!.toLowerCase(), m.index + matched.length);
      const noun = counted.noun;
      if (NOT_NOUNS.has(noun) || MONTH_OR_DAY.test(noun)) continue;
      matched = text.slice(m.index, counted.end);
      // Years are dates, not amounts ("in 2030 people will...").
      if (!m[10] && /^(19|20)\d\d$/.test(m[9]) && !/^(people|soldiers|troops|votes)$/.test(noun)) continue;
      value = num(m[9]) * (m[10] ? (SCALE[m[10].toLowerCase()] ?? 1) : 1);
      unit = CURRENCY_WORDS[noun] ?? noun;
    } else if (m[12]) {
      const counted = countedNoun(text, m[14]!.toLowerCase(), m.index + matched.length);
      const noun = counted.noun;
      if (NOT_NOUNS.has(noun)) continue;
      matched = text.slice(m.index, counted.end);
      value = (WORD_NUMBERS[m[12].toLowerCase()] ?? 0) * (m[13] ? (SCALE[m[13].toLowerCase()] ?? 1) : 1);
      unit = CURRENCY_WORDS[noun] ?? noun;
    } else continue;
    if (!Number.isFinite(value)) continue;
    const amount: Amount = {
      text: matched.trim(),
      value,
      block,
      start: m.index,
      end: m.index + matched.trim().length,
    };
    if (unit) amount.unit = unit;
    out.push(amount);
  }
  return out;
}
