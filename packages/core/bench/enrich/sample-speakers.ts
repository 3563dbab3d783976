// Prints an evenly spaced sample of attributed quotes from BBC articles (val or train split), each with the
// paragraph it sits in, for checking speakers by hand. The sample is deterministic.
//   npx tsx --conditions=@gazette/source bench/enrich/sample-speakers.ts [count] [val|train] [offset 0..1]
import { bbcAsText, HAS_SHARED, readBbc, SHARED_MISSING } from '@gazette/bench-corpora';
import { nerRecognizer } from '../../src/enrich/ner/index';
import { parseText } from '../../src/formats/text/parse-text';

if (!HAS_SHARED) {
  console.log(SHARED_MISSING);
  process.exit(0);
}
const count = Number(process.argv[2] ?? 30);
const split = process.argv[3] === 'train' ? 'train' : 'val';
const offset = Number(process.argv[4] ?? 0);
const all: Array<{ key: string; quote: string; speaker: string; verb: string; context: string }> = [];
let unattributed = 0;
for (const record of readBbc([split])) {
  const a = parseText(bbcAsText(record), undefined, { recognizer: nerRecognizer });
  for (const q of a.quotes) {
    if (!q.speaker) {
      unattributed++;
      continue;
    }
    const block = a.body[q.endBlock ?? q.block]!.text;
    all.push({ key: record.key, quote: q.text, speaker: q.speaker, verb: q.verb ?? '', context: block });
  }
}
console.log(
  `${all.length} attributed quotes, ${unattributed} without a speaker, in bbc/${split}.csv; sample of ${count}:`,
);
const step = all.length / count;
for (let i = 0; i < count; i++) {
  const s = all[Math.floor((i + offset) * step)]!;
  console.log(
    `\n#${i + 1} ${s.key}  speaker=${s.speaker}  verb=${s.verb}\n  quote: ${s.quote.slice(0, 100)}\n  para: ${s.context.slice(0, 400)}`,
  );
}
