// Makers of synthetic words, one per kind of vocabulary real news keeps adding: people's first names and
// surnames, places, organisations, product and model codes, numbers. Each draws from the caller's seeded
// generator, so the words are the same for the same seed.

export type Rand = () => number;

const ONSETS = 'b br c ch d dr f g gr h j k kh l m n p pr r s sh st t tr v w y z'.split(' ').concat(['']);
const VOWELS = 'a e i o u a e i o ai ou ei ya ie'.split(' ');
const CODAS = ['', '', '', 'n', 'r', 's', 'l', 'k', 'm', 'nd', 'rt', 'sk'];
const SURNAME_ENDS = ['', '', '', 'son', 'ova', 'ez', 'ski', 'ini', 'ler', 'ett', 'ani', 'ides', 'berg'];
const PLACE_ENDS = [
  'ton',
  'ville',
  'burg',
  'abad',
  'pur',
  'ford',
  'stadt',
  'grad',
  'mouth',
  'field',
  'ia',
  'an',
];
const ORG_ENDS = ['corp', 'tek', 'ex', 'ica', 'ion', 'co', 'soft', 'gen', 'ology', 'works', 'media', 'bank'];
const LETTERS = 'ABCDEFGHJKLMNPRSTVWXZ';

const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

function syllables(rand: Rand, min: number, max: number): string {
  let w = '';
  const n = min + Math.floor(rand() * (max - min + 1));
  for (let i = 0; i < n; i++)
    w += pick(rand, ONSETS) + pick(rand, VOWELS) + (i === n - 1 ? '' : pick(rand, CODAS));
  return w + pick(rand, CODAS);
}

/** A number as news writes it: mostly small, sometimes large (log-uniform up to ten million). */
function newsNumber(rand: Rand): string {
  return String(Math.floor(10 ** (1 + rand() * 6)));
}

/** A product or model code: `GX450`, `A7`, `RT2210s`. */
function modelCode(rand: Rand): string {
  let s = '';
  for (let i = 1 + Math.floor(rand() * 3); i > 0; i--) s += pick(rand, [...LETTERS]);
  s += String(Math.floor(10 ** (rand() * 4)));
  return rand() < 0.2 ? s + pick(rand, ['s', 'x', 'e', 'i']) : s;
}

export const MAKE_WORD = {
  first: (rand: Rand) => cap(syllables(rand, 1, 2)),
  surname: (rand: Rand) => cap(syllables(rand, 1, 3) + pick(rand, SURNAME_ENDS)),
  place: (rand: Rand) => cap(syllables(rand, 1, 2) + pick(rand, PLACE_ENDS)),
  org: (rand: Rand) =>
    rand() < 0.25
      ? Array.from({ length: 3 + Math.floor(rand() * 2) }, () => pick(rand, [...LETTERS])).join('')
      : cap(syllables(rand, 1, 2) + pick(rand, ORG_ENDS)),
  code: modelCode,
  number: newsNumber,
} as const;

export type WordKind = keyof typeof MAKE_WORD;

/**
 * A misspelling of `word` as writers make them (a letter dropped, doubled, swapped or replaced), chosen by
 * `variant`: the same word and variant give the same misspelling, so common slips recur across articles.
 */
export function misspell(word: string, variant: number): string {
  let h = variant * 2654435761;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 16777619);
  h >>>= 0;
  const at = 1 + (h % (word.length - 2));
  const c = word[at]!;
  switch ((h >>> 8) % 4) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + c + word.slice(at);
    case 2:
      return word.slice(0, at - 1) + c + word[at - 1] + word.slice(at + 1);
    default:
      return word.slice(0, at) + 'aeiou'[(h >>> 12) % 5] + word.slice(at + 1);
  }
}
