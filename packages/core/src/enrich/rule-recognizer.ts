import { countryByDemonym, countryByName } from './countries';
import type { EntityRecognizer, NerLabel, RecognizedSpan } from './recognizer';
import { MONTHS, ORG_WORDS, PERSON_TITLES, PLACE_WORDS, SENTENCE_WORDS, WEEKDAYS } from './titles';
import { splitSentences, type Token } from './tokenize';

const CONNECTORS = new Set(['of', 'de', 'du', 'da', 'van', 'von', 'bin', 'al', 'la', 'le', 'del', 'der']);
const CALENDAR = new Set([...MONTHS, ...WEEKDAYS]);

function capitalised(t: Token): boolean {
  return /^\p{Lu}/u.test(t.text) && /\p{L}/u.test(t.text);
}

const DIRECTIONS = /^(West|East|North|South|Central|Northern|Southern|Eastern|Western)$/;
const LOCATIVE = new Set(['of', 'in', 'across', 'from', 'to', 'into', 'through', 'near']);

function classify(
  words: string[],
  prev: string | undefined,
  next: string | undefined,
  prev2?: string,
): NerLabel {
  const text = words.join(' ');
  if (countryByName(text)) return 'LOC';
  if (words.length === 1 && countryByDemonym(text)) return 'MISC';
  const last = words[words.length - 1]!.toLowerCase();
  if (ORG_WORDS.has(last) || /^\p{Lu}{2,5}$/u.test(text)) return 'ORG';
  if (PLACE_WORDS.has(last) || (next && PLACE_WORDS.has(next.toLowerCase()))) return 'LOC';
  if (prev && PERSON_TITLES.has(prev.toLowerCase())) return 'PER';
  if (words.length === 2 && DIRECTIONS.test(words[0]!) && /(an|ese)$/.test(words[1]!)) return 'MISC';
  if (words.length === 1 && prev === 'the' && prev2 && LOCATIVE.has(prev2.toLowerCase())) return 'LOC';
  if (
    words.length >= 2 &&
    words.length <= 3 &&
    words.every((w) => /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(w))
  )
    return 'PER';
  return 'MISC';
}

/**
 * Names from capitalisation: runs of capitalised words (with "of", "de"... inside), less the titles
 * before them and the common words that merely start a sentence, typed by gazetteers (countries,
 * demonyms) and by the words they end with ("Ministry", "Bank"...). Fast and weight-free; the trained
 * tagger (@gazette/core/ner) is much better.
 */
export const ruleRecognizer: EntityRecognizer = {
  name: 'rules',
  recognize(blocks) {
    const openers: Array<{ block: number; span: RecognizedSpan; word: string }> = [];
    const spansOf: RecognizedSpan[][] = [];
    const found = blocks.map((text) => {
      const spans: RecognizedSpan[] = [];
      spansOf.push(spans);
      for (const sentence of splitSentences(text)) {
        const tokens = sentence.tokens;
        // The sentence starts at its first word, after any opening quote or bracket.
        let first = 0;
        while (tokens[first] && !/\p{L}|\p{N}/u.test(tokens[first]!.text)) first++;
        for (let i = 0; i < tokens.length; i++) {
          if (!capitalised(tokens[i]!)) continue;
          let j = i;
          while (
            j + 1 < tokens.length &&
            (capitalised(tokens[j + 1]!) ||
              (CONNECTORS.has(tokens[j + 1]!.text) &&
                tokens[j + 2] &&
                capitalised(tokens[j + 2]!) &&
                // "Bank of England" is one name; "Bazoum of Niger" is two.
                (tokens[j + 1]!.text !== 'of' || ORG_WORDS.has(tokens[j]!.text.toLowerCase()))))
          )
            j++;
          let words = tokens.slice(i, j + 1).map((t) => t.text);
          let from = i;
          // Titles and sentence-opening words are not part of the name.
          while (
            words.length > 0 &&
            (PERSON_TITLES.has(words[0]!.toLowerCase()) ||
              (from === first && SENTENCE_WORDS.has(words[0]!.toLowerCase())) ||
              CALENDAR.has(words[0]!.toLowerCase()))
          ) {
            words = words.slice(1);
            from++;
          }
          while (words.length > 0 && CALENDAR.has(words[words.length - 1]!.toLowerCase()))
            words = words.slice(0, -1);
          const to = from + words.length - 1;
          i = j;
          if (words.length === 0) continue;
          if (/^\p{Lu}+$/u.test(words.join('')) && words.length > 4) continue; // a shouted headline
          const label = classify(words, tokens[from - 1]?.text, tokens[to + 1]?.text, tokens[from - 2]?.text);
          const span = { label, start: tokens[from]!.start, end: tokens[to]!.end };
          // A lone capitalised word opening a sentence is a name only if the document says so elsewhere.
          if (
            from === first &&
            words.length === 1 &&
            !countryByName(words[0]!) &&
            !countryByDemonym(words[0]!)
          )
            openers.push({ block: spansOf.length - 1, span, word: words[0]! });
          else spans.push(span);
        }
      }
      return spans;
    });
    // A surname alone is a person when the document names that person in full somewhere.
    const surnames = new Set<string>();
    found.forEach((spans, b) => {
      for (const s of spans)
        if (s.label === 'PER') {
          const words = blocks[b]!.slice(s.start, s.end).split(' ');
          if (words.length > 1) surnames.add(words[words.length - 1]!);
        }
    });
    const named = new Set(found.flatMap((spans, b) => spans.map((s) => blocks[b]!.slice(s.start, s.end))));
    for (const o of openers) {
      if (surnames.has(o.word)) found[o.block]!.push({ ...o.span, label: 'PER' });
      else if (named.has(o.word)) found[o.block]!.push(o.span);
    }
    found.forEach((spans, b) => {
      for (const s of spans)
        if (s.label === 'MISC' && surnames.has(blocks[b]!.slice(s.start, s.end))) s.label = 'PER';
      spans.sort((x, y) => x.start - y.start);
    });
    return found;
  },
};
