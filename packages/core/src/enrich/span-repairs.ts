// Repairs to the spans any recogniser finds (rules or the trained tagger), from what is written around
// them: the shapes below are ones both recognisers get wrong, and no retraining is needed to read them.
import { countryByName } from './countries';
import type { NerLabel, RecognizedSpan } from './recognizer';

// Offices named without their holder ("the Chancellor", "the Foreign Secretary"); not trades ("the Singer
// world series" is a name).
const OFFICES = new Set(
  'president vice-president minister chancellor king queen prince princess pope secretary premier governor mayor senator ambassador emir sultan sheikh'.split(
    ' ',
  ),
);

// Lower-case particles inside place and person names ("Viña del Mar", "Rio de Janeiro", "Ludwig van Beethoven").
const PARTICLE = '(?:de la|de las|de los|van der|van den|von der|del|de|do|da|dos|das|di|della|van|von)';
const NAME_WORD = "\\p{Lu}[\\p{L}\\p{M}'’-]*";
const PARTICLE_AFTER = new RegExp(`^ ${PARTICLE} (${NAME_WORD})`, 'u');
const PARTICLE_BEFORE = new RegExp(`(?<![\\p{L}\\p{M}'’-])${NAME_WORD} ${PARTICLE} $`, 'u');

/** Places whose name starts with "The": "in The Hague" is The Hague, not "Hague". */
export const NAMES_WITH_THE = new Set(['The Hague', 'The Bronx', 'The Wirral', 'The Cotswolds', 'The Fens']);

// Said of a company: "a subsidiary of Maersk", "owned by Maersk".
const COMPANY_CONTEXT =
  /\b(?:(?:subsidiary|subsidiaries|division|owner|owners|takeover|shareholders?|chief executive|CEO|founder|co-founder) of|stake in|(?:owned|acquired|bought) by) $/i;

// What may follow a name that ends its noun phrase: "owned by Maersk, ..." but not "owned by Dutch citizen ...".
const ENDS_NOUN_PHRASE = /^(?:$|\s*[,.;:)]|\s+(?:and|or|in|for|to|which|that|said|says|was|is|has|had)\b)/;

// Taxes, benefits and schemes: named with capitals, but neither organisations nor people.
const SCHEMES = new Set([
  'National Insurance',
  'Social Security',
  'Universal Credit',
  'Medicare',
  'Medicaid',
]);
// ("Levy" and "Relief" are left out: David Levy, Comic Relief.)
const SCHEME_END = /^(?:Tax|Taxes|Duty|Credit|Credits|Allowance|Benefit|Pension)$/;

const textOf = (text: string, s: RecognizedSpan) => text.slice(s.start, s.end);

/** Takes in a particle and the name word after or before it, and any span of the same label it runs into. */
function extendOverParticles(text: string, span: RecognizedSpan, others: RecognizedSpan[]): RecognizedSpan {
  const s = { ...span };
  const after = PARTICLE_AFTER.exec(text.slice(s.end, s.end + 40));
  if (after) {
    const end = s.end + after[0].length;
    const next = others.find((o) => o !== span && o.start < end && o.end > s.end);
    if (!next || next.label === s.label) s.end = Math.max(end, next?.end ?? end);
  }
  const before = PARTICLE_BEFORE.exec(text.slice(Math.max(0, s.start - 40), s.start));
  if (before) {
    const from = s.start - before[0].length;
    const prev = others.find((o) => o !== span && o.start < s.start && o.end > from);
    if (!prev || prev.label === s.label) s.start = Math.min(from, prev?.start ?? from);
  }
  return s;
}

/** "in The Hague": the article is part of the name, and the name is a place. */
function withArticle(text: string, s: RecognizedSpan): RecognizedSpan {
  const own = textOf(text, s);
  if (NAMES_WITH_THE.has(`The ${own.replace(/^the /i, '')}`) && /^the /i.test(own))
    return { ...s, label: 'LOC' };
  if (
    /(?:^|[^\p{L}])the $/iu.test(text.slice(Math.max(0, s.start - 5), s.start)) &&
    NAMES_WITH_THE.has(`The ${own}`)
  )
    return { label: 'LOC', start: s.start - 4, end: s.end };
  return s;
}

/** "The Chancellor", "the Prime Minister": an office named without its holder is not a name. */
function isBareRole(text: string, s: RecognizedSpan): boolean {
  const words = textOf(text, s).split(' ');
  const the =
    /^the$/i.test(words[0]!) || /(?:^|[^\p{L}])the $/iu.test(text.slice(Math.max(0, s.start - 5), s.start));
  const titles = words.filter((w) => !/^the$/i.test(w));
  return the && titles.length > 0 && titles.length <= 3 && OFFICES.has(titles.at(-1)!.toLowerCase());
}

/** The label the words around a span call for, if they say more than the recogniser saw. */
function relabel(text: string, s: RecognizedSpan): NerLabel {
  const name = textOf(text, s);
  const last = name.slice(name.lastIndexOf(' ') + 1);
  if (SCHEMES.has(name) || (name.includes(' ') && SCHEME_END.test(last))) return 'MISC';
  if (
    (s.label === 'LOC' || (s.label === 'MISC' && ENDS_NOUN_PHRASE.test(text.slice(s.end, s.end + 12)))) &&
    COMPANY_CONTEXT.test(text.slice(Math.max(0, s.start - 30), s.start)) &&
    !countryByName(name)
  )
    return 'ORG';
  return s.label;
}

/** The spans of one block, repaired; spans swallowed by a longer one are dropped. */
function repairBlock(text: string, spans: readonly RecognizedSpan[]): RecognizedSpan[] {
  const out: RecognizedSpan[] = [];
  let reachedTo = -1;
  for (const span of spans) {
    if (span.start < reachedTo) continue;
    let s = extendOverParticles(text, span, spans as RecognizedSpan[]);
    s = withArticle(text, s);
    if (isBareRole(text, s)) continue;
    s.label = relabel(text, s);
    while (out.length > 0 && out.at(-1)!.end > s.start) out.pop();
    out.push(s);
    reachedTo = s.end;
  }
  return out;
}

/** Every block's spans, repaired (see the module comment), in order of where they start. */
export function repairSpans(
  blocks: readonly string[],
  spans: readonly RecognizedSpan[][],
): RecognizedSpan[][] {
  // A caller's own recogniser may give its spans in any order.
  return spans.map((list, b) =>
    repairBlock(
      blocks[b] ?? '',
      [...list].sort((x, y) => x.start - y.start),
    ),
  );
}
