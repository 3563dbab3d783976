import { fold, indexTerms, MIN_TERM } from './index-terms';

/** One positive word of a query: the index terms it must match, and how loosely. */
export interface TermGroup {
  /** Index terms (a hyphenated word gives several); all must be in a document. */
  terms: string[];
  prefix: boolean;
}

export interface QueryTerms {
  groups: TermGroup[];
  /** True when the query combines words with OR (or groups them): candidates are then the union. */
  union: boolean;
}

// Qualifiers whose values are dates: they narrow by date, which the shard index does not hold.
const DATE_FIELDS = new Set(['after', 'before', 'year', 'date']);

/**
 * The words of a query that every match must (AND) or may (OR) contain, read leniently. This only decides
 * which shards and documents to fetch; the core's parser reads the query itself. Negated words (-word,
 * NOT word) and date qualifiers never narrow the candidates.
 */
export function queryTerms(q: string): QueryTerms {
  const groups: TermGroup[] = [];
  let union = false;
  let negateNext = false;
  const tokens = q.match(/-?"[^"]*"?|[^\s()"]+|[()]/g) ?? [];
  for (const raw of tokens) {
    if (raw === '(' || raw === ')') {
      union = true;
      continue;
    }
    if (raw === 'OR' || raw === '|') {
      union = true;
      continue;
    }
    if (raw === 'AND') continue;
    if (raw === 'NOT') {
      negateNext = true;
      continue;
    }
    const negated = negateNext || (raw.startsWith('-') && raw.length > 1);
    negateNext = false;
    if (negated) continue;
    let word = raw.replace(/^-/, '');
    const colon = word.indexOf(':');
    if (colon > 0 && !word.startsWith('"')) {
      const field = fold(word.slice(0, colon));
      if (DATE_FIELDS.has(field)) continue;
      word = word.slice(colon + 1);
    }
    const prefix = word.endsWith('*');
    const phrase = word.startsWith('"');
    // A phrase's words must all be present: one group per word, like separate AND words.
    const terms = indexTerms(word).filter((t) => t.length >= MIN_TERM);
    if (phrase) for (const t of terms) groups.push({ terms: [t], prefix: false });
    else if (terms.length) groups.push({ terms, prefix });
  }
  return { groups, union };
}

/** Levenshtein distance, stopping early above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * Whether an index term may be what a query term means to the core: the same word, a word with the same
 * stem-like start (elections ~ election), a prefix match for `word*`, or within the core's typo budget
 * (one typo from 5 letters, two from 9).
 */
export function termMatches(queryTerm: string, indexTerm: string, prefix: boolean): boolean {
  if (indexTerm === queryTerm) return true;
  if (prefix) return indexTerm.startsWith(queryTerm);
  const stem = queryTerm.slice(0, Math.max(4, queryTerm.length - 3));
  if (queryTerm.length > 4 && indexTerm.startsWith(stem)) return true;
  const typos = queryTerm.length >= 9 ? 2 : queryTerm.length >= 5 ? 1 : 0;
  return typos > 0 && editDistance(queryTerm, indexTerm, typos) <= typos;
}
