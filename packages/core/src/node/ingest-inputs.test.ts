import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer } from '../../test-support/local-server';
import { ingestSources } from './ingest-sources';
import { openSqliteStore } from './sqlite-store';
import { asyncOf } from '../../test-support/async-of';

const dir = mkdtempSync(join(tmpdir(), 'gazette-ingest-inputs-'));
let server: Awaited<ReturnType<typeof startLocalServer>>;
let base = '';
const PORTUGUESE =
  'A mãe disse que a reunião da câmara começa às nove horas, e os vereadores já estão à espera.';
// Distinct bodies, so no two inputs are near-duplicates of each other.
const STORIES = [
  'Os pescadores do porto contaram que o mar esteve calmo durante toda a semana passada.',
  'Der Bürgermeister von Zürich eröffnete am Montag die neue Brücke über die Limmat.',
  'Les élèves du lycée ont présenté leurs œuvres à la mairie devant un public nombreux.',
  'La señora Núñez ganó el concurso de cocina con una receta de su abuela andaluza.',
];

beforeAll(async () => {
  server = await startLocalServer((req, res) => {
    // Valid UTF-8 sent under a charset that is a lie: read as Shift_JIS it was CJK garbage.
    if (req.url === '/lying')
      res
        .writeHead(200, { 'content-type': 'text/html; charset=shift_jis' })
        .end(
          `<html lang="pt"><head><title>Reunião</title></head><body><article><p>${STORIES[3]}</p></article></body></html>`,
        );
    else res.writeHead(404).end();
  });
  base = server.base;
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const latin1 = (s: string) => Buffer.from(s, 'latin1');
const rss = (title: string, link: string, body: string, encoding = 'ISO-8859-1') =>
  `<?xml version="1.0" encoding="${encoding}"?><rss version="2.0"><channel><title>Feed</title><item><title>${title}</title><link>${link}</link><description>${body}</description></item></channel></rss>`;

describe('ingest decodes every input by its BOM, its declaration, its transport, and the bytes', () => {
  it('stores Latin-1, UTF-16 and windows-1252 inputs as written, and a lying HTTP charset as UTF-8', async () => {
    const folder = join(dir, 'encodings');
    mkdirSync(folder);
    writeFileSync(join(folder, 'latin1.rss'), latin1(rss('Mãe', 'https://example.com/mae', STORIES[0]!)));
    const utf16 = rss('Ünïcode', 'https://example.com/utf16', STORIES[1]!, 'UTF-16');
    writeFileSync(
      join(folder, 'utf16.rss'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf16, 'utf16le')]),
    );
    writeFileSync(
      join(folder, 'cp1252.html'),
      Buffer.concat([
        latin1('<html><head><meta charset="windows-1252"><title>Caf\u00e9</title></head><body><article><p>'),
        Buffer.from([0x93]),
        latin1(`Caf\u00e9`),
        Buffer.from([0x94]),
        latin1(` owners say ${STORIES[2]}</p></article></body></html>`),
      ]),
    );
    const store = openSqliteStore(join(dir, 'enc.db'));
    try {
      const summary = await ingestSources(asyncOf(store), [folder, `${base}/lying`]);
      expect(summary.failed).toEqual([]);
      expect(summary.added).toBe(4);
      const articles = store
        .corpus()
        .list({ limit: 10 })
        .items.map((i) => store.get(i.id)!);
      const titles = articles.map((a) => a.title).sort();
      expect(titles).toEqual(['Café', 'Mãe', 'Reunião', 'Ünïcode']);
      const text = articles.map((a) => a.body.map((b) => b.text).join(' ')).join(' ');
      expect(text).toContain('\u201cCafé\u201d owners');
      expect(text).not.toContain('\uFFFD');
      expect(text).not.toMatch(/[\u3000-\u9fff\uff00-\uffef]/);
      expect(articles.every((a) => !a.quality.includes('replacement-characters'))).toBe(true);
      expect(summary.warnings).toEqual([
        {
          source: `${base}/lying`,
          reason: expect.stringMatching(/says its charset is "shift_jis" but its bytes are utf-8/),
        },
      ]);
    } finally {
      store.close();
    }
  });

  it('never stores U+FFFD silently: the article is flagged and the summary says how many bytes', async () => {
    const path = join(dir, 'damaged.txt');
    writeFileSync(
      path,
      Buffer.concat([Buffer.from(`${PORTUGUESE} `), Buffer.from([0xff, 0xfe]), Buffer.from(' Zürich.')]),
    );
    const ndjson = join(dir, 'damaged.ndjson');
    writeFileSync(
      ndjson,
      Buffer.concat([
        Buffer.from(`{"title":"Caf`),
        Buffer.from([0xe9]),
        Buffer.from(`","body":"${PORTUGUESE}"}\n`),
      ]),
    );
    const store = openSqliteStore(join(dir, 'damaged.db'));
    try {
      const summary = await ingestSources(asyncOf(store), [path, ndjson]);
      expect(summary.added).toBe(2);
      // Sources are read concurrently: the warnings come in no fixed order.
      const warnings = summary.warnings
        .map((w) => [w.source, w.reason])
        .sort(([a], [b]) => a!.localeCompare(b!));
      expect(warnings).toEqual([
        [ndjson, expect.stringMatching(/^1 byte could not be decoded as utf-8/)],
        [path, expect.stringMatching(/^2 bytes could not be decoded as utf-8 and became U\+FFFD/)],
      ]);
      for (const item of store.corpus().list({ limit: 10 }).items)
        expect(store.get(item.id)!.quality).toContain('replacement-characters');
    } finally {
      store.close();
    }
  });
});

describe('ingest of folders: symbolic links are followed, and nothing is skipped silently', () => {
  it('follows links to files and folders once, and reports FIFOs, devices, broken links and loops as skipped', async () => {
    const root = join(dir, 'linked');
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(join(root, 'sub'), { recursive: true });
    mkdirSync(elsewhere);
    writeFileSync(
      join(elsewhere, 'story.txt'),
      `${PORTUGUESE}\n\nSecond paragraph of the story from elsewhere.`,
    );
    symlinkSync(join(elsewhere, 'story.txt'), join(root, 'linked-story.txt'));
    symlinkSync(elsewhere, join(root, 'sub', 'elsewhere-dir'));
    symlinkSync(root, join(root, 'sub', 'loop'));
    symlinkSync('/dev/zero', join(root, 'zero.txt'));
    symlinkSync(join(dir, 'nothing-here.txt'), join(root, 'broken.txt'));
    execFileSync('mkfifo', [join(root, 'pipe.xml')]);
    const store = openSqliteStore(join(dir, 'links.db'));
    try {
      const summary = await ingestSources(asyncOf(store), [root]);
      expect(summary.failed).toEqual([]);
      // The same story through a file link and a folder link: one article.
      expect(summary.added + summary.unchanged).toBe(2);
      expect(summary.added).toBe(1);
      expect(summary.sources).toBe(6);
      expect(summary.skipped.map((s) => [s.source.slice(root.length + 1), s.reason])).toEqual([
        ['broken.txt', expect.stringMatching(/broken/)],
        ['pipe.xml', expect.stringMatching(/not a regular file/)],
        ['sub/loop', expect.stringMatching(/already read/)],
        ['zero.txt', expect.stringMatching(/not a regular file/)],
      ]);
    } finally {
      store.close();
    }
  });
});
