// Word and sentence boundaries for enrichment, with UTF-16 offsets into the text. Words are cut the way
// the CoNLL-2003 training text was (punctuation and "'s" apart, "U.S." and "anti-jihadist" whole), so the
// tagger sees what it learnt from.

export interface Token {
  /** The word as the tagger reads it: curly quotes and apostrophes made straight. */
  text: string;
  start: number;
  end: number;
}

export interface Sentence {
  start: number;
  end: number;
  tokens: Token[];
}

const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof st jr sr gen col lt sgt capt cmdr adm gov sen rep rev hon inc corp ltd co bros vs etc jan feb mar apr jun jul aug sep sept oct nov dec mt ft u.s a.m p.m'.split(
    ' ',
  ),
);

const TRAILING = /[.,;:!?)\]}"'“”‘’»…]$/u;
const LEADING = /^[([{"'“”‘’«]/u;

function straighten(s: string): string {
  return s.replace(/[“”«»]/g, '"').replace(/[‘’]/g, "'");
}

/** Splits one whitespace-free chunk into tokens, pushing them onto `out`. */
function splitChunk(chunk: string, offset: number, out: Token[]): void {
  let start = 0;
  let end = chunk.length;
  const lead: Token[] = [];
  while (start < end && LEADING.test(chunk.slice(start, start + 1))) {
    lead.push({ text: straighten(chunk[start]!), start: offset + start, end: offset + start + 1 });
    start++;
  }
  const trail: Token[] = [];
  while (end > start) {
    const last = chunk.slice(end - 1, end);
    if (!TRAILING.test(last)) break;
    if (last === '.') {
      const word = chunk.slice(start, end - 1).toLowerCase();
      // "U.S." and "Mr." keep their period; "Niger." does not. So does an initial ("P. Simmons", "George
      // W. Bush"), as CoNLL writes it: cut off, it ended the sentence and left the tagger "P" and "Simmons" apart.
      if (
        /^(\p{L}\.)+\p{L}$/u.test(word) ||
        ABBREVIATIONS.has(word) ||
        /^\p{Lu}$/u.test(chunk.slice(start, end - 1))
      )
        break;
    }
    if ((last === "'" || last === '’') && /s$/i.test(chunk.slice(start, end - 1)) && end - 1 - start > 2) {
      // "Reuters'" keeps nothing; a closing quote after a word is split like any quote.
    }
    trail.unshift({ text: straighten(last), start: offset + end - 1, end: offset + end });
    end--;
  }
  out.push(...lead);
  if (end > start) {
    const word = chunk.slice(start, end);
    const poss = /^(.+?)(['’][sS])$/u.exec(word);
    if (poss && /\p{L}/u.test(poss[1]!)) {
      const cut = poss[1]!.length;
      out.push({ text: word.slice(0, cut), start: offset + start, end: offset + start + cut });
      out.push({ text: straighten(word.slice(cut)), start: offset + start + cut, end: offset + end });
    } else {
      out.push({ text: straighten(word), start: offset + start, end: offset + end });
    }
  }
  out.push(...trail);
}

/** The tokens of a text, with offsets. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const re = /\S+/gu;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const end = Math.min(to, m.index + m[0].length);
    splitChunk(text.slice(m.index, end), m.index, out);
  }
  return out;
}

function endsSentence(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.text !== '.' && t.text !== '!' && t.text !== '?' && t.text !== '…') return false;
  const next = tokens[i + 1];
  if (!next) return true;
  // Closing quotes and brackets stay with the sentence they close.
  if (next.text === '"' || next.text === "'" || next.text === ')') return false;
  return /^[\p{Lu}\p{N}"'(]/u.test(next.text);
}

/**
 * Sentences of a text. A full stop, "!" or "?" (with the quotes and brackets that close it) ends a
 * sentence when the next word starts with a capital, a digit or a quote mark; a line break always does.
 */
export function splitSentences(text: string): Sentence[] {
  const tokens = tokenize(text);
  const sentences: Sentence[] = [];
  let begin = 0;
  for (let i = 0; i < tokens.length; i++) {
    // A line break ends a sentence too: a headline, a dateline or a table row has no full stop to end it,
    // and read as one with the next line it ran names together ("WIN LONDON", "HOUSTON CINCINNATI").
    if (tokens[i + 1] && text.slice(tokens[i]!.end, tokens[i + 1]!.start).includes('\n')) {
      const part = tokens.slice(begin, i + 1);
      sentences.push({ start: part[0]!.start, end: part[part.length - 1]!.end, tokens: part });
      begin = i + 1;
      continue;
    }
    let last = i;
    if (/^[.!?…]$/.test(tokens[i]!.text)) {
      while (
        tokens[last + 1] &&
        /^["')\]]$/.test(tokens[last + 1]!.text) &&
        tokens[last + 1]!.start === tokens[last]!.end
      )
        last++;
      if (
        last !== i
          ? !tokens[last + 1] || /^[\p{Lu}\p{N}"'(]/u.test(tokens[last + 1]!.text)
          : endsSentence(tokens, i)
      ) {
        const part = tokens.slice(begin, last + 1);
        sentences.push({ start: part[0]!.start, end: part[part.length - 1]!.end, tokens: part });
        begin = last + 1;
        i = last;
      }
    }
  }
  if (begin < tokens.length) {
    const part = tokens.slice(begin);
    sentences.push({ start: part[0]!.start, end: part[part.length - 1]!.end, tokens: part });
  }
  return sentences;
}
