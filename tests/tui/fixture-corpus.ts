import { join } from 'node:path';
import { type Article, createCorpus, parseText } from '@gazette/core';
import { writeSnapshotFile } from '@gazette/core/node';
import { testTempDir } from '../support/test-resources';

/** Escape sequences, controls and bidi overrides, as a hostile page or a compromised API might send them. */
export const HOSTILE =
  '\u001b[2J\u001b[HScreen wiped \u001b]0;pwned\u0007 \u001b]52;c;aGk=\u001b\\ \u001b[31mred\u001b[0m \u009b1m \u0007bell \u001b[?1049l\u001b[?25l \u202eevil\u202c end';

export function fixtureArticles(): Article[] {
  const macron = parseText(
    [
      'The French president recalled his ambassador from Niamey on Tuesday after weeks of pressure.',
      '“We will not accept this,” Emmanuel Macron said in Paris.',
      'Officials in Niger said the decision was expected.',
    ].join('\n'),
    {
      title: 'Macron recalls ambassador from Niger',
      publishedAt: '2024-03-02T09:00:00Z',
      source: { name: 'Le Monde' },
    },
  );
  const niger = parseText(
    'Niger junta bans French aircraft from its airspace.\nThe ban takes effect at once.\n',
    {
      title: 'Niger junta bans French aircraft',
      publishedAt: '2024-03-01T08:00:00Z',
      source: { name: 'BBC' },
    },
  );
  const calm = parseText('A calm first paragraph about the harbour.\nA second paragraph.\n', {
    title: 'Harbour notes',
    publishedAt: '2024-02-01T00:00:00Z',
    source: { name: 'Nowhere' },
  });
  // Past the parser, which would have cleaned it: text as an untrusted store or API could hand it over.
  const hostile: Article = {
    ...calm,
    title: `Harbour notes ${HOSTILE}`,
    body: [{ kind: 'paragraph', text: `Harbour ${HOSTILE}` }, ...calm.body],
    related: [{ title: `Teaser ${HOSTILE}`, reason: 'test' }],
  };
  return [macron, niger, hostile];
}

/** The fixture corpus as a snapshot file, for GAZETTE_SNAPSHOT. */
export function writeFixtureSnapshot(): string {
  const dir = testTempDir('tui');
  const file = join(dir, 'corpus.snapshot');
  writeSnapshotFile(file, createCorpus(fixtureArticles()));
  return file;
}
