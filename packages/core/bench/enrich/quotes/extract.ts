// Gazette's quotes of a BBC record, read the way every BBC figure reads it (plain text, trained tagger).
import { type BbcRecord, bbcAsText } from '@gazette/bench-corpora';
import { nerRecognizer } from '../../../src/enrich/ner/index';
import { parseText } from '../../../src/formats/text/parse-text';

export function extractBbcQuotes(record: BbcRecord) {
  return parseText(bbcAsText(record), undefined, { recognizer: nerRecognizer });
}
