import { analyze } from '@gazette/core/query';
import type { BbcRecord } from './bbc';
import { type GeneratedRecord, generatedRecords, seededRandom } from './generate-corpus';
import { MAKE_WORD, misspell, type Rand, type WordKind } from './synthetic-words';

// The replicated corpus (generateCorpus) repeats about 10,000 BBC articles, so its vocabulary stops near
// 30,000 words whatever its size. Real news keeps meeting new names, places, organisations, codes,
// numbers and misspellings: its vocabulary grows with its size as Heaps' law says (V = K·n^β), and the
// words' frequencies follow Zipf's law. This corpus injects such a vocabulary into the replicated one, in
// every paragraph, so paragraphs are no longer shared between replicas either.

/** Bumped whenever the output for a seed changes: it names the benchmarks' parse caches. */
export const NEWS_CORPUS_VERSION = 1;

/** Synthetic words asked per article (each paragraph gets one at least, so about 17.5 come out). */
const TOKENS_PER_ARTICLE = 16.5;

/** How words are put into a paragraph, with their weights: `{kind}` slots are synthetic words. */
const FORMS: ReadonlyArray<{ weight: number; form: string; kinds: WordKind[] }> = [
  { weight: 0.14, form: ', {} {},', kinds: ['first', 'surname'] },
  { weight: 0.1, form: ' ({})', kinds: ['surname'] },
  { weight: 0.16, form: ' in {}', kinds: ['place'] },
  { weight: 0.14, form: ' ({})', kinds: ['org'] },
  { weight: 0.12, form: ' {}', kinds: ['code'] },
  { weight: 0.24, form: ' {}', kinds: ['number'] },
];
/** The rest of the insertions replace a real word with a misspelling of it. */
const MISSPELLINGS = 1 - FORMS.reduce((s, f) => s + f.weight, 0);

const PER_INSERTION = FORMS.reduce((s, f) => s + f.weight * f.kinds.length, 0) + MISSPELLINGS;
const INSERTIONS_PER_ARTICLE = TOKENS_PER_ARTICLE / PER_INSERTION;

/** Heaps' law per kind: the exponent β and the distinct words it reaches at 100k articles. */
const GROWTH: Record<WordKind, { beta: number; at100k: number }> = {
  first: { beta: 0.55, at100k: 12_000 },
  surname: { beta: 0.8, at100k: 130_000 },
  place: { beta: 0.75, at100k: 55_000 },
  org: { beta: 0.75, at100k: 50_000 },
  code: { beta: 0.85, at100k: 60_000 },
  number: { beta: 0.8, at100k: 40_000 },
};

/**
 * Draws words of one kind so that the number of distinct words after n draws follows K·n^β: the n-th draw
 * is a new word with probability K·β·n^(β-1) (the slope of that curve), else a repeat of an earlier draw
 * picked uniformly, so a word recurs in proportion to how often it has been used (Simon's model: a
 * Zipf-like distribution of frequencies).
 */
function heapsDrawer(kind: WordKind, rand: Rand): () => string {
  const { beta, at100k } = GROWTH[kind];
  const perArticle = FORMS.reduce((s, f) => s + f.weight * f.kinds.filter((k) => k === kind).length, 0);
  const k = at100k / (perArticle * INSERTIONS_PER_ARTICLE * 100_000) ** beta;
  const history: string[] = [];
  return () => {
    const n = history.length;
    const word =
      rand() < Math.min(1, k * beta * n ** (beta - 1))
        ? MAKE_WORD[kind](rand)
        : history[Math.floor(rand() * n)]!;
    history.push(word);
    return word;
  };
}

const LONG_WORD = /\b[a-z]{5,}\b/g;

/** The form whose share of [0, 1) holds `r`; undefined past them all (a misspelling). */
function pickForm(r: number): (typeof FORMS)[number] | undefined {
  for (const f of FORMS) {
    r -= f.weight;
    if (r < 0) return f;
  }
  return undefined;
}

export interface NewsCorpus {
  records: GeneratedRecord[];
  /** Synthetic words put into the text, counted each time. */
  syntheticTokens: number;
  /** Distinct synthetic words (as written, before folding and stemming). */
  syntheticWords: number;
}

