import { BILOU_TAGS, type TokenSpan, tagsToSpans } from './bilou';
import { documentWords, isCapitalised, type NerContext } from './ner-features';
import type { NerModel } from './ner-model';

const MAX_REPEAT_TOKENS = 4;

/**
 * Tags every sentence of a document, then makes it consistent: a capitalised name the tagger found
 * once is also a name where it recurs untagged ("... as well as Niger" after "Niger" was found).
 */
export function tagDocument(model: NerModel, sentences: readonly (readonly string[])[]): TokenSpan[][] {
  const ctx: NerContext = {
    ...documentWords(sentences),
    gazetteer: model.gazetteer,
    lowerVocab: model.lowerVocab,
    ...(model.clusters ? { clusters: model.clusters } : {}),
  };
  const found = sentences.map((words) =>
    tagsToSpans(Array.from(model.tag(words, ctx), (t) => BILOU_TAGS[t]!)),
  );
  const known = new Map<string, TokenSpan['label']>();
  sentences.forEach((words, s) => {
    for (const span of found[s]!) {
      if (span.end - span.start > MAX_REPEAT_TOKENS) continue;
      const key = words.slice(span.start, span.end).join(' ');
      if (key.length >= 3 && isCapitalised(key) && !known.has(key)) known.set(key, span.label);
    }
  });
  if (known.size === 0) return found;
  sentences.forEach((words, s) => {
    const spans = found[s]!;
    const taken = new Uint8Array(words.length);
    for (const span of spans) taken.fill(1, span.start, span.end);
    for (let i = 0; i < words.length; i++) {
      if (taken[i] || !isCapitalised(words[i]!)) continue;
      for (let len = Math.min(MAX_REPEAT_TOKENS, words.length - i); len >= 1; len--) {
        if (taken.subarray(i, i + len).some((x) => x)) continue;
        // Whole names only: the match may not run into another capitalised word.
        if (words[i + len] && isCapitalised(words[i + len]!)) continue;
        if (i > 0 && isCapitalised(words[i - 1]!) && !taken[i - 1]) continue;
        const label = known.get(words.slice(i, i + len).join(' '));
        if (!label) continue;
        spans.push({ label, start: i, end: i + len });
        taken.fill(1, i, i + len);
        i += len - 1;
        break;
      }
    }
    spans.sort((a, b) => a.start - b.start);
  });
  return found;
}
