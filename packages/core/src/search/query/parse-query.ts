import { GazetteError } from '../../errors/gazette-error';
import { QUERY_FIELDS, type QueryField, type QueryNode } from './query-ast';

// The query language: words (AND), "phrases", OR, -word / NOT, prefix*, field:value, after:/before:/year:,
// parentheses. Read leniently (a stray parenthesis or quote is read as a user would mean it); the only
// errors are typed INVALID_QUERY errors with the character offset (e.g. an impossible date).

type Tok =
  | { t: 'lp' | 'rp' | 'or' | 'and' | 'not' | 'neg'; at: number }
  | { t: 'word'; v: string; at: number }
  | { t: 'phrase'; v: string; at: number }
  | { t: 'field'; v: QueryField | 'after' | 'before' | 'year'; at: number };

const FIELD_ALIASES: Record<string, QueryField | 'after' | 'before' | 'year'> = {
  language: 'lang',
  organization: 'org',
  organisation: 'org',
  author: 'byline',
  by: 'byline',
  since: 'after',
};
for (const f of [...QUERY_FIELDS, 'after', 'before', 'year'] as const) FIELD_ALIASES[f] = f;

const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const WORD_START = /^[\p{L}\p{N}]$/u;

/** The word without leading and trailing punctuation (a loop, not a regex: no backtracking). */
function trimPunctuation(w: string): string {
  const chars = [...w];
  let from = 0;
  let to = chars.length;
  while (from < to && !WORD_START.test(chars[from]!)) from++;
  while (to > from && !WORD_CHAR.test(chars[to - 1]!)) to--;
  return chars.slice(from, to).join('');
}

const OPEN_QUOTES = new Set(['"', '“', '”', '„', '«', '»']);
const isSpace = (c: string) => /\s/u.test(c);
const MAX_DEPTH = 32;

function lex(q: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i]!;
    if (isSpace(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      out.push({ t: c === '(' ? 'lp' : 'rp', at: i });
      i++;
    } else if (OPEN_QUOTES.has(c)) {
      let j = i + 1;
      while (j < q.length && !OPEN_QUOTES.has(q[j]!)) j++;
      out.push({ t: 'phrase', v: q.slice(i + 1, j), at: i + 1 });
      i = j + 1;
    } else if ((c === '-' || c === '!') && i + 1 < q.length && !isSpace(q[i + 1]!) && q[i + 1] !== c) {
      out.push({ t: 'neg', at: i });
      i++;
    } else {
      let j = i;
      while (j < q.length && !isSpace(q[j]!) && q[j] !== '(' && q[j] !== ')' && !OPEN_QUOTES.has(q[j]!)) j++;
      const chunk = q.slice(i, j);
      const colon = chunk.indexOf(':');
      const field = colon > 0 ? FIELD_ALIASES[chunk.slice(0, colon).toLowerCase()] : undefined;
      if (field) {
        out.push({ t: 'field', v: field, at: i });
        const rest = chunk.slice(colon + 1);
        if (rest) out.push({ t: 'word', v: rest, at: i + colon + 1 });
      } else if (chunk === 'OR' || chunk === '|' || chunk === '||') out.push({ t: 'or', at: i });
      else if (chunk === 'AND' || chunk === '&&') out.push({ t: 'and', at: i });
      else if (chunk === 'NOT') out.push({ t: 'not', at: i });
      else out.push({ t: 'word', v: chunk, at: i });
      i = j;
    }
  }
  return out;
}

function checkDate(op: 'after' | 'before' | 'year', value: string, at: number): string {
  const ok =
    op === 'year' ? /^\d{4}$/.test(value) : /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(value);
  if (!ok) {
    const want =
      op === 'year' ? 'a year such as year:2023' : `a date such as ${op}:2023-07-01 or ${op}:2023-10`;
    throw new GazetteError(
      'INVALID_QUERY',
      `"${op}:${value}" at character ${at} is not a date: write ${want}.`,
      { where: 'q', offset: at },
    );
  }
  return value;
}

function withField(node: QueryNode, field: QueryField): QueryNode {
  switch (node.kind) {
    case 'term':
    case 'phrase':
      return node.field ? node : { ...node, field };
    case 'and':
    case 'or':
      return { ...node, children: node.children.map((c) => withField(c, field)) };
    case 'not':
      return { kind: 'not', child: withField(node.child, field) };
    case 'date':
      return node;
  }
}

