import { GazetteError } from '../../errors/gazette-error';
import { QUERY_FIELDS, type QueryField, type QueryNode } from './query-ast';

// The query language: words (AND), "phrases", OR, -word / NOT, prefix*, field:value, after:/before:/year:,
// parentheses. Read leniently (a stray parenthesis or quote is read as a user would mean it); the only
// errors are typed INVALID_QUERY errors with the character offset (e.g. an impossible date).

type Token =
  | { kind: 'lp' | 'rp' | 'or' | 'and' | 'not' | 'neg'; at: number }
  | { kind: 'word'; value: string; at: number }
  | { kind: 'phrase'; value: string; at: number }
  | { kind: 'field'; value: QueryField | 'after' | 'before' | 'year'; at: number };

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

function lex(q: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i]!;
    if (isSpace(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      out.push({ kind: c === '(' ? 'lp' : 'rp', at: i });
      i++;
    } else if (OPEN_QUOTES.has(c)) {
      let j = i + 1;
      while (j < q.length && !OPEN_QUOTES.has(q[j]!)) j++;
      out.push({ kind: 'phrase', value: q.slice(i + 1, j), at: i + 1 });
      i = j + 1;
    } else if ((c === '-' || c === '!') && i + 1 < q.length && !isSpace(q[i + 1]!) && q[i + 1] !== c) {
      out.push({ kind: 'neg', at: i });
      i++;
    } else {
      let j = i;
      while (j < q.length && !isSpace(q[j]!) && q[j] !== '(' && q[j] !== ')' && !OPEN_QUOTES.has(q[j]!)) j++;
      const chunk = q.slice(i, j);
      const colon = chunk.indexOf(':');
      const field = colon > 0 ? FIELD_ALIASES[chunk.slice(0, colon).toLowerCase()] : undefined;
      if (field) {
        out.push({ kind: 'field', value: field, at: i });
        const rest = chunk.slice(colon + 1);
        if (rest) out.push({ kind: 'word', value: rest, at: i + colon + 1 });
      } else if (chunk === 'OR' || chunk === '|' || chunk === '||') out.push({ kind: 'or', at: i });
      else if (chunk === 'AND' || chunk === '&&') out.push({ kind: 'and', at: i });
      else if (chunk === 'NOT') out.push({ kind: 'not', at: i });
      else out.push({ kind: 'word', value: chunk, at: i });
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
  return new QueryParser(lex(q)).parse();
}

/** A recursive descent over the tokens: OR of ANDs of (negated) primaries; `p` is the next token. */
class QueryParser {
  private p = 0;
  private depth = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parse(): QueryNode | null {
    const parts: QueryNode[] = [];
    while (this.p < this.tokens.length) {
      const node = this.parseOr();
      if (node) parts.push(node);
      if (this.tokens[this.p]?.kind === 'rp') this.p++; // a stray ")": ignored
    }
    return and(parts);
  }

  private parseOr(): QueryNode | null {
    const parts: QueryNode[] = [];
    const first = this.parseAnd();
    if (first) parts.push(first);
    while (this.tokens[this.p]?.kind === 'or') {
      this.p++;
      const next = this.parseAnd();
      if (next) parts.push(next);
    }
    return parts.length === 0 ? null : parts.length === 1 ? parts[0]! : { kind: 'or', children: parts };
  }

  private parseAnd(): QueryNode | null {
    const items: QueryNode[] = [];
    for (
      let token = this.tokens[this.p];
      token && token.kind !== 'rp' && token.kind !== 'or';
      token = this.tokens[this.p]
    ) {
      if (token.kind === 'and') {
        this.p++;
        continue;
      }
      const item = this.parseUnary();
      if (item) items.push(item);
    }
    return and(items);
  }

  private parseUnary(): QueryNode | null {
    const token = this.tokens[this.p];
    if (token?.kind === 'neg' || token?.kind === 'not') {
      this.p++;
      const next = this.tokens[this.p];
      if (!next || next.kind === 'rp' || next.kind === 'or' || next.kind === 'and') return null;
      const child = this.parseUnary();
      return child ? { kind: 'not', child } : null;
    }
    return this.parsePrimary();
  }

  private parseGroup(): QueryNode | null {
    this.p++; // (
    if (this.depth >= MAX_DEPTH) return null; // absurd nesting: the parenthesis is ignored
    this.depth++;
    const inner = this.parseOr();
    this.depth--;
    if (this.tokens[this.p]?.kind === 'rp') this.p++;
    return inner;
  }

  private parsePrimary(): QueryNode | null {
    const token = this.tokens[this.p]!;
    if (token.kind === 'lp') return this.parseGroup();
    this.p++;
    switch (token.kind) {
      case 'phrase':
        return token.value.trim() ? { kind: 'phrase', text: token.value, offset: token.at } : null;
      case 'word':
        return wordNode(token.value, token.at);
      case 'field':
        return this.parseField(token);
      default:
        // A stray operator where a word belongs (e.g. "NOT OR"): skip it.
        return null;
    }
  }

  /** field:value, the field token read: a date (after:, before:, year:), or a word, phrase or group. */
  private parseField(token: Extract<Token, { kind: 'field' }>): QueryNode | null {
    const next = this.tokens[this.p];
    if (token.value === 'after' || token.value === 'before' || token.value === 'year') {
      if (next?.kind !== 'word' && next?.kind !== 'phrase') return null;
      this.p++;
      const value = checkDate(token.value, next.value.trim(), next.at);
      return { kind: 'date', op: token.value, value, offset: token.at };
    }
    if (!next) return null;
    let value: QueryNode | null = null;
    if (next.kind === 'word' || next.kind === 'phrase') value = this.parsePrimary();
    else if (next.kind === 'lp') value = this.parseGroup();
    return value ? withField(value, token.value) : null;
  }
}

function wordNode(raw: string, at: number): QueryNode | null {
  let end = raw.length;
  while (end > 0 && raw[end - 1] === '*') end--;
  const prefix = end < raw.length && end > 0;
  const word = trimPunctuation(raw.slice(0, end));
  if (!word) return null;
  // "e-mail", "U.S." or "9/11" are one word written with punctuation: read them as a phrase.
  for (const ch of word) if (!WORD_CHAR.test(ch)) return { kind: 'phrase', text: word, offset: at };
  return { kind: 'term', word, prefix, offset: at };
}