/**
 * A GENERATED news corpus of `count` articles with a vocabulary that grows as real news does: the
 * replicated corpus of `generateCorpus` (same seed), with synthetic people, places, organisations,
 * codes, numbers and misspellings put into every paragraph (about 17 words an article, Zipf-distributed,
 * Heaps'-law growth). Deterministic for a seed. For benchmarks only.
 */
export function generateNewsCorpus(base: readonly BbcRecord[], count: number, seed = 42): NewsCorpus {
  const seen = new Set<string>();
  let syntheticTokens = 0;
  const put = (word: string) => {
    seen.add(word);
    syntheticTokens++;
  };
  const records = [...newsRecords(base, count, seed, put)];
  return { records, syntheticTokens, syntheticWords: seen.size };
}

/**
 * The records of `generateNewsCorpus`, one at a time: record i never depends on `count` (the growth
 * curves are fixed at 100k), so a corpus is a prefix of every larger one, and a million records are
 * written without holding them all. `onWord` sees every synthetic word put into the text.
 */
export function* newsRecords(
  base: readonly BbcRecord[],
  count: number,
  seed = 42,
  onWord: (word: string) => void = () => {},
): Generator<GeneratedRecord> {
  const inject = injector(seededRandom(seed ^ 0x5eed_cafe), onWord);
  let i = 0;
  for (const r of generatedRecords(base, count, seed)) {
    const paragraphs = r.text.trimEnd().split('\n');
    yield {
      key: `news:${seed}:${i++}`,
      text: `${inject(paragraphs).join('\n')}\n`,
      meta: {
        ...r.meta,
        source: { name: 'Generated from BBC News with a synthetic vocabulary' },
        tags: [...r.meta.tags, 'synthetic-vocabulary'],
      },
    };
  }
}

/** Puts the synthetic words of one article into its paragraphs, drawing from `rand` in a fixed order. */
function injector(rand: Rand, onWord: (word: string) => void): (paragraphs: string[]) => string[] {
  const draw = Object.fromEntries(
    (Object.keys(GROWTH) as WordKind[]).map((kind) => [kind, heapsDrawer(kind, rand)]),
  ) as Record<WordKind, () => string>;
  const put = (word: string) => {
    onWord(word);
    return word;
  };
  const inject = (paragraph: string): string => {
    const form = pickForm(rand());
    if (!form) {
      LONG_WORD.lastIndex = Math.floor(rand() * paragraph.length);
      let m = LONG_WORD.exec(paragraph);
      if (!m) {
        LONG_WORD.lastIndex = 0;
        m = LONG_WORD.exec(paragraph);
      }
      if (!m) return paragraph;
      // Most slips are one per word (variant 0); a long tail of other slips of the same word.
      const wrong = put(misspell(m[0], Math.floor(1 / (1 - rand())) - 1));
      return paragraph.slice(0, m.index) + wrong + paragraph.slice(m.index + m[0].length);
    }
    let i = 0;
    const text = form.form.replace(/\{\}/g, () => put(draw[form.kinds[i++]!]()));
    const at = paragraph.indexOf(' ', Math.floor(rand() * paragraph.length));
    return at < 0 ? paragraph + text : paragraph.slice(0, at) + text + paragraph.slice(at);
  };
  return (paragraphs) => {
    // One insertion in every paragraph (none is left as another replica has it), the rest anywhere.
    const counts = paragraphs.map(() => 1);
    const total = Math.floor(INSERTIONS_PER_ARTICLE + rand());
    for (let extra = total - paragraphs.length; extra > 0; extra--)
      counts[Math.floor(rand() * counts.length)]!++;
    return paragraphs.map((p, j) => {
      for (let n = counts[j]!; n > 0; n--) p = inject(p);
      return p;
    });
  };
}

export interface Vocabulary {
  /** Words read, stop words included. */
  tokens: number;
  /** Distinct index terms (folded, stemmed, stop words left out), as the engine counts them. */
  distinctTerms: number;
}

/** Token and distinct-term counts of texts, read with the core's analyser. */
export function vocabularyOf(texts: Iterable<string>): Vocabulary {
  const terms = new Set<string>();
  let tokens = 0;
  for (const text of texts)
    for (const t of analyze(text)) {
      tokens++;
      if (t) terms.add(t);
    }
  return { tokens, distinctTerms: terms.size };
}