const and = (children: QueryNode[]): QueryNode | null =>
  children.length === 0 ? null : children.length === 1 ? children[0]! : { kind: 'and', children };

// The last query parsed inside the core: a search parses its query when its parameters are checked (the
// term limit) and again to run it, and the API checks them once more. The core never changes a tree.
let lastQuery: string | undefined;
let lastTree: QueryNode | null = null;

/** parseQuery, remembering the last query: for the core's own use (its trees are shared, never changed). */
export function parsedQuery(q: string): QueryNode | null {
  if (q !== lastQuery) {
    lastTree = parseQuery(q);
    lastQuery = q;
  }
  return lastTree;
}

/** Parses a query into a tree; null for a query with nothing to search (empty, only punctuation). */
export function parseQuery(q: string): QueryNode | null {
  const toks = lex(q);
  let p = 0;
  let depth = 0;

  const parseOr = (): QueryNode | null => {
    const parts: QueryNode[] = [];
    const first = parseAnd();
    if (first) parts.push(first);
    while (toks[p]?.t === 'or') {
      p++;
      const next = parseAnd();
      if (next) parts.push(next);
    }
    return parts.length === 0 ? null : parts.length === 1 ? parts[0]! : { kind: 'or', children: parts };
  };

  const parseAnd = (): QueryNode | null => {
    const items: QueryNode[] = [];
    for (let tok = toks[p]; tok && tok.t !== 'rp' && tok.t !== 'or'; tok = toks[p]) {
      if (tok.t === 'and') {
        p++;
        continue;
      }
      const item = parseUnary();
      if (item) items.push(item);
    }
    return and(items);
  };

  const parseUnary = (): QueryNode | null => {
    const tok = toks[p];
    if (tok?.t === 'neg' || tok?.t === 'not') {
      p++;
      const next = toks[p];
      if (!next || next.t === 'rp' || next.t === 'or' || next.t === 'and') return null;
      const child = parseUnary();
      return child ? { kind: 'not', child } : null;
    }
    return parsePrimary();
  };

  const parseGroup = (): QueryNode | null => {
    p++; // (
    if (depth >= MAX_DEPTH) return null; // absurd nesting: the parenthesis is ignored
    depth++;
    const inner = parseOr();
    depth--;
    if (toks[p]?.t === 'rp') p++;
    return inner;
  };

  const parsePrimary = (): QueryNode | null => {
    const tok = toks[p]!;
    switch (tok.t) {
      case 'lp':
        return parseGroup();
      case 'phrase':
        p++;
        return tok.v.trim() ? { kind: 'phrase', text: tok.v, offset: tok.at } : null;
      case 'word': {
        p++;
        return wordNode(tok.v, tok.at);
      }
      case 'field': {
        p++;
        const next = toks[p];
        if (tok.v === 'after' || tok.v === 'before' || tok.v === 'year') {
          if (next?.t !== 'word' && next?.t !== 'phrase') return null;
          p++;
          return { kind: 'date', op: tok.v, value: checkDate(tok.v, next.v.trim(), next.at), offset: tok.at };
        }
        if (!next) return null;
        let value: QueryNode | null = null;
        if (next.t === 'word' || next.t === 'phrase') value = parsePrimary();
        else if (next.t === 'lp') value = parseGroup();
        return value ? withField(value, tok.v) : null;
      }
      default:
        // A stray operator where a word belongs (e.g. "NOT OR"): skip it.
        p++;
        return null;
    }
  };

  const wordNode = (raw: string, at: number): QueryNode | null => {
    let end = raw.length;
    while (end > 0 && raw[end - 1] === '*') end--;
    const prefix = end < raw.length && end > 0;
    const word = trimPunctuation(raw.slice(0, end));
    if (!word) return null;
    // "e-mail", "U.S." or "9/11" are one word written with punctuation: read them as a phrase.
    for (const ch of word) if (!WORD_CHAR.test(ch)) return { kind: 'phrase', text: word, offset: at };
    return { kind: 'term', word, prefix, offset: at };
  };

  const parts: QueryNode[] = [];
  while (p < toks.length) {
    const node = parseOr();
    if (node) parts.push(node);
    if (toks[p]?.t === 'rp') p++; // a stray ")": ignored
  }
  return and(parts);
}
