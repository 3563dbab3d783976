// Ingests the built-in articles (articles/*.txt, as given, no metadata added) into dist/snapshot.json.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createCorpus, parseText } from '@gazette/core';
import { installNerModel } from '@gazette/core/ner';

installNerModel(); // the snapshot is built once: read it with the trained entity tagger

const dir = new URL('../articles/', import.meta.url);
const articles = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => parseText(readFileSync(new URL(f, dir), 'utf8'), undefined, { name: f }));
const snapshot = createCorpus(articles).toSnapshot();
mkdirSync(new URL('../dist/', import.meta.url), { recursive: true });
writeFileSync(new URL('../dist/snapshot.json', import.meta.url), JSON.stringify(snapshot));
console.log(`built-in corpus: ${articles.length} article(s) -> dist/snapshot.json`);
