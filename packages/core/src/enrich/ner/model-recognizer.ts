import type { EntityRecognizer, NerLabel, RecognizedSpan } from '../recognizer';
import { splitSentences } from '../tokenize';
import type { NerModel } from './ner-model';
import { tagDocument } from './tag-document';

/** A recogniser backed by the trained tagger: every block's sentences, tagged with the whole document as context. */
export function modelRecognizer(getModel: () => NerModel): EntityRecognizer {
  return {
    name: 'ner-model',
    recognize(blocks) {
      const perBlock = blocks.map((text) => splitSentences(text));
      const sentences = perBlock.flat();
      const tagged = tagDocument(
        getModel(),
        sentences.map((s) => s.tokens.map((t) => t.text)),
      );
      let k = 0;
      return perBlock.map((list) =>
        list.flatMap((s) =>
          tagged[k++]!.map(
            (span): RecognizedSpan => ({
              label: span.label as NerLabel,
              start: s.tokens[span.start]!.start,
              end: s.tokens[span.end - 1]!.end,
            }),
          ),
        ),
      );
    },
  };
}
