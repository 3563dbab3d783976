// Which train.csv speakers a change of rules changes, outside the 200 annotated quotes (never shown here,
// so the held-out half stays unseen): dump the speakers before the change, then list what differs after.
//   npx tsx --conditions=@gazette/source bench/enrich/quotes/speaker-diff.ts --dump /tmp/before.json
//   npx tsx --conditions=@gazette/source bench/enrich/quotes/speaker-diff.ts --against /tmp/before.json
import { readFileSync, writeFileSync } from 'node:fs';
import { bbcAsText, HAS_SHARED, readBbc, SHARED_MISSING } from '@gazette/bench-corpora';
import { extractBbcQuotes } from './extract';
import { type AnnotatedQuote, TRUTH_FILE } from './truth';

if (!HAS_SHARED) {
  console.log(SHARED_MISSING);
  process.exit(0);
}
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const annotated = (JSON.parse(readFileSync(TRUTH_FILE, 'utf8')) as { quotes: AnnotatedQuote[] }).quotes;
const hidden = new Set(annotated.flatMap((a) => [`${a.key}|${a.quote}`, `${a.key}|${a.block}:${a.start}`]));
const now: Record<string, { speaker: string; text: string; context: string }> = {};
for (const record of readBbc(['train'])) {
  const blocks = bbcAsText(record).trim().split('\n');
  for (const q of extractBbcQuotes(record).quotes) {
    if (hidden.has(`${record.key}|${q.text}`) || hidden.has(`${record.key}|${q.block}:${q.start}`)) continue;
    const text = blocks[q.block] ?? '';
    now[`${record.key}|${q.block}:${q.start}`] = {
      speaker: q.speaker ?? '-',
      text: q.text.slice(0, 50),
      context: text.slice(Math.max(0, q.start - 160), q.start + 60),
    };
  }
}
const dump = arg('--dump');
const against = arg('--against');
if (dump) writeFileSync(dump, JSON.stringify(now));
if (against) {
  const before = JSON.parse(readFileSync(against, 'utf8')) as typeof now;
  let changed = 0;
  for (const [k, v] of Object.entries(now)) {
    const b = before[k];
    if (!b || b.speaker === v.speaker) continue;
    changed++;
    console.log(`${k} ${b.speaker} -> ${v.speaker} «${v.text}»\n    …${v.context.replace(/\s+/g, ' ')}`);
  }
  console.log(`${changed} speakers changed`);
}
